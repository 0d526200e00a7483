/**
 * `iom export --format xlsx`: every report table in one workbook, each on its own sheet laid out
 * as the report prints it (see layout.ts), a contents sheet linking to them and a sheet of facts.
 */
import ExcelJS from "exceljs";
import type { Edition, Fact } from "../../core/model";
import {
  CONTENTS_SHEET,
  FACTS_SHEET,
  FACTS_TABLE,
  tableLayout,
  type LayoutCell,
  type TableLayout,
} from "./layout";

export const TABLE_STYLE = "TableStyleLight1";
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 13 };

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  let c = col + 1;
  let letters = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** A sheet name as it must be quoted in a reference or link. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The value exceljs writes for a layout cell: #N/A for an undetermined one. */
export function cellValue(c: LayoutCell): ExcelJS.CellValue {
  if (c === null) return null;
  if (typeof c === "object") return { error: "#N/A" };
  return c;
}

function widthOf(values: (LayoutCell | string | undefined)[], min: number, max: number): number {
  const shown = (v: LayoutCell | string | undefined): string =>
    typeof v === "number" ? `${v.toLocaleString("en-US")} ` : typeof v === "string" ? v : v ? "#N/A" : "";
  const longest = Math.max(0, ...values.map((v) => shown(v).length));
  return Math.min(max, Math.max(min, longest + 2));
}

/** Lines a wrapped text needs in a column `width` characters wide. */
export function linesFor(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (used > 0 && used + 1 + word.length > width - 1) {
      lines++;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

/** Writes one table's sheet at the places the layout gives. */
export function writeTableSheet(wb: ExcelJS.Workbook, layout: TableLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [{ state: "frozen", ySplit: layout.headerRow + 1, xSplit: layout.labelColumns }],
  });
  ws.getCell("A1").value = layout.title;
  ws.getCell("A1").font = TITLE_FONT;
  ws.getCell("A2").value = layout.subtitle;
  ws.getCell("A2").font = { italic: true };
  layout.bands.forEach((band, i) => {
    const r = 3 + i;
    band.cells.forEach((text, c) => {
      if (text === "") return;
      const cell = ws.getCell(a1(r, c));
      cell.value = text;
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "bottom", wrapText: true };
    });
    for (const [first, last] of band.merges) ws.mergeCells(a1(r, first), a1(r, last));
  });
  ws.addTable({
    name: layout.tableName,
    displayName: layout.tableName,
    ref: a1(layout.headerRow, 0),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: false, showFirstColumn: true },
    columns: layout.columnNames.map((name) => ({ name, filterButton: false })),
    rows: layout.body.map((row) => row.map(cellValue)),
  });
  const header = ws.getRow(layout.headerRow + 1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "bottom", horizontal: "center" };
  const bold = new Set(layout.boldRows);
  layout.body.forEach((row, ri) => {
    const r = layout.headerRow + 1 + ri;
    row.forEach((c, ci) => {
      const cell = ws.getCell(a1(r, ci));
      if (ci >= layout.labelColumns) cell.numFmt = layout.numberFormats[ci] ?? "General";
      if (bold.has(ri)) cell.font = { bold: true };
      if (c !== null && typeof c === "object") cell.note = c.missing;
    });
  });
  const notesTop = layout.headerRow + layout.body.length + 2;
  layout.notes.forEach((text, i) => {
    const cell = ws.getCell(a1(notesTop + i, 0));
    cell.value = text;
    cell.font = { italic: true, size: 9 };
  });
  const widths = layout.columnNames.map((name, ci) => {
    const values = layout.body.map((row) => row[ci]);
    if (ci < layout.labelColumns) return widthOf(values, 12, 48);
    // Wide enough for the header's longest word, so a wrapped header breaks between words.
    const longestWord = Math.max(...name.split(/\s+/).map((w) => w.length));
    return Math.max(widthOf(values, 8, 16), Math.min(24, longestWord + 2));
  });
  widths.forEach((w, ci) => (ws.getColumn(ci + 1).width = w));
  // Wrapped headers need their rows tall enough: spreadsheet apps don't grow rows for text they load.
  const lineHeight = 15;
  ws.getRow(layout.headerRow + 1).height =
    lineHeight * Math.max(...layout.columnNames.map((n, ci) => linesFor(n, widths[ci] ?? 10)));
  layout.bands.forEach((band, i) => {
    const span = (c: number): number => {
      const m = band.merges.find(([a]) => a === c);
      return m ? widths.slice(m[0], m[1] + 1).reduce((x, y) => x + y, 0) : (widths[c] ?? 10);
    };
    ws.getRow(4 + i).height =
      lineHeight * Math.max(1, ...band.cells.map((t, c) => (t ? linesFor(t, span(c)) : 1)));
  });
  return ws;
}

