/**
 * `npm run bench`: runs every benchmark module bench/*.bench.ts, merges their metrics and writes
 * bench/results.json as {"metrics": {"<name>": number, ...}}, then prints a table.
 *
 * A benchmark module default-exports `async () => Record<string, number>`; metric names are
 * "<area>.<metric>_<unit>" (e.g. "bundle.functions_gz_kb") and must be unique across modules.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Benchmark = () => Promise<Record<string, number>>;

const BENCH_DIR = __dirname;

async function loadBenchmark(file: string): Promise<Benchmark> {
  const mod = (await import(join(BENCH_DIR, file))) as { default?: unknown };
  // tsx may wrap a CommonJS module's exports once more under `default`.
  const candidate =
    typeof mod.default === "function" ? mod.default : (mod.default as { default?: unknown })?.default;
  if (typeof candidate !== "function")
    throw new Error(`${file} does not default-export a benchmark function`);
  return candidate as Benchmark;
}

export async function runBenchmarks(files: string[]): Promise<Record<string, number>> {
  const metrics: Record<string, number> = {};
  for (const file of files) {
    const started = Date.now();
    const result = await (await loadBenchmark(file))();
    for (const [name, value] of Object.entries(result)) {
      if (name in metrics)
        throw new Error(`metric "${name}" from ${file} is already reported by another benchmark`);
      if (!Number.isFinite(value))
        throw new Error(`metric "${name}" from ${file} is not a finite number: ${value}`);
      metrics[name] = value;
    }
    console.log(`ran ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b)));
}

function table(metrics: Record<string, number>): string {
  const width = Math.max(6, ...Object.keys(metrics).map((k) => k.length));
  const lines = Object.entries(metrics).map(([k, v]) => `${k.padEnd(width)}  ${String(v).padStart(12)}`);
  return [`${"metric".padEnd(width)}  ${"value".padStart(12)}`, "-".repeat(width + 14), ...lines].join("\n");
}

async function main(): Promise<void> {
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  if (files.length === 0) throw new Error("no bench/*.bench.ts modules found");
  const metrics = await runBenchmarks(files);
  const out = join(BENCH_DIR, "results.json");
  writeFileSync(out, `${JSON.stringify({ metrics }, null, 2)}\n`);
  console.log(`\n${table(metrics)}\n\nwrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
