/**
 * `iom refresh`: plans, then applies, the smallest set of cell edits that brings a workbook up to
 * date: the values of every Excel table named IOM_<table id> (or IOM_facts) and the cached value of
 * every =IOM.* formula. The plan is plain data, so a dry run prints it and tests inspect it; only
 * `applyPlan` touches the workbook, and only the planned cells' values.
 */
import type ExcelJS from "exceljs";
import { iom, type Arg, type Edition, type Table } from "../../core";
import type { EvalResult } from "../commands/eval";
import { factRow } from "./export-workbook";
import { a1, blockValue } from "./write-block";
import { FACTS_TABLE } from "../../sheets/names";
import { tableValues } from "../../sheets/table-values";
import { literalFormula, mentionsIom, parseIomCall, type CellRef } from "./formula-cells";

/** The expected text of a row's innermost label cell, for matching rows in an edited sheet. */
const normalizeLabel = (s: string | undefined): string =>
  (s ?? "")
    .replace(/\s*\([a-z](, [a-z])*\)$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

export interface CellEdit {
  sheet: string;
  address: string;
  from: string;
  to: string;
  /** The new cell value (for a formula cell: the same formula with a new cached result). */
  value: ExcelJS.CellValue;
}

export interface TableReport {
  sheet: string;
  name: string;
  status: "updated" | "current" | "skipped";
  /** Cells whose value changes. */
  changed: number;
  /** Why a table was skipped. */
  reason?: string;
}

export interface FormulaReport {
  sheet: string;
  address: string;
  formula: string;
  status: "updated" | "current" | "skipped";
  reason?: string;
}

export interface RefreshPlan {
  tables: TableReport[];
  formulas: FormulaReport[];
  edits: CellEdit[];
  /** Sheets with planned edits that are protected: the refresh must not write them. */
  protectedSheets: string[];
}

type Evaluate = (formula: string) => EvalResult;

/** The loaded form of an exceljs table (its typings describe only tables being created). */
interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B4:I17" → 0-based box. */
export function parseRange(ref: string): Box | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const top = Number(m[2]) - 1;
  const left = colNumber(m[1] ?? "A");
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? colNumber(m[3]) : left };
}

/** A cell value as short text, for reports and to compare old and new. */
export function showValue(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined || v === "") return "(blank)";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString();
  if ("error" in v) return v.error;
  if ("richText" in v) return JSON.stringify(v.richText.map((r) => r.text).join(""));
  if ("hyperlink" in v) return JSON.stringify(v.text);
  if ("result" in v) return showValue(v.result);
  return "(formula without value)";
}

const hasFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue =>
  typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);

const isProtected = (ws: ExcelJS.Worksheet): boolean =>
  // exceljs keeps a loaded sheet's <sheetProtection> here but leaves it out of its typings.
  Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet);

function tablesOf(ws: ExcelJS.Worksheet): TableModel[] {
  // Loaded tables are wrappers whose model is in `.table` (typings say otherwise).
  return (ws.getTables() as unknown as { table: TableModel }[]).map((t) => t.table);
}

/** A cell's value without creating the cell (exceljs's getCell adds every cell it is asked for). */
function peek(ws: ExcelJS.Worksheet, address: string): ExcelJS.CellValue {
  const at = parseRange(address);
  return at ? (ws.findCell(at.top + 1, at.left + 1)?.value ?? null) : null;
}

const headerText = (v: ExcelJS.CellValue): string => normalizeLabel(showValue(v).replace(/^"|"$/g, ""));

