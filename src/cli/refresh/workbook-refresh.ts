/**
 * `iom refresh` as a surgical patch of the package. Plan: find the workbook's sheets, tables and
 * shared strings; read every sheet once (sheet-reader) and, when formulas refer to cells read
 * before them, once more for those cells only; check the IOM_<table> tables; evaluate what is
 * left (in dependency order, skipping circular references). Write: every zip entry copied as its
 * compressed bytes except the sheets with edits, whose bytes are spliced (sheet-patcher).
 */
import type { Arg } from "../../core";
import { cachedValue, isError, sameValue, showValue, type CellValue } from "./cell-values";
import type { CallResult } from "./evaluate";
import { checkTable, prepareTable, type TableContext, type TableReport, type TableState } from "./iom-tables";
import { refTarget, templateText, type Template } from "./formulas";
import { refuse, SKIP_REASON } from "./messages";
import {
  officeDocumentPart,
  parseRelationships,
  parseTable,
  parseWorkbookSheets,
  relsPartOf,
  SharedStringsReader,
  type TablePart,
} from "./package-parts";
import {
  cellKey,
  isSst,
  MAX_COL,
  ReaderState,
  SheetReader,
  spillValue,
  type SheetRead,
  type SkippedFormula,
} from "./sheet-reader";
import { SpliceSource, splicer } from "./sheet-patcher";
import { SheetScanner } from "./sheet-scanner";
import { INSERTED, Kind, Status, Targets, ValueTable } from "./targets";
import { decodeOoxmlEscapes, XmlSyntaxError } from "./xml-text";
import { DamagedPart, PartTooLarge, ZipPackage, type DeflatedPart, type Replacement } from "./zip-package";
import { EARLY_PATCH_LIMIT, EarlyPatch, WORKER_DEFLATE_FROM } from "./early-patch";
import { WorkerDeflater } from "./worker-deflater";

// Per-cell code reads these as module constants: under tsx, every use of an imported binding is a getter call.
const PENDING = Status.Pending;
const CURRENT = Status.Current;
const CHANGED = Status.Changed;
const SKIPPED = Status.Skipped;
const FORMULA = Kind.Formula;
const SPILL = Kind.Spill;
const TABLE = Kind.Table;

export interface Limits {
  /** Largest decompressed size of one part the refresh reads. */
  maxPartBytes: number;
  /** Sheets from this size (decompressed) are deflated in a worker thread; WORKER_DEFLATE_FROM when not given. */
  workerDeflateFrom?: number;
}

export const DEFAULT_LIMITS: Limits = { maxPartBytes: 2 * 1024 ** 3 };

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const relType = (type: string, name: string): boolean => type === REL + name || type === STRICT_REL + name;

export type { TableReport };

export interface RefreshOptions {
  force: boolean;
  /** How many changed cells to list per sheet. */
  show: number;
  /** Nothing will be written: the sheets are not patched while they are read. */
  dryRun?: boolean;
}

export interface CellChange {
  sheet: string;
  row: number;
  col: number;
  from: string;
  to: string;
  /** Why the new value is an error (#N/A: an undetermined cell, a name that matches nothing). */
  why?: string;
}

export interface RefreshPlan {
  file: string;
  tables: TableReport[];
  formulas: { total: number; updated: number; current: number; skipped: number };
  skipped: { sheet: string; address: string; formula: string; reason: string }[];
  /** Cells that change, the first `show` of each sheet; `changedCount` counts them all. */
  changes: CellChange[];
  changedCount: number;
  notes: string[];
  /** Tables refused because their shape changed (a refusal unless forced). */
  refusedTables: string[];
  /** Sheet parts that get new bytes. */
  sheetsToWrite: number;
}

interface SheetInfo {
  index: number;
  name: string;
  part: string;
  tables: TablePart[];
  read?: SheetRead;
  /** The sheet patched and deflated while it was read, when every cell could be decided then. */
  patched?: DeflatedPart | undefined;
}

