/**
 * The chart templates in the exported workbook: each on its own sheet, laid out as the task pane
 * inserts it (chartBlock: title, unit, the data as an Excel table, notes, source), with its native
 * chart beside the data, and a "Charts" section on the contents sheet linking to them. One sheet
 * per chart, because each is then a page a reader can find by name, print alone and copy whole.
 */
import type ExcelJS from "exceljs";
import type { Iom } from "../../../core/iom";
import { columnName, type Rect } from "../../../taskpane/plans/a1";
import {
  type Block,
  type CellFormat,
  type ChartSpec,
  type Content,
  GENERAL_FORMAT,
} from "../../../taskpane/plans/block";
import { CHARTS, type ChartDef, chartBlock } from "../../../taskpane/plans/charts";
import { NA_FORMULA } from "../../../taskpane/plans/table-block";
import { LINK_FONT, TABLE_STYLE, linesFor, quoteSheet, sheetLink } from "../export-workbook";
import { CONTENTS_SHEET, FACTS_SHEET } from "../layout";
import type { SheetChart } from "./add-charts";
import type { ChartData } from "./chart-xml";

/** "Chart 1", "Chart 2"…: short, stable names the contents sheet explains (titles exceed 31 characters). */
export const chartSheetName = (n: number): string => `Chart ${n}`;

