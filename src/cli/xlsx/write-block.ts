/**
 * Writes a block (the plain-data layout of a table or chart template, src/sheets) onto an exceljs
 * worksheet: the same cells, number formats, formats and Excel table the task pane writes in Excel.
 */
import type ExcelJS from "exceljs";
import { columnName, type Rect } from "../../sheets/a1";
import type { Block, CellFormat, Content } from "../../sheets/block";
import { FONT_FAMILY, TABLE_STYLE } from "../../sheets/names";
import { NA_FORMULA } from "../../sheets/table-block";

/** A1 address of a 0-based row and column. */
export const a1 = (row: number, col: number): string => `${columnName(col)}${row + 1}`;

/** The value exceljs writes for a block cell: formulas with their cached result, #N/A for =NA(). */
export function blockValue(c: Content): ExcelJS.CellValue {
  if (c === "") return null;
  if (c === NA_FORMULA) return { formula: "NA()", result: { error: "#N/A" } };
  return c;
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function forEachCell(rect: Rect, f: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) f(r, c);
}

/** One format op of the block, applied cell by cell (exceljs styles cells, not ranges). */
function applyFormat(ws: ExcelJS.Worksheet, f: CellFormat): void {
  forEachCell(f.rect, (r, c) => {
    const cell = ws.getCell(a1(r, c));
    if (f.bold || f.italic || f.size || f.color)
      cell.font = {
        ...cell.font,
        name: FONT_FAMILY,
        ...(f.bold ? { bold: true } : {}),
        ...(f.italic ? { italic: true } : {}),
        ...(f.size ? { size: f.size } : {}),
        ...(f.color ? { color: { argb: argb(f.color) } } : {}),
      };
    if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
    if (f.align)
      cell.alignment = {
        ...cell.alignment,
        horizontal:
          f.align === "CenterAcrossSelection" ? "centerContinuous" : f.align === "Left" ? "left" : "right",
      };
    if (f.borderTop) cell.border = { ...cell.border, top: { style: "thin" } };
  });
}

/** Shown width of a cell's content, in characters. */
function shownLength(c: Content, format: string | undefined): number {
  if (typeof c === "number") {
    const decimals = /0\.(0+)/.exec(format ?? "")?.[1]?.length ?? 0;
    return (
      c.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).length +
      1
    );
  }
  return c === NA_FORMULA ? 4 : c.length;
}

/** How a sheet prints: the page header's title and edition, the footer's source line. */
export interface PrintSetup {
  title: string;
  edition: string;
  source: string;
  /** "Page &P of &N" in the workbook's language, with &P and &N where the numbers go. */
  pageOf: string;
}

/** Text for a page header or footer: "&" is Excel's code character there. */
const hf = (text: string, max = 120): string => {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(/&/g, "&&");
};

/**
 * Writes `block` with its top-left cell at A1. Widths fit the Excel table's columns (titles and
 * notes overflow to the right, as in the pane); the headings freeze above the body. With `print`,
 * the sheet is laid out to print like the report: the headings as the report prints them ("F"
 * under its group, above an Excel table without a header row), the title wrapped across the
 * table, one page wide, the headings repeated on every page, a page header and footer.
 */
