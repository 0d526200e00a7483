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

/**
 * Writes `block` with its top-left cell at A1. Widths fit the Excel table's columns (titles and
 * notes overflow to the right, as in the pane); the headings freeze above the body.
 */
export function writeBlock(ws: ExcelJS.Worksheet, block: Block): void {
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
    ref: a1(block.table.row, block.table.col),
    headerRow: true,
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
}

/** Leading text columns of the Excel table: the report's labels. */
const labelColumns = (block: Block): number => {
  const formats = block.numberFormats[block.body.row] ?? [];
  let n = 0;
  while (n < formats.length && formats[n] === "@") n++;
  return n;
};
