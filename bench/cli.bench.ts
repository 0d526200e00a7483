/**
 * The CLI's workbook commands, in-process: `iom export --format xlsx` (median of 3 runs, and the
 * size of what it writes) and `iom refresh` of that export with one stale cell.
 * Metrics: cli.export_xlsx_ms, cli.export_xlsx_kb, cli.refresh_export_ms.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferIo } from "../src/cli/io";
import { run } from "../src/cli/program";

async function timed(argv: string[]): Promise<number> {
  const io = bufferIo();
  const started = performance.now();
  const code = await run(argv, io);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`iom ${argv.join(" ")} exited ${code}: ${io.stderr()}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export default async function cliBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "iom-bench-"));
  try {
    const out = join(dir, "report.xlsx");
    const runs: number[] = [];
    for (let i = 0; i < 3; i++)
      runs.push(await timed(["export", "--format", "xlsx", "--out", out, "--force"]));
    const kb = statSync(out).size / 1024;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const t5 = wb.getWorksheet("Table 5");
    if (t5) t5.getCell("B11").value = 0;
    const stale = join(dir, "stale.xlsx");
    await wb.xlsx.writeFile(stale);
    const refresh = await timed(["refresh", stale, "--out", join(dir, "fresh.xlsx")]);
    return {
      "cli.export_xlsx_ms": Math.round(median(runs)),
      "cli.export_xlsx_kb": Math.round(kb * 10) / 10,
      "cli.refresh_export_ms": Math.round(refresh),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
