import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { buildEdition, editions } from "./build";
import { dataReport, discrepanciesMarkdown, runtimeJson, stableJson, tableCsv } from "./write";

/** The files `npm run import` writes for an edition, path → content. */
export function outputsOf(root: string, edition: string): Map<string, string> {
  const { edition: e, problems } = buildEdition(root, edition);
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

function main(argv: string[]): number {
  const root = resolve(__dirname, "..", "..");
  const check = argv.includes("--check");
  const report = argv.includes("--report");
  let stale = 0;
  for (const edition of editions()) {
    const outputs = outputsOf(root, edition);
    if (report) {
      process.stdout.write(dataReport(buildEdition(root, edition).edition));
      continue;
    }
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
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
