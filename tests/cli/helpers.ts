/** In-process `iom` for tests: run(argv) with captured output, and throwaway directories. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferIo } from "../../src/cli/io";
import { run } from "../../src/cli/program";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function iomCli(...argv: string[]): Promise<CliResult> {
  const io = bufferIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = "iom-cli-"): {
  dir: string;
  path: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
