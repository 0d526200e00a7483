/**
 * Child process of bench/refresh.bench.ts: refreshes one workbook and prints its peak resident
 * memory, measured by the kernel (getrusage), so the parent's own memory is not counted.
 */
import { bufferIo } from "../src/cli/io";
import { run } from "../src/cli/program";

async function main(): Promise<void> {
  const [input, out] = process.argv.slice(2);
  if (!input || !out) throw new Error("usage: refresh-rss-child INPUT OUT");
  const io = bufferIo();
  const code = await run(["refresh", input, "--out", out], io);
  if (code !== 0) throw new Error(`iom refresh exited ${code}: ${io.stderr()}`);
  process.stdout.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
