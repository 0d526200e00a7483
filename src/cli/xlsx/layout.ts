/**
 * How one report table is laid out on a worksheet: a plain-data plan shared by the xlsx export,
 * `iom refresh` (which must find the same cells again) and the generated Office Scripts.
 *
 *   row 0     title                     ("Table 5. Officials by category/grade, …")
 *   row 1     unit, period and section
 *   row 2     (blank)
 *   rows 3…   the outer levels of the report's nested column headers, merged over their groups
 *   next row  the Excel table IOM_<id>: one header row (the innermost labels, made unique),
 *             then the body as tableGrid lays it out; totals rows bold
 *   then      a blank row, the footnotes, a note on #N/A cells, and the source line
 */
import { isMissing, tableGrid, type Edition, type Table } from "../../core";

/** A body cell: a label or number, blank (null), or a cell the report leaves undetermined. */
export type LayoutCell = string | number | null | { missing: string };

export interface HeaderBand {
  /** One entry per sheet column of the table (label columns included); "" where blank. */
  cells: string[];
  /** Column ranges [first, last] (0-based, inclusive) to merge: a group label over its columns. */
  merges: [number, number][];
}

export interface TableLayout {
  tableId: string;
  /** The Excel table's name, also how `iom refresh` and the add-in recognise it. */
  tableName: string;
  sheetName: string;
  title: string;
  subtitle: string;
  /** Outer header levels, shown above the Excel table (empty for single-level headers). */
  bands: HeaderBand[];
  /** The Excel table's header row: unique, non-empty names (Excel requires both). */
  columnNames: string[];
  /** How many leading columns hold row labels; the report's numbers follow. */
  labelColumns: number;
  /** Excel number format of each column ("@" for label columns). */
  numberFormats: string[];
  body: LayoutCell[][];
  /** Body row indexes of the report's totals and subtotals (printed bold). */
  boldRows: number[];
  notes: string[];
  /** 0-based sheet row of the Excel table's header row. */
  headerRow: number;
}

/** Excel limits a sheet name to 31 characters and forbids a few characters. */
const SHEET_NAME_MAX = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export const tableNameOf = (tableId: string): string => `IOM_${tableId}`;
export const FACTS_TABLE = "IOM_facts";
export const FACTS_SHEET = "Facts";
export const CONTENTS_SHEET = "Contents";

export function sheetNameOf(table: Table): string {
  const n = table.number;
  return n.length <= SHEET_NAME_MAX && !BAD_SHEET_CHARS.test(n) ? n : table.id;
}

/** The line every sheet and script ends with, naming the document and the lines of its text. */
export function sourceLine(table: Table, edition: Pick<Edition, "document">): string {
  const [a, b] = table.lines;
  return `Source: IOM, ${edition.document}, ${table.number}, ${a === b ? `line ${a}` : `lines ${a}–${b}`}`;
}

const decimals = (n: number): number => {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
};

/** A number format per report column: whole numbers with thousands separators, or the decimals printed. */
function columnFormat(table: Table, ci: number): string {
  if (table.columns[ci]?.unit === "rank") return "0";
  const d = Math.max(
    0,
    ...table.rows.map((r) => (typeof r.cells[ci] === "number" ? decimals(r.cells[ci]) : 0)),
  );
  return d === 0 ? "#,##0" : `#,##0.${"0".repeat(d)}`;
}

/** The innermost labels, with the full header path wherever a label repeats (F, M under each location). */
function uniqueColumnNames(table: Table, labelColumns: number): string[] {
  const labels = Array.from({ length: labelColumns }, (_, i) =>
    labelColumns === 1 ? "Label" : `Label ${i + 1}`,
  );
  const leaf = table.columns.map((c) => c.label.trim() || c.path.join(" / ").trim() || c.key);
  const count = new Map<string, number>();
  for (const l of [...labels, ...leaf]) count.set(l.toLowerCase(), (count.get(l.toLowerCase()) ?? 0) + 1);
  const named = table.columns.map((c, i) => {
    const l = leaf[i] ?? c.key;
    return (count.get(l.toLowerCase()) ?? 0) > 1 ? c.path.join(" / ") : l;
  });
  // Still equal (same path twice): number the later ones, as Excel itself would.
  const seen = new Set<string>();
  return [...labels, ...named].map((n) => {
    let name = n;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${n} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The outer header levels, from the columns' paths (padded at the top, as tableGrid pads them). */
function headerBands(table: Table, labelColumns: number, headerRows: number): HeaderBand[] {
  const padded = table.columns.map((c) => [...Array<string>(headerRows - c.path.length).fill(""), ...c.path]);
  const bands: HeaderBand[] = [];
  for (let level = 0; level < headerRows - 1; level++) {
    const cells: string[] = Array<string>(labelColumns).fill("");
    const merges: [number, number][] = [];
    let start = 0;
    padded.forEach((path, ci) => {
      const prev = padded[ci - 1];
      const same = prev !== undefined && path.slice(0, level + 1).every((p, i) => p === prev[i]);
      if (!same) start = ci;
      cells.push(same ? "" : (path[level] ?? ""));
      const next = padded[ci + 1];
      const groupEnds = next === undefined || !next.slice(0, level + 1).every((p, i) => p === path[i]);
      if (groupEnds && ci > start && (path[level] ?? "") !== "")
        merges.push([labelColumns + start, labelColumns + ci]);
    });
    bands.push({ cells, merges });
  }
  return bands;
}

export function tableLayout(table: Table, edition: Pick<Edition, "document" | "edition">): TableLayout {
  const grid = tableGrid(table, true);
  const { headerRows, labelColumns } = grid;
  const body: LayoutCell[][] = grid.cells.slice(headerRows).map((row, ri) =>
    row.map((c, ci): LayoutCell => {
      if (isMissing(c)) return c;
      if (c === "") return null;
      const r = table.rows[ri];
      // The report's footnote marks follow the row's own (innermost) label.
      if (ci === labelColumns - 1 && r?.marks?.length) return `${c} (${r.marks.join(", ")})`;
      return c;
    }),
  );
  const missing = body.flat().filter((c) => c !== null && typeof c === "object").length;
  const notes = table.footnotes.map((f) => (f.mark ? `${f.mark} ${f.text}` : f.text));
  if (missing > 0)
    notes.push(
      `#N/A: ${missing} cell${missing === 1 ? "" : "s"} the report's text does not determine; each cell's note gives the reason and the certain combined figure.`,
    );
  notes.push(sourceLine(table, edition));
  return {
    tableId: table.id,
    tableName: tableNameOf(table.id),
    sheetName: sheetNameOf(table),
    title: table.title.startsWith(table.number) ? table.title : `${table.number}. ${table.title}`,
    subtitle: `Unit: ${table.unit}. Period: ${table.period}. ${edition.document} (${edition.edition}), section ${table.section}.`,
    bands: headerBands(table, labelColumns, headerRows),
    columnNames: uniqueColumnNames(table, labelColumns),
    labelColumns,
    numberFormats: [
      ...Array<string>(labelColumns).fill("@"),
      ...table.columns.map((_, ci) => columnFormat(table, ci)),
    ],
    body,
    boldRows: table.rows.flatMap((r, i) => (r.sumOf ? [i] : [])),
    notes,
    headerRow: 3 + Math.max(0, headerRows - 1),
  };
}

/** The expected text of a row's innermost label cell, for matching rows in an edited sheet. */
export const normalizeLabel = (s: string | undefined): string =>
  (s ?? "")
    .replace(/\s*\([a-z](, [a-z])*\)$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
