/**
 * `npm run bench`: runs every benchmark module bench/*.bench.ts, merges their metrics into
 * bench/results.json as {"metrics": {"<name>": number, ...}, "targets": {...}}, prints the targets
 * (pass or fail) and the informational figures apart, and exits 1 when a target is missed.
 * `npm run bench -- functions cli` runs only the modules whose file name contains one of the words
 * (and writes no results.json, which stays a whole run's).
 *
 * A benchmark module default-exports `async () => Record<string, number>` and may export
 * `targets` (bench/support/targets.ts): the bounds its figures must keep; the others are
 * informational. Metric names are "<area>.<metric>_<unit>" (e.g. "bundle.functions_gz_kb") and
 * must be unique across modules. docs/performance.md says what each figure means.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeTarget, miss, type Targets } from "./support/targets";

export type Benchmark = () => Promise<Record<string, number>>;

const BENCH_DIR = __dirname;

interface BenchModule {
  run: Benchmark;
  targets: Targets;
}

async function loadBenchmark(file: string): Promise<BenchModule> {
  const mod = (await import(join(BENCH_DIR, file))) as { default?: unknown; targets?: unknown };
  // tsx may wrap a CommonJS module's exports once more under `default`.
  const inner = (mod.default as { default?: unknown; targets?: unknown } | undefined) ?? {};
  const candidate = typeof mod.default === "function" ? mod.default : inner.default;
  if (typeof candidate !== "function")
    throw new Error(`${file} does not default-export a benchmark function`);
  const targets = (mod.targets ?? inner.targets ?? {}) as Targets;
  return { run: candidate as Benchmark, targets };
}

export async function runBenchmarks(
  files: string[],
): Promise<{ metrics: Record<string, number>; targets: Targets }> {
  const metrics: Record<string, number> = {};
  const targets: Targets = {};
  for (const file of files) {
    const started = Date.now();
    const bench = await loadBenchmark(file);
    for (const [name, target] of Object.entries(bench.targets)) {
      if (name in targets)
        throw new Error(`target "${name}" from ${file} is already set by another benchmark`);
      targets[name] = target;
    }
    const result = await bench.run();
    for (const [name, value] of Object.entries(result)) {
      if (name in metrics)
        throw new Error(`metric "${name}" from ${file} is already reported by another benchmark`);
      if (!Number.isFinite(value))
        throw new Error(`metric "${name}" from ${file} is not a finite number: ${value}`);
      metrics[name] = value;
    }
    console.log(`ran ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const sorted = Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b)));
  return { metrics: sorted, targets };
}

/** The report: targets with their bound and verdict, then the informational figures. */
function report(metrics: Record<string, number>, targets: Targets): { text: string; missed: string[] } {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(targets)])];
  const width = Math.max(6, ...names.map((k) => k.length));
  const missed: string[] = [];
  const targetLines = Object.keys(targets)
    .sort()
    .map((name) => {
      const target = targets[name] ?? {};
      const problem = miss(metrics[name], target);
      if (problem) missed.push(`${name}: ${problem}`);
      const value = metrics[name] === undefined ? "—" : String(metrics[name]);
      return `${name.padEnd(width)}  ${value.padStart(12)}  ${describeTarget(target).padEnd(10)}  ${problem ? "FAIL" : "ok"}`;
    });
  const info = Object.keys(metrics)
    .filter((name) => !(name in targets))
    .map((name) => `${name.padEnd(width)}  ${String(metrics[name]).padStart(12)}`);
  const text = [
    "targets",
    `${"metric".padEnd(width)}  ${"value".padStart(12)}  ${"target".padEnd(10)}`,
    "-".repeat(width + 32),
    ...targetLines,
    "",
    "informational",
    "-".repeat(width + 14),
    ...info,
  ].join("\n");
  return { text, missed };
}

async function main(): Promise<void> {
  const words = process.argv.slice(2);
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => words.length === 0 || words.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) throw new Error("no bench/*.bench.ts modules found");
  const { metrics, targets } = await runBenchmarks(files);
  const { text, missed } = report(metrics, targets);
  console.log(`\n${text}\n`);
  if (words.length === 0) {
    const out = join(BENCH_DIR, "results.json");
    writeFileSync(out, `${JSON.stringify({ metrics, targets }, null, 2)}\n`);
    console.log(`wrote ${out}`);
  }
  if (missed.length > 0) {
    console.error(
      `${missed.length} target${missed.length === 1 ? "" : "s"} missed:\n  ${missed.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
