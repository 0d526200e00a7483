/**
 * The =IOM.* custom functions under recalculation (issue 4): 10,000 distinct valid cells (argument
 * lists) across all eleven functions, each called as Excel calls it (null for omitted arguments),
 * recalculated 100 times after one first calculation. Metrics:
 *   functions.ns_per_call             mean time of a call over the 100 recalculations
 *   functions.first_pass_ns_per_call  the first calculation (empty memo, cold JIT)
 *   functions.ratio_to_map_floor      ns_per_call ÷ a bare Map.get of the same cells' results on
 *                                     pre-normalised keys, same run (target ≤ 5)
 *   functions.speedup_vs_scan         a straightforward scan (normalise the input, walk the table's
 *                                     rows and columns normalising labels on each call) ÷ ns_per_call,
 *                                     same run (target ≥ 20)
 *   functions.cold_start_ms           median of 7 fresh `node` processes: load dist/functions.js (the
 *                                     bundle Excel loads, data inside), build the index, first answer
 *                                     (target ≤ 30)
 *   functions.value_ns_per_call,      the same two figures over the value cells only (MOVEMENTS …
 *   functions.value_ratio_to_map_floor FACT), which the core memoises: the spills are recomputed per call
 * The mix: every valid LIST, FACT, MIGRANTS, EXPENDITURE and PROJECTS cell, 60 TABLE, 100 FACTS,
 * 1,000 SOURCE and 1 EDITION cells, the rest split between STAFF and MOVEMENTS (seeded sample of all
 * combinations of their valid names, kept when they answer); the log prints the counts and the time
 * per call of each function, functions against scan.
 * bundle.functions_gz_kb comes from bundle.bench.ts, which this module asks to keep dist/ current.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Answer } from "../src/core/answer";
import type { Arg } from "../src/core/args";
import { iom } from "../src/core";
import { tableGrid, type Grid } from "../src/core/grid";
import { Iom, describeProvenance } from "../src/core/iom";
import type { Edition, Table } from "../src/core/model";
import { normalizeName } from "../src/core/normalize";
import * as fns from "../src/functions/functions";
import { ROOT } from "../scripts/webpack.config";
import bundleSizes from "./bundle.bench";
import { prng } from "../tests/support/prng";

const CELLS = 10_000;
const RECALCULATIONS = 100;
/** The scan is slow by design: a few passes give a stable mean. */
const SCAN_PASSES = 3;
const COLD_STARTS = 7;

type FunctionName = "MOVEMENTS" | "MIGRANTS" | "STAFF" | "EXPENDITURE" | "PROJECTS" | "FACT";
type AnyName = FunctionName | "FACTS" | "TABLE" | "LIST" | "SOURCE" | "EDITION";

/** The functions answering one number, which the core memoises. */
const VALUE_NAMES: ReadonlySet<AnyName> = new Set<FunctionName>([
  "MOVEMENTS",
  "MIGRANTS",
  "STAFF",
  "EXPENDITURE",
  "PROJECTS",
  "FACT",
]);

interface Cell {
  fn: AnyName;
  args: Arg[];
  /** The call Excel makes for this cell. */
  call: () => unknown;
}

/**
 * A cell's call as Excel makes it: every parameter passed, null where omitted, fixed arity. (An
 * earlier version spread an argument array at each call, and that spread, megamorphic across the
 * eleven functions, cost more than the functions themselves.)
 */
function callOf(fn: AnyName, args: readonly Arg[]): () => unknown {
  const [a = null, b = null, c = null, d = null, e = null] = args;
  switch (fn) {
    case "MOVEMENTS":
      return () => fns.movements(a, b, c);
    case "MIGRANTS":
      return () => fns.migrants(a, b);
    case "STAFF":
      return () => fns.staff(a, b, c, d);
    case "EXPENDITURE":
      return () => fns.expenditure(a, b);
    case "PROJECTS":
      return () => fns.projects(a, b);
    case "FACT":
      return () => fns.fact(a);
    case "FACTS":
      return () => fns.facts(a, b);
    case "TABLE":
      return () => fns.table(a, b);
    case "LIST":
      return () => fns.list(a);
    case "SOURCE":
      return () => fns.source(a, b, c, d, e);
    case "EDITION":
      return () => fns.edition();
  }
}