export const addressOf = (row: number, col: number): string => {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
};

const quoteSheet = (sheet: string): string =>
  /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

/** An open workbook and its refresh plan; `write` produces the refreshed package. */
export class WorkbookRefresh {
  private readonly targets = new Targets(new ValueTable());
  private readonly state = new ReaderState(this.targets);
  private sheets: SheetInfo[] = [];
  private tables: TableState[] = [];
  private sst = new Map<number, string>();
  private sstPart: string | undefined;
  private sheetByName = new Map<string, SheetInfo>();
  /** The sheet being read, whose targets go up to the last one added. */
  private reading: SheetInfo | undefined;
  /** Results of array formulas, for the cells they spill into. */
  private readonly grids = new Map<number, CallResult>();
  /** A worker deflater started before the sheets are read, for the first large one. */
  private spareWorker: WorkerDeflater | undefined;
  readonly plan: RefreshPlan;

  private constructor(
    private readonly pkg: ZipPackage,
    readonly file: string,
    private readonly limits: Limits,
    private readonly opts: RefreshOptions,
  ) {
    this.plan = {
      file,
      tables: [],
      formulas: { total: 0, updated: 0, current: 0, skipped: 0 },
      skipped: [],
      changes: [],
      changedCount: 0,
      notes: [],
      refusedTables: [],
      sheetsToWrite: 0,
    };
  }

  static async open(
    path: string,
    file: string,
    opts: RefreshOptions,
    limits: Limits = DEFAULT_LIMITS,
  ): Promise<WorkbookRefresh> {
    let pkg: ZipPackage;
    try {
      pkg = await ZipPackage.open(path);
    } catch {
      throw refuse("damaged_zip", { file });
    }
    const r = new WorkbookRefresh(pkg, file, limits, opts);
    try {
      await r.run();
    } catch (e) {
      await pkg.close();
      throw r.userError(e);
    }
    return r;
  }

  /** A library or XML error in the user's terms. */
  private userError(e: unknown, part?: string): unknown {
    if (e instanceof PartTooLarge)
      return refuse("too_large", { file: this.file, part: e.part, limitMb: Math.round(e.limit / 1024 ** 2) });
    if (e instanceof XmlSyntaxError)
      return refuse("bad_xml", { file: this.file, part: part ?? "a part", where: e.message });
    if (e instanceof PartXmlError)
      return refuse("bad_xml", { file: this.file, part: e.part, where: e.message });
    if (e instanceof DamagedPart) return refuse("damaged_zip", { file: this.file });
    // Everything the zip library can throw while reading is caught where it reads (open, small, stream).
    return e;
  }

  private async small(part: string): Promise<string> {
    const entry = this.pkg.entries.find((e) => e.name === part);
    if (entry?.encrypted) throw refuse("encrypted_part", { file: this.file, part });
    try {
      return await this.pkg.text(part, Math.min(this.limits.maxPartBytes, 256 * 1024 ** 2));
    } catch (e) {
      if (e instanceof PartTooLarge) throw e;
      throw refuse("damaged_zip", { file: this.file });
    }
  }

  private async xml<T>(part: string, parse: (xml: string) => T): Promise<T> {
    const text = await this.small(part);
    try {
      return parse(text);
    } catch (e) {
      throw new PartXmlError(part, e instanceof Error ? e.message : String(e));
    }
  }

  /** Streams a part through `sink`, with decompressed size guarded. */
  private async stream(
    part: string,
    sink: (chunk: Uint8Array) => Promise<void> | undefined | void,
  ): Promise<void> {
    const entry = this.pkg.entries.find((e) => e.name === part);
    if (!entry) throw refuse("not_workbook", { file: this.file, missing: part });
    if (entry.encrypted) throw refuse("encrypted_part", { file: this.file, part });
    // A declared size past the limit is refused before any work.
    if (entry.uncompressedSize > this.limits.maxPartBytes)
      throw new PartTooLarge(part, this.limits.maxPartBytes);
    try {
      await this.pkg.read(part, sink, this.limits.maxPartBytes);
    } catch (e) {
      if (e instanceof PartTooLarge || e instanceof XmlSyntaxError) throw e;
      if (e instanceof Error && e.name === "UserError") throw e;
      throw refuse("damaged_zip", { file: this.file });
    }
  }

