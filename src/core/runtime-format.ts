/**
 * The shipped form of an edition (data/<year>/runtime.json), smaller than the Edition it stands for:
 * - each table's undetermined cells cite their reason and combined figure by index into the
 *   table's `reasons` and `combined` lists (Table 2's 336 undetermined cells share 80 combined
 *   figures and a few long reasons);
 * - a row or column label is left out, since the model defines it as the last element of its path,
 *   and so is its key when the key is that label's keyOf();
 * - a fact's qualifier is left out when it has none, its year when it is the edition's;
 * - proved cells (forced, contradicted) cite the totals and links that force or contradict them by
 *   index into the table's `names`; the printed figures of each such set ("… as printed (line N)")
 *   stay in edition.json and DISCREPANCIES.md;
 * - manual fixes keep their id, line and cells; their garbled text and reasoning stay in
 *   edition.json and DISCREPANCIES.md, which IOM.SOURCE cites.
 */
import type {
  Column,
  Edition,
  Fact,
  ManualFix,
  Presentation,
  ProvedCell,
  Row,
  Table,
  UndeterminedCell,
} from "./model";
import { keyOf } from "./normalize";

type Combined = NonNullable<UndeterminedCell["combined"]>;
/** A cell by row and column index (keys are long and repeat). */
type At = [row: number, column: number];
type CompactCombined = Omit<Combined, "cells"> & { cells: At[] };
type CompactUndetermined = Omit<UndeterminedCell, "reason" | "combined" | "row" | "column"> & {
  at: At;
  reason: number;
  combined?: number;
};
/** A proved cell citing its constraint names by index into the table's `names`. */
type CompactProved = Omit<ProvedCell, "because" | "row" | "column"> & { at: At; because: number[] };
type Unlabelled<T extends { key: string }> = Omit<T, "label" | "key"> & { key?: string };
/**
 * A row without its label, its line when it is the line after the previous row's, and its
 * per-cell lines grouped by line with the columns by index ([line, column, column…]).
 */
type CompactRow = Omit<Unlabelled<Row>, "line" | "cellLines"> & { line?: number; cellLines?: number[][] };
type CompactTable = Omit<Table, "undetermined" | "rows" | "columns" | "proved"> & {
  rows: CompactRow[];
  columns: Unlabelled<Column>[];
  reasons: string[];
  combined: CompactCombined[];
  undetermined: CompactUndetermined[];
  names?: string[];
  proved?: CompactProved[];
};
type CompactFix = Omit<ManualFix, "garbled" | "reasoning">;
type CompactFact = Omit<Fact, "qualifier" | "year"> & Partial<Pick<Fact, "qualifier" | "year">>;
/**
 * The presentation (titles, stub headings, chart templates) is left out: only the task pane and the
 * export use it, and they load it apart (data/presentations.ts), so the functions bundle stays small.
 * A runtime edition registered with one (a tool's, a test's) keeps it.
 */
