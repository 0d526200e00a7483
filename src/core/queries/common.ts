import type { Answer, Provenance } from "../answer";
import type { CellRef, EditionIndex } from "../edition";
import type { Message } from "../../i18n/messages";
import { IomError } from "../errors";

/** Joins several cells the report's structure adds up (HQ = HQ F + HQ M…) into one answer. */
export function sumOf(index: EditionIndex, refs: readonly CellRef[], what: string): Answer {
  const first = refs[0];
  if (!first) throw new Error(`empty sum for ${what}`);
  if (refs.length === 1) return index.cell(first);
  let value = 0;
  const parts: Answer[] = [];
  for (const ref of refs) {
    const a = index.cell(ref); // an undetermined part throws #N/A with its reason
    value += a.value;
    parts.push(a);
  }
  const p = first && index.provenanceOf(first);
  const provenance: Provenance = {
    ...p,
    kind: "sum",
    row: undefined,
    column: undefined,
    lines: [...new Set(parts.flatMap((a) => a.provenance.lines))].sort((a, b) => a - b),
    footnotes: [...new Set(parts.flatMap((a) => a.provenance.footnotes))],
    discrepancies: [...new Set(parts.flatMap((a) => a.provenance.discrepancies))],
    fixes: mergeFixes(parts.flatMap((a) => a.provenance.fixes)),
    notes: [
      `${what}: the sum of ${parts.length} cells the report prints separately (${refs
        .map((r) => index.describe(r.table.id, r.row.key, r.column.key))
        .join(" + ")}); the report does not print this total`,
    ],
  };
  return { value: roundSum(value), provenance };
}

/** One entry per fix; derived if any of its cells in the sum is. */
function mergeFixes(fixes: readonly Provenance["fixes"][number][]): Provenance["fixes"] {
  const byId = new Map<string, boolean>();
  for (const f of fixes) byId.set(f.id, (byId.get(f.id) ?? false) || f.derived);
  return [...byId].map(([id, derived]) => ({ id, derived }));
}

/** Float noise from adding 0.1s must not reach a cell: sums keep the parts' precision. */
const roundSum = (n: number): number => Math.round(n * 1e6) / 1e6;

const decimalsOf = (n: number): number => {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
};

/**
 * The same figure printed in several tables (at different precision): answers with the
 * most precise and cites the others. Ties go to the first candidate (the main table).
 */
export function mostPrecise(candidates: readonly Answer[]): Answer {
  const best = candidates.reduce((a, b) => (decimalsOf(b.value) > decimalsOf(a.value) ? b : a));
  const others = candidates.filter((c) => c !== best);
  return {
    value: best.value,
    provenance: {
      ...best.provenance,
      alsoIn: [
        ...best.provenance.alsoIn,
        ...others.map((o) => ({
          where: o.provenance.where,
          line: o.provenance.lines[0] ?? 0,
          value: o.value,
        })),
      ],
    },
  };
}

export const noFigure = (message: Message): IomError => new IomError("no_figure", message);
