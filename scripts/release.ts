/**
 * `npm run release -- --base-url https://host/path`: everything IT needs, in
 * release/iom-report-excel-<version>.zip — the built add-in for any static https host, its manifest
 * pointing at that host (checked offline), a ready workbook of every table and chart that needs no
 * add-in, DEPLOY.md with the addresses filled in, and SHA256SUMS.
 *
 * Options: --base-url URL (required, https), --provider-name, --support-url (absolute, or relative
 * to the base URL), --support-contact (mailto: or https:) — defaults in package.json "iomReport" —
 * --out DIR (default release/), --lang en|fr|es (the workbook's language), --from-build DIR (reuse a
 * production build instead of building; the tests do).
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import JSZip from "jszip";
import { exportBytes } from "../src/cli/xlsx/export-workbook";
import { iom } from "../src/core";
import { isLang, type Lang } from "../src/i18n/lang";
import { buildAddin } from "./build";
import {
  brandManifest,
  checkManifest,
  isHttpsUrl,
  manifestUrls,
  normaliseBaseUrl,
  rebaseManifest,
} from "./manifest-checks";
import { absoluteSupportUrl, packageVersion, releaseDefaults, renderSupportPage } from "./release-options";

const ROOT = join(__dirname, "..");

export interface ReleaseOptions {
  baseUrl: string;
  providerName: string;
  supportUrl: string;
  supportContact: string;
  outDir: string;
  lang: Lang;
  fromBuild?: string;
}

export interface ReleaseResult {
  zip: string;
  files: { path: string; bytes: number }[];
  zipBytes: number;
  ms: number;
}

/** The placeholder address DEPLOY.md uses in the repository. */
const PLACEHOLDER_BASE = "https://your.host/iom-report";

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
    });
}

/** The release's manifest: rebased on the base URL, branded, and passing every offline check. */
export function releaseManifest(
  options: Pick<ReleaseOptions, "baseUrl" | "providerName" | "supportUrl">,
): string {
  const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const xml = brandManifest(rebaseManifest(source, options.baseUrl), {
    providerName: options.providerName,
    supportUrl: absoluteSupportUrl(options.supportUrl, options.baseUrl),
  });
  const problems = checkManifest(xml, { packageVersion: packageVersion() });
  if (problems.length > 0)
    throw new Error(`the release manifest fails its checks:\n  ${problems.join("\n  ")}`);
  return xml;
}

export async function makeRelease(options: ReleaseOptions): Promise<ReleaseResult> {
  const started = Date.now();
  if (!isHttpsUrl(options.baseUrl))
    throw new Error(`--base-url "${options.baseUrl}" must be an absolute https URL`);
  const base = normaliseBaseUrl(options.baseUrl);
  const version = packageVersion();
  const name = `iom-report-excel-${version}`;
  const stage = mkdtempSync(join(tmpdir(), "iom-release-"));
  try {
    const root = join(stage, name);
    const site = join(root, "addin");
    if (options.fromBuild) cpSync(options.fromBuild, site, { recursive: true });
    else await buildAddin({ mode: "production", baseUrl: base, outDir: site });
    // The site holds the pages; the manifest, made for this release, sits beside it.
    rmSync(join(site, "manifest.xml"), { force: true });
    for (const f of filesUnder(site)) if (f.endsWith(".map")) rmSync(join(site, f));
    const manifest = releaseManifest({ ...options, baseUrl: base });
    writeFileSync(join(root, "manifest.xml"), manifest);
    const missing = manifestUrls(manifest)
      .filter((u) => u.startsWith(`${base}/`))
      .map((u) => u.slice(base.length + 1).split(/[?#]/)[0] ?? "")
      .filter((f) => !filesUnder(site).includes(f));
    if (missing.length > 0) throw new Error(`the manifest names files the site lacks: ${missing.join(", ")}`);
    const support = readFileSync(join(ROOT, "src/support/support.html"), "utf8");
    writeFileSync(join(site, "support.html"), renderSupportPage(support, options.supportContact, version));
    const core = iom();
    writeFileSync(
      join(root, `IOM-Report-${core.edition.edition}.xlsx`),
      await exportBytes(core, options.lang),
    );
    const supportUrl = absoluteSupportUrl(options.supportUrl, base);
    const deploy = readFileSync(join(ROOT, "DEPLOY.md"), "utf8")
      .split(`${PLACEHOLDER_BASE}/support.html`)
      .join(supportUrl)
      .split(PLACEHOLDER_BASE)
      .join(base);
    writeFileSync(join(root, "DEPLOY.md"), deploy);
    const files = filesUnder(root);
    const sums = files
      .map(
        (f) =>
          `${createHash("sha256")
            .update(readFileSync(join(root, f)))
            .digest("hex")}  ${f}`,
      )
      .join("\n");
    writeFileSync(join(root, "SHA256SUMS"), `${sums}\n`);
    const zip = new JSZip();
    for (const f of [...files, "SHA256SUMS"]) zip.file(`${name}/${f}`, readFileSync(join(root, f)));
    const bytes = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    mkdirSync(options.outDir, { recursive: true });
    const out = join(options.outDir, `${name}.zip`);
    writeFileSync(out, bytes);
    return {
      zip: out,
      files: [...files, "SHA256SUMS"].map((f) => ({ path: f, bytes: statSync(join(root, f)).size })),
      zipBytes: bytes.length,
      ms: Date.now() - started,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const defaults = releaseDefaults();
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string" },
      "provider-name": { type: "string", default: defaults.providerName },
      "support-url": { type: "string", default: defaults.supportUrl },
      "support-contact": { type: "string", default: defaults.supportContact },
      out: { type: "string", default: join(ROOT, "release") },
      lang: { type: "string", default: "en" },
      "from-build": { type: "string" },
    },
  });
  const baseUrl = values["base-url"];
  if (!baseUrl)
    throw new Error("release: --base-url https://host/path is required (where the add-in will be hosted)");
  const lang = values.lang ?? "en";
  if (!isLang(lang)) throw new Error(`release: --lang must be en, fr or es, not "${lang}"`);
  const result = await makeRelease({
    baseUrl,
    providerName: values["provider-name"] ?? defaults.providerName,
    supportUrl: values["support-url"] ?? defaults.supportUrl,
    supportContact: values["support-contact"] ?? defaults.supportContact,
    outDir: values.out ?? join(ROOT, "release"),
    lang,
    ...(values["from-build"] ? { fromBuild: values["from-build"] } : {}),
  });
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  for (const f of result.files) console.log(`  ${f.path.padEnd(40)} ${kib(f.bytes).padStart(12)}`);
  console.log(
    `Wrote ${relative(process.cwd(), result.zip)} (${kib(result.zipBytes)}) in ${(result.ms / 1000).toFixed(1)} s.`,
  );
  console.log("Hand it to IT: DEPLOY.md inside says how to host the add-in and deploy its manifest.");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
