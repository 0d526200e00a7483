/**
 * The Excel adapters against a recording fake of the object model: the operations they perform,
 * how many round trips, and that cells already holding data are never written.
 */
import { iom } from "../../src/core";
import { insertFormulaAtSelection, readSelectedCell, watchSelection } from "../../src/taskpane/excel/cell";
import { insertBlock } from "../../src/taskpane/excel/insert";
import { refreshAll } from "../../src/taskpane/excel/refresh";
import type { ExcelRun } from "../../src/taskpane/excel/run";
import { parseAddress, rectAddress } from "../../src/sheets/a1";
import type { Mode } from "../../src/sheets/block";
import { Catalog } from "../../src/sheets/catalog";
import { SETTINGS_KEY, hashContent, parseRecords } from "../../src/taskpane/plans/metadata";
import type { Lang } from "../../src/i18n/lang";
import { FakeWorkbook } from "./fake-excel";

const core = iom();
const catalog = new Catalog(core);
const EDITION = core.editionLabel();
const all = (): boolean => true;
const runOf = (wb: FakeWorkbook): ExcelRun => wb.run;
const build = (t: string, m: Mode, l: Lang) => (catalog.get(t) ? catalog.block(t, m, l) : undefined);

async function insert(wb: FakeWorkbook, id: string, mode: Mode = "static", lang: Lang = "en") {
  return insertBlock(runOf(wb), catalog.block(id, mode, lang), { kind: "selection" }, EDITION, all);
}

