/**
 * Refresh all: for every IOM_ table with a record, rebuild its block from the current data and
 * rewrite the body cells that differ — but only cells that still hold what the add-in wrote (their
 * hash matches the record). Cells a user edited are kept and counted. When the user added or removed
 * rows or columns, rows are matched by their labels and columns by their headings, so the rest of
 * the table is still refreshed. Tables without a record are reported and left alone.
 */
import type { Lang } from "../../i18n/lang";
import { type Rect, parseAddress, rectAddress } from "../../sheets/a1";
import { textOf } from "./text";
import type { Block, Content, Mode } from "../../sheets/block";
import {
  type BlockRecord,
  SETTINGS_KEY,
  TABLE_PREFIX,
  canonicalContent,
  hashAt,
  hashContent,
  hashGrid,
  parseRecords,
  serializeRecords,
} from "./metadata";

/** An Excel table as the second round trip reads it. */
export interface TableState {
  name: string;
  /** Address of the data body, with its sheet ("Sheet1!B5:H17"). */
  bodyAddress: string;
  headers: unknown[];
  /** The body's formulas (constants for constant cells). */
  contents: unknown[][];
}

export type TableStatus =
  | "refreshed"
  | "unchanged"
  | "shape_changed"
  | "missing"
  | "no_record"
  | "unknown_template"
  | "template_changed";

export interface TableReport {
  table: string;
  template?: string;
  status: TableStatus;
  /** Cells rewritten with new content. */
  updated: number;
  /** Cells the user edited: kept as they are. */
  edited: number;
  /** Rows/columns of the block the table no longer has; rows/columns the user added. */
  rowsMissing: number;
  rowsAdded: number;
  columnsMissing: number;
  columnsAdded: number;
}

export interface RefreshWrite {
  sheet: string;
  /** Address on that sheet (no sheet name). */
  address: string;
  cells: Content[][];
}

export interface RefreshPlan {
  writes: RefreshWrite[];
  /** Bodies of live tables: recalculated so their =IOM.* formulas run on the current data. */
  calculate: { sheet: string; address: string }[];
  settings: { key: string; value: string } | null;
  reports: TableReport[];
  /** The settings value could not be read as records. */
  damaged: boolean;
}

/** Step 1: which tables to read, from the workbook's table names and the settings value. */
export function tablesToRead(
  tableNames: readonly string[],
  settings: unknown,
): {
  records: BlockRecord[];
  read: string[];
  damaged: boolean;
} {
  const { records, damaged } = parseRecords(settings);
  const names = new Map(tableNames.map((n) => [n.toLowerCase(), n]));
  const read = records
    .map((r) => names.get(r.table.toLowerCase()))
    .filter((n): n is string => n !== undefined);
  return { records, read, damaged };
}

const emptyReport = (table: string, status: TableStatus, template?: string): TableReport => ({
  table,
  ...(template ? { template } : {}),
  status,
  updated: 0,
  edited: 0,
  rowsMissing: 0,
  rowsAdded: 0,
  columnsMissing: 0,
  columnsAdded: 0,
});

/** Step 2: the plan, from the tables read and a block builder over the current data. */
export function planRefresh(
  tableNames: readonly string[],
  settings: unknown,
  states: readonly TableState[],
  build: (template: string, mode: Mode, lang: Lang, edition: string) => Block | undefined,
): RefreshPlan {
  const { records, damaged } = parseRecords(settings);
  const byName = new Map(states.map((s) => [s.name.toLowerCase(), s]));
  const recorded = new Set(records.map((r) => r.table.toLowerCase()));
  const writes: RefreshWrite[] = [];
  const calculate: { sheet: string; address: string }[] = [];
  const reports: TableReport[] = [];
  const kept: BlockRecord[] = [];
  let recordsChanged = false;

  for (const record of records) {
    const state = byName.get(record.table.toLowerCase());
    if (!state) {
      reports.push(emptyReport(record.table, "missing", record.template));
      recordsChanged = true; // the user deleted the table: forget it
      continue;
    }
    const block = build(record.template, record.mode, record.lang, record.edition);
    if (!block) {
      reports.push(emptyReport(record.table, "unknown_template", record.template));
      kept.push(record);
      continue;
    }
    const result = refreshTable(record, state, block);
    reports.push(result.report);
    writes.push(...result.writes);
    if (record.mode === "live") {
      const { sheet, rect } = parseAddress(state.bodyAddress);
      calculate.push({ sheet, address: rectAddress(rect) });
    }
    if (result.record !== record) recordsChanged = true;
    kept.push(result.record);
  }
  for (const name of tableNames) {
    if (name.toUpperCase().startsWith(TABLE_PREFIX) && !recorded.has(name.toLowerCase()))
      reports.push(emptyReport(name, "no_record"));
  }
  return {
    writes,
    calculate,
    settings: recordsChanged ? { key: SETTINGS_KEY, value: serializeRecords(kept) } : null,
    reports,
    damaged,
  };
}

/**
 * The identity of each body row: its label path with the blanks the report leaves under a repeated
 * group label filled from the rows above, plus an occurrence number for labels printed twice.
 */
