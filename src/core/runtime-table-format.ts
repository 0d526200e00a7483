/**
 * The shipped form of one table (see runtime-format.ts for the whole edition). Everything a table
 * repeats is cited by position: cells by [row, column] index, sums by index ranges, shared reasons,
 * combined figures and constraint names by index into the table's own lists.
 */
import type { CellValue, Column, ProvedCell, Row, Table, UndeterminedCell } from "./model";
import { keyOf } from "./normalize";

/** A run of consecutive row (or column) indexes: one index, or [first, last]. */
type IndexRange = number | [first: number, last: number];
/**
 * A header path, or the number of leading elements it shares with the previous row's (column's)
 * path followed by the rest (["Africa", "Kenya"] after ["Africa", "Egypt"] is [1, "Kenya"]).
 */
type CompactPath = string[] | [shared: number, ...rest: string[]];
/** [value, line, row, column, row, column…]: a certain figure and the cells it combines. */
type CompactCombined = [value: number, line: number, ...cells: number[]];
/** [row, column, min, max, reason, combined?]: min and max are null when no solver bounded the cell. */
type CompactUndetermined = [
  row: number,
  column: number,
  min: number | null,
  max: number | null,
  reason: number,
  combined?: number,
];
/**
 * [row, column, min, max, constraints by index into the table's `names`] for a forced cell, and
 * the printed figure and the discrepancy that records it after them for a contradicted one.
 */
type CompactProved =
  | [row: number, column: number, min: number, max: number, because: number[]]
  | [
      row: number,
      column: number,
      min: number,
      max: number,
      because: number[],
      printed: number | null,
      discrepancy: string,
    ];

interface CompactItem {
  /**
   * Left out when it is keyOf() of the label (the last element of the path); n when it is the last
   * n elements' keyOf() joined by "." ("resettlement_assistance.africa"); else the key itself.
   */
  key?: string | number;
  path: CompactPath;
  sumOf?: IndexRange[];
}
type CompactColumn = CompactItem & Pick<Column, "unit">;
/**
 * A row without its label, its line when it is the line after the previous row's, its cells as one
 * comma-separated string ("" blank, "?" undetermined), and its per-cell lines grouped by line with
 * the columns by index ([line, column, column…]).
 */
type CompactRow = CompactItem &
  Pick<Row, "marks"> & {
    line?: number;
    cells: string;
    cellLines?: number[][];
  };
export type CompactTable = Omit<Table, "undetermined" | "rows" | "columns" | "proved"> & {
  rows: CompactRow[];
  columns: CompactColumn[];
  reasons: string[];
  combined: CompactCombined[];
  undetermined: CompactUndetermined[];
  names?: string[];
  proved?: CompactProved[];
};

/** A list of distinct values, each added once, cited by index. */
function interner<T>(): { list: T[]; indexOf: (v: T) => number } {
  const list: T[] = [];
  const seen = new Map<string, number>();
  return {
    list,
    indexOf(v) {
      const key = JSON.stringify(v);
      let i = seen.get(key);
      if (i === undefined) {
        i = list.push(v) - 1;
        seen.set(key, i);
      }
      return i;
    },
  };
}

/** A constraint name that is a printed figure of the evidence rather than a total or a link. */
export const isPrintedFigure = (name: string): boolean => / as printed \(line \d+\)$/.test(name);

const UNDETERMINED = "?";
const cellText = (v: CellValue): string =>
  v === null ? "" : v === "undetermined" ? UNDETERMINED : String(v);
const cellValue = (s: string): CellValue =>
  s === "" ? null : s === UNDETERMINED ? "undetermined" : Number(s);

function ranges(indexes: readonly number[]): IndexRange[] {
  const out: IndexRange[] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (Array.isArray(last) && last[1] === i - 1) last[1] = i;
    else if (typeof last === "number" && last === i - 1) out[out.length - 1] = [last, i];
    else out.push(i);
  }
  return out;
}

const fromRanges = (rs: readonly IndexRange[]): number[] =>
  rs.flatMap((r) =>
    typeof r === "number" ? [r] : Array.from({ length: r[1] - r[0] + 1 }, (_, k) => r[0] + k),
  );

const pathKey = (path: readonly string[], n: number): string => path.slice(-n).map(keyOf).join(".");

