import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, Discrepancy, ManualFix, Table } from "../../src/core/model";
import { checkTableSums } from "../../src/core/proofs";
import {
  importAnnex1Section12,
  importTable5,
  importTable6,
  importTable7,
} from "../../src/import/editions/2011/staff";
import { occursOnLine } from "../../src/import/occurs";
import { SourceText } from "../../src/import/source-text";

const root = join(__dirname, "..", "..");
const src = SourceText.fromFile(join(root, "data/source/MC2346-report-2011.txt"));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), "utf8")) as T;
const fixes = readJson<ManualFix[]>("data/2011/curated/fixes-staff.json");
const discrepancies = readJson<Discrepancy[]>("data/2011/curated/discrepancies-staff.json");

const t5 = importTable5(src, fixes);
const t6 = importTable6(src, fixes);
const t7 = importTable7(src, fixes);
const s12 = importAnnex1Section12(src, fixes);
const tables = [t5, t6, t7, s12];

function cell(table: Table, row: string, column: string): CellValue {
  const r = table.rows.find((x) => x.key === row);
  const ci = table.columns.findIndex((c) => c.key === column);
  if (!r || ci < 0) throw new Error(`${table.id}: no cell ${row}/${column}`);
  return r.cells[ci] as CellValue;
}

const printedOn = (value: number, line: number, loose: boolean): boolean =>
  occursOnLine(value, src.line(line), { loose });

const n = (v: CellValue): number => (typeof v === "number" ? v : 0);
const countryRows = (table: Table) => table.rows.filter((r) => r.key !== "total");
const sumColumn = (table: Table, column: string): number =>
  countryRows(table).reduce((s, r) => s + n(cell(table, r.key, column)), 0);

describe("staff tables: identity", () => {
  it.each([
    [t5, "table5", "Table 5", "officials", "V.C"],
    [t6, "table6", "Table 6", "officials", "V.C"],
    [t7, "table7", "Table 7", "employees", "V.C"],
    [s12, "annex1_s12", "Annex I, section 12", "staff", "Annex I"],
  ])("%#: id, number, unit, section, period", (table, id, number, unit, section) => {
    expect([table.id, table.number, table.unit, table.section, table.period]).toEqual([
      id,
      number,
      unit,
      section,
      "31 December 2011",
    ]);
    expect(table.undetermined).toEqual([]);
  });

  it("keeps the printed titles", () => {
    expect(t5.title).toBe("Officials by category/grade, location and gender as at 31 December 2011");
    expect(t6.title).toBe(
      "Distribution by category/grade and country of nationality of Officials employed as at 31 December 2011",
    );
    expect(t7.title).toBe(
      "Breakdown of Headquarters and Field Employees by nationality and gender as at 31 December 2011",
    );
    expect(s12.title).toBe("IOM staff worldwide (breakdown by location and gender), 2011");
  });
});

describe("staff tables: proofs", () => {
  it.each(tables.map((t) => [t.id, t]))(
    "%s: every mismatch is a recorded discrepancy, and only those",
    (id, t) => {
      const recorded = discrepancies
        .filter((d) => d.table === id && (d.code === "row_sum" || d.code === "column_sum"))
        .map(({ table, code, row, column, printed, computed, line }) => ({
          table,
          code,
          row,
          column,
          printed,
          computed,
          line,
        }));
      expect(checkTableSums(t)).toEqual(recorded);
    },
  );

  it.each(tables.map((t) => [t.id, t]))("%s: every number occurs on its recorded line", (id, t) => {
    const fixed = new Set(
      fixes.filter((f) => f.table === id).flatMap((f) => f.cells.map((c) => `${c.row}/${c.column}`)),
    );
    for (const row of t.rows) {
      t.columns.forEach((col, i) => {
        const value = row.cells[i];
        if (typeof value !== "number") return;
        const line = row.cellLines?.[col.key] ?? row.line;
        const loose = fixed.has(`${row.key}/${col.key}`);
        if (!printedOn(value, line, loose)) {
          throw new Error(`${id} ${row.key}/${col.key} = ${value} not on line ${line}`);
        }
      });
    }
  });

  it("records no manual fixes: every staff table is intact in the source", () => {
    expect(fixes).toEqual([]);
  });
});

