/**
 * `iom check`: the data proofs, from the source text up. Rebuilds the edition from the report's text
 * and the curated files (every fact found, every mismatch explained), recomputes every printed total,
 * and checks that a fresh import reproduces the committed data files byte for byte.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkTableSums, type Discrepancy } from "../../core";
import { buildEdition, editions, explains } from "../../import/build";
import { outputsFrom } from "../../import/index";
import { dataReport, discrepancyFigures } from "../../import/write";
import { UserError } from "../errors";
import { EXIT, type Io } from "../io";
import { packageRoot } from "../root";

/** The repository checkout iom check rebuilds the data in: an installed package has no data/ folder. */
function checkoutRoot(): string {
  try {
    return packageRoot();
  } catch {
    throw new UserError(
      "iom check rebuilds the data from the report's text, so it runs in a checkout of the repository (with its data/ folder and dev dependencies), not from an installed package",
      EXIT.io,
    );
  }
}

const readOr = (path: string): string => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
};

/** What --json prints for one edition. */
interface EditionCheck {
  edition: string;
  tables: number;
  facts: number;
  sumChecks: { totals: number; differ: number; unexplained: number };
  problems: string[];
  /** Data files a fresh import would change; null when the build had problems. */
  stale: string[] | null;
  discrepancies: Discrepancy[];
}

export async function runCheck(
  io: Io,
  root: string = checkoutRoot(),
  opts: { json?: boolean } = {},
): Promise<number> {
  let failed = false;
  const checked: EditionCheck[] = [];
  // With --json, the text report is left out and one JSON document gives the results.
  const text: Io = opts.json ? { out: () => undefined, err: (t) => io.err(t) } : io;
  for (const edition of editions()) {
    let build;
    try {
      build = await buildEdition(root, edition);
    } catch (e) {
      throw new UserError(
        `cannot build edition ${edition} from ${root}: ${e instanceof Error ? e.message : String(e)} (iom check needs the repository's data/ folder)`,
        EXIT.io,
      );
    }
    const { edition: e, problems } = build;
    text.out(dataReport(e, build.solver));
    const totals = e.tables.reduce(
      (n, t) =>
        n +
        t.columns.filter((c) => c.sumOf).length * t.rows.length +
        t.rows.filter((r) => r.sumOf).length * t.columns.length,
      0,
    );
    const mismatches = e.tables.flatMap(checkTableSums);
    const explained = explains(e.discrepancies, e.tables);
    const unexplained = mismatches.filter((m) => !explained(m));
    text.out(
      `\nsum checks: ${totals} printed totals recomputed, ${mismatches.length} differ from their parts, ${unexplained.length} of them unexplained\n`,
    );
    text.out(`build problems: ${problems.length}\n`);
    for (const p of problems) text.out(`  ✗ ${p}\n`);
    const stale =
      problems.length === 0
        ? [...outputsFrom(build)].filter(([p, c]) => readOr(join(root, p)) !== c).map(([p]) => p)
        : [];
    text.out(
      problems.length === 0
        ? `reproducibility: ${stale.length === 0 ? "a fresh import reproduces every data file byte for byte" : `${stale.length} data files differ from a fresh import (run npm run import)`}\n`
        : "reproducibility: not checked (the build has problems)\n",
    );
    for (const s of stale) text.out(`  ✗ stale: ${s}\n`);
    text.out(
      `\ndiscrepancies in the report itself (${e.discrepancies.length}, each explained; the data keeps the printed value):\n`,
    );
    for (const d of e.discrepancies)
      text.out(`  ${d.id} (${d.table}, line ${d.line}): ${discrepancyFigures(d)}. ${d.message}\n`);
    if (problems.length > 0 || unexplained.length > 0 || stale.length > 0) failed = true;
    checked.push({
      edition,
      tables: e.tables.length,
      facts: e.facts.length,
      sumChecks: { totals, differ: mismatches.length, unexplained: unexplained.length },
      problems,
      stale: problems.length === 0 ? stale : null,
      discrepancies: e.discrepancies,
    });
  }
  text.out(failed ? "\ncheck FAILED\n" : "\ncheck passed\n");
  if (opts.json) io.out(`${JSON.stringify({ passed: !failed, editions: checked }, null, 2)}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
