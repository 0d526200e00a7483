import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Discrepancy, Edition, ManualFix, Table, Unavailable } from "../core/model";
import { checkTableSums } from "../core/proofs";
import { importTables2011 } from "./editions/2011";
import { importFacts, type CuratedFact } from "./facts";
import { SourceText } from "./source-text";

/** What each edition is built from. A new edition adds an entry and its data/<year>/curated files. */
const EDITIONS: Record<
  string,
  { document: string; title: string; source: string; tables: typeof importTables2011 }
> = {
  "2011": {
    document: "MC/2346",
    title: "Report of the Director General on the work of the Organization for the year 2011",
    source: "data/source/MC2346-report-2011.txt",
    tables: importTables2011,
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
}

/**
 * Builds an edition from its source text and curated files. Deterministic: the same
 * inputs always give byte-identical output, which the reproducibility test relies on.
 */
export function buildEdition(root: string, edition: string): BuildResult {
  const spec = EDITIONS[edition];
  if (!spec) throw new Error(`unknown edition "${edition}" (known: ${editions().join(", ")})`);
  const text = readFileSync(join(root, spec.source), "utf8");
  const src = new SourceText(text);
  const fixes = curated<ManualFix>(root, edition, "fixes");
  const tables: Table[] = spec.tables(src, fixes);
  const { facts, problems } = importFacts(src, curated<CuratedFact>(root, edition, "facts"));
  const discrepancies = curated<Discrepancy>(root, edition, "discrepancies");
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
  return { edition: result, problems };
}

/** Every printed total that doesn't add up must be a recorded, explained discrepancy. */
function unexplainedMismatches(tables: Table[], discrepancies: Discrepancy[]): string[] {
  const recorded = new Set(discrepancies.map((d) => `${d.table}|${d.row ?? ""}|${d.column ?? ""}`));
  return tables.flatMap((t) =>
    checkTableSums(t)
      .filter((m) => !recorded.has(`${m.table}|${m.row}|${m.column}`))
      .map(
        (m) =>
          `${m.table}: ${m.code} at row ${m.row}, column ${m.column} (line ${m.line}): printed ${m.printed}, parts sum to ${m.computed}, and no discrepancy record explains it`,
      ),
  );
}