  private async run(): Promise<void> {
    // A worker takes tens of milliseconds to start: started now, beside the reading of the
    // workbook's small parts, it is ready when a large sheet's first bytes are.
    if (
      this.opts.dryRun !== true &&
      this.pkg.entries.some((e) => this.deflatesInWorker(e) && /sheet/i.test(e.name))
    )
      this.spareWorker = new WorkerDeflater(EARLY_PATCH_LIMIT);
    try {
      await this.readAll();
    } finally {
      this.spareWorker?.abort();
      this.spareWorker = undefined;
    }
  }

  /** A part large enough to deflate in a worker. */
  private deflatesInWorker(e: { uncompressedSize: number; compressionMethod: number }): boolean {
    return (
      e.compressionMethod === 8 &&
      e.uncompressedSize >= (this.limits.workerDeflateFrom ?? WORKER_DEFLATE_FROM)
    );
  }

  private async readAll(): Promise<void> {
    const pkg = this.pkg;
    if (!pkg.has("_rels/.rels"))
      throw refuse("not_workbook", { file: this.file, missing: "package relationships (_rels/.rels)" });
    const rootRels = await this.xml("_rels/.rels", (x) => parseRelationships(x, ""));
    const main = officeDocumentPart(rootRels);
    if (!main || !pkg.has(main)) throw refuse("not_workbook", { file: this.file, missing: "workbook part" });
    const sheetRefs = await this.xml(main, parseWorkbookSheets);
    const mainRelsPart = relsPartOf(main);
    const mainRels = pkg.has(mainRelsPart)
      ? await this.xml(mainRelsPart, (x) => parseRelationships(x, main))
      : [];
    this.sstPart = mainRels.find((r) => relType(r.type, "sharedStrings") && pkg.has(r.target))?.target;
    for (const s of sheetRefs) {
      const rel = mainRels.find((r) => r.id === s.relId);
      // Chart sheets and dialog sheets have no cells.
      if (!rel || !relType(rel.type, "worksheet") || !pkg.has(rel.target)) continue;
      const relsPart = relsPartOf(rel.target);
      const rels = pkg.has(relsPart)
        ? await this.xml(relsPart, (x) => parseRelationships(x, rel.target))
        : [];
      const tables: TablePart[] = [];
      for (const r of rels)
        if (relType(r.type, "table") && pkg.has(r.target))
          tables.push(await this.xml(r.target, (x) => parseTable(x, r.target)));
      this.sheets.push({ index: this.sheets.length, name: s.name, part: rel.target, tables });
    }
    if (this.sheets.length === 0) throw refuse("not_workbook", { file: this.file, missing: "worksheets" });
    this.sheetByName = new Map(this.sheets.map((s) => [s.name.toLowerCase(), s]));
    const tableCtx = this.tableContext();
    for (const s of this.sheets)
      for (const t of s.tables) {
        const state = prepareTable(s.name, s.index, t, this.tables.length, tableCtx);
        if (state) this.tables.push(state);
      }
    for (const s of this.sheets) await this.readSheet(s);
    await this.lookUpReferences();
    await this.loadSharedStrings();
    for (const t of this.tables)
      checkTable(
        t,
        this.tableTargets(t),
        this.sheets[t.sheetIndex]?.read?.protected === true,
        this.tableContext(),
      );
    this.resolve();
    this.summarise();
  }

