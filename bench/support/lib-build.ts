/**
 * The installed `iom` command for the CLI bench: `npm run build:lib`'s compilation
 * (tsconfig.lib.json, then the CLI's bundle) into build/bench-lib/<hash of its inputs>/lib, with
 * bin/iom.js beside it and the package's node_modules linked, as an install has them
 * (tests/cli/bin.test.ts does the same). Compiled once per change of its inputs.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT } from "../../scripts/webpack.config";
import { inputHash } from "../../tests/helpers/shared-build";

const INPUTS = [
  "src",
  "data",
  "bin",
  "scripts/bundle-cli.ts",
  "tsconfig.json",
  "tsconfig.lib.json",
  "package.json",
];

/** The path of bin/iom.js of a current compilation. */
export function compiledCli(): string {
  const dir = join(ROOT, "build", "bench-lib", inputHash(INPUTS));
  const bin = join(dir, "bin", "iom.js");
  const done = join(dir, "done");
  if (existsSync(done)) return bin;
  rmSync(join(ROOT, "build", "bench-lib"), { recursive: true, force: true });
  console.log("compiling the CLI (tsconfig.lib.json)...");
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.lib.json", "--outDir", join(dir, "lib")],
    { cwd: ROOT, stdio: "inherit" },
  );
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/bundle-cli.ts"), join(dir, "lib")],
    { cwd: ROOT, stdio: "inherit" },
  );
  mkdirSync(join(dir, "bin"), { recursive: true });
  copyFileSync(join(ROOT, "bin/iom.js"), bin);
  writeFileSync(done, "");
  return bin;
}

/**
 * A module of the compiled library (its path under src/, without extension), so a bench measures
 * the JavaScript `iom` runs rather than the sources through tsx (whose every imported binding is a
 * getter call).
 */
export function compiledModule<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module chosen at run time
  return require(join(dirname(dirname(compiledCli())), "lib", "src", path)) as T;
}
