/**
 * A report table as text: CSV and TSV lay it out as printed (nested headers over several rows,
 * nested labels over several columns); JSON gives the structure with keys, paths and lines.
 */
import { isMissing, tableGrid, type GridCell, type Edition, type Table } from "../core";
import { sourceLine } from "../i18n/content";
import { delimited } from "./output";

export const TABLE_FORMATS = ["csv", "tsv", "json"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** What `iom eval` prints: a value per line, spills as rows (text is TSV), or JSON records. */
export const EVAL_FORMATS = ["text", "tsv", "csv", "json"] as const;
export type EvalFormat = (typeof EVAL_FORMATS)[number];
/** What the listings print (list, tables, facts): aligned columns, CSV, TSV or JSON. */
export const LISTING_FORMATS = ["text", "csv", "tsv", "json"] as const;
export type ListingFormat = (typeof LISTING_FORMATS)[number];
/** What `iom source` prints: its line, or the value with its provenance as JSON. */
export const SOURCE_FORMATS = ["text", "json"] as const;

/** What `iom export` writes (here, not in the command's module, which loads the workbook library). */
export const EXPORT_FORMATS = ["xlsx", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Undetermined cells print as #N/A, as in Excel. */
const text = (c: GridCell): string => (isMissing(c) ? "#N/A" : String(c));

export function tableText(table: Table, edition: Edition, format: TableFormat): string {
  if (format === "json") return `${JSON.stringify(tableJson(table, edition), null, 2)}\n`;
  return delimited(
    tableGrid(table, true).cells.map((r) => r.map(text)),
    format,
  );
}

/** The table as data: every cell by row and column key, null for a blank, "#N/A" for an undetermined one. */
export function tableJson(table: Table, edition: Edition): object {
  return {
    id: table.id,
    number: table.number,
    title: table.title,
    section: table.section,
    unit: table.unit,
    period: table.period,
    source: sourceLine(edition.document, table.number, "en", edition.presentation, table.lines),
    lines: table.lines,
    columns: table.columns.map((c) => ({
      key: c.key,
      label: c.label,
      path: c.path,
      ...(c.unit ? { unit: c.unit } : {}),
    })),
    rows: table.rows.map((r) => ({
      key: r.key,
      label: r.label,
      path: r.path,
      line: r.line,
      ...(r.sumOf ? { total: true } : {}),
      ...(r.marks ? { marks: r.marks } : {}),
      values: Object.fromEntries(
        table.columns.map((c, i) => [c.key, r.cells[i] === "undetermined" ? "#N/A" : (r.cells[i] ?? null)]),
      ),
    })),
    footnotes: table.footnotes,
    undetermined: table.undetermined,
  };
}

/** Rows of text as aligned columns, for reading in a terminal. */
export function columns(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return (
    rows
      .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  "))
      .join("\n") + "\n"
  );
}