  private async readSheet(sheet: SheetInfo): Promise<void> {
    const watches = this.tables.filter((t) => t.sheetIndex === sheet.index).map((t) => t.watch);
    const reader = new SheetReader(this.state, sheet.index, sheet.name, watches);
    sheet.read = reader.read;
    this.reading = sheet;
    const entry = this.pkg.entries.find((e) => e.name === sheet.part);
    // Room for a target per cell the sheet could hold (a formula cell takes 60 bytes and more).
    if (entry) this.targets.reserve(this.targets.length + Math.min(entry.uncompressedSize / 60, 1 << 20));
    // A table's cells are decided after every sheet is read: its sheet is patched afterwards.
    const early =
      this.opts.dryRun !== true && watches.length === 0 && entry?.compressionMethod === 8
        ? new EarlyPatch(
            this.targets,
            reader.read,
            (t) => this.decideEarly(t),
            this.deflatesInWorker(entry) ? this.takeWorker() : undefined,
          )
        : undefined;
    const scanner = new SheetScanner(reader, () => early?.retainFrom ?? Infinity);
    try {
      await this.stream(sheet.part, (c) => {
        scanner.write(c);
        return early?.advance(scanner, scanner.settled);
      });
      scanner.end();
      await early?.advance(scanner, scanner.settled);
    } catch (e) {
      early?.abort();
      throw this.userError(e, sheet.part);
    } finally {
      this.reading = undefined;
    }
    sheet.read = reader.finish();
    if (early) sheet.patched = await early.finish();
  }

  private takeWorker(): WorkerDeflater {
    const w = this.spareWorker ?? new WorkerDeflater(EARLY_PATCH_LIMIT);
    this.spareWorker = undefined;
    return w;
  }

  /** Reads again, once, the sheets holding referenced cells that came before the formulas referring to them. */
  private async lookUpReferences(): Promise<void> {
    for (const sheet of this.sheets) {
      const wanted = this.state.wanted.get(sheet.name.toLowerCase());
      const read = sheet.read;
      if (!wanted || !read) continue;
      const missing = new Set<number>();
      for (const k of wanted) if (!read.captured.has(k)) missing.add(k);
      if (missing.size === 0) continue;
      const scanner = new SheetScanner({
        cell: (c) => {
          const k = cellKey(c.row, c.col);
          if (!missing.has(k)) return;
          const v = c.value;
          read.captured.set(k, lookupValue(c.type, v, c.inline));
        },
      });
      try {
        await this.stream(sheet.part, (c) => scanner.write(c));
        scanner.end();
      } catch (e) {
        throw this.userError(e, sheet.part);
      }
    }
  }

  private async loadSharedStrings(): Promise<void> {
    const wanted = new Set<number>();
    const add = (v: CellValue | { sst: number }): void => {
      if (isSst(v)) wanted.add(v.sst);
    };
    for (const s of this.sheets) for (const v of s.read?.captured.values() ?? []) add(v);
    for (const t of this.tables) for (const v of t.watch.labels.values()) add(v);
    for (let i = 0; i < this.targets.length; i++) {
      const k = this.targets.sstIndex(i);
      if (k >= 0) wanted.add(k);
    }
    if (wanted.size === 0 || !this.sstPart) return;
    const reader = new SharedStringsReader(wanted);
    try {
      await this.stream(this.sstPart, (c) => reader.write(c));
      reader.end();
    } catch (e) {
      throw this.userError(e, this.sstPart);
    }
    this.sst = reader.found;
  }

  private value(v: CellValue | { sst: number } | undefined): CellValue {
    if (v === undefined) return null;
    return isSst(v) ? (this.sst.get(v.sst) ?? "") : v;
  }

  private tableContext(): TableContext {
    return {
      plan: this.plan,
      targets: this.targets,
      force: this.opts.force,
      sst: this.sst,
      value: (v) => this.value(v),
    };
  }

  private tableTargets(t: TableState): number[] {
    const out: number[] = [];
    const read = this.sheets[t.sheetIndex]?.read;
    if (!read) return out;
    for (let i = read.from; i < read.to; i++)
      if (this.targets.kind[i] === TABLE && this.targets.link[i] === t.index) out.push(i);
    return out;
  }

