/**
 * Remembers the outcome of a deterministic call by its arguments. Each distinct argument value
 * gets a small integer id, and up to four ids pack into one number: a recalculation of a cell
 * already seen is one lookup per argument in a small, hot table of names, then one lookup of the
 * outcome. No string is built per call, and the tables stay small enough to stay in cache, which
 * is what lets a workbook of thousands of =IOM.* cells recalculate instantly.
 */

/** Distinct argument values per memo (ids 1..RADIX-1; 0 is an omitted argument). */
const RADIX = 4096;

/** No valid argument is longer; a call with a longer one (junk, pasted text) is computed, not kept. */
const MAX_KEPT_LENGTH = 256;

const NO_ARGS: [] = [];

type Outcome<T> = { ok: T } | { err: unknown };

export class CallMemo<T> {
  private readonly ids = new Map<unknown, number>();
  private readonly outcomes = new Map<number | string, Outcome<T>>();

  /**
   * @param limit outcomes kept before the memo starts afresh, so a sheet of millions of distinct calls can't grow it without end
   * @param keepError which thrown values are deterministic answers (kept and rethrown) rather than accidents
   */
  constructor(
    private readonly limit = 200_000,
    private readonly keepError: (e: unknown) => boolean = () => true,
  ) {}

  /** compute()'s result for these arguments, computing it on the first call only; a kept error is rethrown. */
  get(args: readonly unknown[], compute: () => T): T {
    return this.settle(this.keyOf(args), compute, NO_ARGS);
  }

  /**
   * f(a, b, c, d, e) remembered by its first `arity` arguments: the same as get(), without the
   * argument array and closure a call of get() allocates (the custom functions' hot path).
   */
  call<A extends readonly unknown[]>(f: (...args: A) => T, ...args: A): T {
    return this.settle(this.keyOf(args), f, args);
  }

  private settle<A extends readonly unknown[]>(
    key: number | string | undefined,
    f: (...args: A) => T,
    args: A,
  ): T {
    if (key === undefined) {
      if (this.ids.size >= RADIX - 1) this.clear(); // out of ids: start afresh, keep the next calls
      return f(...args);
    }
    let outcome = this.outcomes.get(key);
    if (outcome === undefined) {
      try {
        outcome = { ok: f(...args) };
      } catch (e) {
        if (!this.keepError(e)) throw e;
        outcome = { err: e };
      }
      if (this.outcomes.size >= this.limit) this.clear();
      this.outcomes.set(key, outcome);
    }
    if ("err" in outcome) throw outcome.err;
    return outcome.ok;
  }

  clear(): void {
    this.ids.clear();
    this.outcomes.clear();
  }

  /** The arguments as one number (up to four; the count leads, so [a] and [null, a] differ), else a string. */
  private keyOf(args: readonly unknown[]): number | string | undefined {
    if (args.length <= 4) {
      let k = args.length;
      for (let i = 0; i < args.length; i++) {
        const id = this.idOf(args[i]);
        if (id < 0) return undefined;
        k = k * RADIX + id;
      }
      return k; // < 5 * 4096^4 = 5 * 2^48: exact in a double
    }
    let k = "";
    for (let i = 0; i < args.length; i++) {
      const id = this.idOf(args[i]);
      if (id < 0) return undefined;
      k += `${id},`;
    }
    return k;
  }

  /** null and undefined are one value (Excel passes null for an omitted argument, scripts undefined). */
  private idOf(a: unknown): number {
    if (a === null || a === undefined) return 0;
    if (typeof a === "string" && a.length > MAX_KEPT_LENGTH) return -1;
    let id = this.ids.get(a);
    if (id === undefined) {
      if (this.ids.size >= RADIX - 1) return -1;
      id = this.ids.size + 1;
      this.ids.set(a, id);
    }
    return id;
  }
}