function keyFromPath(path: readonly string[], key: string): string | number {
  for (let n = 2; n <= path.length; n++) if (pathKey(path, n) === key) return n;
  return key;
}

/** Compacts the parts rows and columns share: key, path (against the previous one's) and sums. */
function compactItems<T extends Row | Column>(
  items: readonly T[],
  table: string,
): (CompactItem & Omit<T, keyof Row & keyof Column>)[] {
  const index = new Map(items.map((x, i) => [x.key, i]));
  return items.map(({ key, label, path, sumOf, ...rest }, i) => {
    if (path[path.length - 1] !== label)
      throw new Error(`runtime data: ${table}: label "${label}" is not the end of its path`);
    const previous = items[i - 1]?.path ?? [];
    let shared = 0;
    while (shared < path.length - 1 && path[shared] === previous[shared]) shared++;
    const out: CompactItem = { path: shared ? [shared, ...path.slice(shared)] : path };
    if (key !== keyOf(label)) out.key = keyFromPath(path, key);
    if (sumOf)
      out.sumOf = ranges(
        sumOf.map((k) => {
          const at = index.get(k);
          if (at === undefined) throw new Error(`runtime data: ${table}: ${key} sums a missing ${k}`);
          return at;
        }),
      );
    return { ...rest, ...out };
  });
}

type Head = Pick<Column, "key" | "label" | "path" | "sumOf">;

/** The keys, labels, paths and sums back, in order (a path needs the one before it). */
function expandHeads(items: readonly CompactItem[]): Head[] {
  let previous: string[] = [];
  const heads = items.map(({ key, path }) => {
    const [head, ...tail] = path;
    const p =
      typeof head === "number" ? [...previous.slice(0, head), ...(tail as string[])] : (path as string[]);
    previous = p;
    const label = p[p.length - 1] ?? "";
    return { key: typeof key === "number" ? pathKey(p, key) : (key ?? keyOf(label)), label, path: p };
  });
  return heads.map((h, i) => {
    const sumOf = items[i]?.sumOf;
    return sumOf ? { ...h, sumOf: fromRanges(sumOf).map((k) => at(heads, k, "row or column").key) } : h;
  });
}

function at<T>(list: readonly T[], i: number, what: string): T {
  const v = list[i];
  if (v === undefined) throw new Error(`runtime data: a cell cites a missing ${what} ${i}`);
  return v;
}

/** A cell's [row, column] indexes by its keys, for data that cites cells of table `t`. */
export function cellIndexes(
  t: Pick<Table, "id" | "rows" | "columns">,
): (row: string, column: string) => [number, number] {
  const rowIndex = new Map(t.rows.map((r, i) => [r.key, i]));
  const columnIndex = new Map(t.columns.map((c, i) => [c.key, i]));
  return (row, column) => {
    const r = rowIndex.get(row);
    const c = columnIndex.get(column);
    if (r === undefined || c === undefined)
      throw new Error(`runtime data: ${t.id} has no cell ${row}/${column}`);
    return [r, c];
  };
}

/** A cell's keys back from its [row, column] indexes in table `t`. */
export function cellKeys(
  t: Pick<Table, "rows" | "columns">,
): (row: number, column: number) => { row: string; column: string } {
  return (ri, ci) => ({ row: at(t.rows, ri, "row").key, column: at(t.columns, ci, "column").key });
}

