/**
 * A small linear (integer) model and its HiGHS solver (the `highs` npm package, WebAssembly).
 * Import-time only: nothing under src/core, src/functions or src/taskpane may import this
 * (tests/import/solver-boundary.test.ts keeps the solver out of the add-in bundles).
 */
import loadHighs from "highs";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
type HighsModel = ReturnType<Highs["createModel"]>;

export interface Variable {
  name: string;
  lb: number;
  ub: number;
  integer: boolean;
}

/** `lo ≤ Σ coef·x ≤ hi`; terms are [variable index, coefficient]. */
export interface Constraint {
  name: string;
  terms: [number, number][];
  lo: number;
  hi: number;
}

/** Variables and constraints, built by plain code, then handed to a Solver. */
export class LinearModel {
  readonly vars: Variable[] = [];
  readonly constraints: Constraint[] = [];

  addVar(name: string, lb: number, ub: number, integer: boolean): number {
    return this.vars.push({ name, lb, ub, integer }) - 1;
  }

  addConstraint(name: string, terms: [number, number][], lo: number, hi: number): number {
    // Merge repeated variables: HiGHS rejects a row that names a column twice.
    const merged = new Map<number, number>();
    for (const [v, c] of terms) merged.set(v, (merged.get(v) ?? 0) + c);
    const clean = [...merged].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
    return this.constraints.push({ name, terms: clean, lo, hi }) - 1;
  }
}

let highs: Promise<Highs> | undefined;
/** HiGHS, loaded once per process (about 80 ms). */
export const solverRuntime = (): Promise<Highs> => (highs ??= loadHighs());

export type Outcome = { status: "optimal"; objective: number; x: Float64Array } | { status: "infeasible" };

export interface SolveStats {
  lp: number;
  mip: number;
  ms: number;
}

/**
 * One HiGHS model kept in memory: objectives and bounds change between solves, the matrix does not.
 * Every solve is exact (zero MIP gap); anything but optimal or infeasible throws.
 */
export class Solver {
  private readonly model: HighsModel;
  private readonly n: number;
  private readonly integrality: Int32Array;
  readonly stats: SolveStats = { lp: 0, mip: 0, ms: 0 };

  constructor(
    readonly runtime: Highs,
    readonly source: LinearModel,
    /** Solve the LP relaxation only (integrality dropped for good: simplex warm starts between solves). */
    readonly relaxation = false,
  ) {
    const n = source.vars.length;
    const m = source.constraints.length;
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const c of source.constraints) {
      for (const [v, coef] of c.terms) {
        indices.push(v);
        values.push(coef);
      }
      starts.push(indices.length);
    }
    const highs = runtime;
    const inf = highs.infinity;
    const bound = (x: number): number => (x === Infinity ? inf : x === -Infinity ? -inf : x);
    this.n = n;
    this.integrality = Int32Array.from(source.vars.map((v) => (v.integer && !relaxation ? 1 : 0)));
    this.model = highs.createModel({
      numCols: n,
      numRows: m,
      colCost: new Float64Array(n),
      colLower: source.vars.map((v) => bound(v.lb)),
      colUpper: source.vars.map((v) => bound(v.ub)),
      rowLower: source.constraints.map((c) => bound(c.lo)),
      rowUpper: source.constraints.map((c) => bound(c.hi)),
      matrix: { format: "csr", numRows: m, numCols: n, starts, indices, values },
      integrality: this.integrality,
    });
    // Exact optima; an IIS that prefers rows, so a conflict names the totals and printed figures.
    this.model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, iis_strategy: 6 });
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Adds a constraint to the solver's model and to the model it was built from. */
  addConstraint(name: string, terms: [number, number][], lo: number, hi: number): void {
    const i = this.source.addConstraint(name, terms, lo, hi);
    const c = this.source.constraints[i] as Constraint;
    this.mirror(c);
  }

  /** Adds a constraint already in the source model (added through another solver of it). */
  mirror(c: Constraint): void {
    const inf = this.runtime.infinity;
    this.model.addRow(c.lo === -Infinity ? -inf : c.lo, c.hi === Infinity ? inf : c.hi, {
      indices: c.terms.map(([v]) => v),
      values: c.terms.map(([, x]) => x),
    });
  }

  /** Sets a variable's bounds (kept for later solves until set again). */
  setBounds(v: number, lb: number, ub: number): void {
    const inf = this.runtime.infinity;
    this.model.changeColBounds(v, lb === -Infinity ? -inf : lb, ub === Infinity ? inf : ub);
  }

  /** Minimises (or maximises) Σ coef·x. */
  solve(objective: [number, number][], sense: "min" | "max"): Outcome {
    const t0 = performance.now();
    const cost = new Float64Array(this.n);
    for (const [v, c] of objective) cost[v] = (cost[v] ?? 0) + c;
    this.model.changeColsCost({ kind: "range", from: 0, to: this.n - 1 }, cost);
    const { minimize, maximize } = this.runtime.constants.objectiveSense;
    this.model.changeObjectiveSense(sense === "min" ? minimize : maximize);
    try {
      this.model.run();
      const ms = this.runtime.constants.modelStatus;
      if (this.model.getModelStatus() === ms.unknown) {
        // Simplex can stall on a warm basis after many bound changes: start it afresh once.
        this.model.clearSolver();
        this.model.run();
      }
      const status = this.model.getModelStatus();
      if (status === ms.infeasible) return { status: "infeasible" };
      if (status !== ms.optimal)
        throw new Error(`HiGHS ended with model status ${status} (${this.relaxation ? "LP" : "MIP"})`);
      return {
        status: "optimal",
        objective: this.model.getObjectiveValue(),
        x: this.model.getSolution().colValue,
      };
    } finally {
      this.stats.ms += performance.now() - t0;
      if (this.relaxation) this.stats.lp++;
      else this.stats.mip++;
    }
  }

  /**
   * A minimal set of constraints and variable bounds that conflict (an irreducible infeasible
   * subsystem of the LP relaxation), or null when the relaxation is feasible.
   */
  conflict(): { constraints: number[]; bounds: number[] } | null {
    if (!this.relaxation) throw new Error("conflict(): only on an LP relaxation solver");
    this.model.changeColsCost({ kind: "range", from: 0, to: this.n - 1 }, new Float64Array(this.n));
    this.model.run();
    if (this.model.getModelStatus() !== this.runtime.constants.modelStatus.infeasible) return null;
    const iis = this.model.getIis();
    return { constraints: [...iis.rowIndex], bounds: [...iis.colIndex] };
  }
}

