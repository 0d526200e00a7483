/**
 * The generated Office Scripts (office-scripts/insert-<id>.ts): committed and up to date, valid
 * TypeScript that type-checks against the ExcelScript API they use, and, run against a small fake
 * of Excel's workbook, they insert every number of their table where `iom export` puts it and
 * refresh it in place on a second run without touching formulas.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import ts from "typescript";
import { iom } from "../../src/core";
import { Catalog } from "../../src/sheets/catalog";
import { SCRIPTS_DIR, scriptFileOf } from "../../src/scripts-office/generate";
import { runScript } from "../helpers/node-scripts";

// Workbooks are read, written and converted for real: allow for a busy CI machine.
jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const core = iom();
const edition = core.edition;
const catalog = new Catalog(core);
const DECLARATIONS = join(ROOT, SCRIPTS_DIR, "excel-script.d.ts");
const scriptPath = (id: string): string => join(ROOT, SCRIPTS_DIR, scriptFileOf(id));
const source = (id: string): string => readFileSync(scriptPath(id), "utf8");

/** A cell of the fake sheet: what Excel would hold after the script's calls. */
interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  format: string;
  bold?: boolean;
  font?: string;
}

class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly merges: string[] = [];
  constructor(public name: string) {}
  cell(r: number, c: number): FakeCell {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: "", format: "General" };
      this.cells.set(k, cell);
    }
    return cell;
  }
}

class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  private each(fn: (cell: FakeCell, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) fn(this.sheet.cell(this.row + i, this.col + j), i, j);
  }
  private check(values: unknown[][]): void {
    if (values.length !== this.rows || values.some((r) => r.length !== this.cols))
      throw new Error(`a ${values.length}-row array does not fit a ${this.rows}×${this.cols} range`);
  }
  getRowCount = (): number => this.rows;
  getColumnCount = (): number => this.cols;
  setValues(values: (string | number | boolean)[][]): void {
    this.check(values);
    this.each((c, i, j) => {
      c.value = values[i]?.[j] ?? "";
      delete c.formula;
    });
  }
  /** Like typing into Excel: "=…" is a formula, numeric text a number unless the cell is formatted as text. */
  setFormulas(formulas: string[][]): void {
    this.check(formulas);
    this.each((c, i, j) => {
      const f = formulas[i]?.[j] ?? "";
      delete c.formula;
      if (f.startsWith("=")) {
        c.formula = f;
        c.value = f === "=NA()" ? "#N/A" : "";
      } else c.value = c.format !== "@" && f.trim() !== "" && !Number.isNaN(Number(f)) ? Number(f) : f;
    });
  }
  getFormulas(): (string | number)[][] {
    const out: (string | number)[][] = Array.from({ length: this.rows }, () => []);
    this.each((c, i) =>
      out[i]?.push(c.formula ?? (typeof c.value === "boolean" ? String(c.value) : c.value)),
    );
    return out;
  }
  setNumberFormat(f: string): void {
    this.each((c) => (c.format = f));
  }
  setNumberFormats(f: string[][]): void {
    this.check(f);
    this.each((c, i, j) => (c.format = f[i]?.[j] ?? "General"));
  }
  getFormat(): object {
    const font = {
      setBold: (b: boolean): void => this.each((c) => (c.bold = b)),
      setItalic: (): void => undefined,
      setSize: (): void => undefined,
      setColor: (): void => undefined,
      setName: (n: string): void => this.each((c) => (c.font = n)),
    };
    return {
      getFont: () => font,
      getFill: () => ({ setColor: () => undefined }),
      getRangeBorder: () => ({ setStyle: () => undefined }),
      setHorizontalAlignment: () => undefined,
      setWrapText: () => undefined,
      autofitColumns: () => undefined,
    };
  }
}

class FakeTable {
  name = "";
  constructor(readonly range: FakeRange) {}
  setName(n: string): void {
    this.name = n;
  }
  setPredefinedTableStyle(): void {}
  setShowFilterButton(): void {}
  getRangeBetweenHeaderAndTotal(): FakeRange {
    const r = this.range;
    return new FakeRange(r.sheet, r.row + 1, r.col, r.rows - 1, r.cols);
  }
}

class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  getTable = (name: string): FakeTable | undefined =>
    this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  getWorksheet = (name: string): FakeSheet | undefined => this.sheets.find((s) => s.name === name);
  addWorksheet(name: string): object {
    if (this.getWorksheet(name)) throw new Error(`a sheet named ${name} exists`);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return {
      getName: () => sheet.name,
      activate: () => undefined,
      getRange: (a: string) => {
        const m = /^([A-Z])(\d+)(?::([A-Z])(\d+))?$/.exec(a);
        if (!m) throw new Error(`address ${a}`);
        const r = Number(m[2]) - 1;
        const c = (m[1] ?? "A").charCodeAt(0) - 65;
        return new FakeRange(
          sheet,
          r,
          c,
          m[4] ? Number(m[4]) - r : 1,
          m[3] ? m[3].charCodeAt(0) - 64 - c : 1,
        );
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
        new FakeRange(sheet, r, c, rows, cols),
      addTable: (range: FakeRange) => {
        const t = new FakeTable(range);
        this.tables.push(t);
        return t;
      },
    };
  }
}

type Main = (workbook: FakeWorkbook) => void;

/** The script compiled to JavaScript and loaded with the fake ExcelScript enums and console. */
function loadScript(id: string): { main: Main; logs: string[] } {
  const js = ts.transpileModule(source(id), {
    compilerOptions: { target: ts.ScriptTarget.ES2017 },
  }).outputText;
  const logs: string[] = [];
  const console = { log: (...a: unknown[]) => logs.push(a.map(String).join(" ")) };
  const ExcelScript = {
    HorizontalAlignment: { center: "Center", centerAcrossSelection: "CenterAcrossSelection" },
    BorderIndex: { edgeTop: "EdgeTop" },
    BorderLineStyle: { continuous: "Continuous" },
  };
  // A plain script (no modules), exactly as Excel runs it, in its own context; its value is main.
  const main = runInNewContext(`${js}\nmain;`, { ExcelScript, console }) as Main;
  return { main, logs };
}

