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
import type { Column, Edition, Fact, ManualFix, ProvedCell, Row, Table, UndeterminedCell } from "./model";
import { keyOf } from "./normalize";

type Combined = UndeterminedCell["combined"];
type CompactUndetermined = Omit<UndeterminedCell, "reason" | "combined"> & {
  reason: number;
  combined?: number;
};
/** A proved cell citing its constraint names by index into the table's `names`. */
type CompactProved = Omit<ProvedCell, "because"> & { because: number[] };
type Unlabelled<T extends { key: string }> = Omit<T, "label" | "key"> & { key?: string };
type CompactTable = Omit<Table, "undetermined" | "rows" | "columns" | "proved"> & {
  rows: Unlabelled<Row>[];
  columns: Unlabelled<Column>[];
  reasons: string[];
  combined: Combined[];
  undetermined: CompactUndetermined[];
  names?: string[];
  proved?: CompactProved[];
};
type CompactFix = Omit<ManualFix, "garbled" | "reasoning">;
type CompactFact = Omit<Fact, "qualifier" | "year"> & Partial<Pick<Fact, "qualifier" | "year">>;
export type RuntimeEdition = Omit<Edition, "tables" | "fixes" | "facts"> & {
  tables: CompactTable[];
  fixes: CompactFix[];
  facts: CompactFact[];
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

/** A constraint name that is a printed figure of the evidence rather than a total or a link. */
export const isPrintedFigure = (name: string): boolean => / as printed \(line \d+\)$/.test(name);

export function compactEdition(e: Edition): RuntimeEdition {
  return {
    ...e,
    fixes: e.fixes.map(({ garbled: _g, reasoning: _r, ...f }) => f),
    facts: e.facts.map(({ qualifier, year, ...f }) => ({
      ...f,
      ...(qualifier === null ? {} : { qualifier }),
      ...(year === Number(e.edition) ? {} : { year }),
    })),
    tables: e.tables.map(({ proved, ...t }) => {
      const reasons = interner<string>();
      const combined = interner<Combined>();
      const names = interner<string>();
      const undetermined = t.undetermined.map(({ combined: c, ...u }) => ({
        ...u,
        reason: reasons.indexOf(u.reason),
        ...(c ? { combined: combined.indexOf(c) } : {}),
      }));
      const compactProved = proved?.map((p) => ({
        ...p,
        because: p.because.filter((b) => !isPrintedFigure(b)).map((b) => names.indexOf(b)),
      }));
      return {
        ...t,
        rows: t.rows.map(unlabelled),
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
  if (v === undefined) throw new Error(`runtime data: an undetermined cell cites missing ${what} ${i}`);
  return v;
}

/** The Edition back; cells that share a combined figure share its (read-only) object. */
export function expandEdition(r: RuntimeEdition): Edition {
  return {
    ...r,
    fixes: r.fixes.map((f) => ({ ...f, garbled: "", reasoning: `see DISCREPANCIES.md, fix ${f.id}` })),
    facts: r.facts.map((f) => ({ ...f, qualifier: f.qualifier ?? null, year: f.year ?? Number(r.edition) })),
    tables: r.tables.map(({ reasons, combined, undetermined, rows, columns, names, proved, ...t }) => ({
      ...t,
      rows: rows.map(labelled),
      columns: columns.map(labelled),
      undetermined: undetermined.map(({ combined: c, ...u }) => ({
        ...u,
        reason: at(reasons, u.reason, "reason"),
        ...(c === undefined ? {} : { combined: at(combined, c, "combined figure") }),
      })),
      ...(proved
        ? { proved: proved.map((p) => ({ ...p, because: p.because.map((b) => at(names ?? [], b, "name")) })) }
        : {}),
    })),
  };
}