/**
 * The model with some variables fixed, substituted out, and every constraint left with one variable
 * turned into a bound (repeatedly): a much smaller model for the many small solves of a sweep.
 * `index` maps an original variable to its index in the reduced model (-1: fixed, see `fixed`).
 */
export function reduce(
  source: LinearModel,
  fix: Map<number, number>,
  bounds: Map<number, [number, number]> = new Map(),
): { model: LinearModel; index: Int32Array; fixed: Map<number, number> } {
  const fixed = new Map(fix);
  const lb = source.vars.map((v, i) => bounds.get(i)?.[0] ?? v.lb);
  const ub = source.vars.map((v, i) => bounds.get(i)?.[1] ?? v.ub);
  for (const [v, x] of fixed) {
    lb[v] = x;
    ub[v] = x;
  }
  source.vars.forEach((_, v) => {
    if (lb[v] === ub[v] && !fixed.has(v)) fixed.set(v, lb[v] as number);
  });
  const live = source.constraints.map(() => true);
  for (let changed = true; changed;) {
    changed = false;
    source.constraints.forEach((c, i) => {
      if (!live[i]) return;
      let constant = 0;
      const rest: [number, number][] = [];
      for (const [v, coef] of c.terms) {
        const f = fixed.get(v);
        if (f === undefined) rest.push([v, coef]);
        else constant += coef * f;
      }
      if (rest.length > 1) return;
      live[i] = false;
      if (rest.length === 0) {
        if (constant < c.lo - 1e-9 || constant > c.hi + 1e-9)
          throw new Error(`reduce: "${c.name}" cannot hold`);
        return;
      }
      const [v, coef] = rest[0] as [number, number];
      let lo = (c.lo - constant) / coef;
      let hi = (c.hi - constant) / coef;
      if (coef < 0) [lo, hi] = [hi, lo];
      if (source.vars[v]?.integer) {
        lo = Math.ceil(lo - 1e-9);
        hi = Math.floor(hi + 1e-9);
      }
      lb[v] = Math.max(lb[v] as number, lo);
      ub[v] = Math.min(ub[v] as number, hi);
      if (lb[v] > ub[v] + 1e-9) throw new Error(`reduce: "${c.name}" empties a variable`);
      if (lb[v] === ub[v]) {
        fixed.set(v, lb[v]);
        changed = true;
      }
    });
  }
  const model = new LinearModel();
  const index = new Int32Array(source.vars.length).fill(-1);
  source.vars.forEach((v, i) => {
    if (!fixed.has(i)) index[i] = model.addVar(v.name, lb[i] as number, ub[i] as number, v.integer);
  });
  source.constraints.forEach((c, i) => {
    if (!live[i]) return;
    let constant = 0;
    const terms: [number, number][] = [];
    for (const [v, coef] of c.terms) {
      const f = fixed.get(v);
      if (f === undefined) terms.push([index[v] as number, coef]);
      else constant += coef * f;
    }
    model.addConstraint(c.name, terms, c.lo - constant, c.hi - constant);
  });
  return { model, index, fixed };
}
