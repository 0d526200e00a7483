/**
 * `npm start` end to end: the real script in a child process builds the add-in, serves it over https
 * with office-addin-dev-certs certificates (generated into a temporary directory; the CA is trusted by
 * this test only), and on a machine without desktop Excel keeps serving and explains how to sideload.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifestUrls } from "../../scripts/manifest-checks";
import { type HttpsResponse, httpsGet, spawnScript, waitForOutput } from "../helpers/node-scripts";

let tmp: string;
let proc: ReturnType<typeof spawnScript>;
let origin: string;
let ca: Buffer;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "iom-start-"));
  const args = [
    "--port",
    "0",
    "--out",
    join(tmp, "site"),
    "--cert-dir",
    join(tmp, "certs"),
    "--no-install-cert",
  ];
  // Where desktop Excel may exist, do not sideload from a test.
  if (process.platform !== "linux") args.push("--no-sideload");
  proc = spawnScript("scripts/start.ts", args);
  await waitForOutput(proc, /Press Ctrl\+C to stop\./, 60_000);
  origin = /Serving the add-in at (https:\/\/localhost:\d+)\//.exec(proc.output())?.[1] ?? "";
  ca = readFileSync(join(tmp, "certs", "ca.crt"));
}, 90_000);

afterAll(async () => {
  if (proc.child.exitCode === null) {
    const exited = new Promise((resolve) => proc.child.once("exit", resolve));
    proc.child.kill("SIGTERM");
    await exited;
  }
  rmSync(tmp, { recursive: true, force: true });
});

const fetch = (path: string): Promise<HttpsResponse> => httpsGet(`${origin}${path}`, ca);

describe("npm start", () => {
  it("serves over https on the requested port", () => {
    expect(origin).toMatch(/^https:\/\/localhost:\d+$/);
  });

  it("serves the task pane page, which loads the functions and task pane bundles", async () => {
    const page = await fetch("/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    const html = page.body.toString();
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html).toMatch(/functions\.js[\s\S]*taskpane\.js/);
  });

  it("serves the functions bundle and the generated functions.json", async () => {
    const bundle = await fetch("/functions.js");
    expect(bundle.status).toBe(200);
    expect(bundle.contentType).toMatch(/^text\/javascript/);
    expect(bundle.body.toString()).toContain('CustomFunctions.associate("EDITION"');
    const metadata = await fetch("/functions.json");
    expect(metadata.status).toBe(200);
    const { functions } = JSON.parse(metadata.body.toString()) as { functions: { id: string }[] };
    expect(functions.map((f) => f.id)).toContain("EDITION");
  });

  it("serves a manifest for its own port, and every URL in it", async () => {
    const manifest = await fetch("/manifest.xml");
    expect(manifest.status).toBe(200);
    const urls = manifestUrls(manifest.body.toString());
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(`${origin}/`)).toBe(true);
      expect((await httpsGet(url, ca)).status).toBe(200);
    }
  });

  it("serves the local copy of office.js and nothing outside its directories", async () => {
    expect((await fetch("/office-js/office.js")).status).toBe(200);
    for (const path of ["/../package.json", "/office-js/../../../package.json", "/%2e%2e/package.json"]) {
      expect((await httpsGet(origin, ca, path)).status).toBe(404);
    }
    expect((await fetch("/missing.js")).status).toBe(404);
  });

  it("explains how to sideload into Excel on the web when there is no desktop Excel", () => {
    if (process.platform !== "linux") return;
    const output = proc.output();
    expect(output).toContain("Insert > Add-ins > My Add-ins > Upload My Add-in");
    expect(output).toContain(join(tmp, "site", "manifest.xml"));
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => proc.child.once("exit", (code) => resolve(code)));
    proc.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
