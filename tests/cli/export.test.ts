/**
 * `iom export`: the workbook is read back with exceljs and checked cell by cell against the data
 * (titles, nested headers, Excel tables, number formats, bold totals, footnotes, source lines,
 * contents links, facts); csv/json write one file per table; existing files are never replaced
 * without --force, and an unwritable path is a clear error.
 */
import ExcelJS from "exceljs";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { EXIT } from "../../src/cli/io";
import { iom } from "../../src/core";
import { Catalog } from "../../src/sheets/catalog";
import { iomCli, tempDir } from "./helpers";

// Workbooks are read, written and converted for real: allow for a busy CI machine.
jest.setTimeout(60_000);

const core = iom();
const edition = core.edition;
const catalog = new Catalog(core);
const sheetOf = (ws: ExcelJS.Workbook, tableName: string): ExcelJS.Worksheet => {
  const found = ws.worksheets.find((w) => w.getTable(tableName) !== undefined);
  if (!found) throw new Error(`no sheet holds ${tableName}`);
  return found;
};
const tmp = tempDir();
const xlsx = tmp.path("report.xlsx");
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  // The format follows from --out's extension.
  const r = await iomCli("export", "--out", xlsx);
  expect(r).toMatchObject({ code: EXIT.ok, err: "" });
  expect(r.out).toMatch(
    /^wrote .*report\.xlsx: 15 tables and 14 charts on \d+ sheets, \d+ facts, \d+ KiB in \d+ ms\n$/,
  );
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
});
afterAll(() => tmp.cleanup());

/** The sheet's text and numbers as a grid, like a reader sees it. */
function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.CellValue {
  return ws.getRow(row).getCell(col).value;
}

describe("iom export --format xlsx", () => {
  it("has a contents sheet, one sheet per table and per chart template, and a facts sheet", () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Contents");
    expect(names[names.length - 1]).toBe("Facts");
    expect(names).toHaveLength(catalog.templates.length + 2);
    for (const t of catalog.templates) sheetOf(wb, catalog.block(t.id, "static", "en").tableName);
  });

  it("links every table from the contents sheet", () => {
    const contents = wb.getWorksheet("Contents");
    if (!contents) throw new Error("no Contents sheet");
    const links: string[] = [];
    contents.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v && typeof v === "object" && "formula" in v && v.formula) links.push(v.formula);
    });
    expect(links).toContain(`HYPERLINK("#'T5 Officials by grade'!A1","T5 Officials by grade")`);
    expect(links).toContain(`HYPERLINK("#Facts!A1","Facts")`);
    expect(links).toHaveLength(catalog.templates.length + 1);
  });

  it("lays out Table 5 as printed: title, nested headers, Excel table, formats, bold total, notes", () => {
    const ws = sheetOf(wb, "IOM_table5");
    expect(ws.name).toBe("T5 Officials by grade");
    expect(cellAt(ws, 1, 1)).toBe(
      "Table 5. Officials by category/grade, location and gender as at 31 December 2011",
    );
    expect(ws.getCell("A1").font.bold).toBe(true);
    // The title wraps across the table's width instead of running off the printed page.
    expect(ws.getCell("H1").isMerged).toBe(true);
    // The outer header level sits above the Excel table, centred across its columns.
    expect(cellAt(ws, 3, 2)).toBe("Headquarters");
    expect(ws.getCell("B3").alignment.horizontal).toBe("centerContinuous");
    expect(cellAt(ws, 3, 6)).toBe("Total IOM Officials");
    const table = ws.getTable("IOM_table5") as unknown as {
      table: { tableRef: string; columns: { name: string }[] };
    };
    // The headings as the report prints them ("F" under its group), above an Excel table whose own
    // column names stay unique.
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => cellAt(ws, 4, c))).toEqual([
      "Category/Grade",
      "F",
      "M",
      "F",
      "M",
      "F",
      "M",
      "Total",
    ]);
    expect(table.table.tableRef).toBe("A5:H17");
    expect(table.table.columns.map((c) => c.name)).toEqual(
      catalog.block("table5", "static", "en").cells[3]!.map(String),
    );
    const p4 = ws.getRow(10);
    expect(p4.getCell(1).value).toBe("P-4");
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => p4.getCell(c).value)).toEqual([14, 11, 41, 76, 55, 87, 142]);
    expect(p4.getCell(6).numFmt).toBe("#,##0");
    expect(p4.getCell(1).font?.bold).toBeFalsy();
    expect(p4.getCell(1).font?.name).toBe("Calibri");
    const total = ws.getRow(17);
    expect(total.getCell(1).value).toBe("Total");
    expect(total.getCell(8).value).toBe(823);
    expect(total.getCell(8).font.bold).toBe(true);
    // Blank in the report: an empty cell, not a zero.
    expect(ws.getRow(5).getCell(2).value).toBeNull();
    expect(cellAt(ws, 19, 1)).toBe("Excluding: Interns, consultants and staff on special leave without pay.");
    expect(cellAt(ws, 20, 1)).toBe("Excluding: Seconded/loaned Officials.");
    expect(cellAt(ws, 21, 1)).toBe("Source: IOM, MC/2346, Table 5, lines 1241–1257");
    // It prints one page wide on A4, the headings repeated on every page, with a header and footer.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("3:4");
    expect(ws.headerFooter.oddHeader).toContain("Table 5. Officials by category/grade");
    expect(ws.headerFooter.oddHeader).toContain("MC/2346 (2011)");
    expect(ws.headerFooter.oddFooter).toContain("Source: IOM, MC/2346, Table 5");
    expect(ws.headerFooter.oddFooter).toContain("Page &P of &N");
  });

  it("writes every number of every table where the block puts it", () => {
    for (const t of edition.tables) {
      const block = catalog.block(t.id, "static", "en");
      const ws = sheetOf(wb, block.tableName);
      const labels = block.cells[block.table.row]!.length - t.columns.length;
      t.rows.forEach((r, ri) =>
        r.cells.forEach((v, ci) => {
          const got = ws.getRow(block.body.row + 1 + ri).getCell(labels + ci + 1).value;
          if (typeof v === "number") expect(got).toBe(v);
          else if (v === "undetermined") expect(got).toEqual({ formula: "NA()", result: { error: "#N/A" } });
          else expect(got).toBeNull();
        }),
      );
    }
  });

  it("keeps the report's decimals and explains undetermined cells in a note", () => {
    const ws = sheetOf(wb, "IOM_vb_expenditure");
    const adm = ws.getRow(4);
    expect(adm.getCell(2).value).toBe(44.3);
    expect(adm.getCell(2).numFmt).toBe("#,##0.0");
    const t2 = wb.getWorksheet("T2 Movements by service");
    if (!t2) throw new Error("no Table 2 sheet");
    let notes = 0;
    t2.eachRow((row) =>
      row.eachCell((c) => {
        if (c.note) {
          notes++;
          expect(c.value).toEqual({ formula: "NA()", result: { error: "#N/A" } });
        }
      }),
    );
    expect(notes).toBe(edition.tables.find((t) => t.id === "table2")?.undetermined.length);
  });

  it("lists every fact in the IOM_facts table", () => {
    const ws = wb.getWorksheet("Facts");
    if (!ws) throw new Error("no Facts sheet");
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "key",
      "label",
      "value",
      "unit",
      "year",
      "qualifier",
      "paragraph",
      "line",
      "text as printed",
    ]);
    const keys: string[] = [];
    for (let r = 4; r < 4 + edition.facts.length; r++) keys.push(ws.getRow(r).getCell(1).text);
    expect(keys).toEqual(edition.facts.map((f) => f.key));
    const legal = edition.facts.findIndex((f) => f.key === "legal.contracts_reviewed");
    expect(ws.getRow(4 + legal).getCell(3).value).toBe(2929);
  });
});

