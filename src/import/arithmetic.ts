import type { Discrepancy, Fact } from "../core/model";

/**
 * Narrative arithmetic: where the report states parts and their whole, or a share of a stated total
 * (curated/arithmetic-facts.json says which facts relate; the numbers come from the facts), the
 * figures are recomputed and every relation that does not hold is recorded as a discrepancy.
 *
 * Each printed figure is taken at its precision: "1,265.4 million" is ±0.05 million, "USD 44 million"
 * ±0.5 million, a hedged round number ("approximately 30 per cent") ±half its last non-zero digit,
 * an unhedged count exactly. A relation holds when the recomputed figure lies within the sum of those
 * margins, in the hedge's direction ("over X": at least X; "almost X": at most X).
 */
export type Relation =
  | { id: string; kind: "sum"; whole: string; parts: string[]; note?: string }
  | { id: string; kind: "difference"; whole: string; from: string; less: string; note?: string }
  | { id: string; kind: "share"; share: string; part: string; whole: string; note?: string }
  | { id: string; kind: "shares"; shares: string[]; note?: string };

const valueOf = (f: Fact): number => f.base?.value ?? f.value;
const scaleOf = (f: Fact): number => (f.base ? valueOf(f) / f.value : 1);

/** Half the unit of the figure's last printed digit, in base units (0 for an exact count). */
export function margin(f: Fact): number {
  const digits = /(\d[\d,]*)(?:\.(\d+))?/.exec(f.text.replace(/(\d),(\d{3})/g, "$1$2"));
  const decimals = digits?.[2]?.length ?? 0;
  const hedged = f.qualifier !== null;
  const rounded = decimals > 0 || f.base !== undefined || f.unit === "per cent" || hedged;
  if (!rounded || /fraction/.test(f.unit)) return 0;
  let unit = 10 ** -decimals;
  if (decimals === 0 && hedged) {
    const zeros = /0*$/.exec(String(Math.round(f.value)))?.[0].length ?? 0;
    unit = 10 ** Math.min(zeros, String(Math.round(f.value)).length - 1);
  }
  return (unit * scaleOf(f)) / 2;
}

const LOWER = new Set(["over", "more than", "at least"]);
const UPPER = new Set(["almost", "nearly", "up to", "less than", "under"]);

/** Whether the stated figure agrees with the recomputed one, given the margins and the hedges. */
function agrees(stated: Fact, computed: number, tolerance: number, partsLowerBound: boolean): boolean {
  const v = valueOf(stated);
  const q = stated.qualifier;
  if (partsLowerBound) return v >= computed - tolerance;
  if (q && LOWER.has(q)) return computed >= v - tolerance;
  if (q && UPPER.has(q)) return computed <= v + tolerance;
  return Math.abs(computed - v) <= tolerance + 1e-9;
}

const shown = (x: number, f: Fact): string => {
  const printed = x / scaleOf(f);
  return `${Number(printed.toFixed(2))}${f.base ? ` ${f.base.scale}` : ""}`;
};

export function checkArithmetic(
  facts: Fact[],
  relations: Relation[],
): { discrepancies: Discrepancy[]; problems: string[]; checked: string[] } {
  const byKey = new Map(facts.map((f) => [f.key, f]));
  const problems: string[] = [];
  const discrepancies: Discrepancy[] = [];
  const checked: string[] = [];
  const get = (r: Relation, key: string): Fact => {
    const f = byKey.get(key);
    if (!f) throw new Error(`arithmetic ${r.id}: no fact ${key}`);
    return f;
  };
  for (const r of relations) {
    try {
      let stated: Fact;
      let computed: number;
      let tolerance: number;
      let lower = false;
      let how: string;
      if (r.kind === "sum") {
        stated = get(r, r.whole);
        const parts = r.parts.map((k) => get(r, k));
        computed = parts.reduce((s, p) => s + valueOf(p), 0);
        tolerance = margin(stated) + parts.reduce((s, p) => s + margin(p), 0);
        lower = parts.some((p) => p.qualifier !== null && LOWER.has(p.qualifier));
        how = `its parts (${parts.map((p) => `${p.key} ${p.text}`).join("; ")}) add up to ${shown(computed, stated)}`;
      } else if (r.kind === "difference") {
        stated = get(r, r.whole);
        const [from, less] = [get(r, r.from), get(r, r.less)];
        computed = valueOf(from) - valueOf(less);
        tolerance = margin(stated) + margin(from) + margin(less);
        how = `${from.text} less ${less.text} is ${shown(computed, stated)}`;
      } else if (r.kind === "share") {
        const [share, whole] = [get(r, r.share), get(r, r.whole)];
        stated = get(r, r.part);
        const fraction = share.unit === "per cent" ? valueOf(share) / 100 : valueOf(share);
        computed = fraction * valueOf(whole);
        const shareMargin = share.unit === "per cent" ? margin(share) / 100 : margin(share);
        tolerance = margin(stated) + shareMargin * valueOf(whole) + fraction * margin(whole);
        how = `${share.text} of ${whole.text} is ${shown(computed, stated)}`;
      } else {
        const shares = r.shares.map((k) => get(r, k));
        stated = shares[0] as Fact;
        computed = shares.reduce((s, p) => s + valueOf(p), 0);
        tolerance = shares.reduce((s, p) => s + margin(p), 0);
        const ok = Math.abs(computed - 100) <= tolerance + 1e-9;
        checked.push(r.id);
        if (!ok)
          discrepancies.push({
            id: r.id,
            code: "narrative_share",
            table: `fact:${stated.key}`,
            line: stated.line,
            printed: 100,
            computed,
            message: `Paragraph ${stated.paragraph}: the shares ${shares.map((p) => p.text).join(", ")} of one whole add up to ${computed} per cent, not 100.`,
            explanation: `Found by the narrative arithmetic check (src/import/arithmetic.ts): each share is taken at its printed precision (±${tolerance} in all).${r.note ? ` ${r.note}` : ""} The data keeps every printed figure.`,
          });
        continue;
      }
      checked.push(r.id);
      if (agrees(stated, computed, tolerance, lower)) continue;
      discrepancies.push({
        id: r.id,
        code: r.kind === "share" ? "narrative_share" : "narrative_total",
        table: `fact:${stated.key}`,
        line: stated.line,
        printed: stated.value,
        computed: Number((computed / scaleOf(stated)).toFixed(2)),
        message: `Paragraph ${stated.paragraph} states "${stated.text}", but ${how}.`,
        explanation: `Found by the narrative arithmetic check (src/import/arithmetic.ts), each figure taken at its printed precision and hedge.${r.note ? ` ${r.note}` : ""} The data keeps every printed figure.`,
      });
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return { discrepancies, problems, checked };
}