// ---------------------------------------------------------------------------------------------
// The workload: distinct argument lists built from the valid names, kept when they answer
// ---------------------------------------------------------------------------------------------

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every combination of the given argument values. */
const product = (...axes: Arg[][]): Arg[][] =>
  axes.reduce<Arg[][]>((acc, axis) => acc.flatMap((prefix) => axis.map((v) => [...prefix, v])), [[]]);

const orBlank = (xs: Arg[]): Arg[] => [null, ...xs];

/** True when the call answers (no error) on `core`, a separate instance: the measured memo stays empty. */
function answers(core: Iom, fn: AnyName, args: Arg[]): boolean {
  const [a, b, c, d, e] = args;
  try {
    switch (fn) {
      case "FACTS":
        return core.factsGrid(a, b).length > 0;
      case "TABLE":
        return core.table(a ?? null, b).length > 0;
      case "LIST":
        return core.list(a).length > 0;
      case "SOURCE":
        return core.source(a ?? null, b, c, d, e).length > 0;
      case "EDITION":
        return true;
      default:
        return Number.isFinite(core.answerOf(fn, args).value);
    }
  } catch {
    return false;
  }
}

interface Workload {
  cells: Cell[];
  /** Candidates tried and cells kept, by function. */
  counts: Record<AnyName, { tried: number; kept: number }>;
}

function buildWorkload(core: Iom): Workload {
  const rnd = prng(20240601);
  const names = (d: string): Arg[] => core.list(d);
  const counts = {} as Workload["counts"];
  const cells: Cell[] = [];
  const seen = new Set<string>();
  /** Adds up to `quota` candidates that answer, in a shuffled order. */
  const take = (fn: AnyName, candidates: Arg[][], quota: number): void => {
    let kept = 0;
    let tried = 0;
    for (const args of shuffled(candidates, rnd)) {
      if (kept >= quota) break;
      const key = JSON.stringify([fn, args]);
      if (seen.has(key)) continue;
      tried++;
      if (!answers(core, fn, args)) continue;
      seen.add(key);
      kept++;
      cells.push({ fn, args, call: callOf(fn, args) });
    }
    counts[fn] = { tried, kept };
  };

  const tables = core.edition.tables;
  take("EDITION", [[]], 1);
  const dimensions = [...core.list(null), "age", "grade", "sex", "country", "program", "departure"];
  take("LIST", [[null], ...dimensions.map((d) => [d])], Infinity);
  take(
    "TABLE",
    product([...tables.flatMap((t) => [t.number, t.id]), 1, 2, 3, 4, 5, 6, 7], [null, false]),
    60,
  );
  const factKeys = core.edition.facts.map((f) => f.key);
  take("FACTS", product(["", ...factKeys], [null, true]), 100);
  take(
    "FACT",
    factKeys.map((k) => [k]),
    Infinity,
  );
  take("MIGRANTS", product(orBlank(names("age_group")), orBlank(names("gender"))), Infinity);
  take("EXPENDITURE", product(names("item"), orBlank(names("year").map(Number))), Infinity);
  take("PROJECTS", product(orBlank(names("region")), orBlank(names("service"))), Infinity);
  const movements = product(orBlank(names("place")), orBlank(names("programme")), orBlank(names("from")));
  const staff = product(
    names("category"),
    orBlank(names("gender")),
    orBlank(names("location")),
    orBlank(names("nationality")),
  );
  // IOM.SOURCE traces a sample of the value cells, named as in a worksheet: ("STAFF", "P-4", "F").
  const traced = cells.filter((c) => VALUE_NAMES.has(c.fn));
  const valueCandidates = [
    ...traced.map((c) => [c.fn, ...c.args]),
    ...shuffled(movements, rnd)
      .slice(0, 2000)
      .map((a) => ["MOVEMENTS", ...a]),
    ...shuffled(staff, rnd)
      .slice(0, 2000)
      .map((a) => ["STAFF", ...a]),
  ];
  take("SOURCE", valueCandidates, 1000);
  const left = CELLS - cells.length;
  take("STAFF", staff, Math.floor(left / 2));
  take("MOVEMENTS", movements, CELLS - cells.length);
  if (cells.length !== CELLS) throw new Error(`only ${cells.length} distinct valid cells, expected ${CELLS}`);
  return { cells, counts };
}

