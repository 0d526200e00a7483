/**
 * The installed command: `npm run build:lib` compiles the library and CLI (tsconfig.lib.json), and
 * bin/iom.js runs the compiled CLI. Built here into a scratch copy so the test never depends on,
 * or disturbs, a lib/ left over from an earlier build.
 */
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
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
    mkdirSync(tmp.path("bin"));
    copyFileSync(join(ROOT, "bin/iom.js"), tmp.path("bin/iom.js"));
    // The package's dependencies, as an install would have them beside lib/.
    symlinkSync(join(ROOT, "node_modules"), tmp.path("node_modules"), "dir");
  }, 120_000);

  it("emits the CLI and the typed library entry", () => {
    expect(existsSync(tmp.path("lib/src/cli/main.js"))).toBe(true);
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
    // The modules a run has loaded, by package, printed as it exits.
    const loaded = async (...args: string[]): Promise<string[]> => {
      const probe = `process.on("exit", () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));
        process.argv = [process.argv[0], "iom", ...${JSON.stringify(args)}];
        require(${JSON.stringify(tmp.path("bin/iom.js"))});`;
      const r = await exec(process.execPath, ["-e", probe]);
      return (JSON.parse(r.stderr) as string[]).flatMap((f) => /node_modules\/([^/]+)\//.exec(f)?.[1] ?? []);
    };
    const evaluated = await loaded("eval", '=IOM.STAFF("P-4","F")');
    expect(evaluated).toContain("commander");
    expect(evaluated).not.toContain("exceljs");
    expect(evaluated).not.toContain("jszip");
    expect(await loaded("export", "--format", "xlsx", "--out", tmp.path("x.xlsx"))).toContain("exceljs");
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
