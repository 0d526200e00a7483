import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The package's root directory (where data/ lives), found by walking up from this file: the CLI
 * runs from src/cli under tsx and from lib/src/cli once compiled, at different depths.
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && existsSync(join(dir, "data"))) {
      const name = (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name;
      if (name === "iom-report-excel") return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no iom-report-excel package above ${from}`);
  }
}