// ---------------------------------------------------------------------------------------------
// The two baselines
// ---------------------------------------------------------------------------------------------

/** Pre-normalised key of a cell: the floor does no name handling at call time. */
const floorKey = (c: Cell): string =>
  [c.fn, ...c.args.map((a) => (typeof a === "string" ? normalizeName(a) : String(a)))].join("\u0001");

const pathText = (path: readonly string[]): string => path.join(" › ");

/**
 * A straightforward implementation without indexes: the value of one table cell found by walking the
 * tables, then the rows, then the columns, normalising every label it passes.
 */
function scanCell(edition: Edition, tableId: string, row: string, column: string, nth = 0): number {
  const t = normalizeName(tableId);
  const r = normalizeName(row);
  const c = normalizeName(column);
  let skip = nth; // a label the table prints twice (a block split over two pages): its nth row
  for (const table of edition.tables) {
    if (normalizeName(table.id) !== t) continue;
    for (const candidate of table.rows) {
      if (normalizeName(pathText(candidate.path)) !== r || skip-- > 0) continue;
      for (let i = 0; i < table.columns.length; i++) {
        const col = table.columns[i];
        if (col && normalizeName(pathText(col.path)) === c) {
          const v = candidate.cells[i];
          return typeof v === "number" ? v : 0;
        }
      }
    }
  }
  return NaN;
}

function scanFact(edition: Edition, key: string): number {
  const k = normalizeName(key);
  for (const f of edition.facts) if (normalizeName(f.key) === k) return f.value;
  return NaN;
}

function scanTable(edition: Edition, arg: Arg): Table | undefined {
  const q = normalizeName(typeof arg === "number" ? `Table ${arg}` : String(arg));
  return edition.tables.find((t) => [t.number, t.id, t.title].some((n) => normalizeName(n) === q));
}

/** A printed cell as a sum's note names it ("row path / column path"), and how the scan finds it. */
interface PrintedCell {
  table: string;
  row: string;
  column: string;
  /** How many earlier rows of the table carry the same labels. */
  nth: number;
}

let printedCells: Map<string, PrintedCell[]> | undefined;

/** Every printed cell by its note text, built once (setup, not timed). */
function cellsByText(edition: Edition): Map<string, PrintedCell[]> {
  if (printedCells) return printedCells;
  printedCells = new Map();
  for (const t of edition.tables) {
    const seen = new Map<string, number>();
    for (const r of t.rows) {
      const row = pathText(r.path);
      const nth = seen.get(row) ?? 0;
      seen.set(row, nth + 1);
      for (const c of t.columns) {
        const column = pathText(c.path);
        const text = `${row} / ${column}`;
        printedCells.set(text, [...(printedCells.get(text) ?? []), { table: t.id, row, column, nth }]);
      }
    }
  }
  return printedCells;
}

/**
 * The scan's answer to a value cell, rebuilt from where the core found it (the cell, or the cells it
 * adds up); undefined when that can't be rebuilt or gives another value.
 */
function valueScan(core: Iom, answer: Answer): (() => number) | undefined {
  const scan = scanRecipe(core, answer);
  return scan && scan() === answer.value ? scan : undefined;
}

function scanRecipe(core: Iom, answer: Answer): (() => number) | undefined {
  const edition = core.edition;
  const p = answer.provenance;
  if (p.kind === "fact") return () => scanFact(edition, p.id);
  if (p.kind === "table" && p.row !== undefined && p.column !== undefined) {
    const { row, column } = p;
    return () => scanCell(edition, p.id, row, column);
  }
  // A sum: its note lists the cells as "row path / column path + …", in the answer's table first
  // (Table 6 + Table 7 for all staff of a nationality). Find each one, the nth of equal labels.
  const note = p.notes.find((n): n is string => typeof n === "string" && n.includes("the sum of"));
  const listed = note && / prints separately \((.*)\); the report does not print this total$/.exec(note)?.[1];
  if (!listed) return undefined;
  const byText = cellsByText(edition);
  const used = new Set<PrintedCell>();
  const parts: PrintedCell[] = [];
  for (const part of listed.split(" + ")) {
    const candidates = byText.get(part) ?? [];
    const hit =
      candidates.find((c) => c.table === p.id && !used.has(c)) ?? candidates.find((c) => !used.has(c));
    if (!hit) return undefined;
    used.add(hit);
    parts.push(hit);
  }
  return () => {
    let sum = 0;
    for (const c of parts) sum += scanCell(edition, c.table, c.row, c.column, c.nth);
    return Math.round(sum * 1e6) / 1e6;
  };
}