describe("Table 5", () => {
  it("reads the spot values", () => {
    expect(cell(t5, "p_4", "total_f")).toBe(55);
    expect(cell(t5, "p_4", "field_f")).toBe(41);
    expect(cell(t5, "e_2", "hq_f")).toBe(1);
    expect(cell(t5, "e_1", "hq_f")).toBeNull();
    expect(cell(t5, "short_term_officials", "total_m")).toBe(44);
    expect(cell(t5, "total", "total")).toBe(823);
    expect(t5.rows.map((r) => r.line)).toEqual([...Array(13).keys()].map((i) => 1245 + i));
  });

  it("keeps the 'Excluding:' notes", () => {
    expect(t5.footnotes).toEqual([
      {
        mark: "Excluding:",
        text: "Interns, consultants and staff on special leave without pay.",
        line: 1261,
      },
      { mark: "Excluding:", text: "Seconded/loaned Officials.", line: 1262 },
    ]);
  });
});

describe("Table 6", () => {
  const grades = t6.columns.filter((c) => c.key !== "total").map((c) => c.key);

  it("has 146 Member States, 20 Observer and non-Member States and the TOTAL row", () => {
    const sections = countryRows(t6).map((r) => r.path[0]);
    expect(sections.filter((s) => s === "Nationals of IOM Member States")).toHaveLength(146);
    expect(sections.filter((s) => s === "Nationals of Observer and non-Member States")).toHaveLength(20);
    expect(t6.rows[t6.rows.length - 1]?.key).toBe("total");
  });

  it("TOTAL row per grade equals Table 5's Total column per grade", () => {
    for (const g of grades) expect([g, cell(t6, "total", g)]).toEqual([g, cell(t5, g, "total")]);
    expect(cell(t6, "total", "total")).toBe(cell(t5, "total", "total"));
  });

  it("realigned country rows add up to Table 5 for every grade but P-3 and P-2 (the recorded discrepancy)", () => {
    for (const g of grades) {
      const expected = n(cell(t5, g, "total")) + (g === "p_3" ? -1 : g === "p_2" ? 1 : 0);
      expect([g, sumColumn(t6, g)]).toEqual([g, expected]);
    }
  });

  it("the 15-field pages: field 10 is blank on the Bulgaria page; fields 11 and 12 never both filled on the Jordan page", () => {
    const page = (from: string, to: string): string[][] => {
      const a = src.find(new RegExp(`^${from}\\t`), t6.lines[0]);
      const b = src.find(new RegExp(`^${to}\\t`), a);
      return [...Array(b - a + 1).keys()].map((i) => src.fields(a + i));
    };
    const bulgaria = page("Bulgaria", "Japan");
    const jordan = page("Jordan", "Sri Lanka");
    expect(bulgaria.every((f) => f.length === 15 && f[10] === "")).toBe(true);
    expect(jordan.every((f) => f.length === 15 && !(f[11] && f[12]))).toBe(true);
    expect(jordan.some((f) => f[10] !== "")).toBe(true);
  });

  it("reads UG, Short-term Officials and Associate Experts on the realigned pages", () => {
    const expectRow = (row: string, values: Record<string, number>): void => {
      for (const [g, v] of Object.entries(values)) expect([row, g, cell(t6, row, g)]).toEqual([row, g, v]);
    };
    expectRow("canada", { p_1: 1, ug: 4, short_term_officials: 4, total: 26 }); // Bulgaria page
    expectRow("burundi", { ug: 1 });
    expectRow("cameroon", { short_term_officials: 1 });
    expectRow("germany", { ug: 2, short_term_officials: 2, associate_experts: 5 });
    expectRow("jordan", { p_1: 9, ug: 1, short_term_officials: 1, total: 20 }); // Jordan page
    expectRow("kenya", { short_term_officials: 1 });
    expectRow("mexico", { short_term_officials: 1 });
    expectRow("norway", { associate_experts: 1 });
    expectRow("costa_rica", { e_2: 1 });
    expectRow("united_states_of_america", { e_1: 1, total: 99 });
    expectRow("austria", { d_2: 1 });
  });

  it("reads 'Bolivia' + '(Plurinational State of)' as one country, with the numbers of its second line", () => {
    const bolivia = t6.rows.filter((r) => /Bolivia|Plurinational/.test(r.label));
    expect(bolivia.map((r) => [r.key, r.label, r.line])).toEqual([
      ["bolivia_plurinational_state_of", "Bolivia (Plurinational State of)", 1285],
    ]);
    expect(src.fields(1284)[0]).toBe("Bolivia");
    expect(cell(t6, "bolivia_plurinational_state_of", "p_5")).toBe(1);
    expect(cell(t6, "bolivia_plurinational_state_of", "p_3")).toBe(1);
    expect(cell(t6, "bolivia_plurinational_state_of", "total")).toBe(2);
    // Table 7 lists the same Member States, Bolivia (Plurinational State of) on one line.
    const members = (t: Table): string[] =>
      countryRows(t)
        .filter((r) => r.path[0] === "Nationals of IOM Member States")
        .map((r) => r.label);
    expect(members(t6)).toEqual(members(t7));
  });

  it("leaves Vanuatu, printed without a Total, blank", () => {
    const vanuatu = t6.rows.find((r) => r.key === "vanuatu");
    expect(vanuatu?.cells.every((c) => c === null)).toBe(true);
    expect(cell(t6, "angola", "total")).toBe(0);
  });
});

