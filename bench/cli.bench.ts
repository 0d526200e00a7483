/**
 * The `iom` command. Metrics:
 *   cli.eval_ratio_to_node       CPU time (user + system) of the whole process
 *                                `node bin/iom.js eval '=IOM.STAFF("P-4","F")'` (the compiled CLI,
 *                                bench/support/lib-build.ts) over that of `node -e ''`, each the median
 *                                of 9 runs taken in turn: target ≤ 2.5. CPU rather than wall time: on a
 *                                shared machine waiting for a core is not the command's cost
 *   cli.eval_wall_ratio_to_node  the same with wall time (informational)
 *   cli.export_xlsx_ms, cli.export_xlsx_kb, cli.refresh_export_ms   in-process: `iom export --format
 *                                xlsx` (median of 3) and the size it writes, `iom refresh` of that
 *                                export with one stale cell (informational)
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../scripts/webpack.config";
import { bufferIo } from "../src/cli/io";
import { run } from "../src/cli/program";
import { compiledCli } from "./support/lib-build";
import type { Targets } from "./support/targets";

export const targets: Targets = { "cli.eval_ratio_to_node": { max: 2.5 } };

const RUNS = 9;
const FORMULA = '=IOM.STAFF("P-4","F")';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * A process's CPU time, read as it exits by a preloaded module (the same one for both commands):
 * Node has no call for a child's resource usage.
 */
function processTimes(dir: string): (args: string[]) => { cpuMs: number; wallMs: number; stdout: string } {
  const preload = join(dir, "cpu-at-exit.js");
  const out = join(dir, "cpu.txt");
  writeFileSync(
    preload,
    `process.on("exit", () => { const u = process.cpuUsage(); require("fs").writeFileSync(${JSON.stringify(out)}, String((u.user + u.system) / 1000)); });\n`,
  );
  return (args) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: ROOT, encoding: "utf8" });
    const wallMs = performance.now() - started;
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    return { cpuMs: Number(readFileSync(out, "utf8")), wallMs, stdout: r.stdout };
  };
}

async function timed(argv: string[]): Promise<number> {
  const io = bufferIo();
  const started = performance.now();
  const code = await run(argv, io);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`iom ${argv.join(" ")} exited ${code}: ${io.stderr()}`);
  return ms;
}

export default async function cliBench(): Promise<Record<string, number>> {
  const bin = compiledCli();
  const dir = mkdtempSync(join(tmpdir(), "iom-bench-"));
  try {
    const times = processTimes(dir);
    const expected = (await import("../src/core")).iom().staff("P-4", "F").value;
    const iom: { cpuMs: number; wallMs: number }[] = [];
    const node: { cpuMs: number; wallMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(times(["-e", ""]));
      const r = times([bin, "eval", FORMULA]);
      if (r.stdout.trim() !== String(expected)) throw new Error(`iom eval printed ${r.stdout}`);
      iom.push(r);
    }
    const cpu = (xs: typeof iom): number => median(xs.map((x) => x.cpuMs));
    const wall = (xs: typeof iom): number => median(xs.map((x) => x.wallMs));
    console.log(
      `  iom eval: ${Math.round(cpu(iom))} ms CPU, ${Math.round(wall(iom))} ms wall; node -e '': ${Math.round(cpu(node))} ms CPU, ${Math.round(wall(node))} ms wall`,
    );

    const outFile = join(dir, "report.xlsx");
    const runs: number[] = [];
    for (let i = 0; i < 3; i++)
      runs.push(await timed(["export", "--format", "xlsx", "--out", outFile, "--force"]));
    const kb = statSync(outFile).size / 1024;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const t5 = wb.getWorksheet("Table 5");
    if (t5) t5.getCell("B11").value = 0;
    const stale = join(dir, "stale.xlsx");
    await wb.xlsx.writeFile(stale);
    const refresh = await timed(["refresh", stale, "--out", join(dir, "fresh.xlsx")]);
    return {
      "cli.eval_ratio_to_node": Math.round((cpu(iom) / cpu(node)) * 100) / 100,
      "cli.eval_wall_ratio_to_node": Math.round((wall(iom) / wall(node)) * 100) / 100,
      "cli.export_xlsx_ms": Math.round(median(runs)),
      "cli.export_xlsx_kb": Math.round(kb * 10) / 10,
      "cli.refresh_export_ms": Math.round(refresh),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
