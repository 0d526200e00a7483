import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { buildEdition, editions, type BuildResult } from "./build";
import { dataReport, discrepanciesMarkdown, runtimeJson, stableJson, tableCsv } from "./write";

/** The files `npm run import` writes for an edition, path → content. */
export async function outputsOf(root: string, edition: string): Promise<Map<string, string>> {
  return outputsFrom(await buildEdition(root, edition));
}

/** The files of a build (see outputsOf). */
export function outputsFrom({ edition: e, problems }: BuildResult): Map<string, string> {
  const edition = e.edition;
  if (problems.length > 0) {
    throw new Error(`import of ${edition} failed:\n  ${problems.join("\n  ")}`);
  }
  const dir = join("data", edition);
  const out = new Map<string, string>();
  out.set(join(dir, "edition.json"), stableJson(e) + "\n");
  out.set(join(dir, "runtime.json"), runtimeJson(e));
  out.set(join(dir, "discrepancies.json"), stableJson(e.discrepancies) + "\n");
  out.set(join(dir, "DISCREPANCIES.md"), discrepanciesMarkdown(e));
  for (const t of e.tables) out.set(join(dir, "csv", `${t.id}.csv`), tableCsv(t));
  return out;
}

async function main(argv: string[]): Promise<number> {
  const root = resolve(__dirname, "..", "..");
  const check = argv.includes("--check");
  const report = argv.includes("--report");
  let stale = 0;
  for (const edition of editions()) {
    const build = await buildEdition(root, edition);
    if (report) {
      process.stdout.write(dataReport(build.edition, build.solver));
      continue;
    }
    const outputs = outputsFrom(build);
    if (!check) rmSync(join(root, "data", edition, "csv"), { recursive: true, force: true });
    for (const [path, content] of outputs) {
      const full = join(root, path);
      if (check) {
        let current = "";
        try {
          current = readFileSync(full, "utf8");
        } catch {
          current = "";
        }
        if (current !== content) {
          stale++;
          process.stderr.write(`stale: ${path}\n`);
        }
        continue;
      }
      mkdirSync(join(full, ".."), { recursive: true });
      writeFileSync(full, content);
    }
    if (!check && !report) process.stdout.write(`data/${edition}: ${outputs.size} files written\n`);
  }
  if (check && stale > 0) {
    process.stderr.write(`${stale} data files differ from a fresh import: run npm run import\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
