/**
 * `iom refresh WORKBOOK [--out PATH] [--dry-run] [--force]`: brings every IOM_<table> table and
 * every =IOM.* cached value in a workbook up to date, so it shows the right numbers where the
 * add-in is not installed. Only those values change: every other byte of the package stays as
 * it was (see src/cli/refresh/). An up-to-date workbook is not written at all.
 */
import { closeSync, openSync, readSync, realpathSync, statSync, writeSync } from "node:fs";
import { EXIT, type Io } from "../io";
import { replaceFile, writeTarget } from "../refresh/atomic-file";
import { refuse } from "../refresh/messages";
import { addressOf, WorkbookRefresh, type Limits, type RefreshPlan } from "../refresh/workbook-refresh";

export interface RefreshOptions {
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  /** How many changed cells to list per sheet (the rest are counted). */
  show?: number;
  /** Print the plan and the outcome as one JSON object instead of text. */
  json?: boolean;
  /** Bounds on what the refresh reads (tests lower them). */
  limits?: Limits;
}

const quote = (sheet: string): string =>
  /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

const errnoOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;

/** Refuses, before any work, an input that is missing, a folder, unreadable, encrypted or not a zip. */
function checkInput(path: string): void {
  let fd: number;
  try {
    if (statSync(path).isDirectory()) throw refuse("is_directory", { file: path });
    fd = openSync(path, "r");
  } catch (e) {
    if (e instanceof Error && e.name === "UserError") throw e;
    const code = errnoOf(e);
    if (code === "ENOENT" || code === "ENOTDIR") throw refuse("not_found", { file: path });
    throw refuse("unreadable", {
      file: path,
      why: code === "EACCES" || code === "EPERM" ? "permission" : "other",
    });
  }
  const head = Buffer.alloc(8);
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  // Compound File Binary: an encrypted (password-protected) workbook, or an old binary .xls.
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    throw refuse("encrypted", { file: path });
  if (!head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    throw refuse("not_zip", { file: path });
}

function printPlan(plan: RefreshPlan, dryRun: boolean, io: Io): void {
  const would = dryRun ? "would change" : "changed";
  io.out(`tables (${plan.tables.length} named IOM_*):\n`);
  if (plan.tables.length === 0) io.out("  none\n");
  for (const t of plan.tables) {
    const where = `${quote(t.sheet)} ${t.name}`;
    if (t.status === "skipped" || t.status === "refused")
      io.out(`  ${where}: ${t.status === "refused" ? "refused" : "skipped"} — ${t.reason ?? ""}\n`);
    else
      io.out(
        `  ${where}: ${t.status === "current" ? "up to date" : `${plural(t.changed, "cell")} ${would}`}\n`,
      );
  }
  const f = plan.formulas;
  io.out(
    `formulas (${f.total} mentioning IOM.*): ${plural(f.updated, "cached value")} ${would}, ${f.current} up to date, ${f.skipped} skipped\n`,
  );
  for (const x of plan.skipped)
    io.out(`  ${quote(x.sheet)}!${x.address} =${x.formula}: skipped — ${x.reason}\n`);
  if (f.skipped > plan.skipped.length) io.out(`  … and ${f.skipped - plan.skipped.length} more skipped\n`);
  if (plan.changedCount > 0) io.out(`cells ${would} (${plan.changedCount}):\n`);
  const shownPerSheet = new Map<string, number>();
  for (const c of plan.changes) {
    shownPerSheet.set(c.sheet, (shownPerSheet.get(c.sheet) ?? 0) + 1);
    io.out(
      `  ${quote(c.sheet)}!${addressOf(c.row, c.col)}: ${c.from} → ${c.to}${c.why ? ` (${c.why})` : ""}\n`,
    );
  }
  const shown = plan.changes.length;
  if (plan.changedCount > shown) io.out(`  … and ${plan.changedCount - shown} more\n`);
  for (const n of plan.notes) io.out(`note: ${n}\n`);
}

/** Copies a file's bytes into `fd` (an up-to-date workbook written to --out as it is). */
function copyInto(from: string, fd: number): Promise<void> {
  const src = openSync(from, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let pos = 0; ;) {
      const n = readSync(src, buf, 0, buf.length, pos);
      if (n === 0) break;
      for (let done = 0; done < n;) done += writeSync(fd, buf, done, n - done);
      pos += n;
    }
  } finally {
    closeSync(src);
  }
  return Promise.resolve();
}

/** What happened to the file, for --json. */
type Outcome = "dry-run" | "refused" | "up-to-date" | "copied" | "written";

/** The plan and its outcome as one JSON document: every cell address in A1 form. */
function planJson(plan: RefreshPlan, workbook: string, out: string, outcome: Outcome): string {
  const { changes, ...rest } = plan;
  return `${JSON.stringify(
    {
      workbook,
      out,
      outcome,
      ...rest,
      changes: changes.map(({ row, col, ...c }) => ({ ...c, address: addressOf(row, col) })),
    },
    null,
    2,
  )}\n`;
}

export async function runRefresh(workbook: string, opts: RefreshOptions, io: Io): Promise<number> {
  checkInput(workbook);
  const out = opts.out ?? workbook;
  // A read-only file or folder is refused before any work.
  const target = opts.dryRun ? undefined : writeTarget(out);
  const sameFile = target !== undefined && target.real === realpathSync(workbook);
  const refresh = await WorkbookRefresh.open(
    workbook,
    workbook,
    {
      force: Boolean(opts.force),
      show: opts.show ?? (opts.json ? Number.MAX_SAFE_INTEGER : 20),
      dryRun: Boolean(opts.dryRun),
    },
    opts.limits,
  );
  // With --json, the text report is left out and one JSON document says what happened.
  const text: Io = opts.json ? { out: () => undefined, err: (t) => io.err(t) } : io;
  const plan = refresh.plan;
  const done = (outcome: Outcome, code: number): number => {
    if (opts.json) io.out(planJson(plan, workbook, out, outcome));
    return code;
  };
  try {
    text.out(
      `${opts.dryRun ? "dry run: nothing is written. " : ""}refresh ${workbook}${out !== workbook ? ` → ${out}` : ""}\n`,
    );
    printPlan(plan, Boolean(opts.dryRun), text);
    if (plan.refusedTables.length > 0 && !opts.force) {
      const refusal = refuse("tables_changed", { file: workbook, tables: plan.refusedTables });
      if (opts.dryRun) {
        text.out(`a refresh would be refused: ${refusal.message}\n`);
        return done("refused", EXIT.failed);
      }
      done("refused", EXIT.failed);
      throw refusal;
    }
    if (opts.dryRun || !target) return done("dry-run", EXIT.ok);
    if (refresh.upToDate) {
      if (sameFile) {
        text.out(`${workbook} is up to date: nothing written\n`);
        return done("up-to-date", EXIT.ok);
      }
      await replaceFile(target, (fd) => copyInto(workbook, fd));
      text.out(`${workbook} is up to date: copied unchanged to ${out}\n`);
      return done("copied", EXIT.ok);
    }
    await replaceFile(target, (fd) => refresh.write(fd));
    text.out(`wrote ${out}: ${plural(plan.changedCount, "cell")} changed\n`);
    return done("written", EXIT.ok);
  } finally {
    await refresh.close();
  }
}
