/**
 * Inserting a block: the overwrite guard (decide from what the first round trip read whether the
 * target area is free, and if not, where the next free place is) and the write plan (every address,
 * value, format, table, chart and the metadata record, computed here so the adapter only executes).
 */
import { type Rect, at, parseAddress, quoteSheet, rectAddress } from "../../sheets/a1";
import { type Block, type CellFormat, type ChartSpec, type Content, contentRect } from "../../sheets/block";
import { TABLE_STYLE, uniqueName } from "../../sheets/names";
import { type BlockRecord, SETTINGS_KEY, hashGrid, parseRecords, serializeRecords } from "./metadata";

/** Where the user wants the block. */
export type Destination =
  | { kind: "selection" }
  | { kind: "cell"; sheet: string; row: number; col: number }
  | { kind: "newSheet"; name: string };

/** Position and size of a drawing on the sheet, in points. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** What the first round trip reads (everything the decision needs, nothing more). */
export interface TargetState {
  sheet: string;
  /** Top-left cell of the target (the selected cell, or the cell asked for). */
  anchor: { row: number; col: number };
  /** Contents of the footprint (formulas or constants; "" when empty). Absent for a new sheet. */
  contents?: unknown[][];
  /** The footprint's geometry, to compare with the charts already there. */
  footprintBox?: Box;
  /** The sheet's used range (values only), as an address; null when the sheet holds no value. */
  usedRange?: string | null;
  charts?: (Box & { name: string })[];
  sheetNames: string[];
  tableNames: string[];
  /** The add-in's settings value holding the block records. */
  settings: unknown;
}

export interface Occupied {
  address: string;
  text: string;
}

export interface Blocked {
  sheet: string;
  address: string;
  /** The first few non-empty cells, and how many there are. */
  cells: Occupied[];
  cellCount: number;
  charts: string[];
  /** The next free place on the same sheet: below everything there, same column. */
  next: { sheet: string; row: number; col: number };
}

/** The footprint of a block at an anchor. */
export const footprintAt = (block: Block, anchor: { row: number; col: number }): Rect =>
  at(anchor, { row: 0, col: 0, rows: block.footprint.rows, cols: block.footprint.cols });

const SHOWN_CELLS = 5;

const isEmptyContent = (c: unknown): boolean => c === "" || c === null || c === undefined;

/** Null when the footprint is free; otherwise what is in the way and where the block would fit. */
export function checkTarget(block: Block, state: TargetState): Blocked | null {
  if (!state.contents) return null; // a new sheet: nothing to overwrite
  const area = footprintAt(block, state.anchor);
  const cells: Occupied[] = [];
  let cellCount = 0;
  state.contents.forEach((row, r) =>
    row.forEach((c, col) => {
      if (isEmptyContent(c)) return;
      cellCount++;
      if (cells.length < SHOWN_CELLS)
        cells.push({
          address: rectAddress({ row: area.row + r, col: area.col + col, rows: 1, cols: 1 }),
          text: String(c).slice(0, 40),
        });
    }),
  );
  const box = state.footprintBox;
  const charts = box ? (state.charts ?? []).filter((c) => boxesOverlap(c, box)).map((c) => c.name) : [];
  if (cellCount === 0 && charts.length === 0) return null;
  return {
    sheet: state.sheet,
    address: rectAddress(area),
    cells,
    cellCount,
    charts,
    next: { sheet: state.sheet, row: nextFreeRow(block, state), col: state.anchor.col },
  };
}

const boxesOverlap = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/**
 * First row below every value and every chart, leaving one empty row. Charts are placed in points,
 * so their last row is estimated from the footprint's average row height.
 */
function nextFreeRow(block: Block, state: TargetState): number {
  let last = -1;
  if (state.usedRange) {
    const { rect } = parseAddress(state.usedRange);
    last = rect.row + rect.rows - 1;
  }
  const box = state.footprintBox;
  if (box && box.height > 0) {
    const rowHeight = box.height / block.footprint.rows;
    for (const c of state.charts ?? []) {
      const bottom = state.anchor.row + Math.ceil((c.top + c.height - box.top) / rowHeight) - 1;
      last = Math.max(last, bottom);
    }
  }
  return last + 2;
}

export interface FormatOp extends Omit<CellFormat, "rect"> {
  address: string;
}

export interface ChartOp extends Omit<ChartSpec, "data" | "position"> {
  name: string;
  dataAddress: string;
  topLeft: string;
  bottomRight: string;
}

/** Everything the write round trip does, in the order the adapter does it. */
export interface WritePlan {
  sheet: string;
  createSheet: boolean;
  /** The whole content rectangle: number formats first, then the cells, one 2-D array each. */
  address: string;
  numberFormats: string[][];
  cells: Content[][];
  formats: FormatOp[];
  table: { address: string; name: string; style: string };
  /** Columns sized to the Excel table's content (titles and notes overflow instead). */
  autofitAddress: string;
  chart?: ChartOp;
  settings: { key: string; value: string };
  record: BlockRecord;
  /** Selected afterwards so the user sees what was inserted. */
  select: string;
}

export function planWrite(
  block: Block,
  place: { sheet: string; row: number; col: number; createSheet: boolean },
  state: Pick<TargetState, "tableNames" | "settings">,
  edition: string,
): WritePlan {
  const anchor = { row: place.row, col: place.col };
  const addr = (r: Rect): string => rectAddress(at(anchor, r));
  const name = uniqueName(block.tableName, state.tableNames);
  const body = at(anchor, block.body);
  const bodyCells = block.cells
    .slice(block.body.row, block.body.row + block.body.rows)
    .map((r) => r.slice(block.body.col, block.body.col + block.body.cols));
  const header = block.cells[block.table.row] ?? [];
  const record: BlockRecord = {
    v: 1,
    table: name,
    template: block.templateId,
    mode: block.mode,
    lang: block.lang,
    address: `${quoteSheet(place.sheet)}!${rectAddress(body)}`,
    rows: block.body.rows,
    cols: block.body.cols,
    headers: header.map(String),
    hashes: hashGrid(bodyCells),
    ...(block.chart ? { chart: `${name}_chart` } : {}),
    edition,
  };
  // Records of tables that no longer exist are dropped here, so the settings value does not grow forever.
  const tables = new Set(state.tableNames.map((t) => t.toLowerCase()));
  const kept = parseRecords(state.settings).records.filter((r) => tables.has(r.table.toLowerCase()));
  const chart = block.chart;
  return {
    sheet: place.sheet,
    createSheet: place.createSheet,
    address: addr(contentRect(block)),
    numberFormats: block.numberFormats,
    cells: block.cells,
    formats: block.formats.map(({ rect, ...f }) => ({ ...f, address: addr(rect) })),
    table: { address: addr(block.table), name, style: TABLE_STYLE },
    autofitAddress: addr(block.table),
    ...(chart
      ? {
          chart: {
            ...omitRects(chart),
            name: `${name}_chart`,
            dataAddress: addr(chart.data),
            topLeft: addr({ ...chart.position, rows: 1, cols: 1 }),
            bottomRight: addr({
              row: chart.position.row + chart.position.rows - 1,
              col: chart.position.col + chart.position.cols - 1,
              rows: 1,
              cols: 1,
            }),
          },
        }
      : {}),
    settings: { key: SETTINGS_KEY, value: serializeRecords([...kept, record]) },
    record,
    select: addr({ row: 0, col: 0, rows: 1, cols: 1 }),
  };
}

function omitRects(spec: ChartSpec): Omit<ChartSpec, "data" | "position"> {
  const { data: _data, position: _position, ...rest } = spec;
  return rest;
}
