/**
 * Bundle sizes: gzip size (KiB) of the production bundles Excel downloads. Builds dist/ first when a
 * bundle is missing or older than a source file. Metrics: bundle.functions_gz_kb, bundle.taskpane_gz_kb.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildAddin } from "../scripts/build";
import { ROOT } from "../scripts/webpack.config";

const DIST = join(ROOT, "dist");
const BUNDLES = { functions: "functions.js", taskpane: "taskpane.js" } as const;

export function gzipKb(file: string): number {
  return Math.round((gzipSync(readFileSync(file), { level: 9 }).length / 1024) * 100) / 100;
}

/** Newest modification time of the files under src/ (what the bundles are built from). */
function newestSource(dir = join(ROOT, "src")): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    }),
  );
}

function bundlesAreCurrent(): boolean {
  const files = Object.values(BUNDLES).map((f) => join(DIST, f));
  if (!files.every((f) => existsSync(f))) return false;
  return Math.min(...files.map((f) => statSync(f).mtimeMs)) >= newestSource();
}

export default async function bundleSizes(): Promise<Record<string, number>> {
  if (!bundlesAreCurrent()) {
    console.log("dist/ bundles are missing or older than src/: building (production)...");
    await buildAddin({ mode: "production", outDir: DIST });
  }
  return {
    "bundle.functions_gz_kb": gzipKb(join(DIST, BUNDLES.functions)),
    "bundle.taskpane_gz_kb": gzipKb(join(DIST, BUNDLES.taskpane)),
  };
}
