/**
 * `npm run release`: the package IT receives — the site for any static https host, the manifest
 * pointing at the release's host with its provider and support addresses (and every file it names
 * in the site), the support page with its contact, DEPLOY.md with the addresses filled in,
 * checksums, and a ready workbook that LibreOffice opens.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { checkManifest, manifestUrls, parseXml } from "../../scripts/manifest-checks";
import { tempDir } from "../cli/helpers";
import { runScript } from "../helpers/node-scripts";
import { sharedBuild } from "../helpers/shared-build";

jest.setTimeout(300_000);

const BASE = "https://reports.example.org/excel/iom";
const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
const NAME = `iom-report-excel-${VERSION}`;
const tmp = tempDir("iom-release-");
let zip: JSZip;
let stdout = "";
const text = (path: string): Promise<string> => {
  const f = zip.file(`${NAME}/${path}`);
  if (!f) throw new Error(`no ${path} in the package`);
  return f.async("string");
};

beforeAll(async () => {
  const { out, result } = await sharedBuild();
  expect(result.code).toBe(0);
  const r = await runScript("scripts/release.ts", [
    "--base-url",
    `${BASE}/`,
    "--from-build",
    out,
    "--out",
    tmp.dir,
    "--provider-name",
    "Test Provider & Co",
    "--support-contact",
    "mailto:help@example.org",
  ]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
  stdout = r.stdout;
  zip = await JSZip.loadAsync(readFileSync(tmp.path(`${NAME}.zip`)));
});
afterAll(() => tmp.cleanup());

describe("npm run release", () => {
  it("writes release/iom-report-excel-<version>.zip and says what it holds", () => {
    expect(stdout).toMatch(new RegExp(`Wrote .*${NAME}\\.zip \\(\\d+\\.\\d KiB\\) in \\d+\\.\\d s\\.`));
    const files = Object.keys(zip.files).filter((f) => !f.endsWith("/"));
    for (const f of [
      "addin/taskpane.html",
      "addin/taskpane.js",
      "addin/functions.js",
      "addin/functions.json",
      "addin/functions-fr.json",
      "addin/support.html",
      "addin/assets/icon-32.png",
      "manifest.xml",
      "DEPLOY.md",
      "IOM-Report-2011.xlsx",
      "SHA256SUMS",
    ])
      expect(files).toContain(`${NAME}/${f}`);
    expect(files.some((f) => f.endsWith(".map"))).toBe(false);
    // The site holds no manifest of its own: the release's one sits beside it.
    expect(files).not.toContain(`${NAME}/addin/manifest.xml`);
  });

  it("ships a manifest for its host and publisher that passes the offline checks", async () => {
    const xml = await text("manifest.xml");
    expect(checkManifest(xml, { packageVersion: VERSION })).toEqual([]);
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(`${BASE}/`)).toBe(true);
      expect(zip.file(`${NAME}/addin/${url.slice(BASE.length + 1).split("?")[0] ?? ""}`)).not.toBeNull();
    }
    const root = parseXml(xml);
    const child = (name: string) => root.children.find((c) => c.name === name);
    expect(child("ProviderName")?.text).toBe("Test Provider & Co");
    expect(child("SupportUrl")?.attrs.DefaultValue).toBe(`${BASE}/support.html`);
    expect(xml).toContain(`<bt:Url id="Support.Url" DefaultValue="${BASE}/support.html"/>`);
  });

  it("gives users a support page with a way to get help", async () => {
    const html = await text("addin/support.html");
    expect(html).toContain('<a href="mailto:help@example.org">help@example.org</a>');
    expect(html).toContain(`version ${VERSION}`);
    expect(html).not.toContain("{{");
  });

  it("gives IT a DEPLOY.md with the release's addresses filled in", async () => {
    const md = await text("DEPLOY.md");
    expect(md).toContain(`${BASE}/taskpane.html`);
    expect(md).toContain(`${BASE}/support.html`);
    expect(md).not.toContain("your.host");
    for (const topic of ["admin center", "Network share catalog", "Updates", "How users then find it"])
      expect(md).toContain(topic);
  });

  it("lists a checksum for every file, and each matches", async () => {
    const sums = (await text("SHA256SUMS")).trim().split("\n");
    expect(sums.length).toBeGreaterThan(10);
    for (const line of sums) {
      const [sum, path] = line.split("  ");
      const bytes = await zip.file(`${NAME}/${path ?? ""}`)?.async("nodebuffer");
      expect({ path, ok: bytes && createHash("sha256").update(bytes).digest("hex") === sum }).toEqual({
        path,
        ok: true,
      });
    }
  });

  it("holds a ready workbook that LibreOffice opens, every table and chart in it", async () => {
    const bytes = await zip.file(`${NAME}/IOM-Report-2011.xlsx`)?.async("nodebuffer");
    if (!bytes) throw new Error("no workbook");
    const book = await JSZip.loadAsync(bytes);
    expect(Object.keys(book.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(14);
    expect(
      Object.keys(book.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).length,
    ).toBeGreaterThanOrEqual(30);
    if (!existsSync("/usr/bin/soffice") && !process.env.CI) return;
    const path = tmp.path("ready.xlsx");
    writeFileSync(path, bytes);
    const csv = await new Promise<string>((resolve, reject) =>
      execFile(
        "/usr/bin/soffice",
        [
          `-env:UserInstallation=file://${tmp.path("lo")}`,
          "--headless",
          "--convert-to",
          "csv",
          "--outdir",
          tmp.dir,
          path,
        ],
        { timeout: 120_000 },
        (e) => (e ? reject(new Error(e.message)) : resolve(readFileSync(tmp.path("ready.csv"), "utf8"))),
      ),
    );
    // The first sheet: the contents, linking to every table.
    expect(csv).toContain("T5 Officials by grade");
    expect(csv).toContain("IOM_table5");
  });

  it("refuses a release without an https base URL", async () => {
    const none = await runScript("scripts/release.ts", ["--out", tmp.path("none")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("--base-url https://host/path is required");
    const http = await runScript("scripts/release.ts", [
      "--base-url",
      "http://x.example",
      "--out",
      tmp.path("http"),
    ]);
    expect(http.code).toBe(1);
    expect(http.stderr).toContain("must be an absolute https URL");
  });
});
