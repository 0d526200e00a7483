/**
 * The cell statuses of Tables 1 and 2 as the solver proved them at import (the fresh build in
 * proofs.test.ts re-proves them all and must reproduce these files byte for byte), and the serving
 * rule over them: what the add-in answers for every single cell.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import { EditionIndex } from "../../src/core/edition";
import { IomError } from "../../src/core/errors";
import { describeProvenance } from "../../src/core/iom";
import type { Edition, ProvedCell, Table } from "../../src/core/model";
import { expandEdition, type RuntimeEdition } from "../../src/core/runtime-format";
import { render } from "../../src/i18n/messages";
import { statusCounts } from "../../src/import/write";

const root = join(__dirname, "..", "..");
const runtime = JSON.parse(readFileSync(join(root, "data/2011/runtime.json"), "utf8")) as RuntimeEdition;
const edition: Edition = expandEdition(runtime);
const index = new EditionIndex(edition);
const table = (id: string): Table => edition.tables.find((t) => t.id === id) as Table;
const proved = (id: string, row: string, column: string): ProvedCell | undefined =>
  table(id).proved?.find((p) => p.row === row && p.column === column);
const undetermined = (id: string, row: string, column: string) =>
  table(id).undetermined.find((u) => u.row === row && u.column === column);

/** What the add-in does with a cell: a served number (with its IOM.SOURCE line) or an #N/A message. */
function serve(id: string, row: string, column: string): { value: number; source: string } | { error: IomError } {
  const ref = index.ref(id, row, column);
  try {
    const answer = index.cell(ref);
    return { value: answer.value, source: describeProvenance(answer, edition) };
  } catch (e) {
    if (e instanceof IomError) return { error: e };
    throw e;
  }
}