describe("iom export --format csv|json", () => {
  it("writes one file per table, matching iom table", async () => {
    const dir = tmp.path("csv");
    expect((await iomCli("export", "--format", "csv", "--out", dir)).code).toBe(EXIT.ok);
    expect(readdirSync(dir).sort()).toEqual(edition.tables.map((t) => `${t.id}.csv`).sort());
    // With the byte order mark Excel needs to read accents (Côte d'Ivoire), as iom table prints it.
    const table5 = readFileSync(`${dir}/table5.csv`, "utf8");
    expect(table5.startsWith("\uFEFFTable 5,")).toBe(true);
    expect(table5).toBe((await iomCli("table", "table5", "--format", "csv")).out);
    const bare = tmp.path("csv-no-bom");
    expect((await iomCli("export", "--format", "csv", "--out", bare, "--no-bom")).code).toBe(EXIT.ok);
    expect(readFileSync(`${bare}/table5.csv`, "utf8")).toBe(table5.slice(1));
    const jdir = tmp.path("json");
    expect((await iomCli("export", "-f", "json", "-o", jdir)).code).toBe(EXIT.ok);
    const t4 = JSON.parse(readFileSync(`${jdir}/table4.json`, "utf8")) as {
      rows: { key: string; values: Record<string, number> }[];
    };
    expect(t4.rows.find((r) => r.key === "total")?.values.total).toBe(444673);
  });

  it("never replaces existing files without --force", async () => {
    const before = readFileSync(xlsx);
    const again = await iomCli("export", "--format", "xlsx", "--out", xlsx);
    expect(again.code).toBe(EXIT.io);
    expect(again.err).toContain("already exists");
    expect(readFileSync(xlsx).equals(before)).toBe(true);
    const dir = tmp.path("csv");
    writeFileSync(`${dir}/table5.csv`, "mine");
    expect((await iomCli("export", "--format", "csv", "--out", dir)).code).toBe(EXIT.io);
    expect(readFileSync(`${dir}/table5.csv`, "utf8")).toBe("mine");
    expect((await iomCli("export", "--format", "csv", "--out", dir, "--force")).code).toBe(EXIT.ok);
    expect(readFileSync(`${dir}/table5.csv`, "utf8")).toContain("P-4,14");
  });

  it("says clearly when the output path can't be written", async () => {
    const missingDir = await iomCli("export", "--format", "xlsx", "--out", tmp.path("no/such/dir/x.xlsx"));
    expect(missingDir.code).toBe(EXIT.io);
    expect(missingDir.err).toContain("its directory does not exist");
    const ro = tmp.path("ro");
    const { mkdirSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    // root ignores permission bits: there, write into sysfs, which refuses every new file.
    const target = process.getuid?.() === 0 ? "/sys/iom-export-test.xlsx" : `${ro}/x.xlsx`;
    const r = await iomCli("export", "--format", "xlsx", "--out", target);
    chmodSync(ro, 0o755);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(/cannot write .*: (permission denied|the file system is read-only)/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(ro)).toEqual([]);
  });
});
