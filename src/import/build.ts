import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Discrepancy, Edition, ManualFix, Table, Unavailable } from "../core/model";
import { checkTableSums, type SumMismatch } from "../core/proofs";
import { importTables2011, proveTables2011 } from "./editions/2011";
import { checkArithmetic, type Relation } from "./arithmetic";
import { importFacts, type CuratedFact } from "./facts";
import { SourceText } from "./source-text";

/** What each edition is built from. A new edition adds an entry and its data/<year>/curated files. */
const EDITIONS: Record<
  string,
  {
    document: string;
    title: string;
    source: string;
    tables: typeof importTables2011;
    /** Proves the tables' cells with the solver; returns the contradictions it finds. */
    prove?: typeof proveTables2011;
  }
> = {
  "2011": {
    document: "MC/2346",
    title: "Report of the Director General on the work of the Organization for the year 2011",
    source: "data/source/MC2346-report-2011.txt",
    tables: importTables2011,
    prove: proveTables2011,
  },
};

export const editions = (): string[] => Object.keys(EDITIONS);

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** Every curated/<prefix>*.json file of an edition, concatenated (arrays). */
function curated<T>(root: string, edition: string, prefix: string): T[] {
  const dir = join(root, "data", edition, "curated");
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
    .sort()
    .flatMap((f) => readJson<T[]>(join(dir, f)));
}

export interface BuildResult {
  edition: Edition;
  /** Problems that make the build fail: an unexplained mismatch, a fact that can't be found… */
  problems: string[];
  /** What the solver measured (not part of the data: timings differ between runs). */
  solver?: SolverReport;
}

export interface SolverReport {
  timing: { buildMs: number; firstSolveMs: number; relaxMs: number; sweepMs: number; namingMs: number };
  stats: { variables: number; constraints: number; binaries: number; lp: number; mip: number };
}

/**
 * Builds an edition from its source text and curated files. Deterministic: the same
 * inputs always give byte-identical output, which the reproducibility test relies on.
 */
export async function buildEdition(root: string, edition: string): Promise<BuildResult> {
  const spec = EDITIONS[edition];
  if (!spec) throw new Error(`unknown edition "${edition}" (known: ${editions().join(", ")})`);
  const text = readFileSync(join(root, spec.source), "utf8");
  const src = new SourceText(text);
  const fixes = curated<ManualFix>(root, edition, "fixes");
  const tables: Table[] = spec.tables(src, fixes);
  const proof = spec.prove
    ? await spec.prove(src, fixes, tables, join(root, "data", edition, "curated"))
    : undefined;
  const { facts, problems } = importFacts(src, curated<CuratedFact>(root, edition, "facts"));
  const recorded = curated<Discrepancy>(root, edition, "discrepancies");
  // Narrative arithmetic: a relation that fails is recorded, unless a curated record already explains it.
  const arithmetic = checkArithmetic(facts, curated<Relation>(root, edition, "arithmetic"));
  problems.push(...arithmetic.problems);
  const narrative = arithmetic.discrepancies.filter((d) => !recorded.some((r) => r.id === d.id));
  const discrepancies = [...recorded, ...narrative, ...(proof?.discrepancies ?? [])];
  problems.push(...unexplainedMismatches(tables, discrepancies));
  const result: Edition = {
    edition,
    document: spec.document,
    title: spec.title,
    source: spec.source,
    sourceSha256: createHash("sha256").update(text).digest("hex"),
    tables,
    facts,
    discrepancies,
    fixes,
    unavailable: curated<Unavailable>(root, edition, "unavailable"),
  };
  return {
    edition: result,
    problems,
    ...(proof ? { solver: { timing: proof.timing, stats: proof.stats } } : {}),
  };
}

/**
 * Whether a recorded discrepancy explains a printed total that differs from its parts: one recorded
 * at that total, or a contradicted part (a cell served as printed though the totals rule it out).
 */
export function explains(discrepancies: Discrepancy[], tables: Table[]): (m: SumMismatch) => boolean {
  const recorded = new Set(discrepancies.map((d) => `${d.table}|${d.row ?? ""}|${d.column ?? ""}`));
  const contradicted = new Set(
    discrepancies
      .filter((d) => d.code === "contradicted")
      .map((d) => `${d.table}|${d.row ?? ""}|${d.column ?? ""}`),
  );
  return (m) => {
    if (recorded.has(`${m.table}|${m.row}|${m.column}`)) return true;
    const t = tables.find((x) => x.id === m.table);
    if (!t) return false;
    if (m.code === "column_sum") {
      const parts = t.rows.find((r) => r.key === m.row)?.sumOf ?? [];
      return parts.some((p) => contradicted.has(`${m.table}|${p}|${m.column}`));
    }
    const parts = t.columns.find((c) => c.key === m.column)?.sumOf ?? [];
    return parts.some((p) => contradicted.has(`${m.table}|${m.row}|${p}`));
  };
}

/** Every printed total that doesn't add up must be a recorded, explained discrepancy. */
function unexplainedMismatches(tables: Table[], discrepancies: Discrepancy[]): string[] {
  const explained = explains(discrepancies, tables);
  return tables.flatMap((t) =>
    checkTableSums(t)
      .filter((m) => !explained(m))
      .map(
        (m) =>
          `${m.table}: ${m.code} at row ${m.row}, column ${m.column} (line ${m.line}): printed ${m.printed}, parts sum to ${m.computed}, and no discrepancy record explains it`,
      ),
  );
}
