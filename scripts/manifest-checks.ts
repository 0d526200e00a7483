/**
 * Offline checks of the add-in only (XML) manifest.
 *
 * The official `office-addin-manifest validate` needs a Microsoft web service, so these checks cover what
 * can go wrong here without one: well-formed XML, resource ids, https URLs, the IOM namespace, the
 * shared-runtime wiring, the version and the permission. Each check returns readable problems; an empty
 * list means the manifest passed. Used by the build (which fails on any problem) and by tests.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** The base URL of every URL in the committed (development) manifest. */
export const DEV_BASE_URL = "https://localhost:3000";

export interface XmlElement {
  /** Qualified name as written ("bt:Image"). */
  name: string;
  /** Name without the namespace prefix ("Image"). */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated, trimmed text content of this element (not of its descendants). */
  text: string;
}

export interface ManifestCheckOptions {
  /** package.json "version": the manifest <Version> must be this plus ".0". */
  packageVersion?: string;
  /** The custom functions namespace the manifest must declare. Default "IOM". */
  namespace?: string;
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

interface Resource {
  kind: ResourceKind;
  id: string;
  value: string;
}

interface Context {
  root: XmlElement;
  resources: Map<string, Resource>;
  problems: string[];
}

/** Which resource kind a `resid` on each element must point to (others may point to any). */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** Office's limits on the length of resource values and ids. */
const MAX_LENGTH: Record<ResourceKind, number> = {
  Images: 2048,
  Urls: 2048,
  ShortStrings: 125,
  LongStrings: 250,
};
const MAX_ID_LENGTH = 32;

type RawNode = Record<string, unknown>;

function isRawNode(value: unknown): value is RawNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toElement(raw: RawNode): XmlElement | undefined {
  const name = Object.keys(raw).find((k) => k !== ":@" && k !== "#text");
  if (name === undefined || name.startsWith("?")) return undefined;
  const attrsRaw = raw[":@"];
  const attrs: Record<string, string> = {};
  if (isRawNode(attrsRaw)) {
    for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = String(v);
  }
  const childrenRaw = raw[name];
  const children: XmlElement[] = [];
  const texts: string[] = [];
  if (Array.isArray(childrenRaw)) {
    for (const child of childrenRaw) {
      if (!isRawNode(child)) continue;
      if ("#text" in child) texts.push(String(child["#text"]));
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
  return { name, local, attrs, children, text: texts.join("").trim() };
}

/** Parses XML into a small element tree; throws with the line and column when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(
      `not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`,
    );
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const nodes: unknown = parser.parse(xml);
  const roots = (Array.isArray(nodes) ? nodes : []).filter(isRawNode).map(toElement);
  const root = roots.find((e): e is XmlElement => e !== undefined);
  if (!root) throw new Error("not well-formed XML: no root element");
  return root;
}

/** All elements below (and including) `element`, depth first, with their ancestors' local names. */
function* walk(element: XmlElement, path: string[] = []): Generator<{ el: XmlElement; path: string[] }> {
  yield { el: element, path };
  for (const child of element.children) yield* walk(child, [...path, element.local]);
}

function findAll(root: XmlElement, predicate: (el: XmlElement, path: string[]) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  for (const { el, path } of walk(root)) if (predicate(el, path)) found.push(el);
  return found;
}

function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

function xsiType(el: XmlElement): string | undefined {
  return el.attrs["xsi:type"];
}

function collectResources(ctx: Context): void {
  const resources = findAll(
    ctx.root,
    (el, path) => el.local === "Resources" && path.includes("VersionOverrides"),
  );
  for (const section of resources.flatMap((r) => r.children)) {
    const kind = section.local as ResourceKind;
    if (!(kind in MAX_LENGTH)) {
      ctx.problems.push(`unknown resource section <${section.name}>`);
      continue;
    }
    for (const item of section.children) {
      const id = item.attrs.id ?? "";
      const value = item.attrs.DefaultValue ?? "";
      if (!id) ctx.problems.push(`a <${item.name}> in <${section.name}> has no id`);
      if (id.length > MAX_ID_LENGTH) ctx.problems.push(`resource id "${id}" is longer than ${MAX_ID_LENGTH}`);
      if (ctx.resources.has(id)) ctx.problems.push(`resource id "${id}" is defined more than once`);
      if (value.length > MAX_LENGTH[kind]) {
        ctx.problems.push(`resource "${id}" is longer than ${MAX_LENGTH[kind]} characters`);
      }
      ctx.resources.set(id, { kind, id, value });
    }
  }
}

function checkResids(ctx: Context): void {
  const used = new Set<string>();
  for (const { el } of walk(ctx.root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const resource = ctx.resources.get(resid);
    const expected = RESID_KIND[el.local];
    if (!resource) {
      ctx.problems.push(`<${el.name} resid="${resid}"> does not resolve: no resource has id "${resid}"`);
    } else if (expected && resource.kind !== expected) {
      ctx.problems.push(
        `<${el.name} resid="${resid}"> must point to a ${expected} resource, not ${resource.kind}`,
      );
    }
  }
  for (const id of ctx.resources.keys()) {
    if (!used.has(id)) ctx.problems.push(`resource "${id}" is defined but never used`);
  }
}

/** Attribute values and texts that must be URLs (outside <Resources>, which checkUrls covers by kind). */
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl"]);

function checkUrls(ctx: Context): void {
  const mustBeUrl: string[] = [];
  for (const { el, path } of walk(ctx.root)) {
    if (URL_ELEMENTS.has(el.local) || (el.local === "SourceLocation" && path.includes("DefaultSettings"))) {
      mustBeUrl.push(el.attrs.DefaultValue ?? "");
    }
  }
  for (const r of ctx.resources.values())
    if (r.kind === "Urls" || r.kind === "Images") mustBeUrl.push(r.value);
  for (const value of mustBeUrl) {
    if (!isHttpsUrl(value)) ctx.problems.push(`"${value}" is not an absolute https URL`);
  }
  // Any other URL-looking value anywhere (AppDomains, overrides...) must be https too.
  for (const { el } of walk(ctx.root)) {
    const values = [
      el.text,
      ...Object.entries(el.attrs)
        .filter(([k]) => !isXmlnsAttr(k))
        .map(([, v]) => v),
    ];
    for (const value of values) {
      if (
        /^[a-z][a-z\d+.-]*:\/\//i.test(value) &&
        !/^https:\/\//i.test(value) &&
        !mustBeUrl.includes(value)
      ) {
        ctx.problems.push(`"${value}" in <${el.name}> is not an https URL`);
      }
    }
  }
}

function isXmlnsAttr(name: string): boolean {
  return name === "xmlns" || name.startsWith("xmlns:");
}

export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){3}$/;

/** "0.1.0" → "0.1.0.0"; undefined when the package version has no four-part equivalent. */
export function manifestVersionFor(packageVersion: string): string | undefined {
  return /^\d+\.\d+\.\d+$/.test(packageVersion) ? `${packageVersion}.0` : undefined;
}

function checkBasics(ctx: Context, options: ManifestCheckOptions): void {
  const { root } = ctx;
  if (root.local !== "OfficeApp") ctx.problems.push(`the root element is <${root.name}>, not <OfficeApp>`);
  if (xsiType(root) !== "TaskPaneApp") ctx.problems.push(`<OfficeApp> xsi:type must be "TaskPaneApp"`);
  const id = child(root, "Id")?.text ?? "";
  if (!/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(id)) {
    ctx.problems.push(`<Id> "${id}" is not a GUID`);
  }
  const version = child(root, "Version")?.text ?? "";
  const parts = version.split(".").map(Number);
  if (!VERSION.test(version) || parts.some((p) => p > 65535)) {
    ctx.problems.push(`<Version> "${version}" is not a four-part version n.n.n.n (each part 0-65535)`);
  }
  if (options.packageVersion !== undefined) {
    const expected = manifestVersionFor(options.packageVersion);
    if (expected === undefined) {
      ctx.problems.push(
        `package.json version "${options.packageVersion}" is not of the form major.minor.patch`,
      );
    } else if (version !== expected) {
      ctx.problems.push(
        `<Version> "${version}" does not match package.json version "${options.packageVersion}" (expected "${expected}")`,
      );
    }
  }
  const permissions = child(root, "Permissions")?.text;
  if (permissions !== "ReadWriteDocument") {
    ctx.problems.push(
      `<Permissions> is "${permissions ?? ""}"; it must be "ReadWriteDocument" and nothing broader`,
    );
  }
  const hosts = child(root, "Hosts")?.children.map((h) => h.attrs.Name) ?? [];
  if (hosts.length !== 1 || hosts[0] !== "Workbook") {
    ctx.problems.push(`<Hosts> must list exactly one <Host Name="Workbook"/>, found [${hosts.join(", ")}]`);
  }
  const description = child(root, "Description")?.attrs.DefaultValue ?? "";
  if (description.length > 250) ctx.problems.push("<Description> is longer than 250 characters");
}

function resourceValue(ctx: Context, resid: string | undefined): string | undefined {
  return resid === undefined ? undefined : ctx.resources.get(resid)?.value;
}

function checkCustomFunctions(ctx: Context, namespace: string, runtimeResid: string | undefined): void {
  const points = findAll(
    ctx.root,
    (el) => el.local === "ExtensionPoint" && xsiType(el) === "CustomFunctions",
  );
  if (points.length !== 1) {
    ctx.problems.push(`expected one CustomFunctions <ExtensionPoint>, found ${points.length}`);
    return;
  }
  const point = points[0] as XmlElement;
  const location = (name: string): string | undefined =>
    child(child(point, name), "SourceLocation")?.attrs.resid;
  const script = location("Script");
  const page = location("Page");
  const metadata = location("Metadata");
  if (script === undefined)
    ctx.problems.push("the CustomFunctions extension point has no <Script><SourceLocation>");
  if (metadata === undefined) {
    ctx.problems.push("the CustomFunctions extension point has no <Metadata><SourceLocation>");
  }
  if (page === undefined)
    ctx.problems.push("the CustomFunctions extension point has no <Page><SourceLocation>");
  else if (runtimeResid !== undefined && page !== runtimeResid) {
    ctx.problems.push(
      `custom functions <Page> uses resid "${page}", not the shared runtime's "${runtimeResid}"`,
    );
  }
  const scriptUrl = resourceValue(ctx, script);
  const metadataUrl = resourceValue(ctx, metadata);
  if (scriptUrl !== undefined && !/\.js$/.test(pathOf(scriptUrl))) {
    ctx.problems.push(`the custom functions script URL "${scriptUrl}" is not a .js file`);
  }
  if (metadataUrl !== undefined && !/\.json$/.test(pathOf(metadataUrl))) {
    ctx.problems.push(`the custom functions metadata URL "${metadataUrl}" is not a .json file`);
  }
  const declared = resourceValue(ctx, child(point, "Namespace")?.attrs.resid);
  if (declared !== namespace) {
    ctx.problems.push(`the custom functions namespace is "${declared ?? "(none)"}", expected "${namespace}"`);
  }
  const origins = new Set([scriptUrl, metadataUrl, resourceValue(ctx, page)].map((u) => originOf(u ?? "")));
  if (origins.size > 1)
    ctx.problems.push("the custom functions script, metadata and page are on different origins");
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The shared runtime: one long-lived runtime whose page hosts functions, task pane and ribbon commands. */
function checkSharedRuntime(ctx: Context): string | undefined {
  const runtimes = findAll(ctx.root, (el) => el.local === "Runtime");
  if (runtimes.length !== 1) {
    ctx.problems.push(`expected exactly one <Runtime> (shared runtime), found ${runtimes.length}`);
    return undefined;
  }
  const runtime = runtimes[0] as XmlElement;
  const resid = runtime.attrs.resid;
  if (runtime.attrs.lifetime !== "long") {
    ctx.problems.push(
      `<Runtime> lifetime is "${runtime.attrs.lifetime ?? "short (default)"}", it must be "long"`,
    );
  }
  const sets = findAll(ctx.root, (el, path) => el.local === "Set" && path[1] === "Requirements");
  if (!sets.some((s) => s.attrs.Name === "SharedRuntime")) {
    ctx.problems.push('<Requirements> must include <Set Name="SharedRuntime" MinVersion="1.1"/>');
  }
  for (const functionFile of findAll(ctx.root, (el) => el.local === "FunctionFile")) {
    if (functionFile.attrs.resid !== resid) {
      ctx.problems.push(
        `<FunctionFile> uses resid "${functionFile.attrs.resid}", not the shared runtime's "${resid}"`,
      );
    }
  }
  const showTaskpane = findAll(ctx.root, (el) => el.local === "Action" && xsiType(el) === "ShowTaskpane");
  for (const action of showTaskpane) {
    const actionResid = child(action, "SourceLocation")?.attrs.resid;
    if (actionResid !== resid) {
      ctx.problems.push(
        `the ShowTaskpane action uses resid "${actionResid ?? "(none)"}", not the shared runtime's "${resid}"`,
      );
    }
  }
  const paneIds = new Set(showTaskpane.map((a) => child(a, "TaskpaneId")?.text ?? ""));
  if (paneIds.size > 1 || paneIds.has("")) {
    ctx.problems.push(
      "a shared runtime supports one task pane: every ShowTaskpane action needs the same <TaskpaneId>",
    );
  }
  const runtimeUrl = resourceValue(ctx, resid);
  const defaultPage = findAll(
    ctx.root,
    (el, path) => el.local === "SourceLocation" && path.includes("DefaultSettings"),
  );
  const defaultUrl = defaultPage[0]?.attrs.DefaultValue;
  if (runtimeUrl !== undefined && defaultUrl !== runtimeUrl) {
    ctx.problems.push(
      `<DefaultSettings><SourceLocation> "${defaultUrl ?? ""}" differs from the runtime page "${runtimeUrl}"`,
    );
  }
  return resid;
}

function checkRibbon(ctx: Context): void {
  const homeTabs = findAll(ctx.root, (el) => el.local === "OfficeTab" && el.attrs.id === "TabHome");
  const hasButton = homeTabs.some((tab) =>
    findAll(tab, (el) => el.local === "Control" && xsiType(el) === "Button").some((button) =>
      button.children.some((c) => c.local === "Action" && xsiType(c) === "ShowTaskpane"),
    ),
  );
  if (!hasButton) ctx.problems.push("no button on the Home tab (OfficeTab TabHome) opens the task pane");
}

/** Runs every check; returns the problems found (empty when the manifest is fine). */
export function checkManifest(xml: string, options: ManifestCheckOptions = {}): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const ctx: Context = { root, resources: new Map(), problems: [] };
  checkBasics(ctx, options);
  collectResources(ctx);
  checkResids(ctx);
  checkUrls(ctx);
  const runtimeResid = checkSharedRuntime(ctx);
  checkCustomFunctions(ctx, options.namespace ?? "IOM", runtimeResid);
  checkRibbon(ctx);
  return ctx.problems;
}

/** Every distinct URL the manifest points at (icons, pages, scripts, metadata, support). */
export function manifestUrls(xml: string): string[] {
  const urls = new Set<string>();
  for (const { el } of walk(parseXml(xml))) {
    for (const value of Object.values(el.attrs)) if (isHttpsUrl(value)) urls.add(value);
  }
  return [...urls];
}

/** Normalises a production base URL: https only, no trailing slash. Throws when it is not usable. */
export function normaliseBaseUrl(baseUrl: string): string {
  if (!isHttpsUrl(baseUrl)) throw new Error(`the add-in base URL "${baseUrl}" must be an absolute https URL`);
  const url = new URL(baseUrl);
  if (url.search || url.hash)
    throw new Error(`the add-in base URL "${baseUrl}" must not have a query or fragment`);
  return baseUrl.replace(/\/+$/, "");
}

/** The manifest with the development base URL replaced by `baseUrl` (see normaliseBaseUrl). */
export function rebaseManifest(xml: string, baseUrl: string): string {
  return xml.split(DEV_BASE_URL).join(normaliseBaseUrl(baseUrl));
}

/** Who publishes the add-in and where its users get help: release options, written into the manifest. */
export interface ManifestBranding {
  providerName: string;
  /** An absolute https URL. */
  supportUrl: string;
}

const xmlAttr = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/>/g, "&gt;");

/** The manifest with its ProviderName and both support URLs (the add-in's and the ribbon's) set. */
export function brandManifest(xml: string, branding: ManifestBranding): string {
  if (!isHttpsUrl(branding.supportUrl))
    throw new Error(`support URL "${branding.supportUrl}" must be an absolute https URL`);
  return xml
    .replace(
      /<ProviderName>[^<]*<\/ProviderName>/,
      `<ProviderName>${xmlAttr(branding.providerName)}</ProviderName>`,
    )
    .replace(
      /<SupportUrl DefaultValue="[^"]*"\/>/,
      `<SupportUrl DefaultValue="${xmlAttr(branding.supportUrl)}"/>`,
    )
    .replace(
      /<bt:Url id="Support\.Url" DefaultValue="[^"]*"\/>/,
      `<bt:Url id="Support.Url" DefaultValue="${xmlAttr(branding.supportUrl)}"/>`,
    );
}
