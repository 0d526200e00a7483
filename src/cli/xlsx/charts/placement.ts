/**
 * Where a chart template's native chart goes on its sheet and what it plots: the ranges of the
 * block's Excel table and the values they hold (cached in the chart part, so it draws before any
 * recalculation), and an anchor beside the data — or under it when the data is a page wide.
 */
import { columnName, quoteSheet, type Rect } from "../../../sheets/a1";
import { type Block, type ChartSpec, GENERAL_FORMAT } from "../../../sheets/block";
import type { SheetChart } from "./add-charts";
import type { ChartData } from "./chart-xml";

/** 'Chart 1'!$B$4:$B$8 */
function absolute(sheet: string, r: Rect): string {
  const first = `$${columnName(r.col)}$${r.row + 1}`;
  const last = `$${columnName(r.col + r.cols - 1)}$${r.row + r.rows}`;
  return `${quoteSheet(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** The plan without its block-relative rectangles, which the references replace. */
function withoutRects(spec: ChartSpec): ChartData["spec"] {
  const { data: _data, position: _position, ...plan } = spec;
  return plan;
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

/**
 * Where the chart goes: the plan's place beside the data, at least as tall as it, its top at the
 * table's header row so the title and unit above stay readable. Data of many series (projects by
 * service and region) is as wide as a page itself, so its chart goes under it, as wide as the data.
 */
export function anchorOf(block: Block): Pick<SheetChart, "from" | "to"> {
  const p = block.chart?.position ?? { row: 0, col: 0, rows: 0, cols: 0 };
  if (block.table.cols > WIDE_DATA) {
    const top = block.cells.length + 1;
    const cols = Math.max(p.cols, block.table.cols);
    return { from: { row: top, col: 0 }, to: { row: top + p.rows + 4, col: cols } };
  }
  const top = block.table.row;
  const rows = Math.max(p.rows, block.cells.length - top);
  return {
    from: { row: top, col: p.col },
    to: { row: top + rows, col: p.col + p.cols + labelRoom(block) },
  };
}

/** The chart of a block written on `sheet`, for addCharts. */
export function sheetChartOf(block: Block, sheet: string): SheetChart {
  return { sheet, name: `${block.tableName}_chart`, ...anchorOf(block), chart: chartDataOf(block, sheet) };
}

/** The print area holding the block and its chart: A$1:L$20 (exceljs adds "$" before each corner). */
export function printAreaOf(block: Block): string {
  const { to } = anchorOf(block);
  const lastCol = columnName(Math.max(to.col, block.cells[0]?.length ?? 1) - 1);
  return `A$1:${lastCol}$${Math.max(to.row, block.cells.length)}`;
}