class Planner {
  readonly plan: RefreshPlan = { tables: [], formulas: [], edits: [], protectedSheets: [] };
  /** Cells whose new value is already planned (so a reference to them reads the new value). */
  private readonly planned = new Map<string, ExcelJS.CellValue>();

  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly edition: Edition,
    private readonly evaluate: Evaluate,
  ) {}

  private edit(ws: ExcelJS.Worksheet, address: string, value: ExcelJS.CellValue): boolean {
    const from = showValue(peek(ws, address));
    const to = showValue(value);
    if (from === to) return false;
    this.plan.edits.push({ sheet: ws.name, address, from, to, value });
    this.planned.set(`${ws.name}!${address}`, value);
    return true;
  }

  run(): RefreshPlan {
    for (const ws of this.wb.worksheets) for (const t of tablesOf(ws)) this.table(ws, t);
    for (const ws of this.wb.worksheets) this.formulas(ws);
    const sheets = new Set(this.plan.edits.map((e) => e.sheet));
    this.plan.protectedSheets = this.wb.worksheets
      .filter((ws) => sheets.has(ws.name) && isProtected(ws))
      .map((ws) => ws.name);
    return this.plan;
  }

  private table(ws: ExcelJS.Worksheet, t: TableModel): void {
    if (!/^IOM_/i.test(t.name)) return;
    const report: TableReport = { sheet: ws.name, name: t.name, status: "skipped", changed: 0 };
    this.plan.tables.push(report);
    const box = parseRange(t.tableRef ?? t.ref ?? "");
    if (!box) {
      report.reason = `its range "${t.tableRef ?? t.ref ?? ""}" can't be read`;
      return;
    }
    const body = {
      ...box,
      top: box.top + (t.headerRow === false ? 0 : 1),
      bottom: box.bottom - (t.totalsRow ? 1 : 0),
    };
    const id = t.name.slice(4);
    const skip = (reason: string): void => void (report.reason = reason);
    let changed = 0;
    if (t.name.toLowerCase() === FACTS_TABLE.toLowerCase()) {
      const r = this.factsTable(ws, t, body);
      if (typeof r === "string") return skip(r);
      changed = r;
    } else {
      const table = this.edition.tables.find((x) => x.id.toLowerCase() === id.toLowerCase());
      if (!table) return skip(`no report table has the id "${id}" (see \`iom tables\`)`);
      const r = this.reportTable(ws, t, body, table);
      if (typeof r === "string") return skip(r);
      changed = r;
    }
    report.changed = changed;
    report.status = changed > 0 ? "updated" : "current";
  }

  /** Rewrites the report's numbers in an IOM_<id> table, after checking it still has the report's shape. */
  private reportTable(ws: ExcelJS.Worksheet, t: TableModel, body: Box, table: Table): number | string {
    const layout = tableValues(iom({ edition: this.edition.edition }), table.id);
    if (!layout) return `no template for ${table.number}`;
    const n = table.columns.length;
    const width = body.right - body.left + 1;
    const rows = body.bottom - body.top + 1;
    const labelCols = width - n;
    if (labelCols < 0 || rows !== table.rows.length)
      return `its shape changed: the report's ${table.number} has ${table.rows.length} rows × ${n} number columns, the table has ${rows} rows × ${width} columns`;
    if (t.headerRow !== false) {
      for (let j = 0; j < n; j++) {
        const c = table.columns[j];
        if (!c) continue;
        const found = headerText(peek(ws, a1(body.top - 1, body.left + labelCols + j)));
        const names = [
          layout.columns[layout.labelColumns + j] ?? "",
          c.label,
          c.path.join(" / "),
          c.path.join(" "),
          c.path.slice(-2).join(" "),
        ].map(normalizeLabel);
        if (!names.includes(found))
          return `column ${labelCols + j + 1} is headed "${found}", not "${c.label}": columns were moved or renamed`;
      }
    }
    if (labelCols > 0) {
      for (let i = 0; i < rows; i++) {
        const want = normalizeLabel(table.rows[i]?.label);
        const labels = Array.from({ length: labelCols }, (_, k) =>
          headerText(peek(ws, a1(body.top + i, body.left + k))),
        );
        if (!labels.some((l) => l === want || l.endsWith(` ${want}`) || l.endsWith(`› ${want}`)))
          return `row ${i + 1} is labelled "${labels.filter(Boolean).join(" / ")}", not "${table.rows[i]?.label ?? ""}": rows were moved or edited`;
      }
    }
    let changed = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < n; j++) {
        const address = a1(body.top + i, body.left + labelCols + j);
        // A live-formula cell keeps its formula; the formula pass refreshes its cached value.
        if (hasFormula(peek(ws, address))) continue;
        const want = blockValue(layout.body[i]?.[layout.labelColumns + j] ?? "");
        if (this.edit(ws, address, want)) changed++;
      }
    }
    return changed;
  }

  private factsTable(ws: ExcelJS.Worksheet, t: TableModel, body: Box): number | string {
    const names = t.columns.map((c) => c.name.toLowerCase());
    const keyCol = names.indexOf("key");
    const valueCol = names.indexOf("value");
    if (keyCol < 0 || valueCol < 0) return `it has no "key" and "value" columns`;
    const facts = new Map(this.edition.facts.map((f) => [f.key, f]));
    const unknown: string[] = [];
    let changed = 0;
    for (let r = body.top; r <= body.bottom; r++) {
      const key = showValue(peek(ws, a1(r, body.left + keyCol))).replace(/^"|"$/g, "");
      const fact = facts.get(key);
      if (!fact) {
        unknown.push(key);
        continue;
      }
      const address = a1(r, body.left + valueCol);
      if (hasFormula(peek(ws, address))) continue;
      if (this.edit(ws, address, factRow(fact)[2] ?? null)) changed++;
    }
    if (unknown.length > 0 && changed === 0 && unknown.length === body.bottom - body.top + 1)
      return `none of its keys is a fact of the report (e.g. "${unknown[0]}")`;
    return changed;
  }

  /** The value a referenced cell passes to a function, or undefined when it can't be passed as a literal. */
  private refValue(ws: ExcelJS.Worksheet, ref: CellRef): { value: Arg } | undefined {
    const sheet = ref.sheet === undefined ? ws : this.wb.getWorksheet(ref.sheet);
    if (!sheet) return undefined;
    const key = `${sheet.name}!${ref.address}`;
    let v: ExcelJS.CellValue = this.planned.has(key) ? this.planned.get(key) : peek(sheet, ref.address);
    if (hasFormula(v)) v = v.result;
    if (v === null || v === undefined) return { value: null };
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v };
    if (typeof v === "object" && "richText" in v) return { value: v.richText.map((r) => r.text).join("") };
    if (typeof v === "object" && "hyperlink" in v) return { value: v.text };
    return undefined;
  }

  private formulas(ws: ExcelJS.Worksheet): void {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (!hasFormula(v)) return;
        const formula = cell.formula;
        if (!formula || !mentionsIom(formula)) return;
        const report: FormulaReport = {
          sheet: ws.name,
          address: cell.address,
          formula: `=${formula}`,
          status: "skipped",
        };
        this.plan.formulas.push(report);
        const call = parseIomCall(formula);
        if (!call) {
          report.reason =
            "not a single =IOM.* call with literal or single-cell arguments: its cached value is left as it is";
          return;
        }
        const args: Arg[] = [];
        for (const a of call.args) {
          const x = "literal" in a ? { value: a.literal } : this.refValue(ws, a.ref);
          if (!x) {
            report.reason = "an argument refers to a cell on a missing sheet or holding an error or a date";
            return;
          }
          args.push(x.value);
        }
        const r = this.evaluate(literalFormula(call.name, args));
        if ("error" in r && r.error.code === "#NAME?") {
          report.reason = `${r.error.message ?? "unknown function"}: its cached value is left as it is`;
          return;
        }
        const value = "error" in r ? r.error : r.value;
        const grid = Array.isArray(value) ? value : undefined;
        const result = toResult(Array.isArray(value) ? value[0]?.[0] : value);
        const changed = this.edit(ws, cell.address, { ...v, result });
        const spillChanged = grid ? this.spill(ws, v, grid, report) : false;
        report.status = changed || spillChanged ? "updated" : "current";
      }),
    );
  }

  /** Writes a spilled result into the other cells of the array range recorded in the file. */
  private spill(
    ws: ExcelJS.Worksheet,
    v: ExcelJS.CellValue,
    grid: ResultCell[][],
    report: FormulaReport,
  ): boolean {
    const ref =
      (v as { shareType?: string; ref?: string }).shareType === "array"
        ? (v as { ref?: string }).ref
        : undefined;
    const box = ref ? parseRange(ref) : undefined;
    if (!box) {
      report.reason =
        "a spilled result without a recorded array range: only its first cell's cached value is written";
      return false;
    }
    let changed = false;
    const rows = Math.max(grid.length, box.bottom - box.top + 1);
    const cols = Math.max(...grid.map((g) => g.length), box.right - box.left + 1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const r = box.top + i;
        const c = box.left + j;
        if (r > box.bottom || c > box.right) {
          report.reason = `the result (${grid.length} × ${cols}) is larger than the array range ${ref ?? ""} recorded in the file; cells outside it are not written`;
          continue;
        }
        const address = a1(r, c);
        if (hasFormula(peek(ws, address))) continue;
        const g = grid[i]?.[j];
        if (this.edit(ws, address, g === undefined ? null : toResult(g))) changed = true;
      }
    }
    return changed;
  }
}

type ResultCell = string | number | boolean | { code: string; message?: string };

function toResult(c: ResultCell | undefined): number | string | boolean | ExcelJS.CellErrorValue {
  if (c === undefined) return "";
  if (typeof c === "object") return { error: c.code as ExcelJS.CellErrorValue["error"] };
  return c;
}

export function planRefresh(wb: ExcelJS.Workbook, edition: Edition, evaluate: Evaluate): RefreshPlan {
  return new Planner(wb, edition, evaluate).run();
}

/** Applies a plan's edits: each planned cell gets its new value, and nothing else is touched. */
export function applyPlan(wb: ExcelJS.Workbook, plan: RefreshPlan): void {
  for (const e of plan.edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) throw new Error(`internal error: sheet ${e.sheet} vanished`);
    ws.getCell(e.address).value = e.value;
  }
}
