/**
 * `npm run build` end to end (the real webpack production build the tests share): bundles, generated
 * functions.json, the shared-runtime page, the rebased manifest, and the failures that must stop a
 * build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { checkManifest, manifestUrls } from "../../scripts/manifest-checks";
import { ManifestPlugin } from "../../scripts/manifest-plugin";
import { ROOT, type ScriptResult, runScript } from "../helpers/node-scripts";
import { dataCopies, pageScripts } from "../helpers/page-bundles";
import { SHARED_BUILD_BASE_URL as BASE_URL, sharedBuild } from "../helpers/shared-build";

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string })
  .version;

let tmp: string;
let out: string;
let build: ScriptResult;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "iom-build-"));
  ({ out, result: build } = await sharedBuild());
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (file: string): string => readFileSync(join(out, file), "utf8");

describe("production build", () => {
  it("succeeds", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(`Manifest base URL: ${BASE_URL}`);
  });

  it("emits the page, both bundles, the metadata, the manifest, the support page and the icons", () => {
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml"]) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    for (const file of ["support.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-80.png"]) {
      expect(existsSync(join(out, file))).toBe(true);
    }
  });

  it("generates functions.json from the JSDoc and associates the functions in the bundle", () => {
    const { functions } = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    expect(functions.map((f) => f.id)).toContain("EDITION");
    // The associate calls go through a binding of Office's CustomFunctions (minified to any name),
    // which stands in with a no-op where office.js could not load.
    expect(read("functions.js")).toMatch(/\b\w+\.associate\("EDITION",/);
    expect(read("functions.js")).toContain("globalThis.CustomFunctions");
  });

  it("loads the data and the core once: one copy of each edition's data, no core module in the pane's bundle, the presentation only there", () => {
    expect(pageScripts(out)).toEqual(["functions.js", "taskpane.js"]);
    for (const copies of Object.values(dataCopies(out))) expect(copies).toBe(1);
    const sources = (file: string): string[] =>
      (JSON.parse(read(`${file}.map`)) as { sources: string[] }).sources.map((s) =>
        s.replace(/^webpack:\/\/[^/]*\//, ""),
      );
    const coreOrData = (s: string): boolean => /^(\.\/)?(src\/core|data)\//.test(s);
    // The presentation (layouts of the report's tables) ships with the pane alone, by design.
    const presentation = (s: string): boolean =>
      /^(\.\/)?data\/(presentations\.ts|[^/]+\/curated\/presentation\.json)$/.test(s);
    expect(sources("functions.js").filter(coreOrData).length).toBeGreaterThan(10);
    expect(sources("functions.js").filter(presentation)).toEqual([]);
    expect(sources("taskpane.js").filter((s) => coreOrData(s) && !presentation(s))).toEqual([]);
  });

  it("functions.js registers every function on its own, answering at once (nothing of the pane needed)", () => {
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, f: (...args: unknown[]) => unknown) => void registered.set(id, f),
        Error: class {
          constructor(
            readonly code: string,
            readonly message: string,
          ) {}
        },
        ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
      },
    };
    sandbox.self = sandbox; // webpack's loader registers its chunks on `self`
    runInNewContext(read("functions.js"), sandbox);
    const { functions } = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    expect([...registered.keys()].sort()).toEqual(functions.map((f) => f.id).sort());
    expect(registered.get("STAFF")?.("P-4", "F", null, null, null)).toBe(55);
  });

  it("loads office.js from Microsoft's CDN, then the functions bundle, then the task pane (shared runtime)", () => {
    const html = read("taskpane.html");
    const officeJs = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = html.search(/src="?functions\.js/);
    const taskpane = html.search(/src="?taskpane\.js/);
    expect(officeJs).toBeGreaterThan(0);
    expect(functions).toBeGreaterThan(officeJs);
    expect(taskpane).toBeGreaterThan(functions);
  });

  it("rebases the manifest onto ADDIN_BASE_URL; it passes the checks and names only emitted files", () => {
    const xml = read("manifest.xml");
    expect(xml).not.toContain("localhost");
    expect(checkManifest(xml, { packageVersion: PACKAGE_VERSION })).toEqual([]);
    for (const url of manifestUrls(xml)) {
      expect(url.startsWith(`${BASE_URL}/`)).toBe(true);
      expect(existsSync(join(out, url.slice(BASE_URL.length)))).toBe(true);
    }
  });
});

describe("builds that must fail", () => {
  it("fails on custom functions whose JSDoc the metadata generator rejects", async () => {
    const bad = join(tmp, "bad-functions.ts");
    writeFileSync(
      bad,
      "/**\n * Not a valid Excel type.\n * @customfunction\n */\nexport function bad(): Map<string, number> {\n  return new Map();\n}\n",
    );
    const result = await runScript("scripts/build.ts", ["--out", join(tmp, "bad"), "--functions", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not support type "Map"/);
    expect(existsSync(join(tmp, "bad", "functions.json"))).toBe(false);
  }, 60_000);

  it("fails on a base URL that is not https", async () => {
    const result = await runScript("scripts/build.ts", ["--out", join(tmp, "http")], {
      ADDIN_BASE_URL: "http://addin.example.test",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/must be an absolute https URL/);
  }, 60_000);

  it("fails when the manifest version is not package.json's version plus .0", () => {
    const plugin = new ManifestPlugin({
      manifest: join(ROOT, "manifest.xml"),
      packageVersion: "9.9.9",
      baseUrl: BASE_URL,
    });
    const result = plugin.render();
    expect(result.xml).toBeUndefined();
    expect(result.problems.join("\n")).toMatch(/does not match package\.json version "9\.9\.9"/);
  });
});
