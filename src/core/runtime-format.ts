/**
 * The shipped form of an edition (data/<year>/runtime.json): the Edition, except that each
 * table's undetermined cells cite their reason and their combined figure by index into the
 * table's `reasons` and `combined` lists. Table 2's 336 undetermined cells share 80 combined
 * figures and a few long reasons; writing each once cuts the bundled data by a third.
 */
import type { Edition, Table, UndeterminedCell } from "./model";

type Combined = UndeterminedCell["combined"];
type CompactUndetermined = Omit<UndeterminedCell, "reason" | "combined"> & {
  reason: number;
  combined: number;
};
type CompactTable = Omit<Table, "undetermined"> & {
  reasons: string[];
  combined: Combined[];
  undetermined: CompactUndetermined[];
};
export type RuntimeEdition = Omit<Edition, "tables"> & { tables: CompactTable[] };

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

export function compactEdition(e: Edition): RuntimeEdition {
  return {
    ...e,
    tables: e.tables.map((t) => {
      const reasons = interner<string>();
      const combined = interner<Combined>();
      const undetermined = t.undetermined.map((u) => ({
        ...u,
        reason: reasons.indexOf(u.reason),
        combined: combined.indexOf(u.combined),
      }));
      return { ...t, reasons: reasons.list, combined: combined.list, undetermined };
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
    tables: r.tables.map(({ reasons, combined, undetermined, ...t }) => ({
      ...t,
      undetermined: undetermined.map((u) => ({
        ...u,
        reason: at(reasons, u.reason, "reason"),
        combined: at(combined, u.combined, "combined figure"),
      })),
    })),
  };
}
