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
import { checkTableSums } from "../core/proofs";
import { importFacts, type CuratedFact } from "./facts";
import { SourceText } from "./source-text";

/** What an edition's importer (src/import/editions/<edition>/index.ts) exports. */
export interface EditionImporter {
  /** Every table of the report, in report order, from the source text and the manual fixes. */
  importTables(src: SourceText, fixes: ManualFix[]): Table[];
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
export function buildEdition(root: string, edition: string, sources: EditionSources = {}): BuildResult {
  const importer = sources.importer ?? importerOf(edition);
  const dir = join(root, sources.dataDir ?? join("data", edition), "curated");
  const meta = readJson<EditionMeta>(join(dir, "meta.json"));
  const presentation = readJson<Presentation>(join(dir, "presentation.json"));
  const text = readFileSync(join(root, meta.source), "utf8");
  const src = new SourceText(text);
  const fixes = curated<ManualFix>(dir, "fixes");
  const tables: Table[] = importer.importTables(src, fixes);
  const { facts, problems } = importFacts(src, curated<CuratedFact>(dir, "facts"), meta);
  const discrepancies = curated<Discrepancy>(dir, "discrepancies");
  problems.push(
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
  return { edition: result, problems };
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
