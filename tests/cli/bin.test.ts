/**
 * The installed command: `npm run build:lib` compiles the library and CLI (tsconfig.lib.json) and
 * bundles the CLI into lib/cli.js (scripts/bundle-cli.ts), and bin/iom.js runs the bundle. Built here into a scratch copy so the test never depends on,
 * or disturbs, a lib/ left over from an earlier build.
 */
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./helpers";

// Workbooks are read, written and converted for real: allow for a busy CI machine.
jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");

function exec(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(file, args, { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
}

describe("bin/iom.js after build:lib", () => {
  const tmp = tempDir("iom-bin-");
  afterAll(() => tmp.cleanup());

  beforeAll(async () => {
    const tsc = await exec(process.execPath, [
      join(ROOT, "node_modules/typescript/bin/tsc"),
      "-p",
      "tsconfig.lib.json",
      "--outDir",
      tmp.path("lib"),
    ]);
    expect(tsc).toMatchObject({ code: 0, stderr: "" });
    // The package's dependencies, as an install would have them beside lib/.
    symlinkSync(join(ROOT, "node_modules"), tmp.path("node_modules"), "dir");
    const bundle = await exec(process.execPath, [
      join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      join(ROOT, "scripts/bundle-cli.ts"),
      tmp.path("lib"),
    ]);
    expect(bundle).toMatchObject({ code: 0, stderr: "" });
    mkdirSync(tmp.path("bin"));
    copyFileSync(join(ROOT, "bin/iom.js"), tmp.path("bin/iom.js"));
  }, 120_000);

  it("emits the CLI, its bundle and the typed library entry", () => {
    expect(existsSync(tmp.path("lib/src/cli/main.js"))).toBe(true);
    expect(existsSync(tmp.path("lib/cli.js"))).toBe(true);
    expect(existsSync(tmp.path("lib/src/index.d.ts"))).toBe(true);
  });

  it("runs commands and returns their exit codes", async () => {
    const bin = tmp.path("bin/iom.js");
    const table = await exec(process.execPath, [bin, "table", "5", "--format", "csv"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("P-4,14,11,41,76,55,87,142");
    const evaluated = await exec(process.execPath, [bin, "eval", '=IOM.MOVEMENTS("Kenya")']);
    expect(evaluated.stdout).toBe("46200\n");
    const missing = await exec(process.execPath, [bin, "table", "Table 55"]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('did you mean "Table 5"');
    const usage = await exec(process.execPath, [bin, "nonsense"]);
    expect(usage.code).toBe(2);
  });

  it("loads the workbook and zip libraries only for the commands that write or read workbooks", async () => {
    // The modules a run has loaded, printed as it exits: files (by package where they are one's)
    // and Node's built-in modules (process.moduleLoadList, which Node keeps for diagnostics).
    const loaded = async (...args: string[]): Promise<{ files: string[]; builtins: string[] }> => {
      const probe = `process.on("exit", () => process.stderr.write(JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList })));
        process.argv = [process.argv[0], "iom", ...${JSON.stringify(args)}];
        require(${JSON.stringify(tmp.path("bin/iom.js"))});`;
      // A script file, not -e: Node's -e may load crypto itself.
      writeFileSync(tmp.path("probe.js"), probe);
      const r = await exec(process.execPath, [tmp.path("probe.js")]);
      const { files, builtins } = JSON.parse(r.stderr) as { files: string[]; builtins: string[] };
      return {
        files: files.map((f) => /node_modules\/([^/]+)\//.exec(f)?.[1] ?? f.replace(tmp.path("/"), "")),
        builtins: builtins.map((m) => m.replace(/^NativeModule /, "")),
      };
    };
    const evaluated = await loaded("eval", '=IOM.STAFF("P-4","F")');
    // One file of code (commander inside it) and the edition's data.
    expect(evaluated.files).toEqual(["probe.js", "bin/iom.js", "lib/cli.js", "lib/data/2011/runtime.json"]);
    // commander's child_process (and net behind it) only if it ever spawns; crypto only to write.
    expect(evaluated.builtins).not.toContain("child_process");
    expect(evaluated.builtins).not.toContain("crypto");
    expect(evaluated.builtins).toContain("fs");
    const exported = await loaded("export", "--format", "xlsx", "--out", tmp.path("x.xlsx"));
    expect(exported.files).toContain("exceljs");
  });

  /** Runs iom with its output read like `| head -1`: the first line, then the pipe closed. */
  const headOne = (...args: string[]) =>
    new Promise<{ code: number | null; first: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [tmp.path("bin/iom.js"), ...args], { cwd: ROOT });
      let first = "";
      let stderr = "";
      child.stdout.once("data", (chunk: Buffer) => {
        first = chunk.toString().split("\n")[0] ?? "";
        child.stdout.destroy();
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (code) => resolve({ code, first, stderr }));
    });

  it("stops quietly when the reader closes the pipe early (iom --help | head -1)", async () => {
    expect(await headOne("--help")).toEqual({ code: 0, first: "Usage: iom [options] [command]", stderr: "" });
    // Output larger than a pipe holds: the rest is written after the reader has gone (EPIPE for sure).
    expect(await headOne("facts", "--json")).toEqual({ code: 0, first: "[", stderr: "" });
  });
});
