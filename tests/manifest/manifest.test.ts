/**
 * Offline manifest checks (the official validator needs a Microsoft web service): the committed
 * manifest passes every check, and each check catches the defect it is there for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkManifest,
  manifestUrls,
  manifestVersionFor,
  normaliseBaseUrl,
  parseXml,
  rebaseManifest,
} from "../../scripts/manifest-checks";

const ROOT = join(__dirname, "../..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string })
  .version;

/** The manifest with `from` replaced by `to`; fails the test if `from` is not there (a no-op mutation). */
function mutate(from: string | RegExp, to: string, xml = MANIFEST): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return changed;
}

function problems(xml: string): string[] {
  return checkManifest(xml, { packageVersion: PACKAGE_VERSION });
}

describe("the committed manifest.xml", () => {
  it("passes every offline check", () => {
    expect(problems(MANIFEST)).toEqual([]);
  });

  it("has the package version plus .0", () => {
    expect(parseXml(MANIFEST).children.find((c) => c.local === "Version")?.text).toBe(`${PACKAGE_VERSION}.0`);
  });

  it("points every URL at https://localhost:3000 (development)", () => {
    const urls = manifestUrls(MANIFEST);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });

  it("names icons that exist in assets/ for every size it uses", () => {
    for (const url of manifestUrls(MANIFEST).filter((u) => u.endsWith(".png"))) {
      const png = readFileSync(join(ROOT, new URL(url).pathname));
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });
});

describe("the checks catch broken manifests", () => {
  const cases: [string, string, RegExp][] = [
    ["broken XML", mutate("</Permissions>", "</Permission>"), /not well-formed XML/],
    ["truncated XML", MANIFEST.slice(0, MANIFEST.length / 2), /not well-formed XML/],
    [
      "a missing resource",
      mutate(/<bt:Url id="Support\.Url"[^>]*\/>/, ""),
      /resid="Support\.Url".*does not resolve/,
    ],
    [
      "a misspelt resid",
      mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Namespac"/>'),
      /does not resolve/,
    ],
    [
      "a resid of the wrong kind",
      mutate('<Label resid="Group.Label"/>', '<Label resid="Support.Url"/>'),
      /must point to a ShortStrings resource/,
    ],
    [
      "a duplicate resource id",
      mutate('<bt:String id="Group.Label"', '<bt:String id="GetStarted.Title"'),
      /defined more than once/,
    ],
    [
      "an unused resource",
      mutate("</bt:Urls>", '<bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/x.html"/></bt:Urls>'),
      /"Spare\.Url" is defined but never used/,
    ],
    [
      "an http resource URL",
      mutate("https://localhost:3000/functions.js", "http://localhost:3000/functions.js"),
      /not an absolute https URL/,
    ],
    [
      "an http icon URL",
      mutate('<IconUrl DefaultValue="https:', '<IconUrl DefaultValue="http:'),
      /not an absolute https URL/,
    ],
    [
      "an http app domain",
      mutate("<Hosts>", "<AppDomains><AppDomain>http://example.org</AppDomain></AppDomains><Hosts>"),
      /not an https URL/,
    ],
    [
      "a wrong namespace",
      mutate('DefaultValue="IOM"/>', 'DefaultValue="CONTOSO"/>'),
      /namespace is "CONTOSO", expected "IOM"/,
    ],
    [
      "a three-part version",
      mutate("<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>"),
      /not a four-part version/,
    ],
    [
      "a version part over 65535",
      mutate("<Version>0.1.0.0</Version>", "<Version>0.1.0.70000</Version>"),
      /not a four-part version/,
    ],
    [
      "a version other than package.json's",
      mutate("<Version>0.1.0.0</Version>", "<Version>0.2.0.0</Version>"),
      /does not match package\.json version/,
    ],
    [
      "a broader permission",
      mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"),
      /Permissions.*must be "ReadWriteDocument"/,
    ],
    [
      "a narrower permission",
      mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"),
      /Permissions/,
    ],
    [
      "another host",
      mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>'),
      /exactly one <Host Name="Workbook"\/>/,
    ],
    [
      "a short-lived runtime",
      mutate('lifetime="long"', 'lifetime="short"'),
      /lifetime is "short", it must be "long"/,
    ],
    ["no runtime", mutate(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""), /exactly one <Runtime>/],
    [
      "no SharedRuntime requirement",
      mutate('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""),
      /SharedRuntime/,
    ],
    [
      "functions on another page",
      mutate(
        '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
        '<Page>\n              <SourceLocation resid="Support.Url"/>',
      ),
      /custom functions <Page> uses resid "Support\.Url"/,
    ],
    [
      "a separate function file",
      mutate('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Support.Url"/>'),
      /<FunctionFile> uses resid "Support\.Url"/,
    ],
    [
      "a task pane outside the runtime",
      mutate(
        '</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>',
        '</TaskpaneId>\n                    <SourceLocation resid="Support.Url"/>',
      ),
      /ShowTaskpane action uses resid "Support\.Url"/,
    ],
    [
      "a default page other than the runtime's",
      mutate(
        '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SourceLocation DefaultValue="https://localhost:3000/other.html"/>',
      ),
      /differs from the runtime page/,
    ],
    ["no metadata", mutate(/<Metadata>[\s\S]*?<\/Metadata>/, ""), /no <Metadata><SourceLocation>/],
    [
      "metadata that is not JSON",
      mutate("3000/functions.json", "3000/functions.xml"),
      /metadata URL .* is not a \.json file/,
    ],
    [
      "no button on the Home tab",
      mutate('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'),
      /no button on the Home tab/,
    ],
    ["an Id that is not a GUID", mutate(/<Id>[^<]*<\/Id>/, "<Id>iom-report</Id>"), /is not a GUID/],
    [
      "a too long short string",
      mutate('DefaultValue="IOM Report is ready">', `DefaultValue="${"x".repeat(126)}">`),
      /longer than 125 characters/,
    ],
  ];

  it.each(cases)("catches %s", (_name, xml, expected) => {
    const found = problems(xml);
    expect(found.some((p) => expected.test(p))).toBe(true);
  });

  it("reports every problem of a manifest with several, not only the first", () => {
    const xml = mutate(
      'lifetime="long"',
      'lifetime="short"',
      mutate('DefaultValue="IOM"/>', 'DefaultValue="X"/>'),
    );
    expect(problems(xml)).toHaveLength(2);
  });
});

describe("versions and base URLs", () => {
  it("maps package versions to four-part manifest versions", () => {
    expect(manifestVersionFor("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersionFor("12.3.4")).toBe("12.3.4.0");
    expect(manifestVersionFor("1.0.0-beta.1")).toBeUndefined();
    expect(problems(MANIFEST.replace("0.1.0.0", "1.0.0.0")).join()).toMatch(/does not match/);
    expect(checkManifest(MANIFEST, { packageVersion: "1.0.0-beta.1" }).join()).toMatch(/major\.minor\.patch/);
  });

  it("rebases every URL onto the production base URL, and the result still passes", () => {
    const xml = rebaseManifest(MANIFEST, "https://addin.example.org/iom/");
    expect(xml).not.toContain("localhost");
    expect(manifestUrls(xml)).toContain("https://addin.example.org/iom/functions.json");
    expect(problems(xml)).toEqual([]);
  });

  it("refuses base URLs that are not plain https", () => {
    expect(() => normaliseBaseUrl("http://addin.example.org")).toThrow(/https/);
    expect(() => normaliseBaseUrl("addin.example.org")).toThrow(/https/);
    expect(() => normaliseBaseUrl("https://addin.example.org/?x=1")).toThrow(/query/);
    expect(normaliseBaseUrl("https://addin.example.org/iom//")).toBe("https://addin.example.org/iom");
  });
});
