import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, Discrepancy, Edition, ManualFix, Row } from "../../src/core/model";
import { checkTableSums } from "../../src/core/proofs";
import { importTable2 } from "../../src/import/editions/2011/table2";
import { occursOnLine } from "../../src/import/occurs";
import { keyOf, parseNumber, SourceText } from "../../src/import/source-text";

const root = join(__dirname, "..", "..");
const src = SourceText.fromFile(join(root, "data/source/MC2346-report-2011.txt"));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), "utf8")) as T;
const fixes = readJson<ManualFix[]>("data/2011/curated/fixes-table2.json");
const discrepancies = readJson<Discrepancy[]>("data/2011/curated/discrepancies-table2.json");
const t2 = importTable2(src, fixes);

function rowOf(key: string): Row {
  const r = t2.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

function cell(row: string, column: string): CellValue {
  const ci = t2.columns.findIndex((c) => c.key === column);
  if (ci < 0) throw new Error(`no column ${column}`);
  return rowOf(row).cells[ci] as CellValue;
}

const lineOf = (row: Row, column: string): number => row.cellLines?.[column] ?? row.line;
const printedOn = (value: number, line: number): boolean => occursOnLine(value, src.line(line));

const RA = "resettlement_assistance";
const US = "united_states_of_america";
const fixOf = new Map<string, ManualFix>(
  fixes.flatMap((f) => f.cells.map((c) => [`${c.row}|${c.column}`, f] as const)),
);

/** Cells settled by Table 1 after the garbled lines' fixes left them undetermined (fix table2-zeros-from-table1). */
const CROSS_TABLE = new Set(
  fixes.filter((f) => f.garbled === "").flatMap((f) => f.cells.map((c) => `${c.row}|${c.column}`)),
);

/** Fix cells whose numbers are not printed anywhere: each is proved by a row total and column totals. */
const DERIVED: string[] = [
  "emergency_and_post_emergency_operations_assistance.europe|ethiopia",
  "emergency_and_post_emergency_operations_assistance.europe|philippines",
  "labour_migration.subtotal|other.africa",
  "labour_migration.subtotal|other.asia_and_oceania",
  "labour_migration.subtotal|other.europe",
  "labour_migration.subtotal|other.latin_america_and_the_caribbean",
  `${RA}.north_america|other.latin_america_and_the_caribbean`,
  "repatriation_assistance.north_america|other.latin_america_and_the_caribbean",
];

describe("table2: identity and shape", () => {
  it("has its id, title, lines and units", () => {
    expect([t2.id, t2.number, t2.section, t2.unit, t2.period, t2.lines]).toEqual([
      "table2",
      "Table 2",
      "IV.D",
      "persons",
      "2011",
      [860, 981],
    ]);
    expect(t2.title).toBe("Movements by service and region of departure/countries or regions of destination");
  });

  it("has 70 rows and 42 columns: total, 16 + 20 countries, 5 other regions", () => {
    expect([t2.rows.length, t2.columns.length]).toEqual([70, 42]);
    const keys = t2.columns.map((c) => c.key);
    expect(keys.slice(0, 3)).toEqual(["total", "angola", "australia"]);
    expect(keys.slice(16, 19)).toEqual(["iraq", "kenya", "liberia"]);
    expect(keys.slice(-6)).toEqual([
      US,
      "other.africa",
      "other.asia_and_oceania",
      "other.europe",
      "other.latin_america_and_the_caribbean",
      "other.middle_east",
    ]);
    expect(t2.columns[0]?.sumOf).toEqual(keys.slice(1));
    expect(t2.columns.find((c) => c.key === "other.europe")?.path).toEqual([
      "Countries/Regions of destination",
      "Other countries in",
      "Europe",
    ]);
    expect(new Set(t2.rows.map((r) => r.key)).size).toBe(70);
  });

  it("keeps the printed labels, footnote marks and footnotes", () => {
    expect(rowOf(`${RA}.subtotal`).marks).toEqual(["a"]);
    expect(rowOf("return_assistance_for_migrants_and_governments.subtotal").marks).toEqual(["a", "b"]);
    expect(rowOf("counter_trafficking.subtotal").marks).toEqual(["b"]);
    expect(rowOf("regulating_migration_total").label).toBe("Regulating Migration total");
    expect(rowOf("regulating_migration_total").marks).toEqual(["a", "b"]);
    expect(rowOf("movement_emergency_and_post_crisis_migration_management_total").marks).toEqual(["a"]);
    expect(t2.footnotes.map((f) => [f.mark, f.line])).toEqual([
      ["a", 935],
      ["b", 937],
    ]);
    // Labour Migration prints "Europe" twice; both keep the label.
    expect(
      ["labour_migration.europe", "labour_migration.europe_2"].map((k) => [rowOf(k).label, rowOf(k).line]),
    ).toEqual([
      ["Europe", 909],
      ["Europe", 911],
    ]);
    expect(rowOf("counter_trafficking.africa").path).toEqual([
      "Regulating Migration",
      "Counter-trafficking",
      "Africa",
    ]);
    expect(rowOf(`${RA}.subtotal`).path).toEqual([
      "Movement, Emergency and Post-crisis Migration Management",
      "Resettlement Assistance",
      "Subtotal",
    ]);
    expect(rowOf("grand_total").sumOf).toHaveLength(5);
  });
});

describe("table2: every total adds up, except the recorded discrepancies", () => {
  const sums = discrepancies.filter((d) => d.code === "row_sum" || d.code === "column_sum");
  // A row whose parts include undetermined cells is skipped by checkTableSums.
  const unseen = ["table2-repatriation-asia-total"];
  // The importer's own reading of the Humanitarian Assistance block leaves the Iraq subtotal (1) without
  // a row number; the solver's reading places one there and records the conflict at Guinea instead.
  const resolvedByProof = [
    ["column_sum", "humanitarian_assistance_for_stranded_migrants.subtotal", "iraq", 1, 0, 931],
  ];

  it("checkTableSums finds exactly the recorded row and column mismatches", () => {
    const found = checkTableSums(t2).map((m) => [m.code, m.row, m.column, m.printed, m.computed, m.line]);
    const recorded = [
      ...sums
        .filter((d) => !unseen.includes(d.id))
        .map((d) => [d.code, d.row, d.column, d.printed, d.computed, d.line]),
      ...resolvedByProof,
    ];
    expect(found).toEqual(expect.arrayContaining(recorded));
    expect(recorded).toEqual(expect.arrayContaining(found));
    expect(found).toHaveLength(recorded.length);
  });

  it("records the Asia and Oceania repatriation row, which the checker cannot see", () => {
    const row = rowOf("repatriation_assistance.asia_and_oceania");
    expect([cell(row.key, "total"), cell(row.key, "iraq")]).toEqual([1, 9]);
    expect(row.cells).toContain("undetermined");
  });

  it("agrees with Table 3's totals by service classification", () => {
    const title = src.find("Table 3: Movements by budgetary region and service classification");
    const bySevice = new Map<string, number>();
    for (let n = title + 3; !src.line(n).startsWith("Grand total"); n++) {
      const [, service = "", total = ""] = src.fields(n);
      if (service !== "")
        bySevice.set(keyOf(service), (bySevice.get(keyOf(service)) ?? 0) + (parseNumber(total) ?? 0));
    }
    expect(bySevice.size).toBe(10);
    for (const [service, total] of bySevice)
      expect([service, cell(`${service}.subtotal`, "total")]).toEqual([service, total]);
  });

  it("agrees with paragraph 207 on resettlement", () => {
    const p207 = src.line(src.find(/^207\. /));
    const said: [string, string, number][] = [
      ["United States", US, 52094],
      ["Canada", "canada", 12832],
      ["Australia", "australia", 7128],
      ["Norway", "norway", 2385],
      ["Sweden", "sweden", 2480],
      ["Denmark", "denmark", 1000],
      ["Switzerland", "switzerland", 1005],
      ["Finland", "finland", 716],
      ["United Kingdom", "united_kingdom", 631],
      ["New Zealand", "new_zealand", 490],
    ];
    for (const [name, column, value] of said) {
      expect(p207).toContain(`${name} (${value.toLocaleString("en-US")})`);
      expect(cell(`${RA}.subtotal`, column)).toBe(value);
    }
    expect(p207).toContain("82,154 refugees");
    expect(cell(`${RA}.subtotal`, "total")).toBe(82154);
  });

  it("agrees with Table 1 on departures once two rows are read as their Table 1 regions", () => {
    const t1 = src.find("Table 1: Movements by region of departure and destination");
    // Region totals print the label first, area rows second; Total migrants is the third field.
    const t1Total = (label: string, field: 0 | 1): number => {
      const n = src.find(new RegExp(`^${field === 0 ? "" : "\\t"}${label}\\t`), t1);
      return parseNumber(src.fields(n)[2] ?? "") as number;
    };
    const byRegion = new Map<string, number>();
    for (const r of t2.rows.filter((x) => x.path.length === 3 && x.label !== "Subtotal")) {
      byRegion.set(r.label, (byRegion.get(r.label) ?? 0) + ((cell(r.key, "total") as number | null) ?? 0));
    }
    const em = cell("emergency_and_post_emergency_operations_assistance.europe", "total") as number;
    const lm = cell("labour_migration.europe_2", "total") as number;
    const get = (label: string): number => byRegion.get(label) ?? 0;
    expect([em, lm]).toEqual([3637, 144]);
    expect(get("Europe") - em - lm).toBe(t1Total("Europe total", 0));
    expect(get("Middle East") + em).toBe(t1Total("Middle East", 1));
    expect(get("North America") + lm).toBe(t1Total("North America", 1));
    expect(get("Asia and Oceania")).toBe(t1Total("Asia and Oceania total", 0));
    expect(get("Africa") + get("Middle East") + em).toBe(t1Total("Africa and the Middle East total", 0));
    expect(get("Latin America and the Caribbean") + get("North America") + lm).toBe(
      t1Total("Americas total", 0),
    );
    const cross = discrepancies
      .filter((d) => d.code === "cross_table")
      .map((d) => [d.row, d.printed, d.computed]);
    expect(cross).toEqual([
      [
        "emergency_and_post_emergency_operations_assistance.europe",
        get("Middle East"),
        get("Middle East") + em,
      ],
      ["labour_migration.europe_2", get("North America"), get("North America") + lm],
    ]);
  });
});

describe("table2: cells settled by Table 1", () => {
  const edition = readJson<Edition>("data/2011/edition.json");
  const t1 = edition.tables.find((t) => t.id === "table1");
  const t1Cell = (row: string, column: string): number => {
    const r = t1?.rows.find((x) => x.key === row);
    const ci = t1?.columns.findIndex((c) => c.key === column) ?? -1;
    const v = r?.cells[ci];
    if (!r || ci < 0) throw new Error(`no Table 1 cell ${row}/${column}`);
    return typeof v === "number" ? v : 0;
  };
  /** Table 2's determined movements from a departure region into some columns, and its undetermined cells there. */
  const fromInto = (region: string, columns: string[]): { sum: number; open: string[] } => {
    let sum = 0;
    const open: string[] = [];
    for (const r of t2.rows) {
      if (!r.key.endsWith(`.${region}`)) continue;
      for (const c of columns) {
        const v = cell(r.key, c);
        if (v === "undetermined") open.push(`${r.key}|${c}`);
        else sum += typeof v === "number" ? v : 0;
      }
    }
    return { sum, open };
  };

  it("are 0 because Table 1's count for their departure and destination is used up", () => {
    expect(CROSS_TABLE.size).toBe(18);
    for (const id of CROSS_TABLE) {
      const [row, column] = id.split("|") as [string, string];
      expect(cell(row, column)).toBe(0);
    }
    const groups: [string, string[], number][] = [
      ["middle_east", [US, "canada"], t1Cell("middle_east", "north_america")],
      ["middle_east", ["australia", "new_zealand"], t1Cell("middle_east", "australia_and_new_zealand")],
      [
        "africa",
        ["australia", "new_zealand"],
        t1Cell("africa_and_the_middle_east_total", "australia_and_new_zealand") -
          t1Cell("middle_east", "australia_and_new_zealand"),
      ],
      [
        "africa",
        ["denmark", "finland", "norway", "sweden"],
        t1Cell("africa_and_the_middle_east_total", "nordic_countries") -
          t1Cell("middle_east", "nordic_countries"),
      ],
      ["middle_east", ["denmark", "finland", "norway", "sweden"], t1Cell("middle_east", "nordic_countries")],
    ];
    for (const [region, columns, table1] of groups) {
      // The determined cells already make up Table 1's figure, and no cell of the group is left open.
      expect({ region, columns, ...fromInto(region, columns) }).toEqual({
        region,
        columns,
        sum: table1,
        open: [],
      });
    }
  });
});

describe("table2: provenance", () => {
  it("prints every number of the data on its recorded line", () => {
    const missing: string[] = [];
    for (const row of t2.rows) {
      t2.columns.forEach((col, ci) => {
        const v = row.cells[ci];
        if (typeof v !== "number") return;
        const id = `${row.key}|${col.key}`;
        const fix = fixOf.get(id);
        if (fix && (DERIVED.includes(id) || CROSS_TABLE.has(id))) return;
        const ok = fix ? occursOnLine(v, fix.garbled, { loose: true }) : printedOn(v, lineOf(row, col.key));
        if (!ok || (fix && lineOf(row, col.key) !== fix.line))
          missing.push(`${id}=${v}@${lineOf(row, col.key)}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it("sets every derived number by a fix and proves it by the sums", () => {
    for (const id of DERIVED) expect(fixOf.has(id)).toBe(true);
    expect(cell("emergency_and_post_emergency_operations_assistance.europe", "ethiopia")).toBe(3611);
    expect(cell("emergency_and_post_emergency_operations_assistance.europe", "philippines")).toBe(26);
  });

  it("fixes exactly the garbled lines, each as recorded", () => {
    const lines = fixes
      .filter((f) => f.garbled !== "")
      .flatMap((f) => f.garbled.split("\n").map((text, i) => [f.line + i, text] as const));
    for (const [n, text] of lines) expect(src.line(n)).toBe(text);
    const covered = [...new Set(lines.map(([n]) => n))].sort((a, b) => a - b);
    const expected = [880, 913, 942, 943, 946, 952, 953, 954, 956, 957, 958, 959, 960, 961, 962, 964];
    expect(covered).toEqual([...expected, 966, 967, 968, 969, 970]);
    expect(fixes.every((f) => f.table === "table2" && f.reasoning.length > 200)).toBe(true);
  });

  it("explains every undetermined cell with a certain combined figure", () => {
    const marked = t2.rows.flatMap((r) =>
      t2.columns.filter((_, ci) => r.cells[ci] === "undetermined").map((c) => `${r.key}|${c.key}`),
    );
    expect(t2.undetermined.map((u) => `${u.row}|${u.column}`)).toEqual(marked);
    expect(marked).toHaveLength(318);
    for (const u of t2.undetermined) {
      expect(u.combined?.cells).toContainEqual({ row: u.row, column: u.column });
      expect(u.combined?.cells.every((c) => cell(c.row, c.column) === "undetermined")).toBe(true);
      expect(u.reason).toContain(`fix ${fixOf.get(`${u.row}|${u.column}`)?.id}`);
    }
    const combined = (row: string, column: string): [number, number, number] => {
      const u = t2.undetermined.find((x) => x.row === row && x.column === column);
      return [u?.combined?.value ?? -1, u?.combined?.line ?? -1, u?.combined?.cells.length ?? -1];
    };
    expect(combined(`${RA}.middle_east`, "other.europe")).toEqual([226, 944, 2]);
    expect(combined("repatriation_assistance.europe", "philippines")).toEqual([114, 947, 4]);
    // Five rows shared Serbia's 2 827 until Table 1 settled the Middle East row at 0 (fix table2-zeros-from-table1).
    expect(combined("return_assistance_for_migrants_and_governments.europe", "serbia")).toEqual([
      2827, 955, 4,
    ]);
    expect(combined("counter_trafficking.africa", "nigeria")).toEqual([28, 960, 5]);
    expect(combined("immigration_and_border_management.europe", US)).toEqual([71, 963, 8]); // CT Middle East settled at 0
    expect(combined("counter_trafficking.subtotal", "other.africa")).toEqual([207, 963, 2]);
    expect(
      combined("migrant_processing_and_integration.europe", "the_former_yugoslav_rep_of_macedonia"),
    ).toEqual([31, 971, 3]);
    expect(combined("migrant_processing_and_integration.europe", "other.middle_east")).toEqual([3, 971, 2]);
  });
});

describe("table2: values read by hand", () => {
  it.each([
    ["grand_total", "kenya", 46200],
    ["grand_total", "total", 444673],
    [`${RA}.subtotal`, US, 52094],
    [`${RA}.africa`, "norway", 1718],
    [`${RA}.asia_and_oceania`, US, 31339],
    [`${RA}.latin_america_and_the_caribbean`, US, 2214],
    [`${RA}.north_america`, "total", 3],
    ["repatriation_assistance.africa", "chad", 44741],
    ["repatriation_assistance.africa", "liberia", 8588],
    ["emergency_and_post_emergency_operations_assistance.africa", "ethiopia", 45492],
    ["emergency_and_post_emergency_operations_assistance.subtotal", "south_sudan", 22672],
    ["return_assistance_for_migrants_and_governments.europe", "iraq", 1263],
    ["return_assistance_for_migrants_and_governments.subtotal", "the_former_yugoslav_rep_of_macedonia", 1938],
    ["regulating_migration_total", "haiti", 1211],
    ["labour_migration.latin_america_and_the_caribbean", "canada", 490],
    ["labour_migration.europe", "other.asia_and_oceania", 2],
    ["migrant_processing_and_integration.north_america", "other.latin_america_and_the_caribbean", 221],
    ["migration_and_economic_community_development.africa", "angola", 1526],
    ["humanitarian_assistance_for_stranded_migrants.latin_america_and_the_caribbean", "haiti", 304],
    ["general_programme_support_total", "total", 465],
  ])("%s × %s = %d", (row, column, value) => {
    expect(cell(row, column)).toBe(value);
  });

  it("leaves blank rows blank", () => {
    for (const k of ["latin_america_and_the_caribbean", "middle_east", "north_america"]) {
      expect(
        rowOf(`emergency_and_post_emergency_operations_assistance.${k}`).cells.every((v) => v === null),
      ).toBe(true);
    }
    expect(cell("resettlement_assistance.asia_and_oceania", "angola")).toBeNull();
  });
});
