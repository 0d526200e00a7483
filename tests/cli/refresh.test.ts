/**
 * `iom refresh`: a user's workbook (an export, plus a sheet of their own with styles, merges,
 * names, validation, conditional formats, a note, a hidden sheet and =IOM.* formulas) with stale
 * numbers is refreshed; then both files are read back with exceljs and compared: the planned cells
 * get the right values and everything else (every cell's value and style, sheets, tables, defined
 * names…) is identical. Bad input never touches the input file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { EXIT } from "../../src/cli/io";
import { iomCli, tempDir } from "./helpers";

// Workbooks are read, written and converted for real: allow for a busy CI machine.
jest.setTimeout(60_000);

const tmp = tempDir("iom-refresh-");
const exported = tmp.path("export.xlsx");
const stale = tmp.path("stale.xlsx");

const formula = (f: string, result?: ExcelJS.CellFormulaValue["result"]): ExcelJS.CellFormulaValue =>
  result === undefined ? { formula: f } : { formula: f, result };

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A workbook someone made from an export: their own sheet, formulas, and numbers gone stale. */
async function makeStaleWorkbook(): Promise<void> {
  const wb = await load(exported);
  const t5 = wb.getWorksheet("T5 Officials by grade");
  const t4 = wb.getWorksheet("T4 Migrants by gender and age");
  if (!t5 || !t4) throw new Error("export lacks Table 4/5");
  t5.getCell("B10").value = 0; // P-4, Headquarters, F: 14 in the report
  t5.getCell("H17").value = 800; // Total: 823
  t4.getCell("B5").value = formula('IOM.MIGRANTS("0-9","F")', 1); // a live cell inside IOM_table4: 20861
  const mine = wb.addWorksheet("Budget", { properties: { tabColor: { argb: "FF00B050" } } });
  mine.getCell("A1").value = "Grade";
  mine.getCell("A1").font = { bold: true, color: { argb: "FF1F4E79" } };
  mine.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  mine.getCell("A2").value = "P-4";
  mine.getCell("A2").dataValidation = { type: "list", allowBlank: false, formulae: ['"P-4,P-5"'] };
  mine.getCell("B1").value = "Women";
  mine.getCell("B2").value = formula('IOM.STAFF(A2,"F")', { error: "#NAME?" });
  mine.getCell("B2").numFmt = "#,##0";
  mine.getCell("B2").border = { top: { style: "thin" } };
  mine.getCell("B3").value = formula('_xldudf_IOM_MOVEMENTS("Kenya")', 1);
  mine.getCell("B4").value = formula('IOM.STAFF("P-4","F")*2', 3); // not a single call: left alone
  mine.getCell("B5").value = formula('IOM.MOUVEMENTS("Kenya")', 7); // unknown name: left alone
  mine.getCell("B6").value = formula("SUM(1,2)", 3); // not ours
  mine.getCell("B7").value = formula('IOM.STAFF("P-99","F")', 5); // now an error: #N/A
  mine.getCell("B8").value = formula("IOM.FACT(Facts!A4)", 0); // a reference to another sheet
  // An array formula over D1:F12, as a spilled IOM.TABLE is saved (exceljs types omit shareType and ref).
  const spill = { formula: 'IOM.TABLE("Table 4",FALSE)', result: 0, shareType: "array", ref: "D1:F12" };
  mine.getCell("D1").value = spill;
  mine.getCell("D1").numFmt = "0.0";
  mine.getCell("A10").value = "Note kept";
  mine.getCell("A10").note = "A user's comment";
  mine.mergeCells("A12:C12");
  mine.getCell("A12").value = "merged";
  mine.getColumn(1).width = 21;
  mine.getRow(1).height = 30;
  mine.addConditionalFormatting({
    ref: "B2:B8",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["100"],
        priority: 1,
        style: { font: { italic: true } },
      },
    ],
  });
  mine.views = [{ state: "frozen", ySplit: 1 }];
  const hidden = wb.addWorksheet("Hidden", { state: "hidden" });
  hidden.getCell("A1").value = 42;
  wb.definedNames.add("Budget!$B$2", "women_p4");
  wb.definedNames.add("'T5 Officials by grade'!$A$5:$H$18", "t5_all");
  await wb.xlsx.writeFile(stale);
}

