/**
 * The pure plans behind the pane: addresses, the overwrite guard, the write plan, metadata, refresh
 * planning, Explain, the formula builder, the status line and Office error messages.
 */
import { iom } from "../../src/core";
import { STRINGS, translator } from "../../src/i18n/pane";
import { LANGS, fill, langOf } from "../../src/i18n/lang";
import { columnIndex, columnName, parseAddress, quoteSheet, rectAddress } from "../../src/sheets/a1";
import { callFor, optionsFor, previewFormula, ARGS } from "../../src/taskpane/plans/builder";
import { Catalog } from "../../src/sheets/catalog";
import { explainCell } from "../../src/taskpane/plans/explain";
import { type TargetState, checkTarget, planWrite } from "../../src/taskpane/plans/insert";
import { newSheetName, uniqueName } from "../../src/sheets/names";
import { canonicalContent, hashContent, parseRecords } from "../../src/taskpane/plans/metadata";
import { describeOfficeError } from "../../src/taskpane/plans/office-errors";
import { bodyHashes, planRefresh, rectangles, rowKeys } from "../../src/taskpane/plans/refresh";
import { statusFor } from "../../src/taskpane/plans/status";

const core = iom();
const catalog = new Catalog(core);
const t = translator("en");

describe("A1 addresses", () => {
  it("round-trips columns and rectangles, quoting sheet names as Excel does", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnName)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    for (const c of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnName(c))).toBe(c);
    expect(rectAddress({ row: 1, col: 1, rows: 3, cols: 2 })).toBe("B2:C4");
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("Cuadro 5")).toBe("'Cuadro 5'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    expect(parseAddress("'Bob''s'!$B$2:$C$4")).toEqual({
      sheet: "Bob's",
      rect: { row: 1, col: 1, rows: 3, cols: 2 },
    });
    expect(parseAddress("Sheet1!D7")).toEqual({
      sheet: "Sheet1",
      rect: { row: 6, col: 3, rows: 1, cols: 1 },
    });
  });
});

describe("the overwrite guard", () => {
  const block = catalog.block("table4", "static", "en");
  const empty = (): unknown[][] =>
    Array.from({ length: block.footprint.rows }, () => Array<unknown>(block.footprint.cols).fill(""));
  const state = (over: Partial<TargetState>): TargetState => ({
    sheet: "Data",
    anchor: { row: 4, col: 2 },
    contents: empty(),
    footprintBox: { top: 60, left: 96, width: block.footprint.cols * 48, height: block.footprint.rows * 15 },
    usedRange: null,
    charts: [],
    sheetNames: ["Data"],
    tableNames: [],
    settings: null,
    ...over,
  });

  it("lets an empty area through", () => {
    expect(checkTarget(block, state({}))).toBeNull();
  });

  it("names what is in the way and the first free row below everything on the sheet", () => {
    const contents = empty();
    contents[3]![1] = "=SUM(A1:A3)";
    contents[0]![0] = 0; // zero is data too
    const blocked = checkTarget(block, state({ contents, usedRange: "Data!A1:F30" }));
    expect(blocked).toMatchObject({
      sheet: "Data",
      cellCount: 2,
      cells: [
        { address: "C5", text: "0" },
        { address: "D8", text: "=SUM(A1:A3)" },
      ],
      next: { sheet: "Data", row: 31, col: 2 },
    });
  });

  it("refuses to cover a chart, and goes below the lowest chart", () => {
    const blocked = checkTarget(
      block,
      state({ charts: [{ name: "Mine", top: 300, left: 0, width: 500, height: 300 }] }),
    );
    expect(blocked?.charts).toEqual(["Mine"]);
    // Bottom at 600 pt = row 40 at 15 pt a row (the footprint's top, 60 pt, is row index 4).
    expect(blocked?.next.row).toBe(41);
    expect(
      checkTarget(block, state({ charts: [{ name: "Far", top: 0, left: 5000, width: 100, height: 100 }] })),
    ).toBeNull();
  });

  it("does not check a new sheet", () => {
    expect(checkTarget(block, { ...state({}), contents: undefined })).toBeNull();
  });
});