  /** The target at a cell of a sheet read (or being read), or -1. */
  private targetAt(sheet: SheetInfo, row: number, col: number): number {
    const r = sheet.read;
    if (!r) return -1;
    return this.targets.find(r.from, sheet === this.reading ? this.targets.length : r.to, row, col);
  }

  /**
   * The value of a cell as a formula argument sees it. `early` (while its sheet is read): undefined
   * when it is not known yet (a cell not read, a pending target, a shared string).
   */
  private argumentValue(sheet: SheetInfo, row: number, col: number, early: boolean): CellValue | undefined {
    const targets = this.targets;
    const t = this.targetAt(sheet, row, col);
    if (t >= 0) {
      const s = targets.status[t];
      if (s === CHANGED) return targets.nextValue(t);
      if (early && (s === PENDING || targets.sstIndex(t) >= 0)) return undefined;
      return targets.cachedValue(t, this.sst);
    }
    const v = sheet.read?.captured.get(cellKey(row, col));
    if (early && (v === undefined || isSst(v))) return undefined;
    return this.value(v);
  }

  /** Decides a target from its new value: current when the file holds it already, else changed. */
  private settle(t: number, v: CellValue): void {
    const targets = this.targets;
    if (sameValue(targets.cachedValue(t, this.sst), v) && targets.sstIndex(t) < 0)
      targets.status[t] = CURRENT;
    else {
      targets.status[t] = CHANGED;
      targets.setNext(t, v);
    }
  }

  /**
   * Evaluates a pending formula target whose arguments hold references. `early` (while its sheet
   * is read): false, leaving it pending, when an argument is not known yet.
   */
  private evaluateFormula(t: number, early: boolean): boolean {
    const targets = this.targets;
    const tpl = this.state.templates[targets.link[t] as number] as Template;
    const sheet = this.sheets[targets.sheet[t] as number] as SheetInfo;
    const args: Arg[] = [];
    let error: CellValue | undefined;
    for (const a of tpl.args) {
      if ("literal" in a) {
        args.push(a.literal);
        continue;
      }
      const s = a.ref.sheet === undefined ? sheet : this.sheetByName.get(a.ref.sheet.toLowerCase());
      const at = refTarget(a.ref, targets.row[t] as number, targets.col[t] as number);
      if (!s || at.row < 1 || at.col < 1 || at.col > MAX_COL) {
        if (early) return false;
        this.skipTarget(t, "bad_reference");
        return true;
      }
      const x = this.argumentValue(s, at.row, at.col, early);
      if (x === undefined) return false;
      // An error argument makes the call that error, as in Excel.
      if (x !== null && typeof x === "object") error ??= x;
      else args.push(x);
    }
    // Array formulas are left to the plan, which keeps their results for the cells they spill into.
    if (early && sheet.read?.anchors.has(t)) return false;
    const r: CallResult = error
      ? { kind: "value", value: error }
      : this.state.call(targets.link[t] as number, args);
    if (r.kind === "unknown") {
      if (early) return false;
      this.skipTarget(t, "unknown_function");
      return true;
    }
    // Kept only for array formulas, whose spill cells read it.
    if (sheet.read?.anchors.has(t)) this.grids.set(t, r);
    this.settle(t, r.kind === "grid" ? (r.grid[0]?.[0] ?? null) : r.value);
    return true;
  }

  /** Gives a pending target of the sheet being read its value now, when everything it needs is known. */
  private decideEarly(t: number): boolean {
    return this.targets.kind[t] === FORMULA && this.evaluateFormula(t, true);
  }

