/**
 * The refresh's one door to the core: what an =IOM.* call gives (through `evaluate`, the very
 * function code Excel runs) and what an IOM_<table> table must hold (through the sheet layout the
 * export writes). Nothing else under refresh/ imports the core, so a change of the core or of the
 * layout is rewired here.
 */
import type { Arg } from "../../core/args";
import { iom } from "../../core/data";
import { evaluate } from "../commands/eval";
import { FACTS_TABLE, normalizeLabel, tableLayout } from "../xlsx/layout";
import type { CellValue } from "./cell-values";

/** What a call gives: one value, a grid (a spilled result), or "unknown function" (left alone). */
export type CallResult =
  | { kind: "value"; value: CellValue }
  | { kind: "grid"; grid: CellValue[][] }
  | { kind: "unknown"; message: string };

type Cell = string | number | boolean | { code: string };

function toCell(c: Cell): CellValue {
  if (typeof c === "object") return { error: c.code };
  if (typeof c === "number" && !Number.isFinite(c)) return { error: "#NUM!" };
  return c;
}

const literalText = (a: Arg): string =>
  a === null || a === undefined
    ? ""
    : typeof a === "string"
      ? `"${a.replace(/"/g, '""')}"`
      : typeof a === "boolean"
        ? a
          ? "TRUE"
          : "FALSE"
        : String(a);

/** The formula `evaluate` runs, with every argument a literal. */
const literalFormula = (name: string, args: Arg[]): string =>
  `=IOM.${name}(${args.map(literalText).join(",")})`;

const memo = new Map<string, CallResult>();

/** The result of IOM.<name>(args), memoised: a workbook repeats the same calls many times. */
export function evaluateCall(name: string, args: Arg[]): CallResult {
  const formula = literalFormula(name, args);
  const hit = memo.get(formula);
  if (hit) return hit;
  const r = evaluate(formula);
  let out: CallResult;
  if ("error" in r && r.error.code === "#NAME?") out = { kind: "unknown", message: r.error.message ?? "" };
  else if ("error" in r) out = { kind: "value", value: { error: r.error.code } };
  else if (Array.isArray(r.value)) out = { kind: "grid", grid: r.value.map((row) => row.map(toCell)) };
  else out = { kind: "value", value: toCell(r.value) };
  if (memo.size > 50_000) memo.clear();
  memo.set(formula, out);
  return out;
}

/** What a report table's IOM_<id> Excel table holds, as the export lays it out. */
export interface ReportTableShape {
  kind: "report";
  /** The report's name for it ("Table 5"). */
  title: string;
  rows: number;
  /** Label columns, then the report's number columns. */
  labelColumns: number;
  numberColumns: number;
  /** Accepted header texts of each number column (normalised). */
  headers: string[][];
  /** The label of each body row (normalised), to recognise moved or edited rows. */
  rowLabels: string[];
  /** The number cells, row by row. */
  body: CellValue[][];
}

export interface FactsTableShape {
  kind: "facts";
  /** Fact key → value. */
  values: Map<string, CellValue>;
}

export type TableShape = ReportTableShape | FactsTableShape;

/** The shape an IOM_<id> table must have, or undefined when no report table has that id. */
export function tableShape(tableName: string): TableShape | undefined {
  const edition = iom().edition;
  if (tableName.toLowerCase() === FACTS_TABLE.toLowerCase()) {
    const values = new Map<string, CellValue>();
    // The facts sheet's "value" column holds each fact's value (export-workbook.ts, factRow).
    for (const f of edition.facts) values.set(f.key, f.value);
    return { kind: "facts", values };
  }
  const id = tableName.slice(4).toLowerCase();
  const table = edition.tables.find((t) => t.id.toLowerCase() === id);
  if (!table) return undefined;
  const layout = tableLayout(table, edition);
  const n = table.columns.length;
  return {
    kind: "report",
    title: table.number,
    rows: layout.body.length,
    labelColumns: layout.labelColumns,
    numberColumns: n,
    headers: table.columns.map((c, j) =>
      [
        layout.columnNames[layout.labelColumns + j] ?? "",
        c.label,
        c.path.join(" / "),
        c.path.join(" "),
        c.path.slice(-2).join(" "),
      ].map(normalizeLabel),
    ),
    rowLabels: table.rows.map((r) => normalizeLabel(r.label)),
    body: layout.body.map((row) =>
      row.slice(layout.labelColumns).map((c): CellValue => {
        if (c === null) return null;
        if (typeof c === "object") return { error: "#N/A" };
        return c;
      }),
    ),
  };
}

export { normalizeLabel };