beforeAll(async () => {
  expect((await iomCli("export", "--format", "xlsx", "--out", exported)).code).toBe(EXIT.ok);
  await makeStaleWorkbook();
});
afterAll(() => tmp.cleanup());

interface Snapshot {
  sheets: unknown[];
  cells: Map<string, { value: string; style: string; note: string }>;
  definedNames: string;
}

/** Everything exceljs reads from a workbook, cell by cell and sheet by sheet. */
async function snapshot(path: string): Promise<Snapshot> {
  const wb = await load(path);
  const cells = new Map<string, { value: string; style: string; note: string }>();
  const sheets = wb.worksheets.map((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const cell = {
          value: JSON.stringify(c.value),
          style: JSON.stringify(c.style),
          note: JSON.stringify(c.note ?? null),
        };
        // An empty, unstyled cell is no cell at all (exceljs lists one for every column a row spans).
        if (cell.value !== "null" || cell.style !== "{}" || cell.note !== "null")
          cells.set(`${ws.name}!${c.address}`, cell);
      }),
    );
    const m = ws.model as unknown as Record<string, unknown>;
    return {
      name: ws.name,
      state: ws.state,
      properties: JSON.stringify(ws.properties),
      views: JSON.stringify(ws.views),
      merges: JSON.stringify(m.merges),
      cols: JSON.stringify(m.cols),
      rows: JSON.stringify(
        (m.rows as { number: number; height?: number; style?: unknown }[]).map((r) => [
          r.number,
          r.height,
          r.style,
        ]),
      ),
      tables: JSON.stringify((ws.getTables() as unknown as { table: unknown }[]).map((t) => t.table)),
      validations: JSON.stringify(m.dataValidations),
      conditional: JSON.stringify(m.conditionalFormattings),
      protection: JSON.stringify(m.sheetProtection),
      pageSetup: JSON.stringify(ws.pageSetup),
    };
  });
  return { sheets, cells, definedNames: JSON.stringify(wb.definedNames.model) };
}

