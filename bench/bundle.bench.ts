/**
 * What the built shared-runtime page loads (the production build the tests share): sizes gzipped
 * (level 9, each file on its own, as a server sends it) and the copies of the data. Metrics:
 *   bundle.functions_gz_kb   functions.js: the functions with all they need to answer (the core,
 *                            the editions' data, the module loader): target ≤ 80
 *   bundle.taskpane_gz_kb    everything the page may load besides office.js: the page, every script
 *                            and style sheet of the build (functions.js, taskpane.js, any chunk loaded
 *                            later, chart previews included) and its icon: target ≤ 300
 *   page.data_copies         copies of each edition's runtime data in the page's scripts, counted by
 *                            a text that marks it (tests/helpers/page-bundles.ts): target 1
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { dataCopies, pageFiles, pageScripts } from "../tests/helpers/page-bundles";
import { sharedBuild } from "../tests/helpers/shared-build";
import type { Targets } from "./support/targets";

export const targets: Targets = {
  "bundle.functions_gz_kb": { max: 80 },
  "bundle.taskpane_gz_kb": { max: 300 },
  "page.data_copies": { min: 1, max: 1 },
};

export const gzipKb = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

const round = (n: number): number => Math.round(n * 10) / 10;

export default async function bundleBench(): Promise<Record<string, number>> {
  const { out, result } = await sharedBuild();
  if (result.code !== 0) throw new Error(`the production build failed:\n${result.stderr}`);
  if (!pageScripts(out).includes("functions.js")) throw new Error("the page does not load functions.js");
  const files = pageFiles(out);
  const sizes = files.map((f) => gzipKb(join(out, f)));
  files.forEach((f, i) => console.log(`  ${f.padEnd(20)} ${round(sizes[i] ?? 0)} KiB gzip`));
  return {
    "bundle.functions_gz_kb": round(gzipKb(join(out, "functions.js"))),
    "bundle.taskpane_gz_kb": round(sizes.reduce((a, b) => a + b, 0)),
    "page.data_copies": Math.max(...Object.values(dataCopies(out))),
  };
}
