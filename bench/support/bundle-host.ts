/**
 * The built functions.js in Node as Excel runs it: a stand-in for Office's CustomFunctions (its
 * Error is a plain class, as Office's is), the bundle loaded, the functions it registers called
 * by id with every declared parameter passed (null where the cell leaves one out).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Arg } from "../../src/core";

type Fn = (...args: Arg[]) => unknown;

/** Office's CustomFunctions.Error: not an Error subclass, so it records no stack either. */
class ExcelErrorValue {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface LoadedFunctions {
  /** The registered functions by id ("STAFF"). */
  byId: Record<string, Fn>;
  /** How many parameters each declares (functions.json). */
  arity: Record<string, number>;
  /** Milliseconds to load the bundle and register its functions. */
  loadMs: number;
}

export function loadFunctions(bundle: string): LoadedFunctions {
  const byId: Record<string, Fn> = {};
  const g = globalThis as Record<string, unknown>;
  g.CustomFunctions = {
    associate: (id: string, f: Fn) => void (byId[id] = f),
    Error: ExcelErrorValue,
    ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
  };
  g.self ??= globalThis; // webpack's loader registers chunks on `self`, as in a browser
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a built script, loaded as Excel loads it
  require(bundle);
  const loadMs = performance.now() - started;
  const metadata = JSON.parse(readFileSync(join(dirname(bundle), "functions.json"), "utf8")) as {
    functions: { id: string; parameters: unknown[] }[];
  };
  const arity = Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.length]));
  return { byId, arity, loadMs };
}

/**
 * A cell's call as Excel makes it: every parameter passed, null where omitted, a fixed arity per
 * function (a spread of an argument array, megamorphic across the functions, would cost more than
 * the functions' own work).
 */
export function callOf(loaded: LoadedFunctions, fn: string, args: readonly Arg[]): () => unknown {
  const f = loaded.byId[fn];
  const n = loaded.arity[fn];
  if (!f || n === undefined) throw new Error(`the bundle registers no function ${fn}`);
  const [a = null, b = null, c = null, d = null, e = null, x = null] = args;
  switch (n) {
    case 1:
      return () => f(a);
    case 2:
      return () => f(a, b);
    case 3:
      return () => f(a, b, c);
    case 4:
      return () => f(a, b, c, d);
    case 5:
      return () => f(a, b, c, d, e);
    default:
      return () => f(a, b, c, d, e, x);
  }
}

/** Runs a call, its thrown error value being its outcome (as a cell shows it). */
export function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    return e;
  }
}

/** Folds an outcome into a number, so no call can be optimised away. */
export const weigh = (r: unknown): number =>
  typeof r === "number" ? r : typeof r === "string" || Array.isArray(r) ? r.length : r === undefined ? 0 : 1;
