/**
 * `iom refresh` killed while it writes, in a child process: kill -9 leaves the workbook intact
 * (the temporary file it leaves is removed by the next refresh); SIGTERM also removes the
 * temporary file. The child is killed as soon as its temporary file appears beside the workbook.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../../src/cli/io";
import { bigSheetXml, writeOneSheetWorkbook } from "../support/big-workbook";
import { iomCli, tempDir } from "./helpers";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const tmp = tempDir("iom-refresh-kill-");
afterAll(() => tmp.cleanup());

const temps = (): string[] => readdirSync(tmp.dir).filter((f) => f.endsWith(".tmp"));

/** Runs `iom refresh path` in a child and sends `signal` once its temporary file exists. */
function refreshAndKill(
  path: string,
  signal: NodeJS.Signals,
): Promise<{ signal: string | null; sawTemp: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "refresh", path],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let sawTemp = false;
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const watcher = watch(tmp.dir, () => {
      if (!sawTemp && temps().length > 0) {
        sawTemp = true;
        child.kill(signal);
      }
    });
    child.on("error", reject);
    child.on("exit", (code, sig) => {
      watcher.close();
      if (!sawTemp) reject(new Error(`the refresh ended (exit ${code}) before it was killed: ${stderr}`));
      else resolve({ signal: sig, sawTemp });
    });
  });
}

describe("killed while writing", () => {
  const path = tmp.path("big.xlsx");
  let original: Buffer;
  beforeAll(async () => {
    // Large enough that writing takes a while: 300k stale formula cells. Each refers to the label
    // of the row below, which is read after it, so the sheet is patched as the file is written
    // (not while it is read, as a sheet whose cells are all known at once is).
    const xml = bigSheetXml(300_000, true).replace(
      /IOM\.STAFF\(A(\d+),/g,
      (_, r: string) => `IOM.STAFF(A${Number(r) + 1},`,
    );
    await writeOneSheetWorkbook(path, xml);
    original = readFileSync(path);
  });

  it("SIGTERM removes the temporary file and leaves the workbook intact", async () => {
    const r = await refreshAndKill(path, "SIGTERM");
    expect(r.signal).toBe("SIGTERM");
    expect(readFileSync(path).equals(original)).toBe(true);
    expect(temps()).toEqual([]);
  });

  it("kill -9 leaves the workbook intact; the next refresh removes the leftover and completes", async () => {
    const r = await refreshAndKill(path, "SIGKILL");
    expect(r.signal).toBe("SIGKILL");
    expect(readFileSync(path).equals(original)).toBe(true);
    expect(temps()).toHaveLength(1);
    const again = await iomCli("refresh", path);
    expect(again.code).toBe(EXIT.ok);
    expect(temps()).toEqual([]);
  });
});