/** 'Chart 1'!$B$4:$B$8 */
function absolute(sheet: string, r: Rect): string {
  const first = `$${columnName(r.col)}$${r.row + 1}`;
  const last = `$${columnName(r.col + r.cols - 1)}$${r.row + r.rows}`;
  return `${quoteSheet(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

const addressOf = (row: number, col: number): string => `${columnName(col)}${row + 1}`;

/** A block's cell as exceljs writes it: =NA() keeps its cached #N/A, so every reader shows the gap. */
function cellValue(c: Content): ExcelJS.CellValue {
  if (typeof c === "number") return c;
  if (c === "") return null;
  if (c === NA_FORMULA) return { formula: "NA()", result: { error: "#N/A" } };
  if (c.startsWith("=")) return { formula: c.slice(1) };
  return c;
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

const ALIGN = { Left: "left", Right: "right", CenterAcrossSelection: "centerContinuous" } as const;

function applyFormat(ws: ExcelJS.Worksheet, f: CellFormat): void {
  for (let r = f.rect.row; r < f.rect.row + f.rect.rows; r++)
    for (let c = f.rect.col; c < f.rect.col + f.rect.cols; c++) {
      const cell = ws.getCell(addressOf(r, c));
      const font: Partial<ExcelJS.Font> = { ...cell.font };
      if (f.bold) font.bold = true;
      if (f.italic) font.italic = true;
      if (f.size) font.size = f.size;
      if (f.color) font.color = { argb: argb(f.color) };
      cell.font = font;
      if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
      if (f.align) cell.alignment = { ...cell.alignment, horizontal: ALIGN[f.align] };
      if (f.borderTop) cell.border = { ...cell.border, top: { style: "thin" } };
    }
}

/** Writes a block at A1: its cells, its Excel table, formats and column widths. */
function writeBlock(ws: ExcelJS.Worksheet, block: Block): void {
  const t = block.table;
  const inTable = (r: number, c: number): boolean =>
    r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols;
  block.cells.forEach((row, r) =>
    row.forEach((content, c) => {
      if (!inTable(r, c) && content !== "") ws.getCell(addressOf(r, c)).value = cellValue(content);
    }),
  );
  const header = block.cells[t.row]?.slice(t.col, t.col + t.cols) ?? [];
  ws.addTable({
    name: block.tableName,
    displayName: block.tableName,
    ref: addressOf(t.row, t.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: false, showFirstColumn: true },
    columns: header.map((h) => ({ name: String(h), filterButton: false })),
    rows: block.cells
      .slice(t.row + 1, t.row + t.rows)
      .map((row) => row.slice(t.col, t.col + t.cols).map(cellValue)),
  });
  block.numberFormats.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format !== GENERAL_FORMAT && block.cells[r]?.[c] !== "")
        ws.getCell(addressOf(r, c)).numFmt = format;
    }),
  );
  ws.getRow(t.row + 1).font = { bold: true };
  block.formats.forEach((f) => applyFormat(ws, f));

  // Widths from the data, as the export's tables: labels up to 48 characters, longer ones wrap.
  const body = block.cells.slice(t.row + 1, t.row + t.rows);
  const shown = (v: Content | undefined): string =>
    typeof v === "number" ? `${v.toLocaleString("en-US")} ` : v === NA_FORMULA ? "#N/A" : (v ?? "");
  const widths = header.map((h, ci) => {
    const longest = Math.max(...body.map((row) => shown(row[t.col + ci]).length));
    if (ci === 0) return Math.min(48, Math.max(12, longest + 2));
    const longestWord = Math.max(
      ...String(h)
        .split(/\s+/)
        .map((w) => w.length),
    );
    return Math.min(24, Math.max(10, longest + 2, longestWord + 2));
  });
  widths.forEach((w, ci) => (ws.getColumn(t.col + ci + 1).width = w));
  const lineHeight = 15;
  const rowLines = (r: number): number =>
    Math.max(1, ...header.map((_, ci) => linesFor(shown(block.cells[r]?.[t.col + ci]), widths[ci] ?? 10)));
  for (let r = t.row; r < t.row + t.rows; r++) {
    const lines = rowLines(r);
    if (lines > 1) {
      ws.getRow(r + 1).height = lineHeight * lines;
      for (let ci = 0; ci < header.length; ci++)
        ws.getCell(addressOf(r, t.col + ci)).alignment = {
          ...ws.getCell(addressOf(r, t.col + ci)).alignment,
          wrapText: true,
          vertical: "top",
        };
    }
  }
  // Notes and the source line wrap within the data's width instead of running under the chart.
  const dataWidth = widths.reduce((a, b) => a + b, 0);
  for (let r = t.row + t.rows; r < block.cells.length; r++) {
    const note = block.cells[r]?.[0];
    if (typeof note !== "string" || note === "" || note.length <= dataWidth) continue;
    ws.mergeCells(addressOf(r, t.col), addressOf(r, t.col + t.cols - 1));
    const cell = ws.getCell(addressOf(r, t.col));
    cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
    // The notes are 9-point text: about 12 points a line, and a little more room for wider glyphs.
    ws.getRow(r + 1).height = 12 * linesFor(note, Math.floor(dataWidth * 1.1));
  }
}

/** The plan without its block-relative rectangles, which the references below replace. */
function withoutRects(spec: ChartSpec): ChartData["spec"] {
  const plan: Partial<ChartSpec> = { ...spec };
  delete plan.data;
  delete plan.position;
  return plan as ChartData["spec"];
}

/** What the chart of a block plots: the ranges of its table and the values they hold. */
export function chartDataOf(block: Block, sheet: string): ChartData {
  const spec = block.chart;
  if (!spec) throw new Error(`template ${block.templateId} has no chart`);
  const { data } = spec;
  const bodyRows = data.rows - 1;
  const rows = block.cells.slice(data.row + 1, data.row + data.rows);
  return {
    spec: withoutRects(spec),
    categoriesRef: absolute(sheet, { row: data.row + 1, col: data.col, rows: bodyRows, cols: 1 }),
    categories: rows.map((r) => String(r[data.col] ?? "")),
    series: Array.from({ length: data.cols - 1 }, (_, s) => {
      const col = data.col + 1 + s;
      return {
        nameRef: absolute(sheet, { row: data.row, col, rows: 1, cols: 1 }),
        name: String(block.cells[data.row]?.[col] ?? ""),
        valuesRef: absolute(sheet, { row: data.row + 1, col, rows: bodyRows, cols: 1 }),
        values: rows.map((r) => {
          const v = r[col];
          return typeof v === "number" ? v : null;
        }),
        format: block.numberFormats[data.row + 1]?.[col] ?? GENERAL_FORMAT,
      };
    }),
  };
}

/** Data wider than this many columns gets its chart below it rather than beside it. */
const WIDE_DATA = 4;

/**
 * Where the chart goes: the plan's place beside the data, at least as tall as it. Data of
 * many series (projects by service and region) is as wide as a page itself, so its chart goes
 * under it, as wide as the data, instead of being shrunk to fit beside it.
 */
function anchorOf(block: Block): Pick<SheetChart, "from" | "to"> {
  const p = block.chart?.position ?? { row: 0, col: 0, rows: 0, cols: 0 };
  if (block.table.cols > WIDE_DATA) {
    const top = block.cells.length + 1;
    const cols = Math.max(p.cols, block.table.cols);
    return { from: { row: top, col: 0 }, to: { row: top + p.rows + 4, col: cols } };
  }
  // Its top at the table's header row, so the title and unit above stay readable across the sheet.
  const top = block.table.row;
  const rows = Math.max(p.rows, block.cells.length - top);
  return {
    from: { row: top, col: p.col },
    to: { row: top + rows, col: p.col + p.cols + labelRoom(block) },
  };
}

/**
 * Extra columns for a bar chart whose category labels are long ("Movement, Emergency and
 * Post-crisis Migration Management"): LibreOffice does not wrap them, so they would squeeze the
 * bars. About 12 characters of the 8-point labels fit in a default column.
 */
function labelRoom(block: Block): number {
  if (!block.chart?.type.startsWith("Bar")) return 0;
  const t = block.table;
  const longest = Math.max(
    0,
    ...block.cells.slice(t.row + 1, t.row + t.rows).map((r) => String(r[t.col] ?? "").length),
  );
  return Math.ceil(Math.max(0, longest - 24) / 12);
}

interface ChartSheet {
  sheet: string;
  def: ChartDef;
  block: Block;
}

/** A "Charts" section under the contents sheet's list of tables, in its columns. */
function listOnContents(wb: ExcelJS.Workbook, sheets: ChartSheet[]): void {
  const ws = wb.getWorksheet(CONTENTS_SHEET);
  if (!ws) return;
  const top = ws.rowCount + 2;
  ws.getCell(top, 1).value = "Charts";
  ws.getCell(top, 1).font = { bold: true };
  sheets.forEach(({ sheet, def, block }, i) => {
    const lang = block.lang;
    const row = ws.getRow(top + 1 + i);
    row.values = [
      sheet,
      def.sources.join(", "),
      def.title[lang],
      def.values[lang],
      def.period[lang],
      block.tableName,
      String(block.cells[block.cells.length - 1]?.[0] ?? ""),
    ];
    row.getCell(1).value = sheetLink(sheet);
    row.getCell(1).font = LINK_FONT;
  });
}

/**
 * Adds one sheet per chart template (static figures, in `lang`) and lists them on the contents
 * sheet; returns the charts for addCharts to put beside their data once the package is written.
 */
export function writeChartSheets(wb: ExcelJS.Workbook, i: Iom, lang: Block["lang"] = "en"): SheetChart[] {
  const sheets = CHARTS.map((def, n): ChartSheet => {
    const block = chartBlock(def, "static", lang, i);
    const sheet = chartSheetName(n + 1);
    const ws = wb.addWorksheet(sheet, {
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
    });
    writeBlock(ws, block);
    // The printed page holds the data and the chart, whatever their overlap with the used range.
    const { to } = anchorOf(block);
    const lastCol = columnName(Math.max(to.col, block.cells[0]?.length ?? 1) - 1);
    // exceljs writes "$" + each corner, so the rows' "$" is ours: $A$1:$L$20.
    ws.pageSetup.printArea = `A$1:${lastCol}$${Math.max(to.row, block.cells.length)}`;
    return { sheet, def, block };
  });
  listOnContents(wb, sheets);
  // The charts follow the tables; the facts sheet, a reference list, stays last. exceljs orders
  // sheets by orderNo, which its typings leave out.
  const facts = wb.getWorksheet(FACTS_SHEET) as unknown as { orderNo: number } | undefined;
  if (facts) facts.orderNo = wb.worksheets.length + 1;
  return sheets.map(({ sheet, block }) => ({
    sheet,
    name: `${block.tableName}_chart`,
    ...anchorOf(block),
    chart: chartDataOf(block, sheet),
  }));
}
