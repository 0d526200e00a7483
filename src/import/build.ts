import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type {
  Discrepancy,
  Edition,
  EditionMeta,
  ManualFix,
  Presentation,
  Table,
  Unavailable,
} from "../core/model";
import { checkTableSums, type SumMismatch } from "../core/proofs";
import { checkArithmetic, type Relation } from "./arithmetic";
import { importFacts, type CuratedFact } from "./facts";
import { SourceText } from "./source-text";

/** What the solver's proof of an edition's tables gives back (see src/import/solver/). */
export interface TableProof extends SolverReport {
  /** The contradictions it finds, as discrepancy records. */
  discrepancies: Discrepancy[];
}

/** What an edition's importer (src/import/editions/<edition>/index.ts) exports. */
export interface EditionImporter {
  /** Every table of the report, in report order, from the source text and the manual fixes. */
  importTables(src: SourceText, fixes: ManualFix[]): Table[];
  /** Proves the tables' cells with the solver (in place: statuses and ranges), when the edition's importer can. */
  proveTables?(src: SourceText, fixes: ManualFix[], tables: Table[], curatedDir: string): Promise<TableProof>;
}

const IMPORTERS = join(__dirname, "editions");

/** The editions there are importers for: one folder each under src/import/editions/. */
export const editions = (): string[] =>
  readdirSync(IMPORTERS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

function importerOf(edition: string): EditionImporter {
  if (!editions().includes(edition))
    throw new Error(`unknown edition "${edition}" (known: ${editions().join(", ")})`);
  // The importer is chosen by the edition's folder name, so adding an edition needs no edit here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module found at run time
  return require(join(IMPORTERS, edition)) as EditionImporter;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** Every <prefix>*.json file of an edition's curated folder, concatenated (arrays). */
function curated<T>(dir: string, prefix: string): T[] {
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

/** Where an edition's files are, when not in the project's data/ and src/import/editions/ (a test's edition). */
export interface EditionSources {
  /** The folder holding curated/ (default data/<edition>). */
  dataDir?: string;
  importer?: EditionImporter;
}

/**
 * Builds an edition from its source text and curated files. Deterministic: the same
 * inputs always give byte-identical output, which the reproducibility test relies on.
 */
export async function buildEdition(
  root: string,
  edition: string,
  sources: EditionSources = {},
): Promise<BuildResult> {
  const importer = sources.importer ?? importerOf(edition);
  const dir = join(root, sources.dataDir ?? join("data", edition), "curated");
  const meta = readJson<EditionMeta>(join(dir, "meta.json"));
  const presentation = readJson<Presentation>(join(dir, "presentation.json"));
  const text = readFileSync(join(root, meta.source), "utf8");
  const src = new SourceText(text);
  const fixes = curated<ManualFix>(dir, "fixes");
  const tables: Table[] = importer.importTables(src, fixes);
  const proof = importer.proveTables ? await importer.proveTables(src, fixes, tables, dir) : undefined;
  const { facts, problems } = importFacts(src, curated<CuratedFact>(dir, "facts"), meta);
  const recorded = curated<Discrepancy>(dir, "discrepancies");
  // Narrative arithmetic: a relation that fails is recorded, unless a curated record already explains it.
  const arithmetic = checkArithmetic(facts, curated<Relation>(dir, "arithmetic"));
  problems.push(...arithmetic.problems);
  const narrative = arithmetic.discrepancies.filter((d) => !recorded.some((r) => r.id === d.id));
  const discrepancies = [...recorded, ...narrative, ...(proof?.discrepancies ?? [])];
  problems.push(
    ...discrepancyProblems(discrepancies),
    ...unexplainedMismatches(tables, discrepancies),
    ...metaProblems(meta, tables, facts),
    ...presentationProblems(presentation, tables),
  );
  const result: Edition = {
    edition,
    meta,
    presentation,
    document: meta.document,
    title: meta.title,
    source: meta.source,
    sourceSha256: createHash("sha256").update(text).digest("hex"),
    tables,
    facts,
    discrepancies,
    fixes,
    unavailable: curated<Unavailable>(dir, "unavailable"),
  };
  return {
    edition: result,
    problems,
    ...(proof ? { solver: { timing: proof.timing, stats: proof.stats } } : {}),
  };
}

/**
 * A discrepancy sets two different figures against each other (printed and computed), or a figure
 * against what the text says in words (claim): never both, never two equal numbers.
 */
function discrepancyProblems(discrepancies: Discrepancy[]): string[] {
  return discrepancies.flatMap((d) => {
    if ((d.computed === undefined) === (d.claim === undefined))
      return [
        `discrepancy ${d.id}: give either computed (a number) or claim (words), not ${d.claim === undefined ? "neither" : "both"}`,
      ];
    if (d.computed !== undefined && Math.abs(d.computed - d.printed) < 1e-9)
      return [
        `discrepancy ${d.id}: printed and computed are both ${d.printed}; a claim in words says what differs`,
      ];
    return [];
  });
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

/** The meta file must name tables and facts the edition has. */
function metaProblems(meta: EditionMeta, tables: Table[], facts: { key: string }[]): string[] {
  const ids = new Set(tables.map((t) => t.id));
  const keys = new Set(facts.map((f) => f.key));
  const roleTables = Object.entries(meta.roles).flatMap(([role, v]) =>
    (Array.isArray(v) ? v.map((x: { table: string }) => x.table) : [v as string]).map((id) => ({ role, id })),
  );
  return [
    ...roleTables
      .filter((r) => !ids.has(r.id))
      .map((r) => `meta.json: role ${r.role} names table "${r.id}", which the edition does not have`),
    ...meta.narrativePlaces
      .filter((p) => !keys.has(p.fact))
      .map(
        (p) => `meta.json: narrative place ${p.name} cites fact "${p.fact}", which the edition does not have`,
      ),
  ];
}

/** Every table has its titles and stub headings; a chart's rows and columns come from tables the edition has. */
function presentationProblems(p: Presentation, tables: Table[]): string[] {
  const ids = new Set(tables.map((t) => t.id));
  const problems = tables.flatMap((t) => {
    const shown = p.tables[t.id];
    const depth = Math.max(...t.rows.map((r) => r.path.length));
    return [
      ...(shown?.title ? [] : [`presentation.json: table ${t.id} has no French and Spanish title`]),
      ...((shown?.stub?.length ?? 0) >= depth
        ? []
        : [`presentation.json: table ${t.id} needs ${depth} stub headings, has ${shown?.stub?.length ?? 0}`]),
    ];
  });
  for (const id of Object.keys(p.tables))
    if (!ids.has(id)) problems.push(`presentation.json: table ${id} is not in the edition`);
  for (const c of p.charts) {
    const sources = [c.categoryNames, ...(Array.isArray(c.series) ? [] : [c.series.each])];
    for (const s of sources) {
      const table = "rows" in s ? s.rows : "ranked" in s ? s.ranked.columnsOf : undefined;
      if (table !== undefined && !ids.has(table))
        problems.push(
          `presentation.json: chart ${c.id} reads table ${table}, which the edition does not have`,
        );
    }
  }
  return problems;
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
