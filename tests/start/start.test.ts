/**
 * `npm start` end to end: the real script in a child process builds the add-in, serves it over https
 * with office-addin-dev-certs certificates (generated into a temporary directory; the CA is trusted by
 * this test only), and on a machine without desktop Excel keeps serving and explains how to sideload.
 * It stops with `npm stop` from elsewhere, and by itself when whatever started it is killed (a second
 * server, started through a shell as npm starts it, whose shell is then killed).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifestUrls } from "../../scripts/manifest-checks";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import {
  ROOT,
  type HttpsResponse,
  httpsGet,
  runScript,
  spawnScript,
  waitForOutput,
} from "../helpers/node-scripts";

let tmp: string;
let proc: ReturnType<typeof spawnScript>;
/** The second server, under a shell as `npm start` runs it. */
let shell: ReturnType<typeof spawnScript>;
let origin: string;
let ca: Buffer;

const argsFor = (name: string): string[] => {
  const args = [
    "--port",
    "0",
    "--out",
    join(tmp, name),
    "--cert-dir",
    join(tmp, "certs"),
    "--no-install-cert",
    "--state",
    join(tmp, `${name}.json`),
  ];
  // Where desktop Excel may exist, do not sideload from a test.
  if (process.platform !== "linux") args.push("--no-sideload");
  return args;
};

const gone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "iom-start-"));
  // The certificates first, so the two servers do not both generate them.
  proc = spawnScript("scripts/start.ts", argsFor("site"));
  await waitForOutput(proc, /Press Ctrl\+C to stop\./, 90_000);
  origin = /Serving the add-in at (https:\/\/localhost:\d+)\//.exec(proc.output())?.[1] ?? "";
  ca = readFileSync(join(tmp, "certs", "ca.crt"));
  // "; :" keeps the shell between, as npm's shell is.
  const command = [process.execPath, "--import", "tsx", "scripts/start.ts", ...argsFor("second")]
    .map((a) => `'${a}'`)
    .join(" ");
  const child = spawn("sh", ["-c", `${command}; :`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout.on("data", (c: Buffer) => (text += c.toString()));
  child.stderr.on("data", (c: Buffer) => (text += c.toString()));
  shell = { child, output: () => text };
  await waitForOutput(shell, /Press Ctrl\+C to stop\./, 90_000);
}, 200_000);

afterAll(async () => {
  for (const p of [proc, shell])
    if (p?.child.exitCode === null && p.child.signalCode === null) {
      const exited = new Promise((resolve) => p.child.once("exit", resolve));
      p.child.kill("SIGTERM");
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

  it("records itself, so npm stop in another terminal stops it (and its port closes)", async () => {
    const state = JSON.parse(readFileSync(join(tmp, "site.json"), "utf8")) as { pid: number; origin: string };
    expect(state.origin).toBe(origin);
    const exited = new Promise<number | null>((resolve) => proc.child.once("exit", (code) => resolve(code)));
    const stop = await runScript("scripts/stop.ts", ["--state", join(tmp, "site.json")]);
    expect(stop).toMatchObject({ code: 0, stderr: "" });
    expect(stop.stdout).toContain(`Stopped the npm start server at ${origin} (process ${state.pid}).`);
    expect(await exited).toBe(0);
    expect(existsSync(join(tmp, "site.json"))).toBe(false);
    await expect(fetch("/taskpane.html")).rejects.toThrow();
    expect((await runScript("scripts/stop.ts", ["--state", join(tmp, "site.json")])).stdout).toContain(
      "No npm start server is running.",
    );
  });

  it("stops by itself when the process that started it (npm, a shell) is killed", async () => {
    const state = JSON.parse(readFileSync(join(tmp, "second.json"), "utf8")) as { pid: number };
    expect(gone(state.pid)).toBe(false);
    shell.child.kill("SIGKILL");
    for (let waited = 0; waited < 10_000 && !gone(state.pid); waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(gone(state.pid)).toBe(true);
    expect(existsSync(join(tmp, "second.json"))).toBe(false);
  });
});
