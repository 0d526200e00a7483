/**
 * Proves what a model of printed tables allows for each cell: which printed figures cannot all
 * stand (a minimal set, with the constraints each conflicts with), then the exact minimum and
 * maximum of every cell over all integer solutions of the rest.
 */
import { LinearModel, reduce, Solver, solverRuntime, type Outcome, type SolveStats } from "./linear";

/** "table|row|column". */
export type CellKey = string;

/** One printed cell of the evidence: `x − u + w = what the reading places there`; u, w held at 0. */
export interface ModelEvidence {
  key: CellKey;
  /** The printed value of a cell read as printed (null: blank); for a cell of a reading, null. */
  printed: number | null;
  /** The cell is one of a line's reading (what stands there depends on the choices). */
  reading: boolean;
  /** How many numbers stand in the cell whatever the choices (reading cells). */
  fixedNumbers: number;
  line: number;
  u: number;
  w: number;
  constraint: number;
}

export interface EvidenceModel {
  lp: LinearModel;
  cells: Map<CellKey, number>;
  evidence: ModelEvidence[];
  /** Binary reading choices: number `value` of `line` stands in cell `key` when v = 1, `shift` fields from where it is printed. */
  choices: { key: CellKey; value: number; v: number; line: number; shift: number }[];
  /** Cells no evidence speaks for. */
  free: Set<CellKey>;
}

export interface Relaxed {
  key: CellKey;
  line: number;
  /** What the text puts in the cell under the witness reading (null: blank). */
  printed: number | null;
  /** The constraints a minimal conflicting set names (the cell's own evidence first). */
  conflict: string[];
}

export interface CellBounds {
  min: number;
  max: number;
  /** What the witness reading puts in the cell (null: no number). */
  placed: number | null;
  /** The cell's evidence was relaxed: the text cannot stand there. */
  relaxed: boolean;
  /** The source line of the cell's evidence, if any. */
  line?: number;
}

export interface ProofResult {
  relaxed: Relaxed[];
  bounds: Map<CellKey, CellBounds>;
  /** For cells whose evidence does not pin them and that are forced: the constraints that force them. */
  binding: Map<CellKey, string[]>;
  stats: { variables: number; constraints: number; binaries: number; lp: number; mip: number };
  timing: { firstSolveMs: number; relaxMs: number; sweepMs: number; namingMs: number };
}

const ZERO: [number, number][] = [];
const BIG = 1e6;

/** The names of a conflict: constraints first (evidence of `own` first), then bounds. */
function conflictNames(
  s: Solver,
  conflict: { constraints: number[]; bounds: number[] },
  own?: number,
): string[] {
  const names = conflict.constraints
    .sort((a, b) => (a === own ? -1 : b === own ? 1 : a - b))
    .map((i) => s.source.constraints[i]?.name ?? `constraint ${i}`);
  return [...new Set(names)];
}

