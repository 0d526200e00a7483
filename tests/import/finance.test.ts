import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, Discrepancy, ManualFix, Table, Unavailable } from "../../src/core/model";
import { checkTableSums } from "../../src/core/proofs";
import { importFinanceTables } from "../../src/import/editions/2011/finance";
import { occursOnLine } from "../../src/import/occurs";
import { formatPrinted, SourceText } from "../../src/import/source-text";

const root = join(__dirname, "../..");
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), "utf8")) as T;

const src = SourceText.fromFile(join(root, "data/source/MC2346-report-2011.txt"));
const fixes = readJson<ManualFix[]>("data/2011/curated/fixes-finance.json");
const discrepancies = readJson<Discrepancy[]>("data/2011/curated/discrepancies-finance.json");
const unavailable = readJson<Unavailable[]>("data/2011/curated/unavailable.json");
const tables = importFinanceTables(src, fixes);

const IDS = [
  "vb_expenditure",
  "vb_by_region",
  "vb_by_service",
  "annex1_s1",
  "annex1_s5",
  "annex1_s6",
  "annex1_s8",
];

function table(id: string): Table {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function cell(id: string, row: string, column: string): CellValue {
  const t = table(id);
  const r = t.rows.find((x) => x.key === row);
  const c = t.columns.findIndex((x) => x.key === column);
  if (!r || c < 0) throw new Error(`no cell ${id}/${row}/${column}`);
  return r.cells[c] as CellValue;
}

function value(id: string, row: string, column: string): number {
  const v = cell(id, row, column);
  if (typeof v !== "number") throw new Error(`${id}/${row}/${column} is not a number`);
  return v;
}

/** Rows that are not totals. */
const parts = (t: Table) => t.rows.filter((r) => !r.sumOf);
const col = (t: Table, key: string): number => t.columns.findIndex((c) => c.key === key);
const num = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Discrepancies recorded for a check, as comparable strings. */
const recorded = (codes: Discrepancy["code"][], tableIds?: string[]): string[] =>
  discrepancies
    .filter((d) => codes.includes(d.code) && (!tableIds || tableIds.includes(d.table)))
    .map((d) => `${d.table}/${d.row ?? ""}/${d.column ?? ""}: ${d.printed} vs ${d.computed}`)
    .sort();

/** The narrative prints figures with commas: "USD 1,265.4 million". */
const narrative = (n: number, decimals = 0): string => formatPrinted(n, decimals).replace(/ /g, ",");
const paragraph = (n: number): string => src.line(src.find(new RegExp(`^${n}\\. `)));

describe("finance tables: structure", () => {
  it("returns the seven tables in order, none undetermined, no manual fixes needed", () => {
    expect(tables.map((t) => t.id)).toEqual(IDS);
    expect(fixes).toEqual([]);
    for (const t of tables) expect(t.undetermined).toEqual([]);
  });

  it("counts rows, columns and numeric cells", () => {
    const shape = tables.map((t) => [
      t.id,
      t.rows.length,
      t.columns.length,
      t.rows.flatMap((r) => r.cells).filter((v) => typeof v === "number").length,
    ]);
    expect(shape).toEqual([
      ["vb_expenditure", 3, 2, 6],
      ["vb_by_region", 8, 5, 38],
      ["vb_by_service", 9, 5, 43],
      ["annex1_s1", 3, 5, 15],
      ["annex1_s5", 8, 2, 16],
      ["annex1_s6", 9, 2, 18],
      ["annex1_s8", 8, 7, 53],
    ]);
  });

  it("keeps titles, sections and footnotes as printed", () => {
    expect(table("annex1_s1").title).toBe("IOM total expenditures, 2007–2011 (USD million)");
    expect(table("annex1_s1").footnotes).toEqual([
      { mark: "", text: "Source: IOM's Financial Reports.", line: 1721 },
    ]);
    expect(table("annex1_s5").footnotes[0]).toEqual({
      mark: "*",
      text: "Source: 2011 Financial Report, Appendix 3 – Statement of financial performance by region.",
      line: 1752,
    });
    expect(table("annex1_s6").footnotes[0]?.line).toBe(1770);
    expect(table("vb_by_region").lines).toEqual([1118, 1127]);
    expect(table("annex1_s8").lines).toEqual([1787, 1800]);
    expect(tables.map((t) => t.section)).toEqual([
      "V.B",
      "V.B",
      "V.B",
      "Annex I",
      "Annex I",
      "Annex I",
      "Annex I",
    ]);
  });
});

describe("finance tables: values", () => {
  it("returns the values the product must return", () => {
    expect(value("vb_by_region", "europe", "y2010")).toBe(162.1);
    expect(value("annex1_s1", "total_expenditure_for_the_year", "y2007")).toBe(784);
    expect(value("annex1_s8", "regulating_migration", "europe")).toBe(528);
  });

  it("matches spot values read by hand", () => {
    expect(value("vb_expenditure", "administrative_programme", "y2011")).toBe(44.3);
    expect(
      value("vb_expenditure", "total_expenditure_for_the_year_excluding_exchange_rate_differences", "y2010"),
    ).toBe(1359.4);
    expect(value("vb_by_region", "latin_america_and_the_caribbean", "increase_decrease")).toBe(-142);
    expect(value("vb_by_region", "middle_east", "y2010_rank")).toBe(6);
    expect(cell("vb_by_region", "total", "y2011_rank")).toBeNull();
    expect(value("vb_by_service", "migration_policy_and_research", "y2010_rank")).toBe(7);
    expect(value("vb_by_service", "general_programme_support", "increase_decrease")).toBe(0.8);
    expect(value("annex1_s1", "operational_programmes", "y2009")).toBe(991);
    expect(value("annex1_s5", "global_activities", "number_of_projects")).toBe(200);
    expect(value("annex1_s6", "regulating_migration", "number_of_projects")).toBe(1083);
    expect(value("annex1_s6", "total", "operational_expenditure_usd_million")).toBe(1265.4);
    expect(value("annex1_s8", "general_programme_support_services", "global_activities")).toBe(93);
    expect(cell("annex1_s8", "migration_and_development", "north_america")).toBeNull();
    expect(cell("annex1_s8", "reparation_programmes", "north_america")).toBeNull();
    expect(cell("annex1_s8", "reparation_programmes", "global_activities")).toBeNull();
  });

  const printedOn = (v: number, line: number, loose: boolean): boolean =>
    occursOnLine(v, src.line(line), { loose });

  it("prints every numeric cell on its recorded line", () => {
    const fixed = new Set(fixes.flatMap((f) => f.cells.map((c) => `${f.table}/${c.row}/${c.column}`)));
    const missing = tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        t.columns.flatMap((c, i) => {
          const v = r.cells[i];
          if (typeof v !== "number") return [];
          const line = r.cellLines?.[c.key] ?? r.line;
          return printedOn(v, line, fixed.has(`${t.id}/${r.key}/${c.key}`))
            ? []
            : [`${t.id}/${r.key}/${c.key}`];
        }),
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe("finance tables: sums", () => {
  it("finds exactly the recorded printed-total mismatches", () => {
    const found = tables
      .flatMap(checkTableSums)
      .map((m) => `${m.table}/${m.row}/${m.column}: ${m.printed} vs ${m.computed}`)
      .sort();
    expect(found).toEqual(recorded(["row_sum", "column_sum"]));
  });

  // checkTableSums skips every column that declares a unit; the expenditure columns of
  // sections 5 and 6 are additive, so their Total rows are checked here.
  it.each(["annex1_s5", "annex1_s6"])("%s: the expenditure Total is the sum of its parts", (id) => {
    const t = table(id);
    const c = col(t, "operational_expenditure_usd_million");
    const sum = round1(parts(t).reduce((s, r) => s + num(r.cells[c]), 0));
    expect(sum).toBe(value(id, "total", "operational_expenditure_usd_million"));
  });

  it.each(["vb_by_region", "vb_by_service"])("%s: Increase/(decrease) is 2011 − 2010 on every row", (id) => {
    const t = table(id);
    const [a, b, d] = [col(t, "y2011"), col(t, "y2010"), col(t, "increase_decrease")];
    const mismatches = t.rows
      .filter((r) => round1(num(r.cells[a]) - num(r.cells[b])) !== num(r.cells[d]))
      .map((r) => `${id}/${r.key}/increase_decrease`);
    expect(mismatches).toEqual([]);
  });

  it.each(["vb_by_region", "vb_by_service"])("%s: ranks order the values, largest first", (id) => {
    const t = table(id);
    for (const y of ["y2011", "y2010"]) {
      const [v, k] = [col(t, y), col(t, `${y}_rank`)];
      const byValue = [...parts(t)].sort((p, q) => num(q.cells[v]) - num(p.cells[v]));
      expect(byValue.map((r) => r.cells[k])).toEqual(byValue.map((_, i) => i + 1));
    }
  });
});

describe("finance tables: cross-table proofs", () => {
  const vbTotal = "total_expenditure_for_the_year_excluding_exchange_rate_differences";
  const annexRow: Record<string, string> = {
    administrative_programme: "administrative_programme",
    operational_programmes: "operational_programmes",
    [vbTotal]: "total_expenditure_for_the_year",
  };

  it("Annex I, section 1 rounds the V.B figures, except the recorded 2011 total", () => {
    const mismatches: string[] = [];
    for (const [vbRow, aRow] of Object.entries(annexRow)) {
      for (const y of ["y2010", "y2011"]) {
        const rounded = Math.round(value("vb_expenditure", vbRow, y));
        const printed = value("annex1_s1", aRow, y);
        if (rounded !== printed) mismatches.push(`annex1_s1/${aRow}/${y}: ${printed} vs ${rounded}`);
      }
    }
    expect(mismatches).toEqual(recorded(["rounding"], ["annex1_s1"]));
    // The Annex total is the sum of the rounded components: 44 + 1 265 = 1 309.
    const roundedParts =
      Math.round(value("vb_expenditure", "administrative_programme", "y2011")) +
      Math.round(value("vb_expenditure", "operational_programmes", "y2011"));
    expect(roundedParts).toBe(1309);
    expect(value("annex1_s1", "total_expenditure_for_the_year", "y2011")).toBe(roundedParts);
  });

  /** Pairs rows of two tables in order (their labels differ only in wording) and lists value mismatches. */
  function compareInOrder(aId: string, aCol: string, bId: string, bCol: string): string[] {
    const [a, b] = [table(aId), table(bId)];
    expect(a.rows.length).toBe(b.rows.length);
    return a.rows.flatMap((r, i) => {
      const other = b.rows[i];
      if (!other) return [`${bId}: missing row for ${r.key}`];
      const [x, y] = [r.cells[col(a, aCol)], other.cells[col(b, bCol)]];
      return x === y ? [] : [`${bId}/${other.key}/${bCol}: ${num(y)} vs ${num(x)}`];
    });
  }

  it("V.B by region and Annex I, section 5 agree on 2011 expenditure", () => {
    expect(table("annex1_s5").rows.map((r) => r.key)).toEqual([
      ...table("vb_by_region")
        .rows.map((r) => r.key)
        .slice(0, 6),
      "global_activities", // V.B: "Global support/Services"
      "total",
    ]);
    const found = compareInOrder("vb_by_region", "y2011", "annex1_s5", "operational_expenditure_usd_million");
    expect(found).toEqual(recorded(["cross_table"], ["annex1_s5"]));
  });

  it("V.B by service and Annex I, section 6 agree on 2011 expenditure", () => {
    expect(table("annex1_s6").rows.map((r) => r.key)).toEqual([
      ...table("vb_by_service")
        .rows.map((r) => r.key)
        .slice(0, 7),
      "general_programme_support_services", // V.B: "General Programme Support"
      "total",
    ]);
    const found = compareInOrder(
      "vb_by_service",
      "y2011",
      "annex1_s6",
      "operational_expenditure_usd_million",
    );
    expect(found).toEqual(recorded(["cross_table"], ["annex1_s6"]));
  });

  /** Section 8 prints no totals: its margins must equal the numbers of projects of sections 6 and 5. */
  it("section 8 row sums are section 6's projects per service, column sums section 5's per region", () => {
    const s8 = table("annex1_s8");
    const s5Row: Record<string, string> = {
      latin_america_the_carib: "latin_america_and_the_caribbean",
    };
    expect(s8.rows.map((r) => r.key)).toEqual(parts(table("annex1_s6")).map((r) => r.key));
    expect(s8.columns.map((c) => s5Row[c.key] ?? c.key)).toEqual(parts(table("annex1_s5")).map((r) => r.key));
    const byService = s8.rows.flatMap((r) => {
      const sum = r.cells.reduce<number>((s, v) => s + num(v), 0);
      const printed = value("annex1_s6", r.key, "number_of_projects");
      return sum === printed ? [] : [`annex1_s8/${r.key}/: ${printed} vs ${sum}`];
    });
    const byRegion = s8.columns.flatMap((c, i) => {
      const sum = s8.rows.reduce((s, r) => s + num(r.cells[i]), 0);
      const printed = value("annex1_s5", s5Row[c.key] ?? c.key, "number_of_projects");
      return sum === printed ? [] : [`annex1_s8//${c.key}: ${printed} vs ${sum}`];
    });
    expect([...byService, ...byRegion].sort()).toEqual(recorded(["cross_table"], ["annex1_s8"]));
  });
});

describe("finance tables: narrative", () => {
  const vb = (row: string, y: string) => value("vb_expenditure", row, y);
  const vbTotal = "total_expenditure_for_the_year_excluding_exchange_rate_differences";
  const annex = (row: string, y: string) => value("annex1_s1", row, y);

  it("¶7 repeats Annex I, section 1 (its 1,309 is recorded against V.B's 1 309.7)", () => {
    const p7 = paragraph(7);
    expect(src.find(/^7\. Total expenditures/)).toBe(110);
    expect(p7).toContain(
      `stood at USD ${narrative(annex("total_expenditure_for_the_year", "y2011"))} million`,
    );
    expect(p7).toContain(
      `compared with USD ${narrative(annex("total_expenditure_for_the_year", "y2010"))} million in 2010`,
    );
    expect(p7).toContain(
      `Budget for 2011 were USD ${narrative(annex("administrative_programme", "y2011"))} million`,
    );
    expect(p7).toContain(`were USD ${narrative(annex("operational_programmes", "y2011"))} million`);
    expect(p7).toContain(
      `compared with USD ${narrative(annex("operational_programmes", "y2010"))} million in 2010`,
    );
    expect(Math.round(vb(vbTotal, "y2011"))).toBe(1310);
    const d = discrepancies.filter((x) => x.line === 110);
    expect(d.map((x) => [x.code, x.table, x.printed, x.computed])).toEqual([
      ["rounding", "vb_expenditure", 1309, 1310],
    ]);
  });

  it("¶8, ¶9 and ¶243: 2,814 active projects and their shares", () => {
    const total = value("annex1_s5", "total", "number_of_projects");
    expect(value("annex1_s6", "total", "number_of_projects")).toBe(total);
    expect(paragraph(8)).toContain(`active projects was ${narrative(total)}`);
    expect(paragraph(243)).toContain("increased to over 2,800 in 2011");
    expect(total).toBeGreaterThan(2800);
    const share = (id: string, row: string) =>
      Math.round((100 * value(id, row, "number_of_projects")) / total);
    expect(paragraph(8)).toContain(
      `Europe (${share("annex1_s5", "europe")}%), Africa (${share("annex1_s5", "africa")}%) and Asia and Oceania (${share("annex1_s5", "asia_and_oceania")}%)`,
    );
    expect(paragraph(9)).toContain(`regulating migration (${share("annex1_s6", "regulating_migration")}%)`);
    expect(paragraph(9)).toContain(
      `post-crisis migration management (${share("annex1_s6", "movement_emergency_and_post_crisis_migration_management")}%)`,
    );
    expect(paragraph(9)).toContain(
      `facilitating migration (${share("annex1_s6", "facilitating_migration")}%)`,
    );
  });

  it("¶240 and ¶244 agree with the V.B expenditure table", () => {
    const [t11, t10] = [vb(vbTotal, "y2011"), vb(vbTotal, "y2010")];
    const p240 = paragraph(240);
    expect(p240).toContain(`USD ${(t11 / 1000).toFixed(2)} billion in 2011`);
    expect(p240).toContain(`2010 result of USD ${(t10 / 1000).toFixed(2)} billion`);
    expect(p240).toContain(`almost USD 50 million (or ${((100 * (t10 - t11)) / t10).toFixed(1)}%)`);
    expect(t10 - t11).toBeLessThan(50);
    expect(p240).toContain(`USD ${narrative(vb("administrative_programme", "y2011"), 1)} million`);
    expect(p240).toContain(`USD ${narrative(vb("operational_programmes", "y2011"), 1)} million`);
    const share = ((100 * vb("administrative_programme", "y2011")) / t11).toFixed(1);
    expect(paragraph(244)).toContain(`only ${share} per cent of consolidated expenditure`);
  });

  it("¶241 and ¶242 rank the regions and services as the tables do", () => {
    const top = (id: string, y: string) =>
      [...parts(table(id))].sort((p, q) => num(q.cells[col(table(id), y)]) - num(p.cells[col(table(id), y)]));
    expect(
      top("vb_by_region", "y2011")
        .slice(0, 3)
        .map((r) => r.label),
    ).toEqual(["Latin America and the Caribbean", "Asia and Oceania", "Africa"]);
    expect(paragraph(241)).toContain(
      "was Latin America and the Caribbean, followed by Asia and Oceania, then Africa",
    );
    for (const y of ["y2011", "y2010"]) {
      expect(top("vb_by_service", y)[0]?.key).toBe("movement_emergency_and_post_crisis_migration_management");
    }
    expect(
      value("vb_by_service", "movement_emergency_and_post_crisis_migration_management", "increase_decrease"),
    ).toBeGreaterThan(0);
  });

  it("¶248 agrees with the totals; its 'all other … increases' is recorded for Global support/Services", () => {
    const p248 = paragraph(248);
    const total = (c: string) => value("vb_by_region", "total", c);
    const [now, before, fall] = [total("y2011"), total("y2010"), -total("increase_decrease")];
    expect(p248).toContain(
      `decreased by USD ${narrative(fall, 1)} million from USD ${narrative(before, 1)} million in 2010 ` +
        `to USD ${narrative(now, 1)} million in 2011, a ${((100 * fall) / before).toFixed(1)} per cent decrease`,
    );
    const named = new Set([
      "migration_and_development",
      "regulating_migration",
      "latin_america_and_the_caribbean",
      "europe",
    ]);
    const decreases = ["vb_by_region", "vb_by_service"].flatMap((id) =>
      parts(table(id))
        .filter((r) => num(r.cells[col(table(id), "increase_decrease")]) < 0 && !named.has(r.key))
        .map((r) => `${id}/${r.key}`),
    );
    expect(decreases).toEqual(
      discrepancies
        .filter((d) => d.code === "narrative_vs_table" && d.line === 1159)
        .map((d) => `${d.table}/${d.row}`),
    );
  });

  it("every recorded discrepancy points at a real cell holding its printed value", () => {
    for (const d of discrepancies) {
      if (d.line !== 110) expect(value(d.table, d.row ?? "", d.column ?? "")).toBe(d.printed);
      expect(IDS).toContain(d.table);
    }
    expect(new Set(discrepancies.map((d) => d.id)).size).toBe(discrepancies.length);
  });
});

describe("charts whose numbers are not in the text", () => {
  it("lists Figures 1-10 and Annex I sections 2, 3, 4, 7 (two charts), 9, 10, 11", () => {
    expect(unavailable.map((u) => u.id)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `figure_${i + 1}`),
      "annex1_s2",
      "annex1_s3",
      "annex1_s4",
      "annex1_s7_by_service",
      "annex1_s7_total",
      "annex1_s9",
      "annex1_s10",
      "annex1_s11",
    ]);
  });

  it.each(unavailable.map((u) => [u.id, u] as const))("%s: its title is printed on its line", (_, u) => {
    expect(src.line(u.line)).toContain(u.title);
    expect(u.reason).toMatch(/chart: its numbers were lost in the PDF-to-text conversion/);
  });

  it("figure captions carry their figure numbers on those lines", () => {
    unavailable
      .filter((u) => u.id.startsWith("figure_"))
      .forEach((u) =>
        expect(src.line(u.line)).toContain(`Figure ${u.id.slice("figure_".length)}: ${u.title}`),
      );
  });
});
