import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { buildEdition, editions } from "./build";
import { bundleIndex, dataReport, discrepanciesMarkdown, runtimeJson, stableJson, tableCsv } from "./write";

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

/** Every file `npm run import` writes: data/index.ts (the bundled editions), then each edition's. */
function allOutputs(root: string): Map<string, string> {
  const out = new Map([[join("data", "index.ts"), bundleIndex(editions())]]);
  for (const edition of editions())
    for (const [path, content] of outputsOf(root, edition)) out.set(path, content);
  return out;
}

function main(argv: string[]): number {
  const root = resolve(__dirname, "..", "..");
  if (argv.includes("--report")) {
    for (const edition of editions()) process.stdout.write(dataReport(buildEdition(root, edition).edition));
    return 0;
  }
  const outputs = allOutputs(root);
  if (argv.includes("--check")) {
    const stale = [...outputs].filter(([path, content]) => {
      try {
        return readFileSync(join(root, path), "utf8") !== content;
      } catch {
        return true;
      }
    });
    for (const [path] of stale) process.stderr.write(`stale: ${path}\n`);
    if (stale.length === 0) return 0;
    process.stderr.write(`${stale.length} data files differ from a fresh import: run npm run import\n`);
    return 1;
  }
  for (const edition of editions())
    rmSync(join(root, "data", edition, "csv"), { recursive: true, force: true });
  for (const [path, content] of outputs) {
    const full = join(root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, content);
  }
  process.stdout.write(`${outputs.size} data files written\n`);
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