const FACT_COLUMNS = [
  "key",
  "label",
  "value",
  "unit",
  "year",
  "qualifier",
  "paragraph",
  "line",
  "text as printed",
] as const;

export const factRow = (f: Fact): (string | number)[] => [
  f.key,
  f.label,
  f.value,
  f.unit,
  f.year,
  f.qualifier ?? "",
  f.paragraph,
  f.line,
  f.text,
];

function writeFactsSheet(wb: ExcelJS.Workbook, edition: Edition): void {
  const ws = wb.addWorksheet(FACTS_SHEET, { views: [{ state: "frozen", ySplit: 3 }] });
  ws.getCell("A1").value = `Narrative figures of ${edition.document} (${edition.edition}), by paragraph`;
  ws.getCell("A1").font = TITLE_FONT;
  ws.getCell("A2").value =
    "Each is =IOM.FACT(key) in the add-in; line is the line of the report text that prints it.";
  ws.getCell("A2").font = { italic: true };
  ws.addTable({
    name: FACTS_TABLE,
    ref: "A3",
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: FACT_COLUMNS.map((name) => ({ name, filterButton: true })),
    rows: edition.facts.map(factRow),
  });
  ws.getRow(3).font = { bold: true };
  [34, 60, 14, 14, 6, 12, 10, 7, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/**
 * A link to a sheet of this workbook, as a HYPERLINK formula: exceljs writes its own internal
 * links with a stray external relationship, which spreadsheet apps may resolve as a file name.
 */
export const sheetLink = (sheet: string): ExcelJS.CellFormulaValue => ({
  formula: `HYPERLINK("#${quoteSheet(sheet).replace(/"/g, '""')}!A1","${sheet.replace(/"/g, '""')}")`,
  result: sheet,
});

function writeContents(ws: ExcelJS.Worksheet, edition: Edition, layouts: TableLayout[]): void {
  ws.getCell("A1").value = `IOM, ${edition.document}: ${edition.title}`;
  ws.getCell("A1").font = TITLE_FONT;
  ws.getCell("A2").value =
    `Every table of the report (edition ${edition.edition}), as printed. Each sheet's data is an Excel table named IOM_<id>, which \`iom refresh\` and the add-in update.`;
  ws.getCell("A2").font = { italic: true };
  const head = ws.getRow(4);
  head.values = ["Sheet", "Table", "Title", "Unit", "Period", "Excel table", "Source"];
  head.font = { bold: true };
  const tables = new Map(edition.tables.map((t) => [t.id, t]));
  layouts.forEach((l, i) => {
    const t = tables.get(l.tableId);
    const row = ws.getRow(5 + i);
    row.values = [
      l.sheetName,
      t?.number ?? "",
      t?.title ?? "",
      t?.unit ?? "",
      t?.period ?? "",
      l.tableName,
      l.notes[l.notes.length - 1] ?? "",
    ];
    row.getCell(1).value = sheetLink(l.sheetName);
    row.getCell(1).font = LINK_FONT;
  });
  const factsRow = ws.getRow(5 + layouts.length);
  factsRow.getCell(1).value = sheetLink(FACTS_SHEET);
  factsRow.getCell(1).font = LINK_FONT;
  factsRow.getCell(3).value = `${edition.facts.length} narrative figures, by paragraph`;
  factsRow.getCell(6).value = FACTS_TABLE;
  [30, 36, 70, 14, 18, 22, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** The whole export as an exceljs workbook (not yet written). */
export function exportWorkbook(edition: Edition): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "iom export";
  wb.title = `${edition.document} (${edition.edition}) — every table`;
  // A fixed date keeps two exports of the same data byte-comparable apart from the zip itself.
  wb.created = new Date(Date.UTC(2012, 0, 1));
  wb.modified = wb.created;
  const contents = wb.addWorksheet(CONTENTS_SHEET);
  const layouts = edition.tables.map((t) => tableLayout(t, edition));
  for (const l of layouts) writeTableSheet(wb, l);
  writeFactsSheet(wb, edition);
  writeContents(contents, edition, layouts);
  return wb;
}
