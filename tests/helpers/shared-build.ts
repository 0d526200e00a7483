/**
 * One production build for every test that needs one (the build checks, the browser tests, the
 * release): built on first need into build/test-dist/<hash of the inputs>/ and reused by the other
 * test files of the run (and later runs, while nothing it is built from changes). A lock directory
 * makes concurrent Jest workers wait for the build instead of building twice.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT, type ScriptResult, runScript } from "./node-scripts";

/** The base URL the shared build's manifest points at (an address no test fetches). */
export const SHARED_BUILD_BASE_URL = "https://addin.example.test/iom-report";

/** Everything a production build reads. */
const INPUTS = [
  "src",
  "scripts",
  "data",
  "assets",
  "manifest.xml",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A short hash of the files under `inputs` (paths relative to the repository), names and contents. */
export function inputHash(inputs: readonly string[] = INPUTS): string {
  const hash = createHash("sha256");
  for (const input of inputs)
    for (const file of files(join(ROOT, input))) {
      hash.update(relative(ROOT, file));
      hash.update(readFileSync(file));
    }
  return hash.digest("hex").slice(0, 16);
}

export interface SharedBuild {
  /** The built site (dist/ of a production build). */
  out: string;
  result: ScriptResult;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let mine: Promise<SharedBuild> | undefined;

/** The shared production build, built now if no test of this or an earlier run has built it yet. */
export function sharedBuild(): Promise<SharedBuild> {
  mine ??= (async () => {
    const base = join(ROOT, "build", "test-dist");
    const dir = join(base, inputHash());
    const out = join(dir, "dist");
    const done = join(dir, "result.json");
    const lock = `${dir}.lock`;
    mkdirSync(base, { recursive: true });
    for (let waited = 0; ; waited += 500) {
      if (existsSync(done)) return { out, result: JSON.parse(readFileSync(done, "utf8")) as ScriptResult };
      try {
        mkdirSync(lock);
        break; // this worker builds
      } catch {
        // Another worker is building: wait for it, or take over from one that died long ago.
        if (waited > 240_000) rmSync(lock, { recursive: true, force: true });
        await sleep(500);
      }
    }
    try {
      for (const old of readdirSync(base))
        if (!dir.endsWith(old) && !old.endsWith(".lock"))
          rmSync(join(base, old), { recursive: true, force: true });
      const result = await runScript("scripts/build.ts", ["--out", out], {
        ADDIN_BASE_URL: SHARED_BUILD_BASE_URL,
      });
      mkdirSync(dir, { recursive: true });
      writeFileSync(done, JSON.stringify(result));
      return { out, result };
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  })();
  return mine;
}