describe("generated Office Scripts", () => {
  it("are committed, one per table, and match a fresh generation", async () => {
    // Prettier (which formats them) can't load inside Jest's VM: the generator checks in a child process.
    const r = await runScript("src/scripts-office/generate.ts", ["--check"]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" }); // else: npx tsx src/scripts-office/generate.ts
    const files = readdirSync(join(ROOT, SCRIPTS_DIR)).filter((f) => f.startsWith("insert-"));
    expect(files.sort()).toEqual(edition.tables.map((t) => scriptFileOf(t.id)).sort());
  });

  it.each(edition.tables.map((t) => t.id))(
    "%s is syntactically valid TypeScript with a main(workbook)",
    (id) => {
      const text = source(id);
      const out = ts.transpileModule(text, {
        reportDiagnostics: true,
        compilerOptions: { target: ts.ScriptTarget.ES2017 },
      });
      expect(out.diagnostics ?? []).toEqual([]);
      const file = ts.createSourceFile(scriptPath(id), text, ts.ScriptTarget.ES2017, true);
      const main = file.statements.find(
        (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === "main",
      );
      expect(main?.parameters.map((p) => p.type?.getText(file))).toEqual(["ExcelScript.Workbook"]);
      // Office Scripts can't import or export.
      expect(file.statements.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s))).toBe(false);
    },
  );

  it("type-check against the ExcelScript API they use", () => {
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2017,
      lib: ["lib.es2017.d.ts"],
      types: [],
    };
    let previous: ts.Program | undefined;
    const problems: string[] = [];
    for (const t of edition.tables) {
      // One program per script: each is a separate global script in Excel, with the same names.
      previous = ts.createProgram([scriptPath(t.id), DECLARATIONS], options, undefined, previous);
      for (const d of ts.getPreEmitDiagnostics(previous))
        problems.push(`${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(edition.tables.map((t) => t.id))(
    "%s inserts its table with every cell where the add-in and iom export put it",
    (id) => {
      const table = edition.tables.find((t) => t.id === id);
      if (!table) throw new Error(id);
      const block = catalog.block(id, "static", "en");
      const wb = new FakeWorkbook();
      const { main, logs } = loadScript(id);
      main(wb);
      const sheet = wb.getWorksheet(table.number);
      if (!sheet) throw new Error(`no sheet ${table.number}`);
      expect(wb.getTable(block.tableName)?.range).toMatchObject({
        row: block.table.row,
        col: 0,
        rows: table.rows.length + 1,
      });
      block.cells.forEach((row, r) =>
        row.forEach((want, c) => {
          const cell = sheet.cell(r, c);
          expect({ r, c, value: cell.value }).toEqual({ r, c, value: want === "=NA()" ? "#N/A" : want });
          expect(cell.format).toBe(block.numberFormats[r]?.[c]);
          expect(cell.font).toBe("Calibri");
        }),
      );
      // Every printed number of the table is in the body, where the table's rows and columns put it.
      const labels = block.cells[block.table.row]!.length - table.columns.length;
      table.rows.forEach((r, ri) =>
        r.cells.forEach((v, ci) => {
          const got = sheet.cell(block.body.row + ri, labels + ci).value;
          expect({ r: r.key, ci, got }).toEqual({
            r: r.key,
            ci,
            got: typeof v === "number" ? v : v === null ? "" : "#N/A",
          });
        }),
      );
      const bold = block.formats.filter((f) => f.bold && f.rect.cols > 1).map((f) => f.rect.row);
      table.rows.forEach((r, ri) => expect(bold.includes(block.body.row + ri)).toBe(r.sumOf !== undefined));
      expect(logs).toEqual([`Inserted ${block.tableName} on sheet ${table.number}.`]);
    },
  );

  it("keep labels such as 10-17 as text, and refresh in place on a second run, keeping formulas", () => {
    const wb = new FakeWorkbook();
    const { main, logs } = loadScript("table4");
    main(wb);
    const sheet = wb.getWorksheet("Table 4");
    if (!sheet) throw new Error("no sheet");
    const top = catalog.block("table4", "static", "en").body.row;
    expect(sheet.cell(top + 1, 0).value).toBe("10-17");
    expect(sheet.cell(top + 11, 3).value).toBe(444673);
    sheet.cell(top, 1).value = 1; // 0-9 female: 20861 in the report
    sheet.cell(top, 2).formula = '=IOM.MIGRANTS("0-9","M")';
    main(wb);
    expect(wb.sheets).toHaveLength(1);
    expect(sheet.cell(top, 1).value).toBe(20861);
    expect(sheet.cell(top, 2).formula).toBe('=IOM.MIGRANTS("0-9","M")');
    expect(logs[1]).toBe("IOM_table4: 1 cell updated.");
  });

  it("refuse to refresh a table whose rows changed", () => {
    const wb = new FakeWorkbook();
    const { main } = loadScript("table5");
    main(wb);
    const t = wb.getTable("IOM_table5");
    if (!t) throw new Error("no table");
    (t as { range: FakeRange }).range = new FakeRange(
      t.range.sheet,
      t.range.row,
      t.range.col,
      t.range.rows - 1,
      t.range.cols,
    );
    expect(() => main(wb)).toThrow(/IOM_table5 has 12 rows × 8 columns, not the report's 13 × 8/);
  });
});
