/**
 * Remembers the outcome of a deterministic call by its arguments, in a tree of Maps with one
 * level per argument. The arguments themselves are the keys (no string is built per call), so a
 * recalculation of a cell already seen costs a few Map lookups: that is what lets a workbook of
 * thousands of =IOM.* cells recalculate instantly.
 */

/** null and undefined share a key: Excel passes null for an omitted argument, scripts undefined. */
const OMITTED = Symbol("omitted");

/** No valid argument is longer; a call with a longer one (junk, pasted text) is computed, not kept. */
const MAX_KEPT_LENGTH = 256;

type Outcome<T> = { ok: T } | { err: unknown };

interface Node<T> {
  next?: Map<unknown, Node<T>>;
  outcome?: Outcome<T>;
}

export class CallMemo<T> {
  private root: Node<T> = {};
  private kept = 0;

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
    let node = this.root;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (typeof a === "string" && a.length > MAX_KEPT_LENGTH) return compute();
      const key = a === null || a === undefined ? OMITTED : a;
      let child = node.next?.get(key);
      if (child === undefined) {
        child = {};
        (node.next ??= new Map()).set(key, child);
      }
      node = child;
    }
    let outcome = node.outcome;
    if (outcome === undefined) {
      try {
        outcome = { ok: compute() };
      } catch (e) {
        if (!this.keepError(e)) throw e;
        outcome = { err: e };
      }
      if (++this.kept > this.limit) {
        this.root = {};
        this.kept = 0;
      } else node.outcome = outcome;
    }
    if ("err" in outcome) throw outcome.err;
    return outcome.ok;
  }

  clear(): void {
    this.root = {};
    this.kept = 0;
  }
}
