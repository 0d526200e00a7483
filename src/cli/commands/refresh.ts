/**
 * `iom refresh WORKBOOK.xlsx [--out PATH] [--dry-run] [--force]`: brings every IOM table and every
 * =IOM.* cached value in a workbook up to date, so it shows the right numbers where the add-in is
 * not installed. The input is never modified unless it is also the output, and then only by an
 * atomic replace once the new file is complete.
 */
import { resolve } from "node:path";
import { iom } from "../../core/data";
import { UserError } from "../errors";
import { EXIT, type Io } from "../io";
import {
  keepPageNumbering,
  loadWorkbook,
  readInputFile,
  workbookBytes,
  writeFileAtomic,
} from "../xlsx/files";
import { describeLost, partsExceljsDrops, type LostPart } from "../xlsx/parts";
import { applyPlan, planRefresh, type RefreshPlan } from "../xlsx/refresh-workbook";
import { evaluate } from "./eval";

export interface RefreshOptions {
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  /** How many changed cells to list per table or sheet (the rest are counted). */
  show?: number;
}

const quote = (sheet: string): string =>
  /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

/** Row-major order of A1 addresses ("B2" before "D10" before "A11"). */
function compareAddress(a: string, b: string): number {
  const split = (s: string): [number, string] => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    return [Number(m?.[2] ?? 0), (m?.[1] ?? "").padStart(3, " ")];
  };
  const [ra, ca] = split(a);
  const [rb, cb] = split(b);
  return ra - rb || ca.localeCompare(cb);
}

function printPlan(plan: RefreshPlan, lost: LostPart[], opts: RefreshOptions, io: Io): void {
  const would = opts.dryRun ? "would change" : "changed";
  const limit = opts.show ?? 20;
  const editsBy = (sheet: string): RefreshPlan["edits"] => plan.edits.filter((e) => e.sheet === sheet);
  io.out(`tables (${plan.tables.length} named IOM_*):\n`);
  if (plan.tables.length === 0) io.out("  none\n");
  for (const t of plan.tables) {
    const where = `${quote(t.sheet)} ${t.name}`;
    if (t.status === "skipped") io.out(`  ${where}: skipped — ${t.reason ?? ""}\n`);
    else
      io.out(
        `  ${where}: ${t.status === "current" ? "up to date" : `${t.changed} cell${t.changed === 1 ? "" : "s"} ${would}`}\n`,
      );
  }
  const f = plan.formulas;
  const count = (s: string): number => f.filter((x) => x.status === s).length;
  io.out(
    `formulas (${f.length} mentioning IOM.*): ${count("updated")} cached value${count("updated") === 1 ? "" : "s"} ${would}, ${count("current")} up to date, ${count("skipped")} skipped\n`,
  );
  for (const x of f.filter((x) => x.status === "skipped"))
    io.out(`  ${quote(x.sheet)}!${x.address} ${x.formula}: skipped — ${x.reason ?? ""}\n`);
  if (plan.edits.length > 0) io.out(`cells ${would} (${plan.edits.length}):\n`);
  for (const sheet of new Set(plan.edits.map((e) => e.sheet))) {
    const edits = editsBy(sheet).sort((a, b) => compareAddress(a.address, b.address));
    for (const e of edits.slice(0, limit)) io.out(`  ${quote(e.sheet)}!${e.address}: ${e.from} → ${e.to}\n`);
    if (edits.length > limit) io.out(`  … and ${edits.length - limit} more on ${quote(sheet)}\n`);
  }
  if (lost.length > 0) io.out(`parts exceljs cannot write back: ${describeLost(lost)}\n`);
  if (plan.protectedSheets.length > 0)
    io.out(`protected sheets that need changes: ${plan.protectedSheets.map(quote).join(", ")}\n`);
}

export async function runRefresh(workbook: string, opts: RefreshOptions, io: Io): Promise<number> {
  const bytes = readInputFile(workbook);
  const wb = await loadWorkbook(bytes, workbook);
  const lost = await partsExceljsDrops(bytes);
  const plan = planRefresh(wb, iom().edition, evaluate);
  const out = opts.out ?? workbook;
  io.out(
    `${opts.dryRun ? "dry run: nothing is written. " : ""}refresh ${workbook}${out !== workbook ? ` → ${out}` : ""}\n`,
  );
  printPlan(plan, lost, opts, io);
  const refusal =
    plan.protectedSheets.length > 0
      ? `sheet ${plan.protectedSheets.map(quote).join(", ")} ${plan.protectedSheets.length === 1 ? "is" : "are"} protected: unprotect ${plan.protectedSheets.length === 1 ? "it" : "them"} in Excel (Review › Unprotect Sheet) and run iom refresh again; nothing was written`
      : // A refresh that writes nothing loses nothing: an up-to-date workbook with charts is fine.
        lost.some((l) => !l.minor) &&
          !opts.force &&
          (plan.edits.length > 0 || resolve(out) !== resolve(workbook))
        ? `this workbook has content exceljs cannot write back, which a refresh would lose: ${describeLost(lost.filter((l) => !l.minor))}. Nothing was written. Refresh it in Excel with the add-in's Refresh all, or run again with --force (and --out to keep the original) to refresh anyway and lose that content`
        : undefined;
  if (refusal) {
    if (opts.dryRun) {
      io.out(`a refresh would be refused: ${refusal}\n`);
      return EXIT.failed;
    }
    throw new UserError(refusal, EXIT.failed);
  }
  if (opts.dryRun) return EXIT.ok;
  if (plan.edits.length === 0 && resolve(out) === resolve(workbook)) {
    io.out(`${workbook} is up to date: nothing written\n`);
    return EXIT.ok;
  }
  applyPlan(wb, plan);
  keepPageNumbering(wb);
  writeFileAtomic(out, await workbookBytes(wb));
  io.out(`wrote ${out}: ${plan.edits.length} cell${plan.edits.length === 1 ? "" : "s"} changed\n`);
  return EXIT.ok;
}