describe("iom refresh", () => {
  let before: Snapshot;
  let after: Snapshot;
  const fresh = tmp.path("fresh.xlsx");
  let output = "";

  beforeAll(async () => {
    const staleBytes = readFileSync(stale);
    const r = await iomCli("refresh", stale, "--out", fresh);
    output = r.out;
    expect(r).toMatchObject({ code: EXIT.ok, err: "" });
    expect(readFileSync(stale).equals(staleBytes)).toBe(true);
    before = await snapshot(stale);
    after = await snapshot(fresh);
  });

  const value = (s: Snapshot, key: string): unknown => JSON.parse(s.cells.get(key)?.value ?? "null");

  it("restores the report's numbers in the IOM tables", () => {
    expect(value(after, "T5 Officials by grade!B10")).toBe(14);
    expect(value(after, "T5 Officials by grade!H17")).toBe(823);
    expect(output).toContain("'T5 Officials by grade' IOM_table5: 2 cells changed");
    expect(output).toContain("'T1 Movements by region' IOM_table1: up to date");
  });

  it("writes cached values for =IOM.* formulas and keeps the formulas", () => {
    expect(value(after, "T4 Migrants by gender and age!B5")).toEqual({
      formula: 'IOM.MIGRANTS("0-9","F")',
      result: 20861,
    });
    expect(value(after, "Budget!B2")).toEqual({ formula: 'IOM.STAFF(A2,"F")', result: 55 });
    expect(value(after, "Budget!B3")).toEqual({ formula: '_xldudf_IOM_MOVEMENTS("Kenya")', result: 46200 });
    expect(value(after, "Budget!B7")).toEqual({
      formula: 'IOM.STAFF("P-99","F")',
      result: { error: "#N/A" },
    });
    expect((value(after, "Budget!B8") as { result: number }).result).toBe(value(after, "Facts!C4"));
    // A spilled IOM.TABLE fills the array range recorded in the file.
    expect(value(after, "Budget!D1")).toMatchObject({ formula: 'IOM.TABLE("Table 4",FALSE)', result: 20861 });
    expect(value(after, "Budget!F12")).toBe(444673);
  });

  it("leaves formulas it cannot evaluate alone, and says why", () => {
    for (const a of ["B4", "B5", "B6"])
      expect(after.cells.get(`Budget!${a}`)).toEqual(before.cells.get(`Budget!${a}`));
    expect(output).toMatch(/Budget!B4 =IOM\.STAFF\("P-4","F"\)\*2: skipped — not a single =IOM\.\* call/);
    expect(output).toMatch(/Budget!B5 =IOM\.MOUVEMENTS\("Kenya"\): skipped — unknown function/);
    expect(output).not.toContain("SUM(1,2)");
  });

  it("changes nothing else: every other cell's value and style, sheets, tables, names", () => {
    const changed = new Set(
      [...after.cells.keys()].filter((k) => after.cells.get(k)?.value !== before.cells.get(k)?.value),
    );
    // Exactly the cells the refresh is about: 2 table cells, 6 formulas and the 35 other spill cells.
    expect(changed.size).toBe(2 + 6 + 35);
    expect(
      [...changed].filter(
        (k) =>
          !/^(T5 Officials by grade!(B10|H17)|T4 Migrants by gender and age!B5|Budget!(B[2378]|[DEF]\d+))$/.test(
            k,
          ),
      ),
    ).toEqual([]);
    expect([...after.cells.keys()].sort()).toEqual([...new Set([...before.cells.keys(), ...changed])].sort());
    for (const [k, c] of before.cells) {
      expect({ k, style: after.cells.get(k)?.style, note: after.cells.get(k)?.note }).toEqual({
        k,
        style: c.style,
        note: c.note,
      });
      if (!changed.has(k)) expect({ k, value: after.cells.get(k)?.value }).toEqual({ k, value: c.value });
    }
    // Rows only appear where the spill wrote values; every row that was there keeps its height and style.
    const rowsOf = (sh: Snapshot): Map<string, string> =>
      new Map(
        sh.sheets.flatMap((x) => {
          const { name, rows } = x as { name: string; rows: string };
          return (JSON.parse(rows) as [number, unknown, unknown][]).map((r) => [
            `${name}!${r[0]}`,
            JSON.stringify(r),
          ]);
        }),
      );
    const rowsBefore = rowsOf(before);
    const rowsAfter = rowsOf(after);
    for (const [k, r] of rowsBefore) expect({ k, r: rowsAfter.get(k) }).toEqual({ k, r });
    expect([...rowsAfter.keys()].filter((k) => !rowsBefore.has(k))).toEqual(["Budget!9", "Budget!11"]);
    const withoutRows = (sh: Snapshot): unknown[] =>
      sh.sheets.map((x) => ({ ...(x as object), rows: undefined }));
    expect(withoutRows(after)).toEqual(withoutRows(before));
    expect(after.definedNames).toBe(before.definedNames);
  });

  it("finds nothing to do in a refreshed or freshly exported workbook", async () => {
    for (const path of [fresh, exported]) {
      const bytes = readFileSync(path);
      const r = await iomCli("refresh", path);
      expect(r.code).toBe(EXIT.ok);
      expect(r.out).toContain("is up to date: nothing written");
      expect(readFileSync(path).equals(bytes)).toBe(true);
    }
  });

  it("lists the changes in a dry run and writes nothing", async () => {
    const bytes = readFileSync(stale);
    const out = tmp.path("dry.xlsx");
    const r = await iomCli("refresh", stale, "--dry-run", "--out", out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^dry run: nothing is written/);
    expect(r.out).toContain("'T5 Officials by grade' IOM_table5: 2 cells would change");
    expect(r.out).toContain("'T5 Officials by grade'!B10: 0 → 14");
    expect(r.out).toContain("Budget!B2: #NAME? → 55");
    expect(r.out).toContain("cells would change (43)");
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(stale).equals(bytes)).toBe(true);
  });

  it("refreshes in place through an atomic replace that keeps the file's permissions", async () => {
    const path = tmp.path("inplace.xlsx");
    writeFileSync(path, readFileSync(stale));
    chmodSync(path, 0o640);
    const r = await iomCli("refresh", path);
    expect(r.code).toBe(EXIT.ok);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect((await snapshot(path)).cells.get("T5 Officials by grade!B10")?.value).toBe("14");
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("iom refresh: tables it must not touch", () => {
  it("skips an IOM table whose shape changed, or that names no report table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mine");
    ws.addTable({
      name: "IOM_table4",
      ref: "A1",
      columns: [{ name: "Label" }, { name: "Female" }],
      rows: [["0-9", 1]],
    });
    ws.addTable({ name: "IOM_nosuch", ref: "E1", columns: [{ name: "a" }], rows: [[1]] });
    const path = tmp.path("shape.xlsx");
    await wb.xlsx.writeFile(path);
    const bytes = readFileSync(path);
    const r = await iomCli("refresh", path);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(
      /Mine IOM_table4: skipped — its shape changed: the report's Table 4 has 12 rows × 3 number columns, the table has 1 rows × 2 columns/,
    );
    expect(r.out).toMatch(/Mine IOM_nosuch: skipped — no report table has the id "nosuch"/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("skips a table whose rows were reordered", async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet("T4 Migrants by gender and age");
    if (!ws) throw new Error("no Table 4");
    ws.getCell("A5").value = "10-17";
    ws.getCell("A6").value = "0-9";
    const path = tmp.path("moved.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await iomCli("refresh", path, "--dry-run");
    expect(r.out).toMatch(
      /'T4 Migrants by gender and age' IOM_table4: skipped — row 1 is labelled "10-17", not "0-9"/,
    );
  });
});

describe("iom refresh: bad input", () => {
  it("reports a missing file, a directory, a non-workbook, a corrupt zip and an encrypted file (exit 3)", async () => {
    const cases: [string, Buffer | "dir" | undefined, RegExp][] = [
      ["missing.xlsx", undefined, /missing\.xlsx: no such file/],
      ["folder.xlsx", "dir", /is a directory, not a workbook/],
      ["text.xlsx", Buffer.from("name,value\n"), /is not an \.xlsx workbook/],
      [
        "corrupt.xlsx",
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
        /is corrupt/,
      ],
      [
        "encrypted.xlsx",
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
        /password-protected \(encrypted\)/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const path = tmp.path(name);
      if (content === "dir") mkdirSync(path);
      else if (content) writeFileSync(path, content);
      const r = await iomCli("refresh", path);
      expect({ name, code: r.code }).toEqual({ name, code: EXIT.io });
      expect(r.err).toMatch(message);
      if (content && content !== "dir") expect(readFileSync(path).equals(content)).toBe(true);
    }
  });

  it("refuses to change a protected sheet, and leaves the input untouched", async () => {
    const wb = await load(stale);
    await wb.getWorksheet("T5 Officials by grade")?.protect("secret", {});
    const path = tmp.path("protected.xlsx");
    await wb.xlsx.writeFile(path);
    const bytes = readFileSync(path);
    const r = await iomCli("refresh", path);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain("sheet 'T5 Officials by grade' is protected: unprotect it in Excel");
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const dry = await iomCli("refresh", path, "-n");
    expect(dry.code).toBe(EXIT.failed);
    expect(dry.out).toContain("a refresh would be refused");
  });

  it("says clearly when the output can't be written, and leaves the input untouched", async () => {
    const bytes = readFileSync(stale);
    const ro = tmp.path("readonly");
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    // root ignores permission bits: there, write into sysfs, which refuses every new file.
    const target = process.getuid?.() === 0 ? "/sys/iom-refresh-test.xlsx" : `${ro}/out.xlsx`;
    const r = await iomCli("refresh", stale, "--out", target);
    chmodSync(ro, 0o755);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(/cannot write .*: (permission denied|the file system is read-only)/);
    expect(existsSync(target)).toBe(false);
    expect(readFileSync(stale).equals(bytes)).toBe(true);
  });

  it("refuses a workbook with charts exceljs would drop, unless --force", async () => {
    const zip = await JSZip.loadAsync(readFileSync(stale));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/printerSettings/printerSettings1.bin", "x");
    const path = tmp.path("chart.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
    const bytes = readFileSync(path);
    const r = await iomCli("refresh", path);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(
      "content exceljs cannot write back, which a refresh would lose: charts (xl/charts/chart1.xml)",
    );
    expect(r.err).not.toContain("printer settings (");
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const forced = await iomCli("refresh", path, "--force", "--out", tmp.path("forced.xlsx"));
    expect(forced.code).toBe(EXIT.ok);
    expect(forced.out).toContain(
      "parts exceljs cannot write back: charts (xl/charts/chart1.xml); printer settings",
    );
    const wb = await load(tmp.path("forced.xlsx"));
    expect(wb.getWorksheet("T5 Officials by grade")?.getCell("B10").value).toBe(14);
  });
});
