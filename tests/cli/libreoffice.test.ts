/**
 * A real spreadsheet application opens what iom writes: LibreOffice (Debian's libreoffice-calc,
 * installed by .ci/run) converts the exported workbook and a refreshed workbook, every sheet, to
 * CSV in one run, and the numbers that come out are the report's, including the cached values of
 * =IOM.* formulas, which LibreOffice shows without the add-in, and which cached errors it shows as
 * errors (ERROR_CASES below).
 */
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../../src/cli/io";
import { iomCli, tempDir } from "./helpers";

// Workbooks are read, written and converted for real: allow for a busy CI machine.
jest.setTimeout(60_000);

const SOFFICE = "/usr/bin/soffice";
/** CSV, UTF-8, raw values (not as shown), every sheet (the last -1, LibreOffice ≥ 7.2). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Minimal RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

function convert(files: string[], outDir: string, profile: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 90_000 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve(),
    ),
  );
}

/**
 * Cached #N/A values as a workbook can hold them, and what LibreOffice (7.4) shows. LibreOffice keeps
 * a formula's cached number (or text), but drops a cached error and recalculates the formula, and a
 * function it does not have is #NAME? there whatever its spelling: IOM., _xludf.IOM. (what Excel
 * writes for a function it does not know), _xldudf_IOM_. Only an error that is a value, or a formula
 * LibreOffice itself evaluates to #N/A (NA()), shows #N/A. The export writes only those two.
 */
const ERROR_CASES: [string, ExcelJS.CellValue, string][] = [
  ["error value (export's undetermined cells)", { error: "#N/A" }, "#N/A"],
  ["NA() (chart data without a figure)", { formula: "NA()", result: { error: "#N/A" } }, "#N/A"],
  ["IOM., #N/A cached by iom refresh", { formula: 'IOM.MOVEMENTS("Atlantis")', result: 0 }, "#NAME?"],
  [
    "_xludf.IOM., as Excel saves it",
    { formula: '_xludf.IOM.MOVEMENTS("Atlantis")', result: { error: "#N/A" } },
    "#NAME?",
  ],
  [
    "_xldudf_IOM_, #N/A cached by iom refresh",
    { formula: '_xldudf_IOM_MOVEMENTS("Atlantis")', result: 1 },
    "#NAME?",
  ],
  ["_xludf.IOM., a number cached", { formula: '_xludf.IOM.STAFF("P-4","F")', result: 55 }, "55"],
];

const available = existsSync(SOFFICE);
// CI installs LibreOffice; only a developer machine without it may skip this test.
const describeLo = available || process.env.CI ? describe : describe.skip;