  /** Evaluates every formula whose arguments are references, in dependency order. */
  private resolve(): void {
    const targets = this.targets;
    const sheetByName = this.sheetByName;
    const grids = this.grids;
    // 0 unvisited, 1 on the stack, 2 done.
    const mark = new Uint8Array(targets.length);
    const circular = new Set<number>();

    /** The targets a pending target depends on (-1 entries dropped). */
    const deps = (t: number): number[] => {
      const kind = targets.kind[t];
      if (kind === SPILL) return [targets.link[t] as number];
      if (kind !== FORMULA) return [];
      const tpl = this.state.templates[targets.link[t] as number] as Template;
      const sheet = this.sheets[targets.sheet[t] as number] as SheetInfo;
      const out: number[] = [];
      for (const a of tpl.args) {
        if (!("ref" in a)) continue;
        const s = a.ref.sheet === undefined ? sheet : sheetByName.get(a.ref.sheet.toLowerCase());
        if (!s) continue;
        const at = refTarget(a.ref, targets.row[t] as number, targets.col[t] as number);
        const d = this.targetAt(s, at.row, at.col);
        if (d >= 0) out.push(d);
      }
      return out;
    };

    const evaluateTarget = (t: number): void => {
      if (targets.status[t] !== PENDING) return;
      const kind = targets.kind[t];
      if (kind === FORMULA) {
        this.evaluateFormula(t, false);
        return;
      }
      if (kind !== SPILL) return;
      const anchor = targets.link[t] as number;
      const r = grids.get(anchor);
      if (!r || targets.status[anchor] === SKIPPED) {
        targets.status[t] = SKIPPED;
        return;
      }
      const read = (this.sheets[targets.sheet[t] as number] as SheetInfo).read as SheetRead;
      const box = read.anchors.get(anchor)?.box;
      if (!box) return void (targets.status[t] = SKIPPED);
      this.settle(
        t,
        spillValue(r, (targets.row[t] as number) - box.top, (targets.col[t] as number) - box.left),
      );
    };

    // Iterative depth-first order, so a long chain of formulas can't overflow the stack.
    for (let start = 0; start < targets.length; start++) {
      if (targets.status[start] !== PENDING || mark[start] === 2) continue;
      const first = deps(start);
      if (first.length === 0) {
        // Nothing it depends on is refreshed: the common case, with no stack to keep.
        mark[start] = 2;
        evaluateTarget(start);
        continue;
      }
      const stack: { t: number; deps: number[]; i: number }[] = [{ t: start, deps: first, i: 0 }];
      mark[start] = 1;
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as { t: number; deps: number[]; i: number };
        if (top.i < top.deps.length) {
          const d = top.deps[top.i++] as number;
          if (mark[d] === 1) {
            // A cycle: every formula on it, from d up to here, is skipped.
            for (let k = stack.length - 1; k >= 0; k--) {
              const x = (stack[k] as { t: number }).t;
              circular.add(x);
              if (x === d) break;
            }
            continue;
          }
          if (mark[d] === 0 && targets.status[d] === PENDING) {
            mark[d] = 1;
            stack.push({ t: d, deps: deps(d), i: 0 });
          }
          continue;
        }
        stack.pop();
        mark[top.t] = 2;
        if (circular.has(top.t)) this.skipTarget(top.t, "circular");
        else evaluateTarget(top.t);
      }
    }
  }

  private skipTarget(t: number, reason: SkippedFormula["reason"]): void {
    const targets = this.targets;
    targets.status[t] = SKIPPED;
    if (targets.kind[t] !== FORMULA) return;
    const row = targets.row[t] as number;
    const col = targets.col[t] as number;
    this.state.skip({
      sheet: (this.sheets[targets.sheet[t] as number] as SheetInfo).name,
      row,
      col,
      formula: templateText(this.state.templates[targets.link[t] as number] as Template, row, col),
      reason,
    });
  }

  private summarise(): void {
    const targets = this.targets;
    const plan = this.plan;
    // Changes per sheet, by index: an array, as this runs over every target.
    const perSheet = new Uint32Array(this.sheets.length);
    let updated = 0;
    let current = this.state.currentCount;
    for (let i = 0; i < targets.length; i++) {
      const status = targets.status[i];
      const kind = targets.kind[i];
      if (kind === FORMULA && status === CURRENT) current++;
      if (status !== CHANGED) continue;
      if (kind === FORMULA) updated++;
      plan.changedCount++;
      const sheet = targets.sheet[i] as number;
      const n = perSheet[sheet] as number;
      perSheet[sheet] = n + 1;
      if (n < this.opts.show) {
        const next = targets.nextValue(i);
        plan.changes.push({
          sheet: (this.sheets[sheet] as SheetInfo).name,
          row: targets.row[i] as number,
          col: targets.col[i] as number,
          from:
            (targets.flags[i] as number) & INSERTED
              ? "(no cell)"
              : showValue(targets.cachedValue(i, this.sst)),
          to: showValue(next),
          ...(isError(next) && next.why ? { why: next.why } : {}),
        });
      }
    }
    plan.sheetsToWrite = perSheet.filter((n) => n > 0).length;
    const skipped = this.state.skippedCount;
    plan.formulas = { total: this.state.formulaCount, updated, current, skipped };
    plan.skipped = this.state.skipped.map((s) => ({
      sheet: s.sheet,
      address: addressOf(s.row, s.col),
      formula: s.formula,
      reason:
        s.reason === "unknown_function" && s.detail
          ? `${s.detail}: its cached value is left as it is`
          : SKIP_REASON[s.reason],
    }));
    // Array results that don't fit the range the file records.
    for (const sheet of this.sheets)
      for (const [t, a] of sheet.read?.anchors ?? []) {
        const r = a.result ?? undefined;
        if (!r || r.kind !== "grid") continue;
        const rows = r.grid.length;
        const cols = Math.max(0, ...r.grid.map((g) => g.length));
        const h = a.box.bottom - a.box.top + 1;
        const w = a.box.right - a.box.left + 1;
        if (rows > h || cols > w)
          plan.notes.push(
            `${quoteSheet(sheet.name)}!${addressOf(targets.row[t] as number, targets.col[t] as number)}: the result (${rows} × ${cols}) is larger than the array range ${addressOf(a.box.top, a.box.left)}:${addressOf(a.box.bottom, a.box.right)} recorded in the file; the cells outside it are not written (enter the formula again in Excel, with the add-in, to spill it whole)`,
          );
      }
    for (const t of this.tables)
      if (t.report.status === "refused" && this.opts.force) t.report.status = "skipped";
  }

  /** True when nothing would change. */
  get upToDate(): boolean {
    return this.plan.changedCount === 0;
  }

  /** Writes the refreshed package to `fd`: sheets with edits spliced, every other entry copied as it is. */
  async write(fd: number): Promise<void> {
    const replace = new Map<string, Replacement>();
    for (const s of this.sheets) {
      const read = s.read;
      if (!read) continue;
      const source = (): SpliceSource =>
        new SpliceSource(this.targets, read.from, read.to, read.inserts, read.prefix);
      if (source().empty) continue;
      if (s.patched) {
        replace.set(s.part, s.patched);
        continue;
      }
      replace.set(s.part, () =>
        this.pkg.stream(s.part, this.limits.maxPartBytes).pipeThrough(splicer(source())),
      );
    }
    try {
      await this.pkg.write(fd, replace);
    } catch (e) {
      // A file system error keeps its code (atomic-file words it); anything else is the package.
      if (typeof e === "object" && e !== null && "code" in e) throw e;
      const known = this.userError(e);
      throw known === e ? refuse("write_failed", { file: this.file }) : known;
    }
  }

  async close(): Promise<void> {
    await this.pkg.close();
  }
}

/** A problem in a small part's XML, with the part's name. */
class PartXmlError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
  }
}

function lookupValue(
  type: string | undefined,
  v: string | undefined,
  inline: string | undefined,
): CellValue | { sst: number } {
  const x = cachedValue(type, v, inline);
  return typeof x === "string" ? decodeOoxmlEscapes(x) : x;
}