describe("Table 7", () => {
  it("reads the spot values", () => {
    expect(cell(t7, "afghanistan", "field_gs_m")).toBe(149);
    expect(cell(t7, "colombia", "total")).toBe(718);
    expect(cell(t7, "haiti", "field_gs_m")).toBe(466);
    expect(cell(t7, "france", "hq_f")).toBe(17);
    expect(cell(t7, "total", "field_gs_f")).toBe(3247);
    expect(cell(t7, "total", "total")).toBe(7680);
    expect(
      countryRows(t7).filter((r) => r.path[0] === "Nationals of Observer and non-Member States"),
    ).toHaveLength(24);
  });
});

describe("Annex I, section 12", () => {
  it("reads the spot values", () => {
    expect(cell(s12, "female", "field_employees")).toBe(3418);
    expect(cell(s12, "total", "total")).toBe(8503);
    expect(s12.footnotes.map((f) => [f.mark, f.line])).toEqual([["Note", 1826]]);
  });
});

describe("cross-table proofs", () => {
  const genders = [
    ["female", "f"],
    ["male", "m"],
  ] as const;

  it.each(genders)("%s Field Employees = Table 7 Field General Services + National Officers", (row, g) => {
    expect(cell(s12, row, "field_employees")).toBe(
      n(cell(t7, "total", `field_gs_${g}`)) + n(cell(t7, "total", `field_no_${g}`)),
    );
  });

  it.each(genders)("%s Headquarters Employees = Table 7 Headquarters", (row, g) => {
    expect(cell(s12, row, "hq_employees")).toBe(cell(t7, "total", `hq_${g}`));
  });

  it.each(genders)("%s Field and Headquarters Officials = Table 5 totals", (row, g) => {
    expect(cell(s12, row, "field_officials")).toBe(cell(t5, "total", `field_${g}`));
    expect(cell(s12, row, "hq_officials")).toBe(cell(t5, "total", `hq_${g}`));
  });

  it("¶12: 8,503 staff, 7,680 Employees, 823 Officials; ¶257: 8,503", () => {
    const p12 = src.line(src.find(/^12\. The total number of staff/));
    const m = /stood at ([\d,]+) .* of which ([\d,]+) were Employees and ([\d,]+) were Officials/.exec(p12);
    const [staff, employees, officials] = (m?.slice(1) ?? []).map((s) => Number(s.replace(/,/g, "")));
    expect([staff, employees, officials]).toEqual([8503, 7680, 823]);
    expect(cell(s12, "total", "total")).toBe(staff);
    expect(cell(t7, "total", "total")).toBe(employees);
    expect(cell(t5, "total", "total")).toBe(officials);
    expect(n(cell(s12, "total", "field_employees")) + n(cell(s12, "total", "hq_employees"))).toBe(employees);
    expect(n(cell(s12, "total", "field_officials")) + n(cell(s12, "total", "hq_officials"))).toBe(officials);
    const p257 = src.line(src.find(/^257\. /));
    expect(/staff strength \(([\d,]+)\)/.exec(p257)?.[1]).toBe("8,503");
  });
});