export function rowKeys(rows: readonly (readonly unknown[])[], labelColumns: number): string[] {
  let path: string[] = [];
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const labels = row.slice(0, labelColumns).map((c) => textOf(c).trim());
    let lastFilled = -1;
    labels.forEach((l, i) => {
      if (l !== "") lastFilled = i;
    });
    if (lastFilled < 0) return ""; // no label: a row the user added
    const next = labels.slice(0, lastFilled + 1).map((l, i) => (l !== "" ? l : (path[i] ?? "")));
    path = next;
    const key = next.join("\u0001");
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}\u0002${n}`;
  });
}

/** How many leading body columns hold labels: the heading cells before the first figure column. */
function labelColumnCount(block: Block): number {
  const body = block.cells.slice(block.body.row, block.body.row + block.body.rows);
  let n = 0;
  while (n < block.body.cols && body.every((r) => typeof r[n] === "string" && !String(r[n]).startsWith("=")))
    n++;
  return Math.min(n, block.body.cols);
}

function refreshTable(
  record: BlockRecord,
  state: TableState,
  block: Block,
): {
  report: TableReport;
  writes: RefreshWrite[];
  record: BlockRecord;
} {
  const report = emptyReport(record.table, "unchanged", record.template);
  const expected = block.cells
    .slice(block.body.row, block.body.row + block.body.rows)
    .map((r) => r.slice(block.body.col, block.body.col + block.body.cols));
  if (expected.length !== record.rows || (expected[0]?.length ?? 0) !== record.cols) {
    // This version of the add-in lays the template out differently: nothing maps safely.
    return { report: { ...report, status: "template_changed" }, writes: [], record };
  }
  const { sheet, rect: bodyRect } = parseAddress(state.bodyAddress);
  const current = state.contents;
  const headers = state.headers.map(textOf);

  // Columns by heading (Excel keeps table headings unique); rows by label path.
  const colOf = record.headers.map((h) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase()));
  const labels = labelColumnCount(block);
  const labelCols = colOf.slice(0, labels);
  const labelsInPlace = labelCols.every((c, i) => c === i);
  const currentKeys = labelsInPlace ? rowKeys(current, labels) : [];
  const expectedKeys = rowKeys(expected, labels);
  const rowIndex = new Map(currentKeys.map((k, i) => [k, i]));
  const rowOf = expectedKeys.map((k) => (labelsInPlace ? (rowIndex.get(k) ?? -1) : -1));

  report.columnsMissing = colOf.filter((c) => c < 0).length;
  report.columnsAdded = Math.max(0, headers.length - (record.headers.length - report.columnsMissing));
  report.rowsMissing = rowOf.filter((r) => r < 0).length;
  report.rowsAdded = Math.max(0, current.length - (expected.length - report.rowsMissing));
  const sameShape =
    current.length === record.rows &&
    headers.length === record.cols &&
    colOf.every((c, i) => c === i) &&
    rowOf.every((r, i) => r === i);
  if (!sameShape) report.status = "shape_changed";

  // What to write, cell by cell, in the table's current coordinates.
  const pending = new Map<number, Map<number, Content>>();
  const newHashes: string[] = [];
  expected.forEach((row, ri) => {
    row.forEach((want, ci) => {
      const r = rowOf[ri] ?? -1;
      const c = colOf[ci] ?? -1;
      const recordedHash = hashAt(record, ri, ci);
      if (r < 0 || c < 0) {
        newHashes.push(recordedHash);
        return;
      }
      const have = current[r]?.[c];
      if (canonicalContent(have) === canonicalContent(want)) {
        newHashes.push(hashContent(want));
        return;
      }
      if (hashContent(have) !== recordedHash) {
        report.edited++;
        newHashes.push(recordedHash); // still what we wrote: a later refresh still leaves it alone
        return;
      }
      report.updated++;
      newHashes.push(hashContent(want));
      let line = pending.get(r);
      if (!line) pending.set(r, (line = new Map<number, Content>()));
      line.set(c, want);
    });
  });
  if (report.updated > 0 && report.status === "unchanged") report.status = "refreshed";

  const writes = rectangles(pending).map(({ rect, cells }) => ({
    sheet,
    address: rectAddress({
      row: bodyRect.row + rect.row,
      col: bodyRect.col + rect.col,
      rows: rect.rows,
      cols: rect.cols,
    }),
    cells,
  }));
  const hashes = newHashes.join("");
  const updatedRecord =
    hashes === record.hashes && record.address === state.bodyAddress
      ? record
      : { ...record, hashes, address: state.bodyAddress };
  return { report, writes, record: updatedRecord };
}

/**
 * Groups cells into rectangles: runs of adjacent columns on a row, then identical runs on
 * consecutive rows merged. A fully changed table becomes one rectangle, i.e. one 2-D write.
 */
export function rectangles(cells: Map<number, Map<number, Content>>): { rect: Rect; cells: Content[][] }[] {
  const runs: { row: number; col: number; values: Content[] }[] = [];
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const line = cells.get(row) ?? new Map<number, Content>();
    const cols = [...line.keys()].sort((a, b) => a - b);
    let run: { row: number; col: number; values: Content[] } | undefined;
    for (const c of cols) {
      const v = line.get(c) as Content;
      if (run && run.col + run.values.length === c) run.values.push(v);
      else runs.push((run = { row, col: c, values: [v] }));
    }
  }
  const out: { rect: Rect; cells: Content[][] }[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.rect.col === run.col &&
      prev.rect.cols === run.values.length &&
      prev.rect.row + prev.rect.rows === run.row
    ) {
      prev.rect.rows++;
      prev.cells.push(run.values);
    } else
      out.push({
        rect: { row: run.row, col: run.col, rows: 1, cols: run.values.length },
        cells: [run.values],
      });
  }
  return out;
}

/** Hashes of a block's body as written: what a test compares a record with. */
export const bodyHashes = (block: Block): string =>
  hashGrid(
    block.cells
      .slice(block.body.row, block.body.row + block.body.rows)
      .map((r) => r.slice(block.body.col, block.body.col + block.body.cols)),
  );