export async function prove(model: EvidenceModel, targets: CellKey[]): Promise<ProofResult> {
  const highs = await solverRuntime();
  const lp = model.lp;
  const s = new Solver(highs, lp);
  const r = new Solver(highs, lp, true);
  const timing = { firstSolveMs: 0, relaxMs: 0, sweepMs: 0, namingMs: 0 };
  try {
    let t = performance.now();
    const setBounds = (v: number, lo: number, hi: number): void => {
      s.setBounds(v, lo, hi);
      r.setBounds(v, lo, hi);
    };
    const slack = (e: ModelEvidence, open: boolean): void => {
      setBounds(e.u, 0, open ? BIG : 0);
      setBounds(e.w, 0, open ? BIG : 0);
    };
    let witness = s.solve(ZERO, "min");
    timing.firstSolveMs = performance.now() - t;
    t = performance.now();
    let relaxedSet = new Set<ModelEvidence>();
    const conflicts = new Map<ModelEvidence, string[]>();
    if (witness.status === "infeasible") {
      // The fewest units of change to the printed figures that make every total hold (L1, on the LP
      // relaxation first: its support is where the text and its totals disagree)…
      for (const e of model.evidence) slack(e, true);
      const deviation = model.evidence.flatMap((e): [number, number][] => [
        [e.u, 1],
        [e.w, 1],
      ]);
      const l1 = r.solve(deviation, "min");
      if (l1.status !== "optimal")
        throw new Error("movement model: infeasible even with every printed cell relaxed");
      const support = (x: Float64Array): ModelEvidence[] =>
        model.evidence.filter((e) => (x[e.u] ?? 0) + (x[e.w] ?? 0) > 1e-6);
      let moved = support(l1.x);
      // The integer readings may need more room than the LP's: widen to the rows of the support.
      const rowOf = (k: CellKey): string => k.slice(0, k.lastIndexOf("|"));
      let fit: Outcome = { status: "infeasible" };
      for (const widen of [0, 1, 2]) {
        const rows = new Set(moved.map((e) => rowOf(e.key)));
        const open =
          widen === 0
            ? new Set(moved)
            : widen === 1
              ? new Set(model.evidence.filter((e) => rows.has(rowOf(e.key))))
              : new Set(model.evidence);
        for (const e of model.evidence) slack(e, open.has(e));
        fit = s.solve(deviation, "min");
        if (fit.status === "optimal") break;
      }
      if (fit.status !== "optimal") throw new Error("movement model: no integer relaxation");
      moved = support(fit.x);
      for (const e of model.evidence) slack(e, moved.includes(e));
      // …then put back every one that can stand with the others (an inclusion-minimal set); the LP
      // relaxation rules most out without a MIP.
      relaxedSet = new Set(moved);
      for (const e of moved) {
        slack(e, false);
        const ok = r.solve(ZERO, "min").status === "optimal" && s.solve(ZERO, "min").status === "optimal";
        if (ok) relaxedSet.delete(e);
        else slack(e, true);
      }
      witness = s.solve(ZERO, "min");
      if (witness.status !== "optimal") throw new Error("movement model: relaxation lost feasibility");
      // Ties: each relaxed figure conflicts with a minimal set of others (an IIS under the witness
      // reading). Any printed figure of that set that could be the one at fault instead is relaxed
      // too, so no value is served on the strength of an arbitrary choice between them.
      const wx = witness.x;
      const evidenceAt = new Map(model.evidence.map((e) => [e.constraint, e]));
      const alternatives = new Set<ModelEvidence>();
      for (const d of [...relaxedSet]) {
        for (const ch of model.choices)
          r.setBounds(ch.v, Math.round(wx[ch.v] ?? 0), Math.round(wx[ch.v] ?? 0));
        slack(d, false);
        const c = r.conflict();
        for (const ch of model.choices) r.setBounds(ch.v, 0, 1);
        const names = c ? conflictNames(r, c, d.constraint) : [];
        conflicts.set(d, names);
        const partners = (c?.constraints ?? [])
          .map((i) => evidenceAt.get(i))
          .filter((p): p is ModelEvidence => p !== undefined && p !== d && !relaxedSet.has(p));
        for (const p of partners) {
          slack(p, true);
          if (s.solve(ZERO, "min").status === "optimal") {
            alternatives.add(p);
            if (!conflicts.has(p)) conflicts.set(p, names);
          }
          slack(p, false);
        }
        slack(d, true);
      }
      for (const p of alternatives) {
        relaxedSet.add(p);
        slack(p, true);
      }
    }
    // The text's positions are evidence too: of the readings that satisfy the totals, keep those that
    // move its numbers least (the conversion misplaces fields only where the totals show it).
    const shifts = model.choices.filter((ch) => ch.shift > 0).map((ch): [number, number] => [ch.v, ch.shift]);
    const least = s.solve(shifts, "min");
    if (least.status !== "optimal") throw new Error("proof: no reading satisfies the totals");
    const minShift = Math.round(least.objective);
    s.addConstraint(
      `the readings move the printed numbers ${minShift} fields in all, the fewest the totals allow`,
      shifts,
      -Infinity,
      minShift,
    );
    r.mirror(lp.constraints[lp.constraints.length - 1] as (typeof lp.constraints)[number]);
    witness = least;
    timing.relaxMs = performance.now() - t;
    const x0 = witness.x;

    t = performance.now();
    const placedAt = new Map<CellKey, number>();
    for (const ch of model.choices)
      if ((x0[ch.v] ?? 0) > 0.5) placedAt.set(ch.key, (placedAt.get(ch.key) ?? 0) + ch.value);
    const evidenceOf = new Map(model.evidence.map((e) => [e.key, e]));
    const placed = (key: CellKey): number | null => {
      const e = evidenceOf.get(key);
      if (!e) return null;
      if (!e.reading) return e.printed;
      if (e.fixedNumbers === 0 && !placedAt.has(key)) return null;
      return (lp.constraints[e.constraint]?.lo ?? 0) + (placedAt.get(key) ?? 0);
    };
    const sweepStats = { lp: 0, mip: 0, ms: 0 };
    const swept = sweep(s, model, targets, x0, relaxedSet, placed, sweepStats);
    const bounds = swept.bounds;
    const binding = swept.binding;
    timing.sweepMs = performance.now() - t - sweepStats.ms;
    timing.namingMs = sweepStats.ms;

    // Forced cells the reduction pinned outright (no constraint of the reduced model is left to name):
    // the IIS of the whole LP, its reading choices fixed at the witness's.
    t = performance.now();
    const open = targets.filter((key) => {
      const b = bounds.get(key);
      const e = evidenceOf.get(key);
      return b && b.min === b.max && (!e || relaxedSet.has(e)) && (binding.get(key)?.length ?? 0) === 0;
    });
    if (open.length > 0) {
      for (const ch of model.choices) r.setBounds(ch.v, Math.round(x0[ch.v] ?? 0), Math.round(x0[ch.v] ?? 0));
      for (const key of open) {
        const b = bounds.get(key) as CellBounds;
        const v = model.cells.get(key) as number;
        const names: string[] = [];
        for (const [lo, hi] of [
          [0, b.min - 1],
          [b.min + 1, BIG],
        ] as const) {
          if (hi < lo) continue;
          r.setBounds(v, lo, hi);
          const c = r.conflict();
          if (c) names.push(...conflictNames(r, c));
        }
        r.setBounds(v, 0, BIG);
        binding.set(key, [...new Set(names)]);
      }
      for (const ch of model.choices) r.setBounds(ch.v, 0, 1);
    }
    timing.namingMs += performance.now() - t;
    // Each relaxed figure's conflict was named (an IIS) when the ties were weighed.
    const relaxed: Relaxed[] = [...relaxedSet].map((e) => ({
      key: e.key,
      line: e.line,
      printed: placed(e.key),
      conflict: conflicts.get(e) ?? [],
    }));
    return {
      relaxed,
      bounds,
      binding,
      stats: {
        variables: lp.vars.length,
        constraints: lp.constraints.length,
        binaries: model.choices.length,
        lp: r.stats.lp + sweepStats.lp,
        mip: s.stats.mip + sweepStats.mip,
      },
      timing,
    };
  } finally {
    s.dispose();
    r.dispose();
  }
}

