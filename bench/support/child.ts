/** Runs a bench script in a fresh `node` (TypeScript through tsx) and returns the JSON it prints last. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../scripts/webpack.config";

export function runChild<T>(script: string, args: string[], options: { exposeGc?: boolean } = {}): T {
  const flags = [...(options.exposeGc ? ["--expose-gc"] : []), "--import", "tsx"];
  const r = spawnSync(process.execPath, [...flags, join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`${script} ${args[0] ?? ""} failed (${r.status}):\n${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}

/** A scratch directory for the inputs handed to children, removed by `done()`. */
export function scratch(): { file: (name: string, data: unknown) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "iom-bench-"));
  return {
    file: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(data));
      return path;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}
