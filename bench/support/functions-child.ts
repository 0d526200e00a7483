/**
 * The functions bench's measurements that need a process of their own (a cold start, a heap to
 * itself): `node [--expose-gc] --import tsx bench/support/functions-child.ts MODE INPUT BUNDLE`
 * loads the built functions.js, runs MODE over the calls in the JSON file INPUT and prints one
 * line of JSON. Modes:
 *   first-pass  the cells once (empty memo, cold code), then `repeats` recalculations
 *   memory      heap kept per distinct call: valid cells, then erroneous ones (needs --expose-gc)
 *   peak        heap over `calls` distinct calls, made up here (needs --expose-gc)
 *   flat        recalculation of the same cells spelt alike (few distinct argument values), then
 *               spelt apart (a value of its own per cell and argument)
 */
import { readFileSync } from "node:fs";
import type { Arg } from "../../src/core";
import { callOf, loadFunctions, outcome, weigh, type LoadedFunctions } from "./bundle-host";
import { caseVariant, type Cell } from "./workload";

const [mode, inputFile, bundle] = process.argv.slice(2);
if (!mode || !inputFile || !bundle) throw new Error("usage: functions-child.ts MODE INPUT BUNDLE");
const input = JSON.parse(readFileSync(inputFile, "utf8")) as Record<string, unknown>;
const loaded = loadFunctions(bundle);

const now = (): bigint => process.hrtime.bigint();

/** Mean ns per call of one pass over `calls`; `sink` keeps the results alive to the optimiser. */
let sink = 0;
function pass(calls: readonly (() => unknown)[]): number {
  const started = now();
  for (let i = 0; i < calls.length; i++) sink += weigh(outcome(calls[i] as () => unknown));
  return Number(now() - started) / calls.length;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function isErrorValue(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v;
}

const callsOf = (l: LoadedFunctions, cells: readonly Cell[]): (() => unknown)[] =>
  cells.map((c) => callOf(l, c.fn, c.args));

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function firstPass(): Record<string, number> {
  const cells = input.cells as Cell[];
  const calls = callsOf(loaded, cells);
  const first = pass(calls);
  const errors = calls.filter((c) => isErrorValue(outcome(c))).length;
  if (errors > 0) throw new Error(`${errors} of the valid cells gave an error value`);
  const repeats: number[] = [];
  for (let r = 0; r < (input.repeats as number); r++) repeats.push(pass(calls));
  return { firstNs: first, repeatNs: median(repeats), loadMs: loaded.loadMs };
}

function memory(): Record<string, number> {
  for (const c of callsOf(loaded, input.warm as Cell[])) outcome(c);
  const valid = callsOf(loaded, input.valid as Cell[]);
  const errors = callsOf(loaded, input.errors as Cell[]);
  const base = heapMb();
  for (const c of valid) outcome(c);
  const afterValid = heapMb();
  for (const c of errors) outcome(c);
  const afterErrors = heapMb();
  const kb = (mb: number, n: number): number => (mb * 1024) / n;
  return {
    validKb: kb(afterValid - base, valid.length),
    errorKb: kb(afterErrors - afterValid, errors.length),
    kb: kb(afterErrors - base, valid.length + errors.length),
  };
}

/**
 * `calls` distinct STAFF calls, as a very large workbook would hold them: every combination of a
 * category, a gender, a location and a nationality (the categories in four spellings, the
 * nationalities in six, genders and locations as given or left out), some answering a number, most
 * the #N/A of a combination the report has no figure for. Distinct by construction (no set of them
 * kept, which would fill the very heap measured), from about a thousand argument values.
 */
function peak(): Record<string, number> {
  // Spellings of one name: padded (the core trims) and, for names of two letters or more, recased.
  const spellings = (name: string, count: number): string[] =>
    [name, ` ${name}`, `${name} `, ` ${name} `, caseVariant(name, 1), caseVariant(name, 2)].slice(0, count);
  const categories = (input.categories as string[]).flatMap((c) => spellings(c, 4));
  const genders = input.genders as Arg[];
  const locations = input.locations as Arg[];
  const nationalities = (input.nationalities as string[]).flatMap((n) => spellings(n, 6));
  const total = input.calls as number;
  const every = input.every as number;
  if (categories.length * genders.length * locations.length * nationalities.length < total)
    throw new Error("not enough combinations for the calls asked");
  const staff = loaded.byId.STAFF as (...a: Arg[]) => unknown;
  const call = (i: number): unknown => {
    let j = i;
    const n = nationalities[j % nationalities.length];
    j = Math.floor(j / nationalities.length);
    const l = locations[j % locations.length];
    j = Math.floor(j / locations.length);
    const g = genders[j % genders.length];
    j = Math.floor(j / genders.length);
    return staff(categories[j % categories.length], g, l, n, null);
  };
  const safe = (i: number): void => void outcome(() => call(i));
  const started = performance.now();
  const base = heapMb();
  let top = base;
  for (let i = 0; i < total; i++) {
    safe(i);
    if ((i + 1) % every === 0) top = Math.max(top, heapMb());
  }
  return { baseMb: base, peakMb: top - base, seconds: (performance.now() - started) / 1000 };
}

/** The cells spelt alike recalculated first, then those spelt apart: each set's own working set. */
function flat(): Record<string, number> {
  const passes = input.passes as number;
  const timed = (calls: (() => unknown)[]): number => {
    pass(calls); // the first calculation fills the memo
    return median(Array.from({ length: passes }, () => pass(calls)));
  };
  const aNs = timed(callsOf(loaded, input.a as Cell[]));
  const bNs = timed(callsOf(loaded, input.b as Cell[]));
  return { aNs, bNs };
}

const modes: Record<string, () => Record<string, number>> = { "first-pass": firstPass, memory, peak, flat };
const run = modes[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
const result = run();
process.stdout.write(`${JSON.stringify({ ...result, sink: sink % 1 })}\n`);