/**
 * Exact bounds of every target cell, in three steps:
 * 1. The reading choices: one MIP maximises how many binary choices differ from the witness; while
 *    it finds some, those lines are ambiguous and the search repeats over the rest. When it finds
 *    none, every other choice is proved forced at once, and with it every cell of those lines.
 * 2. Cells whose value can still move (on ambiguous lines, relaxed, or read by no line): values seen
 *    in any solution are kept, so a cell seen at two values is known to be open.
 * 3. Each of those: exact min and max, from the LP relaxation where its bound is attained by a
 *    solution already seen, by a MIP otherwise.
 */
function sweep(
  s: Solver,
  model: EvidenceModel,
  targets: CellKey[],
  x0: Float64Array,
  relaxed: Set<ModelEvidence>,
  placed: (key: CellKey) => number | null,
  stats: SolveStats,
): { bounds: Map<CellKey, CellBounds>; binding: Map<CellKey, string[]> } {
  const vars = targets.map((k) => model.cells.get(k) as number);
  const lo = vars.map((v) => Math.round(x0[v] ?? 0));
  const hi = [...lo];
  const see = (x: Float64Array): void =>
    vars.forEach((v, i) => {
      const val = Math.round(x[v] ?? 0);
      if (val < (lo[i] as number)) lo[i] = val;
      if (val > (hi[i] as number)) hi[i] = val;
    });
  // 1. Which reading choices are forced.
  const ambiguousLines = new Set<number>();
  let candidates = model.choices;
  for (;;) {
    const flip = candidates.map((ch): [number, number] => [ch.v, (x0[ch.v] ?? 0) > 0.5 ? -1 : 1]);
    const ones = candidates.filter((ch) => (x0[ch.v] ?? 0) > 0.5).length;
    const res = s.solve(flip, "max");
    if (res.status !== "optimal") throw new Error("proof: the relaxed model lost feasibility");
    if (Math.round(res.objective + ones) === 0) break;
    see(res.x);
    const changed = new Set(
      candidates
        .filter((ch) => Math.round(res.x[ch.v] ?? 0) !== Math.round(x0[ch.v] ?? 0))
        .map((ch) => ch.line),
    );
    for (const l of changed) ambiguousLines.add(l);
    candidates = candidates.filter((ch) => !ambiguousLines.has(ch.line));
    if (candidates.length === 0) break;
  }
  // 2. Cells that can still move.
  const evidenceOf = new Map(model.evidence.map((e) => [e.key, e]));
  const choiceLines = new Map<CellKey, Set<number>>();
  for (const ch of model.choices)
    choiceLines.set(ch.key, (choiceLines.get(ch.key) ?? new Set()).add(ch.line));
  const movable = targets.map((k) => {
    const e = evidenceOf.get(k);
    if (!e || relaxed.has(e)) return true;
    return [...(choiceLines.get(k) ?? [])].some((l) => ambiguousLines.has(l));
  });
  // Forced choices and pinned cells are fixed and substituted out: a much smaller model for the rest.
  const fix = new Map<number, number>();
  for (const ch of model.choices) if (!ambiguousLines.has(ch.line)) fix.set(ch.v, Math.round(x0[ch.v] ?? 0));
  vars.forEach((v, i) => {
    if (!movable[i]) fix.set(v, Math.round(x0[v] ?? 0));
  });
  const opened = new Map<number, [number, number]>();
  for (const e of relaxed) {
    opened.set(e.u, [0, BIG]);
    opened.set(e.w, [0, BIG]);
  }
  const small = reduce(model.lp, fix, opened);
  const highs = s.runtime;
  const sm = new Solver(highs, small.model);
  const sr = new Solver(highs, small.model, true);
  const mapped = (x: Float64Array): Float64Array => {
    const full = new Float64Array(model.lp.vars.length);
    model.lp.vars.forEach((_, v) => {
      const j = small.index[v] as number;
      full[v] = j < 0 ? (small.fixed.get(v) ?? 0) : (x[j] ?? 0);
    });
    return full;
  };
  const open = vars
    .filter((v, i) => movable[i] && (small.index[v] as number) >= 0)
    .map((v) => small.index[v] as number);
  for (const sense of ["min", "max"] as const) {
    const res = sm.solve(
      open.map((v): [number, number] => [v, 1]),
      sense,
    );
    if (res.status === "optimal") see(mapped(res.x));
  }
  // 3. Exact bounds of the movable cells.
  const exact = (i: number, sense: "min" | "max"): number => {
    const v = small.index[vars[i] as number] as number;
    if (v < 0) return Math.round(small.fixed.get(vars[i] as number) ?? 0);
    const seen = sense === "min" ? (lo[i] as number) : (hi[i] as number);
    const lpr = sr.solve([[v, 1]], sense);
    if (lpr.status !== "optimal") throw new Error("proof: LP relaxation infeasible");
    const bound = sense === "min" ? Math.ceil(lpr.objective - 1e-6) : Math.floor(lpr.objective + 1e-6);
    if (bound === seen) return seen;
    const res = sm.solve([[v, 1]], sense);
    if (res.status !== "optimal") throw new Error("proof: MIP infeasible");
    see(mapped(res.x));
    return Math.round(res.objective);
  };
  const out = new Map<CellKey, CellBounds>();
  targets.forEach((key, i) => {
    const e = evidenceOf.get(key);
    const isRelaxed = e !== undefined && relaxed.has(e);
    if (!movable[i]) {
      out.set(key, {
        min: lo[i] as number,
        max: hi[i] as number,
        placed: placed(key),
        relaxed: false,
        ...(e ? { line: e.line } : {}),
      });
      return;
    }
    const min = exact(i, "min");
    const max = exact(i, "max");
    out.set(key, { min, max, placed: placed(key), relaxed: isRelaxed, ...(e ? { line: e.line } : {}) });
  });
  // Forced cells the evidence does not pin: the totals that rule out one less and one more (an IIS of
  // the reduced LP, its remaining reading choices fixed at the witness's).
  const t0 = performance.now();
  const binding = new Map<CellKey, string[]>();
  for (const ch of model.choices) {
    const j = small.index[ch.v] as number;
    if (j >= 0) sr.setBounds(j, Math.round(x0[ch.v] ?? 0), Math.round(x0[ch.v] ?? 0));
  }
  targets.forEach((key, i) => {
    const b = out.get(key);
    const e = evidenceOf.get(key);
    const v = small.index[vars[i] as number] as number;
    if (!b || b.min !== b.max || (e && !relaxed.has(e)) || v < 0) return;
    const names: string[] = [];
    const [lb, ub] = [small.model.vars[v]?.lb ?? 0, small.model.vars[v]?.ub ?? BIG];
    for (const [lo, hi] of [
      [lb, b.min - 1],
      [b.min + 1, ub],
    ] as const) {
      if (hi < lo) continue;
      sr.setBounds(v, lo, hi);
      const c = sr.conflict();
      if (c) names.push(...conflictNames(sr, c));
    }
    sr.setBounds(v, lb, ub);
    binding.set(key, [...new Set(names)]);
  });
  stats.ms = performance.now() - t0;
  stats.lp += sr.stats.lp;
  stats.mip += sm.stats.mip;
  sm.dispose();
  sr.dispose();
  return { bounds: out, binding };
}