export type RuntimeEdition = Omit<Edition, "tables" | "fixes" | "facts" | "presentation"> & {
  tables: CompactTable[];
  fixes: CompactFix[];
  facts: CompactFact[];
  presentation?: Presentation;
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

function unlabelled<T extends Row | Column>({ label, key, ...rest }: T): Unlabelled<T> {
  const last = rest.path[rest.path.length - 1];
  if (last !== label) throw new Error(`runtime data: label "${label}" is not the end of its path`);
  return key === keyOf(label) ? rest : { ...rest, key };
}

const labelled = <T extends { path: string[]; key?: string }>(x: T): T & { label: string; key: string } => {
  const label = x.path[x.path.length - 1] ?? "";
  return { ...x, label, key: x.key ?? keyOf(label) };
};

function compactRow(r: Row, previous: Row | undefined, columnIndex: Map<string, number>): CompactRow {
  const { line, cellLines, ...rest } = unlabelled(r);
  const out: CompactRow = { ...rest };
  if (previous === undefined || line !== previous.line + 1) out.line = line;
  if (cellLines) {
    const byLine = new Map<number, number[]>();
    for (const [key, l] of Object.entries(cellLines)) {
      const c = columnIndex.get(key);
      if (c === undefined) throw new Error(`runtime data: row ${r.key} has a line for no column ${key}`);
      byLine.set(l, [...(byLine.get(l) ?? []), c]);
    }
    out.cellLines = [...byLine].map(([l, cs]) => [l, ...cs]);
  }
  return out;
}

function expandRow({ cellLines, ...r }: CompactRow, line: number, keys: readonly string[]): Unlabelled<Row> {
  if (!cellLines) return { ...r, line };
  const lines: Record<string, number> = {};
  for (const [l, ...cs] of cellLines) for (const c of cs) lines[at(keys, c, "column")] = l as number;
  return { ...r, line, cellLines: lines };
}

/** A constraint name that is a printed figure of the evidence rather than a total or a link. */
export const isPrintedFigure = (name: string): boolean => / as printed \(line \d+\)$/.test(name);

export function compactEdition(e: Edition): RuntimeEdition {
  const { presentation: _presentation, ...rest } = e;
  return {
    ...rest,
    fixes: e.fixes.map(({ garbled: _g, reasoning: _r, ...f }) => f),
    facts: e.facts.map(({ qualifier, year, ...f }) => ({
      ...f,
      ...(qualifier === null ? {} : { qualifier }),
      ...(year === Number(e.edition) ? {} : { year }),
    })),
    tables: e.tables.map(({ proved, ...t }) => {
      const reasons = interner<string>();
      const combined = interner<CompactCombined>();
      const names = interner<string>();
      const rowIndex = new Map(t.rows.map((r, i) => [r.key, i]));
      const columnIndex = new Map(t.columns.map((c, i) => [c.key, i]));
      const at = (row: string, column: string): At => {
        const r = rowIndex.get(row);
        const c = columnIndex.get(column);
        if (r === undefined || c === undefined)
          throw new Error(`runtime data: ${t.id} has no cell ${row}/${column}`);
        return [r, c];
      };
      const undetermined = t.undetermined.map(({ combined: c, row, column, ...u }) => ({
        ...u,
        at: at(row, column),
        reason: reasons.indexOf(u.reason),
        ...(c
          ? { combined: combined.indexOf({ ...c, cells: c.cells.map((x) => at(x.row, x.column)) }) }
          : {}),
      }));
      const compactProved = proved?.map(({ row, column, ...p }) => ({
        ...p,
        at: at(row, column),
        because: p.because.filter((b) => !isPrintedFigure(b)).map((b) => names.indexOf(b)),
      }));
      return {
        ...t,
        rows: t.rows.map((r, i) => compactRow(r, t.rows[i - 1], columnIndex)),
        columns: t.columns.map(unlabelled),
        reasons: reasons.list,
        combined: combined.list,
        undetermined,
        ...(compactProved ? { names: names.list, proved: compactProved } : {}),
      };
    }),
  };
}

function at<T>(list: readonly T[], i: number, what: string): T {
  const v = list[i];
  if (v === undefined) throw new Error(`runtime data: a cell cites a missing ${what} ${i}`);
  return v;
}

/** The Edition back; cells that share a combined figure share its (read-only) object. */
export function expandEdition(r: RuntimeEdition): Edition {
  return {
    ...r,
    ...(r.presentation ? { presentation: r.presentation } : {}),
    fixes: r.fixes.map((f) => ({ ...f, garbled: "", reasoning: `see DISCREPANCIES.md, fix ${f.id}` })),
    facts: r.facts.map((f) => ({ ...f, qualifier: f.qualifier ?? null, year: f.year ?? Number(r.edition) })),
    tables: r.tables.map(({ reasons, combined, undetermined, rows, columns, names, proved, ...t }) => {
      const keys = columns.map((c) => labelled(c).key);
      let line = 0;
      const allRows = rows.map((r) => {
        line = r.line ?? line + 1;
        return labelled(expandRow(r, line, keys));
      });
      const allColumns = columns.map(labelled);
      const cell = ([ri, ci]: At): { row: string; column: string } => ({
        row: at(allRows, ri, "row").key,
        column: at(allColumns, ci, "column").key,
      });
      // Cells that share a combined figure share one object of it.
      const figures = combined.map((c) => ({ ...c, cells: c.cells.map(cell) }));
      return {
        ...t,
        rows: allRows,
        columns: allColumns,
        undetermined: undetermined.map(({ combined: c, at: where, ...u }) => ({
          ...u,
          ...cell(where),
          reason: at(reasons, u.reason, "reason"),
          ...(c === undefined ? {} : { combined: at(figures, c, "combined figure") }),
        })),
        ...(proved
          ? {
              proved: proved.map(({ at: where, ...p }) => ({
                ...p,
                ...cell(where),
                because: p.because.map((b) => at(names ?? [], b, "name")),
              })),
            }
          : {}),
      };
    }),
  };
}
