/**
 * Remembers the outcomes of deterministic calls within a memory budget, not a count of entries.
 *
 * A call is keyed by a short text built from its arguments (callKey): no table of argument values
 * to run out of, so a sheet with a million distinct names costs what its entries cost, and a
 * recalculation of a cell already seen is one text built and one Map lookup however many distinct
 * values came before.
 *
 * Outcomes live in two generations: new ones go to the young one; when the young one reaches half
 * the budget it becomes the old one and the previous old one is dropped. A hit in the old
 * generation moves back to the young one, so the cells a workbook keeps recalculating survive
 * every turnover (a cheap approximation of least-recently-used eviction) and nothing is ever
 * wiped all at once because of its size.
 */

/** An argument as Excel or a script passes it. */
export type MemoArg = string | number | boolean | null | undefined;

/** No valid argument is longer; a call with a longer one (junk, pasted text) is computed, not kept. */
const MAX_KEPT_LENGTH = 256;

/** "0:" … "256:": the length prefix of each text argument a key can hold, made once. */
const LENGTHS = Array.from({ length: MAX_KEPT_LENGTH + 1 }, (_, n) => `${n}:`);

/** The parts of the key being built, joined once at the end: one flat string, no chain of pieces. */
const parts: string[] = [];
/** Omitted arguments not written yet: written only when a given argument follows them. */
let pending = 0;

/**
 * Adds one argument to `parts`, as text no other argument value gives: a string leads with its
 * length (so no content can fake a boundary), a number with "n" and ends with ";", TRUE/FALSE are
 * "t"/"f", an omitted argument "_" (null and undefined alike: Excel passes null, scripts undefined),
 * written only when a given argument follows. False for an argument not worth keeping: over-long
 * text (junk, pasted text: no name of the report is that long) or an object.
 */
function add(x: MemoArg): boolean {
  if (x === null || x === undefined) {
    pending++;
    return true;
  }
  for (; pending > 0; pending--) parts.push("_");
  switch (typeof x) {
    case "string": {
      const length = LENGTHS[x.length];
      if (length === undefined) return false;
      parts.push(length, x);
      return true;
    }
    case "number":
      // -0 prints as "0" but is another value (a message may show it).
      parts.push(Object.is(x, -0) ? "n-0;" : `n${x};`);
      return true;
    case "boolean":
      parts.push(x ? "t" : "f");
      return true;
    default:
      return false;
  }
}

/**
 * The key of `tag(a, b, …)`: the tag (a function's name, fixed by the code, never containing "(")
 * and its arguments up to the last one given, since omitted arguments at the end are no arguments.
 * Undefined when the call should be computed and not kept. Fixed parameters rather than a rest
 * array: the functions build a key on every recalculation, and this allocates only the key (a
 * flat string: a key built by `+=` would keep its chain of pieces alive in the memo too).
 */
export function callKey(
  tag: string,
  a?: MemoArg,
  b?: MemoArg,
  c?: MemoArg,
  d?: MemoArg,
  e?: MemoArg,
  f?: MemoArg,
  g?: MemoArg,
): string | undefined {
  parts.length = 0;
  pending = 0;
  parts.push(tag, "(");
  const kept = add(a) && add(b) && add(c) && add(d) && add(e) && add(f) && add(g);
  const key = kept ? parts.join("") : undefined;
  parts.length = 0;
  return key;
}

/** What one entry costs besides its value: the Map's slot and the key string's header. */
const ENTRY_BYTES = 64;

/**
 * A rough count of the bytes `v` holds (plain data: strings, numbers, arrays, objects), for the
 * budget. Shared parts are counted in every entry that holds them, so the estimate errs high and
 * the memo turns over early rather than late.
 */
export function approxBytes(v: unknown, depth = 0): number {
  switch (typeof v) {
    case "string":
      return 16 + v.length;
    case "number":
      return Number.isInteger(v) && Math.abs(v) < 2 ** 30 ? 0 : 16; // small integers live in the pointer
    case "object": {
      if (v === null) return 0;
      if (depth > 8) return 64;
      let n = 0;
      if (Array.isArray(v)) {
        n = 16 + 8 * v.length;
        for (const x of v as unknown[]) n += approxBytes(x, depth + 1);
        return n;
      }
      n = 24;
      for (const k in v) n += 8 + approxBytes((v as Record<string, unknown>)[k], depth + 1);
      return n;
    }
    default:
      return 0;
  }
}

export interface MemoOptions<T> {
  /** The bytes the kept outcomes may take, by `weigh`'s estimate (each generation gets half). */
  budgetBytes?: number;
  /** An outcome's size in bytes; by default approxBytes. */
  weigh?: (value: T) => number;
}

/** 32 MiB: some 150,000 distinct calls of the functions (each keeps 0.1 to 0.2 KB). */
export const DEFAULT_MEMO_BUDGET = 32 * 2 ** 20;

/** Outcomes by call key (see callKey), bounded by an estimate of the memory they hold. */
export class CallMemo<T extends NonNullable<unknown>> {
  private young = new Map<string, T>();
  private old = new Map<string, T>();
  private youngBytes = 0;
  private readonly generationBytes: number;
  private readonly weigh: (value: T) => number;

  constructor(options: MemoOptions<T> = {}) {
    this.generationBytes = (options.budgetBytes ?? DEFAULT_MEMO_BUDGET) / 2;
    this.weigh = options.weigh ?? approxBytes;
  }

  /** The outcome kept for `key`, or undefined. A hit in the old generation moves to the young one. */
  get(key: string): T | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  /** Keeps `value` for `key`; the young generation turns old once it holds half the budget. */
  set(key: string, value: T): void {
    this.young.set(key, value);
    this.youngBytes += ENTRY_BYTES + key.length + this.weigh(value);
    if (this.youngBytes >= this.generationBytes) {
      this.old = this.young;
      this.young = new Map();
      this.youngBytes = 0;
    }
  }

  /** compute()'s outcome for `key`, computed on the first call only; an undefined key is never kept. */
  through(key: string | undefined, compute: () => T): T {
    if (key === undefined) return compute();
    let v = this.get(key);
    if (v === undefined) {
      v = compute();
      this.set(key, v);
    }
    return v;
  }

  /** Forgets everything (the data changed: an edition was added or removed). */
  clear(): void {
    this.young = new Map();
    this.old = new Map();
    this.youngBytes = 0;
  }

  /** Distinct keys held (an entry moved back to the young generation may also still be in the old). */
  get size(): number {
    let n = this.young.size;
    for (const k of this.old.keys()) if (!this.young.has(k)) n++;
    return n;
  }
}