describe("inserting a template", () => {
  it("reads once, writes once: number formats before contents, one 2-D array each, then the table", async () => {
    const wb = new FakeWorkbook();
    wb.select("Sheet1", "B3");
    const result = await insert(wb, "table5");
    expect(result.kind).toBe("inserted");
    expect(wb.syncs).toBe(2);
    const block = catalog.block("table5", "static", "en");
    const writes = wb.ops.filter((o) => o.op.startsWith("range."));
    expect(writes.map((o) => o.op)).toEqual(["range.numberFormat", "range.formulas"]);
    const area = rectAddress({ row: 2, col: 1, rows: block.cells.length, cols: block.cells[0]!.length });
    expect(writes.every((o) => o.address === `Sheet1!${area}`)).toBe(true);
    expect(wb.grid("Sheet1", area)).toEqual(block.cells);
    // The Excel table: named after the template, headings already unique, so Excel renamed none.
    expect(wb.tables).toHaveLength(1);
    expect(wb.tables[0]).toMatchObject({
      name: "IOM_table5",
      sheet: "Sheet1",
      showFilterButton: false,
      style: "TableStyleLight9",
    });
    expect(wb.renamedHeadings).toEqual([]);
    expect(wb.cell("Sheet1", "B3")).toMatch(/^Table 5\. Officials/);
    // Formats are applied, and the metadata record matches what was written.
    expect(wb.formats.some((f) => f.path === "font.bold" && f.value === true)).toBe(true);
    const { records } = parseRecords(wb.settings.get(SETTINGS_KEY));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ table: "IOM_table5", template: "table5", mode: "static", rows: 13 });
    expect(wb.selection).toMatchObject({ sheet: "Sheet1", row: 2, col: 1 });
  });

  it("inserts every template in both modes in at most two round trips, without Excel renaming a heading", async () => {
    let maxSyncs = 0;
    for (const t of catalog.templates) {
      for (const mode of ["static", "live"] as const) {
        const wb = new FakeWorkbook();
        const result = await insert(wb, t.id, mode, "fr");
        expect(result.kind).toBe("inserted");
        maxSyncs = Math.max(maxSyncs, wb.syncs);
        expect(wb.ops.filter((o) => o.op === "range.formulas")).toHaveLength(1);
        expect(wb.renamedHeadings).toEqual([]);
        expect(wb.tables[0]?.name).toBe(`IOM_${t.id}`);
        if (t.kind === "chart") {
          expect(wb.charts).toHaveLength(1);
          const chart = wb.charts[0]!;
          expect(chart.props["title.text"]).toBe(t.title("fr"));
          expect(chart.props["dataLabels.showValue"]).toBe(true);
          expect(chart.props.seriesBy).toBe("Columns");
          if (chart.type !== "Pie")
            expect(chart.props["axes.valueAxis.title.text"]).toEqual(expect.any(String));
          // The pyramid's bars run both ways: its age labels go outside the plot, not on the men's bars.
          expect(chart.props["axes.categoryAxis.tickLabelPosition"]).toBe(
            t.id === "chart_migrants_pyramid" ? "Low" : undefined,
          );
          // Beside its data, not over it: the chart starts right of the table.
          const table = wb.tables[0]!;
          expect(chart.left).toBeGreaterThanOrEqual((table.col + table.cols) * 48);
        }
      }
    }
    expect(maxSyncs).toBe(2);
  });

  it("refuses a target area that holds data, writes nothing, and offers the next free place", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "D10", "keep me");
    wb.setCell("Sheet1", "A40", 42);
    wb.select("Sheet1", "B2");
    const result = await insert(wb, "table4");
    expect(result.kind).toBe("blocked");
    expect(wb.syncs).toBe(1);
    expect(wb.written.size).toBe(0);
    expect(wb.ops.filter((o) => !o.op.startsWith("load") && o.op !== "sync")).toEqual([]);
    if (result.kind !== "blocked") throw new Error("expected blocked");
    expect(result.blocked.cells).toEqual([{ address: "D10", text: "keep me" }]);
    expect(result.blocked.cellCount).toBe(1);
    // Below everything on the sheet (A40), one empty row between, same column as the selection.
    expect(result.blocked.next).toEqual({ sheet: "Sheet1", row: 41, col: 1 });

    const again = await insertBlock(
      runOf(wb),
      catalog.block("table4", "static", "en"),
      { kind: "cell", ...result.blocked.next },
      EDITION,
      all,
    );
    expect(again.kind).toBe("inserted");
    expect(wb.written.has("Sheet1!9,3")).toBe(false);
    expect(wb.written.has("Sheet1!39,0")).toBe(false);
    expect(wb.cell("Sheet1", "D10")).toBe("keep me");
    expect(wb.cell("Sheet1", "B42")).toMatch(/^Table 4\./);
  });

  it("refuses to cover a chart, and proposes a place below it", async () => {
    const wb = new FakeWorkbook();
    wb.addChart("Sheet1", "Budget chart", { top: 30, left: 100, width: 200, height: 150 });
    const result = await insert(wb, "chart_projects_by_region");
    if (result.kind !== "blocked") throw new Error("expected blocked");
    expect(result.blocked.charts).toEqual(["Budget chart"]);
    expect(result.blocked.cellCount).toBe(0);
    // The chart ends at 180 pt, i.e. row 12 at 15 pt a row: the next place is row 14 (index 13).
    expect(result.blocked.next.row).toBe(13);
    expect(wb.written.size).toBe(0);
  });

  it("inserts into a new sheet with a unique name, and a unique table name the second time", async () => {
    const wb = new FakeWorkbook();
    const block = catalog.block("table5", "live", "es");
    const first = await insertBlock(runOf(wb), block, { kind: "newSheet", name: "Cuadro 5" }, EDITION, all);
    const second = await insertBlock(runOf(wb), block, { kind: "newSheet", name: "Cuadro 5" }, EDITION, all);
    expect(first.kind === "inserted" && first.plan.sheet).toBe("Cuadro 5");
    expect(second.kind === "inserted" && second.plan.sheet).toBe("Cuadro 5 (2)");
    expect(wb.tables.map((t) => `${t.sheet}:${t.name}`)).toEqual([
      "Cuadro 5:IOM_table5",
      "Cuadro 5 (2):IOM_table5_2",
    ]);
    expect(wb.syncs).toBe(4);
    expect(wb.active).toBe("Cuadro 5 (2)");
    expect(parseRecords(wb.settings.get(SETTINGS_KEY)).records.map((r) => r.table)).toEqual([
      "IOM_table5",
      "IOM_table5_2",
    ]);
    expect(wb.cell("Cuadro 5", "A1")).toBe(
      "Cuadro 5. Funcionarios por categoría/grado, lugar de destino y sexo al 31 de diciembre de 2011",
    );
  });

  it("lets an Office error through with its code (the pane explains it)", async () => {
    const wb = new FakeWorkbook();
    wb.failNextSync = { code: "InvalidOperationInCellEditMode", message: "cell edit mode" };
    await expect(insert(wb, "table4")).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(wb.written.size).toBe(0);
  });

  it("surfaces a write refused by a protected sheet", async () => {
    const wb = new FakeWorkbook();
    wb.sheets[0]!.protected = true;
    await expect(insert(wb, "table4")).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

/** Overwrites what a record says was written at body cell (r, c), as if an older edition wrote it. */
function pretendWritten(
  wb: FakeWorkbook,
  table: string,
  r: number,
  c: number,
  content: string | number,
): void {
  const { records } = parseRecords(wb.settings.get(SETTINGS_KEY));
  const record = records.find((x) => x.table === table)!;
  const { sheet, rect } = parseAddress(record.address);
  wb.setCell(sheet, rectAddress({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 }), content);
  const i = (r * record.cols + c) * 5;
  record.hashes = record.hashes.slice(0, i) + hashContent(content) + record.hashes.slice(i + 5);
  wb.settings.set(SETTINGS_KEY, JSON.stringify(records));
}

/** Inserts an empty row into an Excel table's body (what a user does with Insert › Table Rows Above). */
function insertTableRow(wb: FakeWorkbook, tableName: string, bodyRow: number): void {
  const t = wb.tables.find((x) => x.name === tableName)!;
  const sheet = wb.sheet(t.sheet);
  const at = t.row + 1 + bodyRow;
  const moved = [...sheet.cells.entries()].filter(([k]) => {
    const [r, c] = k.split(",").map(Number) as [number, number];
    return r >= at && c >= t.col && c < t.col + t.cols;
  });
  for (const [k] of moved) sheet.cells.delete(k);
  for (const [k, v] of moved) {
    const [r, c] = k.split(",").map(Number) as [number, number];
    sheet.cells.set(`${r + 1},${c}`, v);
  }
  t.rows++;
}

describe("refresh all", () => {
  it("rewrites stale cells, keeps edited ones, and reports both, in three round trips", async () => {
    const wb = new FakeWorkbook();
    wb.select("Sheet1", "A1");
    await insert(wb, "table4", "static");
    wb.select("Sheet1", "H1");
    await insert(wb, "annex1_s12", "live");
    const block4 = catalog.block("table4", "static", "en");
    pretendWritten(wb, "IOM_table4", 0, 1, 999); // a stale figure from "an older edition"
    const t4 = wb.tables.find((t) => t.name === "IOM_table4")!;
    wb.setCell("Sheet1", rectAddress({ row: t4.row + 3, col: 2, rows: 1, cols: 1 }), 12345); // a user's edit
    const syncsBefore = wb.syncs;
    const opsBefore = wb.ops.length;

    const { plan, syncs } = await refreshAll(runOf(wb), build, true);
    expect(syncs).toBe(3);
    expect(wb.syncs - syncsBefore).toBe(3);
    const r4 = plan.reports.find((r) => r.table === "IOM_table4")!;
    expect(r4).toMatchObject({ status: "refreshed", updated: 1, edited: 1 });
    expect(plan.reports.find((r) => r.table === "IOM_annex1_s12")).toMatchObject({
      status: "unchanged",
      updated: 0,
    });
    // The stale cell is rewritten with the printed figure; the user's edit is kept.
    const printed = block4.cells[block4.body.row]![1];
    expect(wb.cell("Sheet1", rectAddress({ row: t4.row + 1, col: 1, rows: 1, cols: 1 }))).toBe(printed);
    expect(wb.cell("Sheet1", rectAddress({ row: t4.row + 3, col: 2, rows: 1, cols: 1 }))).toBe(12345);
    // One write of one cell; the live table is recalculated.
    const writes = wb.writesSince(opsBefore).filter((o) => o.op === "range.formulas");
    expect(writes).toEqual([expect.objectContaining({ rows: 1, cols: 1 })]);
    expect(wb.writesSince(opsBefore).filter((o) => o.op === "calculate")).toHaveLength(1);
    // A second refresh finds nothing to do, and still leaves the edit alone.
    const again = await refreshAll(runOf(wb), build, true);
    expect(again.plan.reports.find((r) => r.table === "IOM_table4")).toMatchObject({
      status: "unchanged",
      edited: 1,
    });
  });

  it("refreshes a table whose rows the user changed only where its labels still match", async () => {
    const wb = new FakeWorkbook();
    await insert(wb, "table5", "static");
    pretendWritten(wb, "IOM_table5", 10, 7, 1); // Associate Experts total, stale
    insertTableRow(wb, "IOM_table5", 3); // a user's row above it
    const { plan } = await refreshAll(runOf(wb), build, true);
    const report = plan.reports[0]!;
    expect(report).toMatchObject({
      status: "shape_changed",
      rowsAdded: 1,
      rowsMissing: 0,
      updated: 1,
      edited: 0,
    });
    const t = wb.tables[0]!;
    const block = catalog.block("table5", "static", "en");
    // Associate Experts is now one row lower, and holds the printed figure again.
    expect(wb.cell("Sheet1", rectAddress({ row: t.row + 1 + 11, col: 7, rows: 1, cols: 1 }))).toBe(
      block.cells[block.body.row + 10]![7],
    );
    // The user's empty row is untouched.
    expect(wb.grid("Sheet1", rectAddress({ row: t.row + 1 + 3, col: 0, rows: 1, cols: 8 }))).toEqual([
      Array(8).fill(""),
    ]);
  });

  it("reports deleted tables and IOM_ tables without a record, and forgets the deleted", async () => {
    const wb = new FakeWorkbook();
    await insert(wb, "table4");
    wb.select("Sheet1", "K1");
    await insert(wb, "annex1_s1");
    wb.tables = wb.tables.filter((t) => t.name !== "IOM_table4");
    wb.tables.push({
      name: "IOM_copied",
      sheet: "Sheet1",
      row: 50,
      col: 0,
      rows: 2,
      cols: 2,
      style: "",
      showFilterButton: false,
    });
    const { plan } = await refreshAll(runOf(wb), build, true);
    expect(plan.reports.map((r) => [r.table, r.status])).toEqual([
      ["IOM_table4", "missing"],
      ["IOM_annex1_s1", "unchanged"],
      ["IOM_copied", "no_record"],
    ]);
    expect(parseRecords(wb.settings.get(SETTINGS_KEY)).records.map((r) => r.table)).toEqual([
      "IOM_annex1_s1",
    ]);
  });

  it("costs three round trips for thirty tables", async () => {
    const wb = new FakeWorkbook();
    const ids = catalog.templates.slice(0, 15).map((t) => t.id);
    for (let i = 0; i < 30; i++) {
      await insertBlock(
        runOf(wb),
        catalog.block(ids[i % ids.length]!, i < 15 ? "static" : "live", "en"),
        { kind: "newSheet", name: `S${i}` },
        EDITION,
        all,
      );
    }
    expect(wb.tables).toHaveLength(30);
    pretendWritten(wb, "IOM_table1", 0, 2, 7);
    const before = wb.syncs;
    const { plan, syncs } = await refreshAll(runOf(wb), build, true);
    expect(syncs).toBe(3);
    expect(wb.syncs - before).toBe(3);
    expect(plan.reports).toHaveLength(30);
    expect(plan.reports.filter((r) => r.status === "refreshed")).toHaveLength(1);
  });

  it("leaves every table alone when its records are damaged", async () => {
    const wb = new FakeWorkbook();
    await insert(wb, "table4");
    wb.settings.set(SETTINGS_KEY, "{not json");
    const opsBefore = wb.ops.length;
    const { plan } = await refreshAll(runOf(wb), build, true);
    expect(plan.damaged).toBe(true);
    expect(plan.reports).toEqual([expect.objectContaining({ table: "IOM_table4", status: "no_record" })]);
    expect(wb.writesSince(opsBefore).filter((o) => o.op !== "sync")).toEqual([]);
  });
});

describe("the selected cell", () => {
  it("is read in one round trip", async () => {
    const wb = new FakeWorkbook();
    wb.setCell("Sheet1", "C4", '=IOM.STAFF("P-4","F")');
    wb.select("Sheet1", "C4");
    wb.evaluate = () => 61;
    const cell = await readSelectedCell(runOf(wb));
    expect(cell).toEqual({ address: "Sheet1!C4", formula: '=IOM.STAFF("P-4","F")', value: 61 });
    expect(wb.syncs).toBe(1);
  });

  it("is followed with one round trip to subscribe, then no more until the user selects", async () => {
    const wb = new FakeWorkbook();
    const seen: string[] = [];
    const ok = await watchSelection(runOf(wb), () =>
      seen.push(`${wb.selection.sheet}!${wb.selection.row},${wb.selection.col}`),
    );
    expect(ok).toBe(true);
    expect(wb.syncs).toBe(1);
    expect(wb.ops).toContainEqual({ op: "onSelectionChanged.add" });
    wb.select("Sheet1", "D7");
    wb.select("Sheet1", "A2");
    expect(seen).toEqual(["Sheet1!6,3", "Sheet1!1,0"]);
    expect(wb.syncs).toBe(1);
  });

  it("gets a formula only when empty", async () => {
    const wb = new FakeWorkbook();
    wb.select("Sheet1", "B2");
    const ok = await insertFormulaAtSelection(runOf(wb), '=IOM.MIGRANTS("0-9")');
    expect(ok).toEqual({ kind: "inserted", address: "Sheet1!B2", syncs: 2 });
    expect(wb.cell("Sheet1", "B2")).toBe('=IOM.MIGRANTS("0-9")');
    const taken = await insertFormulaAtSelection(runOf(wb), "=IOM.MIGRANTS()");
    expect(taken).toMatchObject({ kind: "occupied", content: '=IOM.MIGRANTS("0-9")', syncs: 1 });
    expect(wb.cell("Sheet1", "B2")).toBe('=IOM.MIGRANTS("0-9")');
  });
});