/**
 * The scan baseline of one cell: it normalises the arguments as any implementation must, then finds
 * the figure by walking labels. The mapping from arguments to row and column labels is taken from the
 * core's answer outside the timing, which flatters the scan: the speedup is a lower bound.
 */
function scanOf(core: Iom, cell: Cell): (() => unknown) | undefined {
  const edition = core.edition;
  const [a, b] = cell.args;
  const normaliseArgs = (args: readonly Arg[]): number => {
    let n = 0;
    for (const x of args) if (typeof x === "string") n += normalizeName(x).length;
    return n;
  };
  switch (cell.fn) {
    case "EDITION":
      return () => `${edition.document} (${edition.edition})`;
    case "LIST": {
      const dims = core.list(null);
      return () => {
        const q = a === null || a === undefined ? undefined : normalizeName(String(a));
        const hit = q === undefined ? undefined : dims.find((d) => normalizeName(d) === q);
        return (hit === undefined ? dims : core.list(hit)).map((n) => [n]);
      };
    }
    case "TABLE":
      return () => {
        const t = scanTable(edition, a);
        return t ? tableGrid(t, b !== false).cells : [];
      };
    case "FACTS":
      return () => {
        const words = normalizeName(String(a ?? ""))
          .split(" ")
          .filter(Boolean);
        const rows: Grid = edition.facts
          .filter((f) => {
            const hay = ` ${normalizeName(`${f.key} ${f.label} ${f.unit} ${f.text} ${f.paragraph}`)} `;
            return words.every((w) => hay.includes(w));
          })
          .map((f) => [f.key, f.label, f.value, f.unit, f.paragraph]);
        return b === true ? [["key", "label", "value", "unit", "paragraph"], ...rows] : rows;
      };
    case "SOURCE": {
      const [fn, ...args] = cell.args;
      const answer = core.answerOf(String(fn), args);
      const value = valueScan(core, answer);
      if (!value) return undefined;
      return () => normaliseArgs(cell.args) + value() + describeProvenance(answer, edition).length;
    }
    default: {
      const value = valueScan(core, core.answerOf(cell.fn, cell.args));
      if (!value) return undefined;
      return () => normaliseArgs(cell.args) + value();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

/** Folds a result into a number, so no call can be optimised away. */
const weigh = (r: unknown): number =>
  typeof r === "number" ? r : typeof r === "string" || Array.isArray(r) ? r.length : r === undefined ? 0 : 1;

/** Mean ns per call of `passes` passes over `calls`. */
function timeCalls(calls: readonly (() => unknown)[], passes: number): { ns: number; sink: number } {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let p = 0; p < passes; p++)
    for (let i = 0; i < calls.length; i++) sink += weigh((calls[i] as () => unknown)());
  return { ns: Number(process.hrtime.bigint() - started) / (passes * calls.length), sink };
}

/** Mean ns per call over whole passes for about `budgetMs`, after one warm-up pass. */
function timeFor(calls: readonly (() => unknown)[], budgetMs = 150): number {
  timeCalls(calls, 1);
  let passes = 0;
  let ns = 0;
  while (passes === 0 || ns * passes * calls.length < budgetMs * 1e6) {
    const t = timeCalls(calls, 1).ns;
    ns = (ns * passes + t) / (passes + 1);
    passes++;
  }
  return ns;
}

function timeFloor(keys: readonly string[], map: ReadonlyMap<string, unknown>, passes: number): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let p = 0; p < passes; p++)
    for (let i = 0; i < keys.length; i++) sink += weigh(map.get(keys[i] as string));
  const ns = Number(process.hrtime.bigint() - started) / (passes * keys.length);
  if (sink === 0) throw new Error("the floor read nothing");
  return ns;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Module load + index build + first answer of the production bundle, in a fresh `node`. */
function coldStartMs(bundle: string): { ms: number; value: unknown } {
  const script = `
    const t0 = performance.now();
    const fns = {};
    globalThis.CustomFunctions = {
      associate: (id, f) => { fns[id] = f; },
      Error: class { constructor(code, message) { this.code = code; this.message = message; } },
      ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
    };
    require(${JSON.stringify(bundle)});
    const value = fns.STAFF("P-4", "F", null, null);
    process.stdout.write(JSON.stringify({ ms: performance.now() - t0, value }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as {
    ms: number;
    value: unknown;
  };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export default async function functionsBench(): Promise<Record<string, number>> {
  // A separate core picks the workload and the scan recipes, so the measured core's memo starts empty.
  const setup = new Iom(iom().edition);
  const { cells, counts } = buildWorkload(setup);
  console.log(
    `functions: ${cells.length} distinct valid cells: ${Object.entries(counts)
      .map(([fn, c]) => `${fn} ${c.kept}${c.tried > c.kept ? ` (of ${c.tried} tried)` : ""}`)
      .join(", ")}`,
  );

  const calls = cells.map((c) => c.call);
  const first = timeCalls(calls, 1);
  const results = cells.map((c) => c.call());
  const recalc = timeCalls(calls, RECALCULATIONS);

  const keys = cells.map(floorKey);
  const floorMap = new Map(keys.map((k, i) => [k, results[i]]));
  if (floorMap.size !== CELLS) throw new Error(`${CELLS - floorMap.size} cells share a normalised key`);
  timeFloor(keys, floorMap, 10); // warm-up
  const floor = timeFloor(keys, floorMap, RECALCULATIONS);

  const scans = cells.map((c) => scanOf(setup, c));
  const missing = scans.filter((s) => s === undefined).length;
  if (missing > 0) throw new Error(`no scan reproduces the value of ${missing} cells`);
  const scan = timeCalls(scans as (() => unknown)[], SCAN_PASSES);

  // The value cells alone (the memoised path), against the floor over the same cells.
  const valueIdx = cells.flatMap((c, i) => (VALUE_NAMES.has(c.fn) ? [i] : []));
  const valueCalls = valueIdx.map((i) => calls[i] as () => unknown);
  const valueKeys = valueIdx.map((i) => keys[i] as string);
  const value = timeCalls(valueCalls, RECALCULATIONS);
  const valueFloor = timeFloor(valueKeys, floorMap, RECALCULATIONS);

  // Where the time goes: ns per call by function, the functions against the scan.
  console.log(
    `  ${"function".padEnd(11)} ${"cells".padStart(5)} ${"ns/call".padStart(10)} ${"scan ns/call".padStart(13)}`,
  );
  for (const fn of Object.keys(counts) as AnyName[]) {
    const idx = cells.flatMap((c, i) => (c.fn === fn ? [i] : []));
    const f = timeFor(idx.map((i) => calls[i] as () => unknown));
    const sc = timeFor(idx.map((i) => scans[i] as () => unknown));
    console.log(
      `  ${fn.padEnd(11)} ${String(idx.length).padStart(5)} ${round(f, 0).toString().padStart(10)} ${round(sc, 0).toString().padStart(13)}`,
    );
  }

  await bundleSizes(); // rebuilds dist/ when it is older than src/
  const bundle = join(ROOT, "dist", "functions.js");
  const expected = fns.staff("P-4", "F", null, null);
  const starts = Array.from({ length: COLD_STARTS }, () => {
    const r = coldStartMs(bundle);
    if (r.value !== expected) throw new Error(`the bundle answered ${String(r.value)}, expected ${expected}`);
    return r.ms;
  });

  return {
    "functions.ns_per_call": round(recalc.ns),
    "functions.first_pass_ns_per_call": round(first.ns),
    "functions.ratio_to_map_floor": round(recalc.ns / floor, 2),
    "functions.speedup_vs_scan": round(scan.ns / recalc.ns, 2),
    "functions.cold_start_ms": round(median(starts)),
    "functions.value_ns_per_call": round(value.ns),
    "functions.value_ratio_to_map_floor": round(value.ns / valueFloor, 2),
  };
}