export function compactTable({ proved, ...t }: Table): CompactTable {
  const reasons = interner<string>();
  const combined = interner<CompactCombined>();
  const names = interner<string>();
  const columnIndex = new Map(t.columns.map((c, i) => [c.key, i]));
  const cell = cellIndexes(t);
  const undetermined = t.undetermined.map(
    ({ row, column, min, max, reason, combined: c }): CompactUndetermined => {
      const u: CompactUndetermined = [
        ...cell(row, column),
        min ?? null,
        max ?? null,
        reasons.indexOf(reason),
      ];
      if (c) u.push(combined.indexOf([c.value, c.line, ...c.cells.flatMap((x) => cell(x.row, x.column))]));
      return u;
    },
  );
  const compactProved = proved?.map(
    ({ row, column, status, min, max, printed, discrepancy, ...p }): CompactProved => {
      const because = p.because.filter((b) => !isPrintedFigure(b)).map((b) => names.indexOf(b));
      const where = cell(row, column);
      if (status === "forced" && printed === undefined && discrepancy === undefined)
        return [...where, min, max, because];
      if (status === "contradicted" && printed !== undefined && discrepancy !== undefined)
        return [...where, min, max, because, printed, discrepancy];
      throw new Error(
        `runtime data: ${t.id}: proved cell ${row}/${column} is ${status} but has printed ${printed} and discrepancy ${discrepancy}`,
      );
    },
  );
  const rows = compactItems(t.rows, t.id).map(({ line, cells, cellLines, ...r }, i): CompactRow => {
    if (cells.length !== t.columns.length)
      throw new Error(
        `runtime data: ${t.id}: a row has ${cells.length} cells for ${t.columns.length} columns`,
      );
    const out: CompactRow = { ...r, cells: cells.map(cellText).join(",") };
    const previous = t.rows[i - 1];
    if (previous === undefined || line !== previous.line + 1) out.line = line;
    if (cellLines) {
      const byLine = new Map<number, number[]>();
      for (const [key, l] of Object.entries(cellLines)) {
        const c = columnIndex.get(key);
        if (c === undefined) throw new Error(`runtime data: ${t.id}: a row has a line for no column ${key}`);
        byLine.set(l, [...(byLine.get(l) ?? []), c]);
      }
      out.cellLines = [...byLine].map(([l, cs]) => [l, ...cs]);
    }
    return out;
  });
  return {
    ...t,
    rows,
    columns: compactItems(t.columns, t.id),
    reasons: reasons.list,
    combined: combined.list,
    undetermined,
    ...(compactProved ? { names: names.list, proved: compactProved } : {}),
  };
}

/** The Table back; cells that share a combined figure share its (read-only) object. */
export function expandTable({
  reasons,
  combined,
  undetermined,
  rows,
  columns,
  names,
  proved,
  ...t
}: CompactTable): Table {
  const columnHeads = expandHeads(columns);
  const allColumns = columns.map(({ key: _k, path: _p, sumOf: _s, ...c }, i): Column => ({
    ...c,
    ...at(columnHeads, i, "column"),
  }));
  const rowHeads = expandHeads(rows);
  let line = 0;
  const allRows: Row[] = rows.map(({ key: _k, path: _p, sumOf: _s, cells, cellLines, line: l, ...r }, i) => {
    line = l ?? line + 1;
    const row: Row = {
      ...r,
      ...at(rowHeads, i, "row"),
      line,
      cells: cells === "" && allColumns.length === 0 ? [] : cells.split(",").map(cellValue),
    };
    if (cellLines) {
      const lines: Record<string, number> = {};
      for (const [cl, ...cs] of cellLines)
        for (const c of cs) lines[at(allColumns, c, "column").key] = cl as number;
      row.cellLines = lines;
    }
    return row;
  });
  const cell = cellKeys({ rows: allRows, columns: allColumns });
  const figures = combined.map(([value, figureLine, ...cs]) => ({
    cells: Array.from({ length: cs.length / 2 }, (_, k) =>
      cell(cs[2 * k] as number, cs[2 * k + 1] as number),
    ),
    value,
    line: figureLine,
  }));
  return {
    ...t,
    rows: allRows,
    columns: allColumns,
    undetermined: undetermined.map(([ri, ci, min, max, reason, c]): UndeterminedCell => ({
      ...cell(ri, ci),
      reason: at(reasons, reason, "reason"),
      ...(min === null ? {} : { min }),
      ...(max === null ? {} : { max }),
      ...(c === undefined ? {} : { combined: at(figures, c, "combined figure") }),
    })),
    ...(proved
      ? {
          proved: proved.map(([ri, ci, min, max, because, printed, discrepancy]): ProvedCell => ({
            ...cell(ri, ci),
            status: discrepancy === undefined ? "forced" : "contradicted",
            min,
            max,
            ...(discrepancy === undefined ? {} : { printed }),
            because: because.map((b) => at(names ?? [], b, "name")),
            ...(discrepancy === undefined ? {} : { discrepancy }),
          })),
        }
      : {}),
  };
}