describe("the write plan", () => {
  it("places everything at the anchor and records the block", () => {
    const block = catalog.block("chart_projects_by_region", "live", "en");
    const plan = planWrite(
      block,
      { sheet: "My data", row: 9, col: 3, createSheet: false },
      { tableNames: ["iom_chart_projects_by_region"], settings: null },
      "MC/2346 (2011)",
    );
    expect(plan.table.name).toBe("IOM_chart_projects_by_region_2");
    expect(plan.address).toBe(
      rectAddress({ row: 9, col: 3, rows: block.cells.length, cols: block.cells[0]!.length }),
    );
    expect(plan.chart).toMatchObject({
      name: "IOM_chart_projects_by_region_2_chart",
      dataAddress: rectAddress({ row: 11, col: 3, rows: 8, cols: 2 }),
      topLeft: "G10",
    });
    expect(plan.record).toMatchObject({
      table: "IOM_chart_projects_by_region_2",
      mode: "live",
      address: "'My data'!D13:E19",
      rows: 7,
      cols: 2,
      hashes: bodyHashes(block),
    });
    expect(parseRecords(plan.settings.value).records).toEqual([plan.record]);
  });

  it("drops records of tables that no longer exist", () => {
    const block = catalog.block("table4", "static", "en");
    const old = planWrite(
      block,
      { sheet: "S", row: 0, col: 0, createSheet: false },
      { tableNames: [], settings: null },
      "x",
    );
    const next = planWrite(
      block,
      { sheet: "S", row: 30, col: 0, createSheet: false },
      { tableNames: [], settings: old.settings.value },
      "x",
    );
    expect(parseRecords(next.settings.value).records.map((r) => r.table)).toEqual(["IOM_table4"]);
  });

  it("makes names Excel accepts", () => {
    expect(uniqueName("IOM_x", ["IOM_X", "iom_x_2"])).toBe("IOM_x_3");
    expect(newSheetName("Annex I, section 5: a/b", [])).toBe("Annex I, section 5 a b");
    expect(newSheetName("Table 5", ["table 5"])).toBe("Table 5 (2)");
    expect(newSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});

describe("metadata", () => {
  it("compares contents as Excel reports them", () => {
    expect(canonicalContent('=_xludf.IOM.STAFF( "P-4" , "F")')).toBe(
      canonicalContent('=IOM.STAFF("P-4","F")'),
    );
    expect(canonicalContent('=IOM.FACT("a b")')).not.toBe(canonicalContent('=IOM.FACT("ab")'));
    expect(canonicalContent(5)).not.toBe(canonicalContent("5"));
    expect(hashContent(1311.6)).toHaveLength(5);
    expect(hashContent(1311.6)).not.toBe(hashContent(1311.7));
  });

  it("reports a damaged value instead of throwing", () => {
    expect(parseRecords("{oops")).toEqual({ records: [], damaged: true });
    expect(parseRecords(null)).toEqual({ records: [], damaged: false });
    expect(parseRecords(JSON.stringify([{ v: 1 }]))).toEqual({ records: [], damaged: true });
  });
});

describe("refresh planning", () => {
  it("identifies rows by their label path, filling the blanks under repeated group labels", () => {
    const rows = [
      ["Europe", "A", 1],
      ["", "B", 2],
      ["", "", 9],
      ["Asia", "A", 3],
      ["", "A", 4],
    ];
    expect(rowKeys(rows, 2)).toEqual([
      "Europe\u0001A\u00021",
      "Europe\u0001B\u00021",
      "",
      "Asia\u0001A\u00021",
      "Asia\u0001A\u00022",
    ]);
  });

  it("groups cells into as few rectangles as possible", () => {
    const cells = new Map([
      [
        0,
        new Map([
          [1, 1],
          [2, 2],
        ]),
      ],
      [
        1,
        new Map([
          [1, 3],
          [2, 4],
        ]),
      ],
      [2, new Map([[0, 5]])],
    ]);
    expect(rectangles(cells)).toEqual([
      {
        rect: { row: 0, col: 1, rows: 2, cols: 2 },
        cells: [
          [1, 2],
          [3, 4],
        ],
      },
      { rect: { row: 2, col: 0, rows: 1, cols: 1 }, cells: [[5]] },
    ]);
  });

  it("rewrites a whole table changed by new data as one 2-D array", () => {
    const block = catalog.block("annex1_s12", "static", "en");
    const plan = planWrite(
      block,
      { sheet: "S", row: 0, col: 0, createSheet: false },
      { tableNames: [], settings: null },
      "x",
    );
    const body = block.cells.slice(block.body.row, block.body.row + block.body.rows);
    // New data: every figure one higher.
    const newer = {
      ...block,
      cells: block.cells.map((r, i) =>
        i >= block.body.row && i < block.body.row + block.body.rows
          ? r.map((c) => (typeof c === "number" ? c + 1 : c))
          : r,
      ),
    };
    const refresh = planRefresh(
      ["IOM_annex1_s12"],
      plan.settings.value,
      [
        {
          name: "IOM_annex1_s12",
          bodyAddress: plan.record.address,
          headers: plan.record.headers,
          contents: body,
        },
      ],
      () => newer,
    );
    expect(refresh.reports[0]).toMatchObject({ status: "refreshed", updated: 15, edited: 0 });
    expect(refresh.writes).toEqual([
      {
        sheet: "S",
        address: "B5:F7",
        cells: newer.cells.slice(block.body.row, block.body.row + 3).map((r) => r.slice(1)),
      },
    ]);
    // The record now holds the new hashes: a second refresh finds the table up to date.
    const again = planRefresh(
      ["IOM_annex1_s12"],
      refresh.settings!.value,
      [
        {
          name: "IOM_annex1_s12",
          bodyAddress: plan.record.address,
          headers: plan.record.headers,
          contents: newer.cells.slice(block.body.row, block.body.row + 3),
        },
      ],
      () => newer,
    );
    expect(again.reports[0]).toMatchObject({ status: "unchanged", updated: 0 });
    expect(again.writes).toEqual([]);
  });

  it("maps moved columns by heading and leaves a deleted column alone", () => {
    const block = catalog.block("annex1_s12", "static", "en");
    const plan = planWrite(
      block,
      { sheet: "S", row: 0, col: 0, createSheet: false },
      { tableNames: [], settings: null },
      "x",
    );
    const body = block.cells.slice(block.body.row, block.body.row + 3);
    // The user deleted the "Total" column (the last one).
    const headers = plan.record.headers.slice(0, -1);
    const contents = body.map((r) => r.slice(0, -1));
    const refresh = planRefresh(
      ["IOM_annex1_s12"],
      plan.settings.value,
      [{ name: "IOM_annex1_s12", bodyAddress: "S!A5:E7", headers, contents }],
      () => block,
    );
    expect(refresh.reports[0]).toMatchObject({
      status: "shape_changed",
      columnsMissing: 1,
      updated: 0,
      edited: 0,
    });
    expect(refresh.writes).toEqual([]);
  });
});

describe("explain this cell", () => {
  const cell = (formula: unknown, value: unknown = "") =>
    explainCell({ address: "Sheet1!C3", formula, value }, core);

  it("explains a table figure with its row, column, line and footnotes", () => {
    const x = cell('=IOM.STAFF("P-4","F","Headquarters")', 1);
    if (x.kind !== "answer") throw new Error(x.kind);
    expect(x.answer.provenance).toMatchObject({ where: "Table 5", row: "P-4", column: "Headquarters › F" });
    expect(x.answer.provenance.lines).toHaveLength(1);
    const y = cell('=IOM.MOVEMENTS("Canada","Resettlement Assistance")');
    if (y.kind !== "answer") throw new Error(y.kind);
    expect(y.answer.provenance.footnotes.join(" ")).toMatch(
      /also assisted in the programmes classified under Assisted Voluntary Returns/,
    );
  });

  it("explains a narrative figure with its paragraph and qualifier", () => {
    const key = core.edition.facts.find((f) => f.qualifier)!;
    const x = cell(`=IOM.FACT("${key.key}")`);
    if (x.kind !== "answer") throw new Error(x.kind);
    expect(x.answer.provenance).toMatchObject({
      paragraph: key.paragraph,
      qualifier: key.qualifier,
      lines: [key.line],
    });
  });

  it("gives a value's card and a country's card, the fields Excel shows on the cell", () => {
    const x = cell('=IOM.STAFF("P-4","F")', 55);
    if (x.kind !== "answer") throw new Error(x.kind);
    const fields = x.card.sections.flatMap((s) => s.fields);
    expect(fields.find((f) => f.name === "Row")?.value).toBe(x.answer.provenance.row);
    expect(fields.find((f) => f.name === "Source")?.value).toBe(core.source("STAFF", "P-4", "F"));
    const y = cell('=IOM.COUNTRY("KE")', "Kenya");
    if (y.kind !== "entity") throw new Error(y.kind);
    const movements = y.card.sections.flatMap((s) => s.fields).find((f) => f.name === "Movements");
    expect(movements?.value).toBe(core.movements("Kenya").value);
    expect(cell('=IOM.COUNTRY("Atlantis")').kind).toBe("error");
  });

  it("reads a negated pyramid cell and the prefix Excel adds to unknown functions", () => {
    const x = cell('=-_xludf.IOM.MIGRANTS("0-9","M")', -25079);
    expect(x).toMatchObject({ kind: "answer", negated: true, name: "MIGRANTS" });
  });

  it("says why other cells cannot be explained", () => {
    expect(cell("").kind).toBe("empty");
    expect(cell(42)).toMatchObject({ kind: "not_iom", content: "42" });
    expect(cell("=SUM(A1:A2)").kind).toBe("not_iom");
    expect(cell("=IOM.STAFF(A1)").kind).toBe("unparsable");
    expect(cell('=IOM.TABLE("Table 5")')).toMatchObject({ kind: "spill", name: "TABLE" });
    // A misspelt function is an error that says what it probably means, not a spill.
    expect(cell('=IOM.MOVMENTS("Kenya")')).toMatchObject({
      kind: "error",
      message: "unknown function IOM.MOVMENTS — did you mean IOM.MOVEMENTS?",
      suggestions: ["MOVEMENTS"],
    });
    expect(cell('=IOM.MOVEMENTS("Atlantis")')).toMatchObject({ kind: "error" });
  });
});

describe("the formula builder", () => {
  it("lists the core's valid names and builds the formula with numbers for years", () => {
    expect(optionsFor(ARGS.STAFF[2]!, core)).toEqual(["Headquarters", "Field"]);
    expect(callFor("EXPENDITURE", ["Total", "2010"])).toEqual({ fn: "EXPENDITURE", args: ["Total", 2010] });
    const p = previewFormula("STAFF", ["P-4", "F"], core);
    expect(p).toMatchObject({
      ok: true,
      formula: '=IOM.STAFF("P-4","F")',
      value: core.staff("P-4", "F").value,
    });
    expect(p.ok && p.source).toMatch(/^Table 5/);
    const typo = previewFormula("MOVEMENTS", ["Kenyia"], core);
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.suggestions).toContain("Kenya");
  });

  it("offers COUNTRY: a country's card, previewed by the movements to it", () => {
    expect(optionsFor(ARGS.COUNTRY[0]!, core)).toContain("Kenya");
    const p = previewFormula("COUNTRY", ["Kenya"], core);
    expect(p).toMatchObject({ ok: true, formula: '=IOM.COUNTRY("Kenya")', value: "Kenya" });
    expect(p.ok && p.source).toContain("Movements: 46,200");
    const typo = previewFormula("COUNTRY", ["Kenyia"], core);
    expect(!typo.ok && typo.suggestions).toContain("Kenya");
    expect(previewFormula("COUNTRY", ["East Africa"], core)).toMatchObject({
      ok: false,
      argument: "country",
    });
  });
});

describe("the status line", () => {
  const yes = (): boolean => true;
  it("says clearly why Excel is not available", () => {
    expect(statusFor(undefined, yes, t)).toMatchObject({ state: "no-office", canUseExcel: false });
    expect(statusFor({ host: null, platform: null }, yes, t).text).toMatch(/opened outside Office/);
    expect(statusFor({ host: "Word", platform: "PC" }, yes, t).text).toBe(
      "IOM Report works in Excel only; this is Word.",
    );
    expect(statusFor({ host: "Excel", platform: "Mac" }, (v) => v === "1.1", t)).toMatchObject({
      state: "api-missing",
      canUseExcel: false,
    });
    expect(statusFor({ host: "Excel", platform: "Mac" }, (v) => v !== "1.8", t)).toMatchObject({
      state: "ready",
      canUseExcel: true,
      notes: [expect.stringMatching(/pyramid/)],
    });
  });
});

describe("Office errors", () => {
  it("tell the user what to do", () => {
    expect(describeOfficeError({ code: "InvalidOperationInCellEditMode", message: "x" }, t).text).toMatch(
      /Press Enter or Esc/,
    );
    expect(describeOfficeError({ code: "AccessDenied", message: "x" }, t).text).toMatch(/protected/);
    expect(describeOfficeError({ code: "InvalidSelection", message: "x" }, t).text).toMatch(/not a chart/);
    expect(describeOfficeError({ code: "InvalidArgument", message: "bad range" }, t).text).toMatch(
      /bad range.*edge of the sheet/,
    );
    const plain = describeOfficeError(new Error("boom"), t);
    expect(plain.code).toBe("Error");
    expect(plain.text).toMatch(/boom.*reopen/);
    expect(
      describeOfficeError({ code: "Weird", message: "The sheet is protected" }, translator("fr")).text,
    ).toMatch(/protégé/);
  });
});

describe("pane strings", () => {
  it("follow Office's display language", () => {
    expect(
      ["fr-FR", "fr-CA", "es-419", "es-ES", "en-GB", "de-DE", "", undefined].map((l) => langOf(l)),
    ).toEqual(["fr", "fr", "es", "es", "en", "en", "en", "en"]);
  });

  it("exist in every language with the same placeholders", () => {
    // Simple {name} placeholders and plural arguments {name, plural, …}, each name once.
    const placeholders = (s: string): string[] =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]!))].sort();
    for (const lang of LANGS) {
      for (const [key, en] of Object.entries(STRINGS.en)) {
        const s = STRINGS[lang][key as keyof typeof STRINGS.en];
        expect(s.trim()).not.toBe("");
        expect(placeholders(s)).toEqual(placeholders(en));
      }
    }
    expect(STRINGS.fr.insert).toBe("Insérer");
    expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