describeLo("LibreOffice opens what iom writes", () => {
  const tmp = tempDir("iom-lo-");
  const sheets = new Map<string, string[][]>();
  const sheet = (file: string, name: string): string[][] => {
    const rows = sheets.get(`${file}-${name}`);
    if (!rows) throw new Error(`LibreOffice wrote no ${file}-${name}.csv`);
    return rows;
  };
  const rowOf = (rows: string[][], label: string): string[] => {
    const r = rows.find((x) => x[0] === label);
    if (!r) throw new Error(`no row ${label}`);
    return r;
  };

  beforeAll(async () => {
    const exported = tmp.path("export.xlsx");
    expect((await iomCli("export", "--format", "xlsx", "--out", exported)).code).toBe(EXIT.ok);
    // A workbook a user made: stale numbers in an IOM table and =IOM.* formulas Excel saved as #NAME?.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const t5 = wb.getWorksheet("Table 5");
    if (!t5) throw new Error("no Table 5 sheet");
    t5.getCell("F11").value = 0;
    const mine = wb.addWorksheet("Budget");
    mine.getCell("A1").value = "P-4";
    mine.getCell("B1").value = { formula: 'IOM.STAFF(A1,"F")', result: { error: "#NAME?" } };
    mine.getCell("B2").value = { formula: '_xldudf_IOM_MOVEMENTS("Kenya")', result: { error: "#NAME?" } };
    mine.getCell("B3").value = { formula: 'IOM.EXPENDITURE("Europe",2010)', result: 0 };
    // How a cached #N/A can be stored, one per row (column A says how); refresh rewrites rows 3 and 5.
    const errors = wb.addWorksheet("Errors");
    ERROR_CASES.forEach(([how, value], i) => {
      errors.getCell(`A${i + 1}`).value = how;
      errors.getCell(`B${i + 1}`).value = value;
    });
    const stale = tmp.path("stale.xlsx");
    await wb.xlsx.writeFile(stale);
    const refreshed = tmp.path("refreshed.xlsx");
    expect((await iomCli("refresh", stale, "--out", refreshed)).code).toBe(EXIT.ok);
    await convert([exported, refreshed], tmp.dir, tmp.path("profile"));
    for (const f of ["export", "refreshed"])
      for (const name of ["Contents", "Table 2", "Table 5", "Facts", "Budget", "Errors", "Chart 7"]) {
        const path = join(tmp.dir, `${f}-${name}.csv`);
        if (existsSync(path)) sheets.set(`${f}-${name}`, parseCsv(readFileSync(path, "utf8")));
      }
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it("reads every sheet of the export, Table 5 with its numbers", () => {
    const t5 = sheet("export", "Table 5");
    expect(t5[0]?.[0]).toBe(
      "Table 5. Officials by category/grade, location and gender as at 31 December 2011",
    );
    expect(rowOf(t5, "P-4")).toEqual(["P-4", "14", "11", "41", "76", "55", "87", "142"]);
    expect(rowOf(t5, "Total")).toEqual(["Total", "68", "66", "285", "404", "353", "470", "823"]);
    expect(rowOf(t5, "Source: IOM, MC/2346, Table 5, lines 1241–1257")[0]).toBe(
      "Source: IOM, MC/2346, Table 5, lines 1241–1257",
    );
    expect(sheet("export", "Contents").some((r) => r[0] === "Table 5" && r[5] === "IOM_table5")).toBe(true);
    expect(sheet("export", "Facts").some((r) => r[0] === "legal.contracts_reviewed" && r[2] === "2929")).toBe(
      true,
    );
  });

  it("reads Kenya's 46,200 movements in Table 2's grand total", () => {
    const t2 = sheet("export", "Table 2");
    const header = t2.find((r) => r.includes("Kenya"));
    const kenya = header?.indexOf("Kenya") ?? -1;
    expect(kenya).toBeGreaterThan(0);
    expect(rowOf(t2, "Grand total")[kenya]).toBe("46200");
    // Undetermined cells arrive as errors, not as numbers.
    expect(t2.some((r) => r.includes("#N/A"))).toBe(true);
  });

  it("shows the refreshed workbook's numbers and the cached values of its =IOM.* formulas", () => {
    expect(rowOf(sheet("refreshed", "Table 5"), "P-4")[5]).toBe("55");
    const budget = sheet("refreshed", "Budget");
    expect(budget.map((r) => r[1])).toEqual(["55", "46200", "162.1"]);
  });

  it("shows #N/A for every error the export writes, and #NAME? for a formula whose cached value is an error", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tmp.path("export.xlsx"));
    // The export's #N/A cells are error values or =NA(); its only other formulas are links.
    const formulas = new Set<string>();
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) formulas.add(cell.formula.replace(/^HYPERLINK\(.*/, "HYPERLINK"));
        }),
      );
    expect([...formulas].every((f) => f === "HYPERLINK" || f === "NA()")).toBe(true);
    expect(
      sheet("export", "Table 2")
        .flat()
        .filter((c) => c === "#N/A").length,
    ).toBeGreaterThan(0);
    // The chart sheets' data reads as the report's figures (the pyramid's men as negative numbers).
    expect(rowOf(sheet("export", "Chart 7"), "0-9")).toEqual(["0-9", "-25079", "20861"]);
    // After iom refresh every =IOM.* cell but the last caches #N/A (rows 3 and 5 by the refresh)…
    const refreshed = new ExcelJS.Workbook();
    await refreshed.xlsx.readFile(tmp.path("refreshed.xlsx"));
    const cached = [1, 2, 3, 4, 5, 6].map((r) => {
      const v = refreshed.getWorksheet("Errors")?.getCell(`B${r}`).value;
      return v !== null && typeof v === "object" && "result" in v ? v.result : v;
    });
    expect(cached).toEqual([...Array<unknown>(5).fill({ error: "#N/A" }), 55]);
    // …and LibreOffice shows them so.
    const shown = sheet("refreshed", "Errors").map((r) => [r[0], r[1]]);
    expect(shown).toEqual(ERROR_CASES.map(([how, , lo]) => [how, lo]));
  });
});
