/**
 * `iom check`: the data proofs from the command line. On the repository's data it passes and
 * prints the counts and every discrepancy; on a copy with one explanation removed it fails (read
 * through --json, as a script would).
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCheck } from "../../src/cli/commands/check";
import { bufferIo, EXIT } from "../../src/cli/io";
import { iom } from "../../src/core";
import type { Discrepancy } from "../../src/core/model";
import { iomCli, tempDir } from "./helpers";

// Workbooks are read, written and converted for real: allow for a busy CI machine.
jest.setTimeout(180_000); // and each build runs the solver over Tables 1-3

const ROOT = join(__dirname, "..", "..");

describe("iom check", () => {
  it("passes on the committed data and prints counts and discrepancies", async () => {
    const r = await iomCli("check");
    expect(r).toMatchObject({ code: EXIT.ok, err: "" });
    const e = iom().edition;
    expect(r.out).toContain(`tables: ${e.tables.length}`);
    expect(r.out).toContain(`facts: ${e.facts.length}`);
    expect(r.out).toMatch(
      /sum checks: (\d+) printed totals recomputed, \d+ differ from their parts, 0 of them unexplained/,
    );
    expect(Number(/sum checks: (\d+)/.exec(r.out)?.[1])).toBeGreaterThan(1000);
    expect(r.out).toContain("build problems: 0");
    expect(r.out).toContain("reproducibility: a fresh import reproduces every data file byte for byte");
    for (const d of e.discrepancies) expect(r.out).toContain(`${d.id} (${d.table}, line ${d.line})`);
    // Each discrepancy sets two different figures side by side, or a figure against the text's words.
    for (const [, printed, computed] of r.out.matchAll(/printed (-?[\d.]+), computed (-?[\d.]+)/g))
      expect(Number(computed)).not.toBe(Number(printed));
    expect(r.out).toContain("(vb_by_region, line 1159): printed -47.8, but the text says an increase");
    expect(r.out).toMatch(/check passed\n$/);
  });

  it("fails when a mismatch is no longer explained", async () => {
    const tmp = tempDir("iom-check-");
    try {
      cpSync(join(ROOT, "data"), join(tmp.dir, "data"), { recursive: true });
      const file = join(tmp.dir, "data/2011/curated/discrepancies-staff.json");
      const records = JSON.parse(readFileSync(file, "utf8")) as Discrepancy[];
      writeFileSync(file, JSON.stringify(records.filter((d) => d.id !== "table6-total-p_3")));
      // And a record whose two figures are the same number says nothing: a build problem.
      const finance = join(tmp.dir, "data/2011/curated/discrepancies-finance.json");
      const said = JSON.parse(readFileSync(finance, "utf8")) as Discrepancy[];
      writeFileSync(
        finance,
        JSON.stringify(said.map((d) => (d.claim ? { ...d, claim: undefined, computed: d.printed } : d))),
      );
      // Read as a script would: --json.
      const io = bufferIo();
      expect(await runCheck(io, tmp.dir, { json: true })).toBe(EXIT.failed);
      const result = JSON.parse(io.stdout()) as {
        passed: boolean;
        editions: { edition: string; problems: string[]; sumChecks: { unexplained: number }; stale: null }[];
      };
      expect(result.passed).toBe(false);
      const [e2011] = result.editions;
      expect(e2011?.edition).toBe("2011");
      expect(e2011?.sumChecks.unexplained).toBe(1);
      expect(e2011?.stale).toBeNull();
      expect(e2011?.problems).toContainEqual(
        expect.stringMatching(
          /^table6: column_sum at row total, column p_3 \(line 1452\): printed 221, parts sum to 220/,
        ),
      );
      expect(e2011?.problems).toContainEqual(
        expect.stringMatching(
          /^discrepancy vb_by_region\.global_support_services\.increase_decrease\.para248: printed and computed are both -47\.8/,
        ),
      );
    } finally {
      tmp.cleanup();
    }
  });
});
