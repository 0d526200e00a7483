/**
 * The =IOM.* functions as Excel runs them: the built functions.js (the production build the tests
 * share), loaded in fresh `node` processes (bench/support/functions-child.ts), its functions called
 * by id with every parameter passed. Metrics:
 *   functions.first_pass_ns_per_call     10,000 distinct valid cells once, in a fresh process: an
 *                                        empty memo, cold code, the indexes built on the way (median
 *                                        of 5 processes)
 *   functions.first_pass_ratio_to_scan   that ÷ the first pass of a scan without indexes over labels
 *                                        normalised beforehand (bench/support/scan.ts), itself in a
 *                                        fresh process: cold against cold
 *   functions.repeat_ns_per_call         a recalculation of the same cells (memo hits), median of 20
 *                                        (the same argument strings each time, as the bench keeps them)
 *   functions.repeat_ratio_distinct_values  recalculation of the same value cells spelt with one
 *                                        argument value per cell and argument (over 10,000 values)
 *                                        ÷ spelt alike (a few hundred values), side by side: target ≤ 2
 *   functions.memo_kb_per_distinct_call  heap kept per distinct call, valid and erroneous alike
 *                                        (after a full GC): target ≤ 0.3
 *   functions.memo_kb_per_valid_call, functions.memo_kb_per_error_call   the two halves of that
 *   functions.memo_peak_mb_1e6           the most heap held above the start over 1,000,000 distinct
 *                                        STAFF calls, combinations of a few hundred names (sampled
 *                                        after a full GC every 50,000): target ≤ 64
 */
import { join } from "node:path";
import { iom, type Arg } from "../src/core";
import { sharedBuild } from "../tests/helpers/shared-build";
import { runChild, scratch } from "./support/child";
import type { Targets } from "./support/targets";
import { caseVariant, errorCells, validCells, VALUE_NAMES, type Cell } from "./support/workload";

export const targets: Targets = {
  "functions.memo_kb_per_distinct_call": { max: 0.3 },
  "functions.memo_peak_mb_1e6": { max: 64 },
  "functions.repeat_ratio_distinct_values": { max: 2 },
};

const REPEATS = 20;
/** Fresh processes for the first passes (each side), the median taken. */
const FRESH_RUNS = 5;
const PEAK_CALLS = 1_000_000;
/** Cells of each set run first to build the lazy indexes, outside the memory counted. */
const WARM = 300;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The value cells again, every text argument in a case spelling of its own (the same calls to the core). */
function speltApart(cells: readonly Cell[]): { cells: Cell[]; values: number } {
  const values = new Set<Arg>();
  const out = cells.map((c, i) => ({
    fn: c.fn,
    args: c.args.map((a) => {
      const v = typeof a === "string" ? caseVariant(a, i + 1) : a;
      values.add(v);
      return v;
    }),
  }));
  return { cells: out, values: values.size };
}

export default async function functionsBench(): Promise<Record<string, number>> {
  const { out, result } = await sharedBuild();
  if (result.code !== 0) throw new Error(`the production build failed:\n${result.stderr}`);
  const bundle = join(out, "functions.js");
  const core = iom();
  const { cells, recipes, counts } = validCells(core);
  const errors = errorCells(core, cells);
  console.log(
    `functions: ${cells.length} distinct valid cells (${Object.entries(counts)
      .map(([fn, n]) => `${fn} ${n}`)
      .join(", ")}), ${errors.length} distinct erroneous ones`,
  );
  const files = scratch();
  try {
    // Fresh processes in turn, the median of each side: one cold pass is a few hundred milliseconds.
    const firsts: { firstNs: number; repeatNs: number }[] = [];
    const scans: number[] = [];
    const firstInput = files.file("first.json", { cells, repeats: REPEATS });
    const scanInput = files.file("scan.json", { edition: core.edition.edition, recipes });
    for (let i = 0; i < FRESH_RUNS; i++) {
      firsts.push(runChild("bench/support/functions-child.ts", ["first-pass", firstInput, bundle]));
      scans.push(runChild<{ firstNs: number }>("bench/support/scan-child.ts", [scanInput]).firstNs);
    }
    const first = {
      firstNs: median(firsts.map((f) => f.firstNs)),
      repeatNs: median(firsts.map((f) => f.repeatNs)),
    };
    const scan = { firstNs: median(scans) };

    const memory = runChild<{ validKb: number; errorKb: number; kb: number }>(
      "bench/support/functions-child.ts",
      [
        "memory",
        files.file("memory.json", {
          warm: [...cells.slice(0, WARM), ...errors.slice(0, WARM)],
          valid: cells.slice(WARM),
          errors: errors.slice(WARM),
        }),
        bundle,
      ],
      { exposeGc: true },
    );

    const peak = runChild<{ peakMb: number; seconds: number }>(
      "bench/support/functions-child.ts",
      [
        "peak",
        files.file("peak.json", {
          categories: core.list("category"),
          genders: [null, ...core.list("gender"), "Female", "Male"],
          locations: [null, ...core.list("location"), "HQ"],
          nationalities: core.list("nationality"),
          calls: PEAK_CALLS,
          every: 50_000,
        }),
        bundle,
      ],
      { exposeGc: true },
    );
    console.log(`  ${PEAK_CALLS.toLocaleString("en-US")} distinct calls in ${round(peak.seconds)} s`);

    const alike = cells.filter((c) => VALUE_NAMES.has(c.fn));
    const apart = speltApart(alike);
    if (apart.values < 10_000) throw new Error(`only ${apart.values} distinct argument values spelt apart`);
    const flat = runChild<{ aNs: number; bNs: number }>("bench/support/functions-child.ts", [
      "flat",
      files.file("flat.json", { a: alike, b: apart.cells, passes: 15 }),
      bundle,
    ]);
    console.log(
      `  recalculation of ${alike.length} value cells: ${round(flat.aNs)} ns a call spelt alike, ${round(flat.bNs)} ns spelt with ${apart.values} distinct argument values`,
    );

    return {
      "functions.first_pass_ns_per_call": round(first.firstNs),
      "functions.first_pass_ratio_to_scan": round(first.firstNs / scan.firstNs, 2),
      "functions.repeat_ns_per_call": round(first.repeatNs),
      "functions.repeat_ratio_distinct_values": round(flat.bNs / flat.aNs, 2),
      "functions.memo_kb_per_distinct_call": round(memory.kb, 3),
      "functions.memo_kb_per_valid_call": round(memory.validKb, 3),
      "functions.memo_kb_per_error_call": round(memory.errorKb, 3),
      "functions.memo_peak_mb_1e6": round(peak.peakMb),
    };
  } finally {
    files.done();
  }
}
