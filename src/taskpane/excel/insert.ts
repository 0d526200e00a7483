/**
 * Inserts a block: one round trip reads the target area (and what the decision needs), one writes
 * everything — whatever the block's size. The decision and every address come from plans/insert.
 */
import { rectAddress } from "../../sheets/a1";
import type { Block } from "../../sheets/block";
import {
  type Blocked,
  type ChartOp,
  type Destination,
  type FormatOp,
  type TargetState,
  type WritePlan,
  checkTarget,
  planWrite,
} from "../plans/insert";
import { newSheetName } from "../../sheets/names";
import { SETTINGS_KEY } from "../plans/metadata";
import type { ExcelRun, Supports } from "./run";

export type InsertResult =
  { kind: "inserted"; plan: WritePlan; syncs: number } | { kind: "blocked"; blocked: Blocked; syncs: number };

export function insertBlock(
  run: ExcelRun,
  block: Block,
  destination: Destination,
  edition: string,
  supports: Supports,
): Promise<InsertResult> {
  return run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name");
    const tables = wb.tables;
    tables.load("items/name");
    const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load("value");

    // The selection is always on the active sheet; a new sheet has nothing to read.
    const area = destination.kind === "newSheet" ? undefined : readArea(context, destination, block);
    await context.sync();

    let settings: unknown = null;
    if (!setting.isNullObject) settings = setting.value;
    const state: TargetState = {
      sheet: "",
      anchor: { row: 0, col: 0 },
      sheetNames: sheets.items.map((s) => s.name),
      tableNames: tables.items.map((t) => t.name),
      settings,
      ...(area ? areaState(area) : {}),
    };
    const blocked = checkTarget(block, state);
    if (blocked) return { kind: "blocked", blocked, syncs: 1 };

    const place =
      destination.kind === "newSheet"
        ? { sheet: newSheetName(destination.name, state.sheetNames), row: 0, col: 0, createSheet: true }
        : { sheet: state.sheet, ...state.anchor, createSheet: false };
    const plan = planWrite(block, place, state, edition);
    write(context, plan, supports);
    await context.sync();
    return { kind: "inserted", plan, syncs: 2 };
  });
}

interface AreaReads {
  sheet: Excel.Worksheet;
  target: Excel.Range;
  used: Excel.Range;
  charts: Excel.ChartCollection;
}

/** Queues the reads of the target area: its contents and geometry, the used range, the charts. */
function readArea(
  context: Excel.RequestContext,
  destination: Exclude<Destination, { kind: "newSheet" }>,
  block: Block,
): AreaReads {
  const wb = context.workbook;
  const sheet =
    destination.kind === "selection"
      ? wb.worksheets.getActiveWorksheet()
      : wb.worksheets.getItem(destination.sheet);
  const anchor =
    destination.kind === "selection"
      ? wb.getSelectedRange().getCell(0, 0)
      : sheet.getRange(rectAddress({ row: destination.row, col: destination.col, rows: 1, cols: 1 }));
  sheet.load("name");
  const target = anchor.getResizedRange(block.footprint.rows - 1, block.footprint.cols - 1);
  target.load("formulas,rowIndex,columnIndex,top,left,width,height");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  const charts = sheet.charts;
  charts.load("items/name,items/top,items/left,items/width,items/height");
  return { sheet, target, used, charts };
}

/** The part of TargetState read from the area (after the sync). */
function areaState(reads: AreaReads): Omit<TargetState, "sheetNames" | "tableNames" | "settings"> {
  const { sheet, target, used, charts } = reads;
  let usedRange: string | null = null;
  if (!used.isNullObject) usedRange = used.address;
  return {
    sheet: sheet.name,
    anchor: { row: target.rowIndex, col: target.columnIndex },
    contents: target.formulas as unknown[][],
    footprintBox: { top: target.top, left: target.left, width: target.width, height: target.height },
    usedRange,
    charts: charts.items.map((c) => ({
      name: c.name,
      top: c.top,
      left: c.left,
      width: c.width,
      height: c.height,
    })),
  };
}

/** Queues the whole write plan; the caller syncs once. */
function write(context: Excel.RequestContext, plan: WritePlan, supports: Supports): void {
  const wb = context.workbook;
  const ws = plan.createSheet ? wb.worksheets.add(plan.sheet) : wb.worksheets.getItem(plan.sheet);
  const range = ws.getRange(plan.address);
  // Formats first: a text cell must be text before "10-17" lands in it, or Excel makes it a date.
  range.numberFormat = plan.numberFormats;
  range.formulas = plan.cells;
  for (const f of plan.formats) applyFormat(ws.getRange(f.address), f);
  const table = ws.tables.add(plan.table.address, true);
  table.name = plan.table.name;
  table.style = plan.table.style;
  table.showFilterButton = false;
  ws.getRange(plan.autofitAddress).format.autofitColumns();
  if (plan.chart) addChart(ws, plan.chart, supports);
  wb.settings.add(plan.settings.key, plan.settings.value);
  if (plan.createSheet) ws.activate();
  ws.getRange(plan.select).select();
}

function applyFormat(range: Excel.Range, f: FormatOp): void {
  const font = range.format.font;
  if (f.bold !== undefined) font.bold = f.bold;
  if (f.italic !== undefined) font.italic = f.italic;
  if (f.size !== undefined) font.size = f.size;
  if (f.color !== undefined) font.color = f.color;
  if (f.fill !== undefined) range.format.fill.color = f.fill;
  if (f.align !== undefined) range.format.horizontalAlignment = f.align;
  if (f.borderTop) range.format.borders.getItem("EdgeTop").style = "Continuous";
}

function addChart(ws: Excel.Worksheet, spec: ChartOp, supports: Supports): void {
  const chart = ws.charts.add(spec.type, ws.getRange(spec.dataAddress), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.setPosition(spec.topLeft, spec.bottomRight);
  chart.dataLabels.showValue = true;
  if (spec.valueFormat && supports("1.8")) chart.dataLabels.numberFormat = spec.valueFormat;
  chart.legend.visible = spec.legend !== "None";
  if (spec.legend !== "None") chart.legend.position = spec.legend;
  if (spec.type !== "Pie") {
    const { categoryAxis, valueAxis } = chart.axes;
    if (spec.categoryAxisTitle) categoryAxis.title.text = spec.categoryAxisTitle;
    if (spec.valueAxisTitle) valueAxis.title.text = spec.valueAxisTitle;
    if (spec.valueFormat) valueAxis.numberFormat = spec.valueFormat;
    if (spec.reverseCategories) categoryAxis.reversePlotOrder = true;
    if (spec.categoryLabels && supports("1.7")) categoryAxis.tickLabelPosition = spec.categoryLabels;
  }
  const first = chart.series.getItemAt(0);
  if (spec.gapWidth !== undefined) first.gapWidth = spec.gapWidth;
  if (spec.overlap !== undefined && supports("1.8")) first.overlap = spec.overlap;
}
