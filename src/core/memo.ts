/**
 * Remembers the outcome of a deterministic call by its arguments. Each distinct argument value
 * gets a small integer id (one table shared by every memo, since the same names recur across
 * functions), and up to four ids pack into one number: a recalculation of a cell already seen is
 * one lookup per argument in a small, hot table of names, then one lookup of the outcome. No
 * string is built per call and nothing is allocated, which is what lets a workbook of thousands of
 * =IOM.* cells recalculate instantly.
 */

/** Distinct argument values (ids 1..RADIX-1; 0 is an omitted argument). */
const RADIX = 4096;

/** No valid argument is longer; a call with a longer one (junk, pasted text) is computed, not kept. */
const MAX_KEPT_LENGTH = 256;

/** An argument as Excel or a script passes it. */
type A = string | number | boolean | null | undefined;

/** The ids of argument values, shared by every memo; `generation` counts its resets. */
const ids = new Map<unknown, number>();
let generation = 0;

/** null and undefined are one value (Excel passes null for an omitted argument, scripts undefined). */
function idOf(a: unknown): number {
  if (a === null || a === undefined) return 0;
  if (typeof a === "string" && a.length > MAX_KEPT_LENGTH) return -1;
  let id = ids.get(a);
  if (id === undefined) {
    if (ids.size >= RADIX - 1) return -1;
    id = ids.size + 1;
    ids.set(a, id);
  }
  return id;
}

/** A thrown outcome, told apart from a returned one by its class. */
class Thrown {
  constructor(readonly error: unknown) {}
}

export class CallMemo<T> {
  private outcomes = new Map<number | string, T | Thrown>();
  private generation = generation;

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
    return this.settle(keyOf(args), compute);
  }

  /**
   * f(a, b, c, d, e) remembered by its first `arity` arguments: the same as get() without the
   * argument array and closure a call of get() allocates (the custom functions' hot path).
   */
  call(f: (a: A, b: A, c: A, d: A, e: A) => T, arity: number, a?: A, b?: A, c?: A, d?: A, e?: A): T {
    const key = e === null || e === undefined ? packed(arity, a, b, c, d) : keyOf([a, b, c, d, e]);
    return this.settle(key, f, a, b, c, d, e);
  }

  /** The kept outcome for `key`, or f(a, b, c, d, e) computed (and kept unless `key` is undefined). */
  private settle(
    key: number | string | undefined,
    f: (a: A, b: A, c: A, d: A, e: A) => T,
    a?: A,
    b?: A,
    c?: A,
    d?: A,
    e?: A,
  ): T {
    if (this.generation !== generation) this.clear(); // the shared ids were reset: old keys mean nothing
    if (key === undefined) {
      if (ids.size >= RADIX - 1) {
        ids.clear(); // out of ids: every memo starts afresh, the next calls are kept again
        generation++;
      }
      return f(a, b, c, d, e);
    }
    let outcome = this.outcomes.get(key);
    if (outcome === undefined) {
      try {
        outcome = f(a, b, c, d, e);
      } catch (err) {
        if (!this.keepError(err)) throw err;
        outcome = new Thrown(err);
      }
      if (this.outcomes.size >= this.limit) this.clear();
      this.outcomes.set(key, outcome);
    }
    if (outcome instanceof Thrown) throw outcome.error;
    return outcome;
  }

  clear(): void {
    this.outcomes = new Map();
    this.generation = generation;
  }
}

/** Reused by packed(), so that the hot path allocates nothing. */
const scratch: A[] = [null, null, null, null];

/**
 * A call's first four arguments (the rest omitted) as one number, or undefined when one can't be
 * kept: fold() without an argument array.
 */
function packed(arity: number, a: A, b: A, c: A, d: A): number | undefined {
  scratch[0] = a;
  scratch[1] = b;
  scratch[2] = c;
  scratch[3] = d;
  return fold(arity, scratch, Math.min(arity, 4));
}

/**
 * The first `upTo` of a call's `count` arguments (the rest omitted) as one number, or undefined
 * when one can't be kept. The count leads and trailing omitted arguments are not folded in, so
 * each count of folded ids has its own range of numbers: [a], [a, null] and [null, a] all differ.
 * The result stays below 32 * 4096^4 = 2^53 for up to 31 arguments: exact in a double.
 */
function fold(count: number, args: readonly unknown[], upTo: number): number | undefined {
  let given = upTo;
  while (given > 0 && (args[given - 1] === null || args[given - 1] === undefined)) given--;
  let k = count;
  for (let i = 0; i < given; i++) {
    const id = idOf(args[i]);
    if (id < 0) return undefined;
    k = k * RADIX + id;
  }
  return k;
}

/** The arguments as one number when at most four of them are given (see fold), else a string. */
function keyOf(args: readonly unknown[]): number | string | undefined {
  let given = args.length;
  while (given > 0 && (args[given - 1] === null || args[given - 1] === undefined)) given--;
  if (given <= 4) return fold(args.length, args, given);
  let k = "";
  for (let i = 0; i < args.length; i++) {
    const id = idOf(args[i]);
    if (id < 0) return undefined;
    k += `${id},`;
  }
  return k;
}