describe("Tables 1 and 2: every cell has one proved status", () => {
  it.each(["table1", "table2"])("%s", (id) => {
    const t = table(id);
    const c = statusCounts(t);
    expect(c.printed + c.forced + c.contradicted + c.undetermined).toBe(t.rows.length * t.columns.length);
    const seen = new Set<string>();
    for (const x of [...(t.proved ?? []), ...t.undetermined]) {
      const k = `${x.row}|${x.column}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    for (const u of t.undetermined) {
      expect(u.min).toBeDefined();
      expect(u.max as number).toBeGreaterThan(u.min as number);
    }
    for (const p of t.proved ?? []) {
      if (p.status === "forced") expect(p.min).toBe(p.max);
      else expect(p.printed).not.toBeNull();
      expect(p.because.length).toBeGreaterThan(0);
    }
  });

  it("Table 1: the three numbers the conversion lost are forced, the two 1s of lines 826 and 831 stay open", () => {
    for (const [row, column, value] of [
      ["southern_africa", "west_africa", 9],
      ["southern_africa", "central_europe", 11],
      ["southern_cone", "western_europe", 495],
    ] as const) {
      expect(proved("table1", row, column)).toMatchObject({ status: "forced", min: value, max: value });
      expect(serve("table1", row, column)).toMatchObject({ value });
    }
    expect(table("table1").undetermined.map((u) => [u.row, u.column, u.min, u.max])).toEqual([
      ["central_africa", "south_eastern_europe", 0, 1],
      ["central_africa", "southern_europe", 0, 1],
      ["southern_africa", "south_eastern_europe", 0, 1],
      ["southern_africa", "southern_europe", 0, 1],
    ]);
  });

  it("Table 2: Repatriation Assistance, Asia and Oceania → Iraq prints 9 but its row total is 1", () => {
    const p = proved("table2", "repatriation_assistance.asia_and_oceania", "iraq");
    expect(p).toMatchObject({ status: "contradicted", printed: 9, min: 0, max: 1 });
    const served = serve("table2", "repatriation_assistance.asia_and_oceania", "iraq");
    expect(served).toMatchObject({ value: 9 });
    expect("source" in served && served.source).toContain("the report's totals allow only [0, 1]");
    expect("source" in served && served.source).toContain(p?.discrepancy);
    expect(edition.discrepancies.map((d) => d.id)).toContain(p?.discrepancy);
  });

  it("Table 2: the Europe row must then hold 8 or 9 Repatriation movements to Iraq", () => {
    expect(undetermined("table2", "repatriation_assistance.europe", "iraq")).toMatchObject({ min: 8, max: 9 });
    const served = serve("table2", "repatriation_assistance.europe", "iraq");
    expect("error" in served && served.error.message).toContain("any value between 8 and 9");
  });

  it("Table 2: zeros that Table 1 forces are served, naming the totals that force them", () => {
    const p = proved("table2", "return_assistance_for_migrants_and_governments.africa", "new_zealand");
    expect(p).toMatchObject({ status: "forced", min: 0, max: 0 });
    expect(p?.because.some((b) => b.includes("Table 1"))).toBe(true);
    const served = serve("table2", "return_assistance_for_migrants_and_governments.africa", "new_zealand");
    expect(served).toMatchObject({ value: 0 });
    expect("source" in served && served.source).toMatch(/derived: forced by .*Table 1's to Australia and New Zealand/);
  });
});

describe("the serving rule", () => {
  const cells = ["table1", "table2"].flatMap((id) =>
    table(id).rows.flatMap((r) => table(id).columns.map((c) => [id, r.key, c.key] as const)),
  );

  it("no served number lies outside its proved range without a warning at the cell", () => {
    const wrong: string[] = [];
    let served = 0;
    let warned = 0;
    for (const [id, row, column] of cells) {
      const s = serve(id, row, column);
      const p = proved(id, row, column);
      const u = undetermined(id, row, column);
      if ("error" in s) {
        if (!u) wrong.push(`${id} ${row}/${column}: #N/A but not undetermined`);
        continue;
      }
      served++;
      if (u) wrong.push(`${id} ${row}/${column}: undetermined but served ${s.value}`);
      // A printed cell is pinned to its printed value by the proof; a proved one carries its range.
      const [min, max] = p ? [p.min, p.max] : [s.value, s.value];
      const inRange = s.value >= min && s.value <= max;
      const warning = p?.status === "contradicted" && s.source.includes("the report's totals allow only");
      if (warning) warned++;
      if (!inRange && !warning) wrong.push(`${id} ${row}/${column}: ${s.value} outside [${min}, ${max}]`);
      if (p?.status === "forced" && !s.source.includes("derived: forced by")) wrong.push(`${id} ${row}/${column}: forced without saying so`);
    }
    expect(wrong).toEqual([]);
    expect(served).toBeGreaterThan(3500);
    expect(warned).toBe(table("table2").proved?.filter((p) => p.status === "contradicted").length);
  });

  it("an undetermined cell's #N/A gives its exact range and names the cells of its combined figure by row and column", () => {
    const s = serve("table1", "central_africa", "south_eastern_europe");
    expect("error" in s).toBe(true);
    const message = "error" in s ? s.error.message : "";
    expect(message).toContain("any value between 0 and 1");
    expect(message).toContain(
      "Africa and the Middle East › Central Africa / South-Eastern Europe + Africa and the Middle East › Central Africa / Southern Europe is 1",
    );
    expect(message).not.toContain("Central Africa + Central Africa");
    const problem = "error" in s ? s.error.problem : undefined;
    expect(problem && render(problem, "fr")).toContain("toute valeur entre 0 et 1");
    expect(problem && render(problem, "es")).toContain("cualquier valor entre 0 y 1");
  });
});

describe("the solver stays out of the add-in", () => {
  /** Every module a file reaches through relative imports, and the packages it names. */
  function reach(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
    if (seen.has(file)) return packages;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import|require\()\s*["']([^"']+)["']/g)) {
      const spec = m[1] as string;
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const hit = [".ts", ".tsx", "/index.ts"].map((x) => base + x).find((f) => {
        try {
          return statSync(f).isFile();
        } catch {
          return false;
        }
      });
      if (hit) reach(hit, seen, packages);
      if (hit?.includes(`${join("src", "import")}`)) packages.add(`(importer) ${hit}`);
    }
    return packages;
  }
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
    );

  it.each(["src/core", "src/functions", "src/taskpane"])("%s never reaches highs or the importer", (dir) => {
    const reached = new Set<string>();
    for (const f of files(join(root, dir))) for (const p of reach(f)) reached.add(p);
    expect([...reached].filter((p) => p === "highs" || p.startsWith("highs/") || p.startsWith("(importer)"))).toEqual([]);
    expect(reached.size).toBeGreaterThan(0);
  });
});
