import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { buildEdition, editions, type BuildResult } from "./build";
import {
  bundleIndex,
  dataReport,
  discrepanciesMarkdown,
  presentationsIndex,
  runtimeJson,
  stableJson,
  tableCsv,
} from "./write";

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

/** Every file `npm run import` writes: data/index.ts (the bundled editions), then each edition's. */
async function allOutputs(root: string): Promise<Map<string, string>> {
  const out = new Map([
    [join("data", "index.ts"), bundleIndex(editions())],
    [join("data", "presentations.ts"), presentationsIndex(editions())],
  ]);
  for (const edition of editions())
    for (const [path, content] of await outputsOf(root, edition)) out.set(path, content);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const root = resolve(__dirname, "..", "..");
  if (argv.includes("--report")) {
    for (const edition of editions()) {
      const build = await buildEdition(root, edition);
      process.stdout.write(dataReport(build.edition, build.solver));
    }
    return 0;
  }
  const outputs = await allOutputs(root);
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
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