export function writeBlock(ws: ExcelJS.Worksheet, block: Block, print?: PrintSetup): void {
  block.cells.forEach((row, r) =>
    row.forEach((c, col) => {
      const cell = ws.getCell(a1(r, col));
      const value = blockValue(c);
      if (value !== null) cell.value = value;
      cell.font = { name: FONT_FAMILY, size: 11 };
      const format = block.numberFormats[r]?.[col];
      if (format && format !== "General") cell.numFmt = format;
    }),
  );
  const header = block.cells[block.table.row] ?? [];
  const body = block.cells.slice(block.body.row, block.body.row + block.body.rows);
  ws.addTable({
    name: block.tableName,
    displayName: block.tableName,
    // Printed: the table starts at the body; its unique column names stay its own, the headings above are the report's.
    ref: a1(print ? block.body.row : block.table.row, block.table.col),
    headerRow: !print,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: false, showFirstColumn: true },
    columns: header.map((name) => ({ name: String(name), filterButton: false })),
    rows: body.map((row) => row.map(blockValue)),
  });
  // exceljs rewrites the table's cells from `rows`: restyle them after.
  for (let r = block.table.row; r < block.table.row + block.table.rows; r++)
    for (let col = 0; col < header.length; col++) {
      const cell = ws.getCell(a1(r, col));
      cell.font = { name: FONT_FAMILY, size: 11, ...(r === block.table.row ? { bold: true } : {}) };
      const format = block.numberFormats[r]?.[col];
      if (format && format !== "General") cell.numFmt = format;
    }
  ws.getRow(block.table.row + 1).alignment = { wrapText: true, vertical: "bottom" };
  if (print) {
    const labels = labelColumns(block);
    block.displayHeader.forEach((text, col) => {
      const cell = ws.getCell(a1(block.table.row, col));
      cell.value = text;
      cell.border = { bottom: { style: "thin" } };
      // Headings stand over their column's figures: left over labels, right over numbers.
      cell.alignment = { wrapText: true, vertical: "bottom", horizontal: col < labels ? "left" : "right" };
    });
  }
  for (const f of block.formats) applyFormat(ws, f);
  for (const n of block.cellNotes) ws.getCell(a1(n.row, n.col)).note = n.text;
  header.forEach((_, col) => {
    const lengths = block.cells
      .slice(block.table.row + 1, block.table.row + block.table.rows)
      .map((row, i) => shownLength(row[col] ?? "", block.numberFormats[block.table.row + 1 + i]?.[col]));
    const longestHeaderWord = Math.max(
      ...String(header[col] ?? "")
        .split(/\s+/)
        .map((w) => w.length),
    );
    const isLabel = block.numberFormats[block.body.row]?.[col] === "@";
    const width =
      Math.max(...lengths, Math.min(isLabel ? 48 : 24, longestHeaderWord + 1), isLabel ? 12 : 8) + 2;
    ws.getColumn(col + 1).width = Math.min(isLabel ? 50 : 26, width);
  });
  ws.views = [
    {
      state: "frozen",
      ySplit: block.table.row + 1,
      xSplit: labelColumns(block),
      topLeftCell: a1(block.table.row + 1, 0),
    },
  ];
  if (print) printSetup(ws, block, print);
}

/** Page setup, print titles, header and footer, and the title wrapped across the table's width. */
function printSetup(ws: ExcelJS.Worksheet, block: Block, print: PrintSetup): void {
  const width = block.cells[0]?.length ?? 1;
  const columns = Array.from({ length: width }, (_, c) => ws.getColumn(c + 1).width ?? 10);
  const total = columns.reduce((a, b) => a + b, 0);
  // A long title wraps inside the table's width instead of running off the printed page.
  if (width > 1) ws.mergeCells(1, 1, 1, width);
  ws.getCell("A1").alignment = { wrapText: true, vertical: "top" };
  const titleText = String(block.cells[0]?.[0] ?? "");
  ws.getRow(1).height = 18 * Math.max(1, Math.ceil((titleText.length * 1.15) / Math.max(20, total)));
  // Wrapped headings need rows tall enough: spreadsheet applications don't grow rows for text they load.
  const headingLines = Math.max(
    1,
    ...block.displayHeader.map((h, c) => Math.ceil(h.length / Math.max(4, (columns[c] ?? 10) - 1))),
  );
  ws.getRow(block.table.row + 1).height = 15 * Math.min(6, headingLines);
  // Notes and the source line wrap within the table's width rather than run under a chart beside it.
  for (let r = block.table.row + block.table.rows; r < block.cells.length; r++) {
    const note = block.cells[r]?.[0];
    if (typeof note !== "string" || note === "" || note.length <= total || width < 2) continue;
    ws.mergeCells(r + 1, 1, r + 1, width);
    ws.getCell(a1(r, 0)).alignment = { wrapText: true, vertical: "top" };
    // The notes are 9-point text: about 12 points a line, a little more room for wider glyphs.
    ws.getRow(r + 1).height = 12 * Math.ceil((note.length * 0.9) / total);
  }
  const bands = block.formats.filter((f) => f.align === "CenterAcrossSelection").map((f) => f.rect.row);
  const firstHeading = Math.min(block.table.row, ...bands);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: total > 110 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${firstHeading + 1}:${block.table.row + 1}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const pageOf = hf(print.pageOf, 40).replace("&&P", "&P").replace("&&N", "&N");
  ws.headerFooter = {
    oddHeader: `&L&"${FONT_FAMILY},Bold"&9${hf(print.title)}&R&"${FONT_FAMILY},Regular"&9${hf(print.edition, 40)}`,
    oddFooter: `&L&"${FONT_FAMILY},Regular"&8${hf(print.source)}&R&"${FONT_FAMILY},Regular"&8${pageOf}`,
  };
}

/** Leading text columns of the Excel table: the report's labels. */
const labelColumns = (block: Block): number => {
  const formats = block.numberFormats[block.body.row] ?? [];
  let n = 0;
  while (n < formats.length && formats[n] === "@") n++;
  return n;
};
