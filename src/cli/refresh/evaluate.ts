/**
 * The refresh's one door to the core: what an =IOM.* call gives (through `evaluate`, the very
 * function code Excel runs) and what an IOM_<table> table must hold (through the sheet layout the
 * export writes). Nothing else under refresh/ imports the core, so a change of the core or of the
 * layout is rewired here.
 */
import { iom, type Arg } from "../../core";
import { NA_FORMULA } from "../../sheets/table-block";
import { FACTS_TABLE } from "../../sheets/names";
import { tableValues } from "../../sheets/table-values";
import { evaluate } from "../commands/eval";
import type { CellValue } from "./cell-values";

/** The text of a label or heading as compared: footnote marks ("(a)") and spacing ignored. */
export const normalizeLabel = (s: string | undefined): string =>
  (s ?? "")
    .replace(/\s*\([a-z](, [a-z])*\)$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** What a call gives: one value, a grid (a spilled result), or "unknown function" (left alone). */
export type CallResult =
  | { kind: "value"; value: CellValue }
  | { kind: "grid"; grid: CellValue[][] }
  | { kind: "unknown"; message: string };

type Cell = string | number | boolean | { code: string; message?: string };

function toCell(c: Cell): CellValue {
  if (typeof c === "object") return c.message ? { error: c.code, why: c.message } : { error: c.code };
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
  else if ("error" in r) out = { kind: "value", value: toCell(r.error) };
  else if (Array.isArray(r.value)) out = { kind: "grid", grid: r.value.map((row) => row.map(toCell)) };
  else out = { kind: "value", value: toCell(r.value) };
  if (memo.size > 50_000) memo.clear();
  memo.set(formula, out);
  return out;
}

/** What an IOM_<template> Excel table holds (a report table's, or a chart template's data), as the blocks lay it out. */
export interface ReportTableShape {
  kind: "report";
  /** The report's name for it ("Table 5"), or the chart template's title. */
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

/** The shape an IOM_<template> table must have, or undefined when no template has that id. */
export function tableShape(tableName: string): TableShape | undefined {
  const core = iom();
  const edition = core.edition;
  if (tableName.toLowerCase() === FACTS_TABLE.toLowerCase()) {
    const values = new Map<string, CellValue>();
    // The facts sheet's "value" column holds each fact's value (export-workbook.ts, factRow).
    for (const f of edition.facts) values.set(f.key, f.value);
    return { kind: "facts", values };
  }
  const id = tableName.slice(4).toLowerCase();
  const templateId = [...edition.tables.map((t) => t.id), ...core.presentation.charts.map((c) => c.id)].find(
    (t) => t.toLowerCase() === id,
  );
  const values = templateId === undefined ? undefined : tableValues(core, templateId);
  if (!values) return undefined;
  const table = edition.tables.find((t) => t.id === templateId);
  const numberColumns = values.columns.length - values.labelColumns;
  const label = (row: (typeof values.body)[number]): string => {
    for (let k = values.labelColumns - 1; k >= 0; k--)
      if (row[k] !== "" && row[k] !== undefined) return String(row[k]);
    return "";
  };
  return {
    kind: "report",
    title:
      table?.number ??
      core.presentation.charts.find((c) => c.id === templateId)?.title.en ??
      templateId ??
      "",
    rows: values.body.length,
    labelColumns: values.labelColumns,
    numberColumns,
    headers: Array.from({ length: numberColumns }, (_, j) => {
      const c = table?.columns[j];
      const names = [values.columns[values.labelColumns + j] ?? ""];
      if (c) names.push(c.label, c.path.join(" / "), c.path.join(" "), c.path.slice(-2).join(" "));
      return names.map(normalizeLabel);
    }),
    rowLabels: table
      ? table.rows.map((r) => normalizeLabel(r.label))
      : values.body.map((r) => normalizeLabel(label(r))),
    body: values.body.map((row, r) =>
      row.slice(values.labelColumns).map((c, j): CellValue => {
        if (c === "") return null;
        if (c === NA_FORMULA) {
          const why = values.notes.get(`${r}:${values.labelColumns + j}`);
          return why ? { error: "#N/A", why } : { error: "#N/A" };
        }
        return c;
      }),
    ),
  };
}
