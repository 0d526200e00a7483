/**
 * `iom refresh` on a corpus of users' workbooks the test makes (exceljs, plus XML exceljs can't
 * write): each is refreshed, the values of its IOM cells are checked, and package-diff proves
 * that every zip entry is byte-identical except those values. Then: up-to-date workbooks are not
 * written, refusals say what is wrong and change nothing, bounds hold on hostile input.
 */
import ExcelJS from "exceljs";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import JSZip from "jszip";
import { runRefresh } from "../../src/cli/commands/refresh";
import { bufferIo, EXIT } from "../../src/cli/io";
import { writeBigWorkbook } from "../support/big-workbook";
import { iomCli, tempDir } from "./helpers";
import {
  editPackage,
  load,
  makeHostile,
  makeMacro,
  makeProtected,
  makeRich,
  sheetPart,
  TABLE4_CORNERS,
} from "./support/corpus";
import {
  addresses,
  cellsOf,
  packageDifferences,
  readCells,
  readPackage,
  xmlValue,
  type CellXml,
} from "./support/package-diff";
import { scan } from "./support/scan-cells";

jest.setTimeout(60_000);

const tmp = tempDir("iom-refresh-");
const exported = tmp.path("export.xlsx");

beforeAll(async () => {
  expect((await iomCli("export", "--format", "xlsx", "--out", exported)).code).toBe(EXIT.ok);
});
afterAll(() => tmp.cleanup());

type Cells = Record<string, string[]>;

/** The IOM cells of each sheet (by sheet name) as parts of the package at `path`. */
async function partsOf(path: string, cells: Record<string, string[]>): Promise<Cells> {
  const out: Cells = {};
  for (const [sheet, list] of Object.entries(cells))
    out[await sheetPart(path, sheet)] = list.flatMap(addresses);
  return out;
}

async function refreshed(
  input: string,
  iomCells: Record<string, string[]>,
  ...args: string[]
): Promise<{ out: string; path: string }> {
  const path = input.replace(/(\.xls[xm])$/, ".fresh$1");
  const bytes = readFileSync(input);
  const r = await iomCli("refresh", input, "--out", path, ...args);
  expect({ code: r.code, err: r.err }).toEqual({ code: EXIT.ok, err: "" });
  expect(readFileSync(input).equals(bytes)).toBe(true);
  expect(await packageDifferences(input, path, await partsOf(input, iomCells))).toEqual([]);
  return { out: r.out, path };
}

/** Cell values as the file stores them (exceljs reads a cached 0 as no value, so it is not the judge here). */
interface Book {
  path: string;
  sheets: Map<string, Map<string, CellXml>>;
}

async function book(path: string, ...sheets: string[]): Promise<Book> {
  const b: Book = { path, sheets: new Map() };
  for (const s of sheets) b.sheets.set(s, await readCells(path, await sheetPart(path, s)));
  return b;
}

const valueOf = (b: Book, sheet: string, address: string): unknown =>
  xmlValue(b.sheets.get(sheet)?.get(address));
const formulaOf = (b: Book, sheet: string, address: string): string | undefined =>
  b.sheets.get(sheet)?.get(address)?.formula;

describe("a user's rich workbook made from an export", () => {
  const input = tmp.path("rich.xlsx");
  let out = "";
  let wb: Book;

  beforeAll(async () => {
    const { table1Cell } = await makeRich(exported, input);
    const r = await refreshed(input, {
      "T1 Movements by region": [table1Cell],
      "T5 Officials by grade": ["B10", "H17"],
      "T4 Migrants by gender and age": ["B5"],
      // Only the refreshable cells: B4–B6 (not ours), B10–B11 (already right) and B12 (circular) stay byte for byte.
      Budget: ["B2:B3", "B7:B9", "B13", "C2:C6", "E1:G12", "L1:N12", "P1:Q3"],
    });
    out = r.out;
    wb = await book(r.path, "T4 Migrants by gender and age", "T5 Officials by grade", "Budget", "Facts");
  });

  it("restores the report's numbers in IOM tables", () => {
    expect(valueOf(wb, "T5 Officials by grade", "B10")).toBe(14);
    expect(valueOf(wb, "T5 Officials by grade", "H17")).toBe(823);
    expect(out).toContain("'T5 Officials by grade' IOM_table5: 2 cells changed");
    // A number typed over an undetermined cell: #N/A again.
    expect(out).toContain("'T1 Movements by region' IOM_table1: 1 cell changed");
  });

  it("writes the cached value of every spelling of =IOM.* and keeps the formulas", () => {
    expect([
      formulaOf(wb, "T4 Migrants by gender and age", "B5"),
      valueOf(wb, "T4 Migrants by gender and age", "B5"),
    ]).toEqual(['IOM.MIGRANTS("0-9","F")', 20861]);
    expect([formulaOf(wb, "Budget", "B2"), valueOf(wb, "Budget", "B2")]).toEqual(['IOM.STAFF(A2,"F")', 55]);
    expect(valueOf(wb, "Budget", "B3")).toBe(46200);
    expect(valueOf(wb, "Budget", "B7")).toEqual({ error: "#N/A" });
    expect(valueOf(wb, "Budget", "B8")).toBe(valueOf(wb, "Facts", "C4"));
    expect([formulaOf(wb, "Budget", "B9"), valueOf(wb, "Budget", "B9")]).toEqual([
      '_xludf.IOM.STAFF("P-5","M")',
      45,
    ]);
    expect(valueOf(wb, "Budget", "B10")).toBe(55);
    expect(valueOf(wb, "Budget", "B11")).toBe(0);
  });

  it("evaluates a shared formula cell by cell, and a spilled array over its range", () => {
    expect(["C2", "C3", "C4", "C5", "C6"].map((a) => valueOf(wb, "Budget", a))).toEqual([87, 45, 1, 36, 120]);
    expect(valueOf(wb, "Budget", "E1")).toBe(TABLE4_CORNERS.first);
    expect(valueOf(wb, "Budget", "G12")).toBe(TABLE4_CORNERS.last);
    expect(valueOf(wb, "Budget", "L1")).toBe(TABLE4_CORNERS.first);
    expect(valueOf(wb, "Budget", "N12")).toBe(TABLE4_CORNERS.last);
  });

  it("evaluates formulas that read other refreshed cells after them", () => {
    expect(["P1", "P2", "P3"].map((a) => valueOf(wb, "Budget", a))).toEqual(["E-1", "E-2", "D-2"]);
    expect(["Q1", "Q2", "Q3"].map((a) => valueOf(wb, "Budget", a))).toEqual([0, 1, 0]);
  });

  it("leaves alone, and reports, what it can't evaluate", () => {
    expect(valueOf(wb, "Budget", "B4")).toBe(3);
    expect(valueOf(wb, "Budget", "B5")).toBe(7);
    expect(valueOf(wb, "Budget", "B12")).toBe(0);
    expect(out).toMatch(/Budget!B4 =IOM\.STAFF\("P-4","F"\)\*2: skipped — not a single =IOM\.\* call/);
    expect(out).toMatch(/Budget!B5 =IOM\.MOUVEMENTS\("Kenya"\): skipped — unknown function IOM\.MOUVEMENTS/);
    expect(out).toMatch(/Budget!B12 =IOM\.FACT\(B12\): skipped — circular reference/);
    expect(out).not.toContain("SUM(1,2)");
  });

  it("counts what it did: only stale cells change (a cached 0 that is right stays)", () => {
    expect(out).not.toContain("Budget!B11");
    expect(out).not.toContain("Budget!B10");
    expect(out).toMatch(/wrote .*rich\.fresh\.xlsx: \d+ cells changed/);
  });

  it("finds nothing to do the second time: the file is not written, bytes and mtime unchanged", async () => {
    const again = input.replace(".xlsx", ".fresh.xlsx");
    utimesSync(again, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const before = statSync(again);
    const bytes = readFileSync(again);
    const r = await iomCli("refresh", again);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("is up to date: nothing written");
    expect(readFileSync(again).equals(bytes)).toBe(true);
    expect(statSync(again).mtimeMs).toBe(before.mtimeMs);
  });

  it("lists the changes in a dry run and writes nothing", async () => {
    const bytes = readFileSync(input);
    const r = await iomCli("refresh", input, "--dry-run", "--show", "200", "--out", tmp.path("dry.xlsx"));
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^dry run: nothing is written/);
    expect(r.out).toContain("'T5 Officials by grade'!B10: 0 → 14");
    expect(r.out).toContain("Budget!B2: #NAME? → 55");
    // An error says why, and a misspelt function what it probably means.
    expect(r.out).toMatch(
      /'T1 [^']*'![A-Z]+\d+: 7 → #N\/A \(undetermined: line \d+ can be read in more than one way/,
    );
    expect(r.out).toContain('Budget!B7: 5 → #N/A (category "P-99" not found — did you mean');
    expect(r.out).toMatch(
      /Budget!B5 =IOM\.MOUVEMENTS\("Kenya"\): skipped — unknown function IOM\.MOUVEMENTS — did you mean IOM\.MOVEMENTS\?/,
    );
    expect(existsSync(tmp.path("dry.xlsx"))).toBe(false);
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it("says the same as one JSON document with --json, and nothing else on stdout", async () => {
    const r = await iomCli("refresh", input, "--dry-run", "--json");
    expect({ code: r.code, err: r.err }).toEqual({ code: EXIT.ok, err: "" });
    const plan = JSON.parse(r.out) as {
      outcome: string;
      workbook: string;
      changedCount: number;
      changes: { sheet: string; address: string; why?: string }[];
    };
    expect(plan.outcome).toBe("dry-run");
    expect(plan.workbook).toBe(input);
    expect(plan.changes.length).toBe(plan.changedCount);
    expect(plan.changes).toContainEqual(expect.objectContaining({ sheet: "Budget", address: "B2" }));
    const p99 = plan.changes.find((c) => c.sheet === "Budget" && c.address === "B7");
    expect(p99?.why).toMatch(/category "P-99" not found/);
  });
});

describe("a freshly exported workbook", () => {
  it("is up to date", async () => {
    const bytes = readFileSync(exported);
    const r = await iomCli("refresh", exported);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("is up to date: nothing written");
    expect(readFileSync(exported).equals(bytes)).toBe(true);
  });
});

describe("protected sheets, in each spelling", () => {
  it("refreshes formula results, keeps every protection element byte for byte, leaves a protected table's numbers", async () => {
    const input = tmp.path("protected.xlsx");
    await makeProtected(exported, input);
    const { out, path } = await refreshed(input, {
      Hashed: ["A1"],
      TrueSpelling: ["A1"],
      Legacy: ["A1"],
    });
    const wb = await book(path, "Hashed", "TrueSpelling", "Legacy", "T5 Officials by grade");
    expect(valueOf(wb, "Hashed", "A1")).toBe(55);
    expect(valueOf(wb, "TrueSpelling", "A1")).toBe(46200);
    expect(valueOf(wb, "Legacy", "A1")).toBe(18);
    expect(valueOf(wb, "T5 Officials by grade", "B10")).toBe(0);
    expect(out).toContain("'T5 Officials by grade' IOM_table5: skipped — its sheet is protected");
    expect(out).toMatch(
      /note: 'T5 Officials by grade' is protected: formula results on it are refreshed, the numbers of IOM_table5 are not/,
    );
    // --force updates the protected table too; the protection stays.
    const forced = tmp.path("protected-forced.xlsx");
    expect((await iomCli("refresh", input, "--force", "--out", forced)).code).toBe(EXIT.ok);
    expect(
      await packageDifferences(input, forced, {
        [await sheetPart(input, "T5 Officials by grade")]: ["B10"],
        ...(await partsOf(input, { Hashed: ["A1"], TrueSpelling: ["A1"], Legacy: ["A1"] })),
      }),
    ).toEqual([]);
    expect(valueOf(await book(forced, "T5 Officials by grade"), "T5 Officials by grade", "B10")).toBe(14);
  });
});

describe("hostile and rich XML", () => {
  it("a whole-sheet merge and a whole-sheet array range cost nothing; data bars, sparklines, breaks and fullCalcOnLoad stay", async () => {
    const input = tmp.path("hostile.xlsx");
    await makeHostile(input);
    const started = Date.now();
    const { out, path } = await refreshed(input, { Wide: ["A1:C12", "A20", "C20"] });
    expect(Date.now() - started).toBeLessThan(10_000);
    const wb = await book(path, "Wide");
    expect(valueOf(wb, "Wide", "A1")).toBe(TABLE4_CORNERS.first);
    expect(valueOf(wb, "Wide", "C12")).toBe(TABLE4_CORNERS.last);
    expect(valueOf(wb, "Wide", "A20")).toBe(55);
    // Inside the array range but past the result: #N/A, as Excel shows it.
    expect(valueOf(wb, "Wide", "C20")).toEqual({ error: "#N/A" });
    expect(out).toMatch(/cells changed \(3\d\)/);
  });

  it("keeps an .xlsm macro-enabled: content types and the VBA project untouched", async () => {
    const input = tmp.path("macro.xlsm");
    await makeMacro(input);
    const { path } = await refreshed(input, { Macro: ["A1"] });
    expect(path.endsWith(".xlsm")).toBe(true);
    expect(valueOf(await book(path, "Macro"), "Macro", "A1")).toBe(87);
  });
});

describe("IOM tables whose shape changed", () => {
  it("refuses, naming the table and what changed, and changes nothing; --force refreshes the rest", async () => {
    const wb = await load(exported);
    const t4 = wb.getWorksheet("T4 Migrants by gender and age");
    const t5 = wb.getWorksheet("T5 Officials by grade");
    if (!t4 || !t5) throw new Error("no Table 4/5");
    t4.getCell("A5").value = "10-17";
    t4.getCell("A6").value = "0-9";
    t5.getCell("B10").value = 0;
    const ws = wb.addWorksheet("Mine");
    ws.addTable({
      name: "IOM_table3",
      ref: "A1",
      columns: [{ name: "Label" }, { name: "Female" }],
      rows: [["x", 1]],
    });
    ws.addTable({ name: "IOM_nosuch", ref: "E1", columns: [{ name: "a" }], rows: [[1]] });
    const input = tmp.path("moved.xlsx");
    await wb.xlsx.writeFile(input);
    const bytes = readFileSync(input);
    const r = await iomCli("refresh", input);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain(`iom: ${input} is refused: `);
    expect(r.err).toContain(
      `'T4 Migrants by gender and age' IOM_table4: row 1 is labelled "10-17", not "0-9": rows were moved or edited`,
    );
    expect(r.err).toMatch(
      /Mine IOM_table3: its shape changed: the report's Table 3 has \d+ rows × \d+ number columns, the table has 1 rows × 2 columns/,
    );
    expect(r.err).toContain("run again with --force");
    expect(r.err).toMatch(/nothing was changed\n$/);
    expect(r.out).toMatch(/Mine IOM_nosuch: skipped — no report table has the id "nosuch"/);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    const { path } = await refreshed(input, { "T5 Officials by grade": ["B10"] }, "--force");
    expect(valueOf(await book(path, "T5 Officials by grade"), "T5 Officials by grade", "B10")).toBe(14);
  });
});

describe("files", () => {
  const stale = tmp.path("files-stale.xlsx");
  beforeAll(async () => {
    const wb = await load(exported);
    const t5 = wb.getWorksheet("T5 Officials by grade");
    if (t5) t5.getCell("B10").value = 0;
    await wb.xlsx.writeFile(stale);
  });
  const copy = (name: string): string => {
    const p = tmp.path(name);
    writeFileSync(p, readFileSync(stale));
    return p;
  };

  it("refuses a read-only workbook (exit 3) before any work, and leaves it as it was", async () => {
    const path = copy("ro.xlsx");
    chmodSync(path, 0o444);
    const r = await iomCli("refresh", path);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toBe(
      `iom: ${path} is read-only: make it writable (chmod u+w) or write the refreshed copy elsewhere with --out; nothing was changed\n`,
    );
    expect(r.out).toBe("");
    expect(readFileSync(path).equals(readFileSync(stale))).toBe(true);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("follows a symbolic link and writes its target; the link stays a link", async () => {
    const target = copy("target.xlsx");
    const link = tmp.path("link.xlsx");
    symlinkSync(target, link);
    const r = await iomCli("refresh", link);
    expect(r.code).toBe(EXIT.ok);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(valueOf(await book(target, "T5 Officials by grade"), "T5 Officials by grade", "B10")).toBe(14);
  });

  it("keeps the file's mode and leaves no temporary file; removes one a killed run left", async () => {
    const path = copy("mode.xlsx");
    chmodSync(path, 0o640);
    // What a refresh killed with -9 leaves behind (a process id that can't be running).
    const leftover = tmp.path(".mode.xlsx.iom-999999999-0badcafe.tmp");
    writeFileSync(leftover, "half a workbook");
    const r = await iomCli("refresh", path);
    expect(r.code).toBe(EXIT.ok);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says clearly when the output can't be written, and leaves the input untouched", async () => {
    const target = process.getuid?.() === 0 ? "/sys/iom-refresh-test.xlsx" : tmp.path("nodir/x/out.xlsx");
    const r = await iomCli("refresh", stale, "--out", target);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(
      /^iom: cannot write .*(not writable|does not exist|read-only|permission).*; nothing was changed\n$/,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe("bad input: which file, what is wrong, nothing changed (exit 3)", () => {
  it("missing, a folder, not a zip, a damaged zip, encrypted", async () => {
    const cases: [string, Buffer | "dir" | undefined, RegExp][] = [
      ["missing.xlsx", undefined, /missing\.xlsx: no such file; nothing was changed/],
      ["folder.xlsx", "dir", /is a directory, not a workbook file/],
      ["text.xlsx", Buffer.from("name,value\n"), /is not an \.xlsx workbook \(it is not a zip package\)/],
      [
        "corrupt.xlsx",
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
        /is corrupt: its zip package is damaged/,
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
      expect(r.err).not.toMatch(/internal|undefined|TypeError|\bat \w/);
      if (content && content !== "dir") expect(readFileSync(path).equals(content)).toBe(true);
    }
  });

  it("a sheet that is not well-formed XML, and a truncated package", async () => {
    const input = tmp.path("badxml.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = { formula: 'IOM.STAFF("P-4","F")', result: 0 };
    await wb.xlsx.writeFile(input);
    const part = await sheetPart(input, "S");
    await editPackage(input, {
      [part]: (x: string) => x.replace("</sheetData>", "</row></sheetData>"),
    });
    const r = await iomCli("refresh", input);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(
      new RegExp(
        `is corrupt: ${part.replace(/[.]/g, "\\.")} is not well-formed XML \\(.*\\); nothing was changed`,
      ),
    );
    const cut = tmp.path("cut.xlsx");
    writeFileSync(cut, readFileSync(exported).subarray(0, 30_000));
    const c = await iomCli("refresh", cut);
    expect(c.code).toBe(EXIT.io);
    expect(c.err).toMatch(/is corrupt: its zip package is damaged or incomplete/);
  });
});

describe("bounds: a zip bomb is refused, a huge part is never held in memory", () => {
  /** Sets the uncompressed size a package declares for `part` (central directory and local header). */
  function declareSize(bytes: Buffer, part: string, size: number): Buffer {
    const out = Buffer.from(bytes);
    const name = Buffer.from(part);
    for (
      let i = out.indexOf("PK\x01\x02", 0, "latin1");
      i >= 0;
      i = out.indexOf("PK\x01\x02", i + 4, "latin1")
    ) {
      const n = out.readUInt16LE(i + 28);
      if (!out.subarray(i + 46, i + 46 + n).equals(name)) continue;
      out.writeUInt32LE(size, i + 24);
      out.writeUInt32LE(size, out.readUInt32LE(i + 42) + 22);
    }
    return out;
  }

  it("refuses a part that declares more than the limit, before inflating anything", async () => {
    const input = tmp.path("declared.xlsx");
    await writeBigWorkbook(input, 100);
    writeFileSync(input, declareSize(readFileSync(input), "xl/worksheets/sheet1.xml", 0xfffffff0));
    const bytes = readFileSync(input);
    const r = await iomCli("refresh", input);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(
      /is refused: its part xl\/worksheets\/sheet1\.xml expands to more than 2048 MB \(a zip bomb, or far larger than any sheet Excel writes\); nothing was changed/,
    );
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it("stops a part that inflates past the limit, whatever its header says", async () => {
    const input = tmp.path("bomb.xlsx");
    const z = new JSZip();
    await writeBigWorkbook(input, 10);
    const base = await JSZip.loadAsync(readFileSync(input));
    for (const [name, f] of Object.entries(base.files)) if (!f.dir) z.file(name, await f.async("nodebuffer"));
    // 8 MB of XML that deflates to a few kilobytes.
    const filler = " ".repeat(8 * 1024 * 1024);
    z.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${filler}</sheetData></worksheet>`,
    );
    writeFileSync(input, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect(statSync(input).size).toBeLessThan(100_000);
    const lying = tmp.path("bomb-lying.xlsx");
    writeFileSync(lying, declareSize(readFileSync(input), "xl/worksheets/sheet1.xml", 1000));
    for (const path of [input, lying]) {
      const io = bufferIo();
      const error = await runRefresh(path, { limits: { maxPartBytes: 1024 * 1024 } }, io).then(
        () => undefined,
        (e: unknown) => e as { exitCode: number; message: string },
      );
      expect(error?.exitCode).toBe(EXIT.io);
      expect(error?.message).toMatch(
        /is refused: its part xl\/worksheets\/sheet1\.xml expands to more than 1 MB \(a zip bomb, or far larger than any sheet Excel writes\); nothing was changed$/,
      );
    }
  });

  // The small parts (relationships, workbook.xml) are read whole, not streamed: the same guards.
  it("a small part: stopped past the limit, refused with a wrong checksum, read when stored", async () => {
    const input = tmp.path("small-bomb.xlsx");
    await writeBigWorkbook(input, 10);
    const base = await JSZip.loadAsync(readFileSync(input));
    const workbook = await base.file("xl/workbook.xml")?.async("string");
    base.file(
      "xl/workbook.xml",
      (workbook ?? "").replace("</workbook>", `${" ".repeat(4 * 1024 ** 2)}</workbook>`),
    );
    writeFileSync(input, await base.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const lying = tmp.path("small-bomb-lying.xlsx");
    writeFileSync(lying, declareSize(readFileSync(input), "xl/workbook.xml", 1000));
    for (const path of [input, lying]) {
      const error = await runRefresh(path, { limits: { maxPartBytes: 1024 * 1024 } }, bufferIo()).then(
        () => undefined,
        (e: unknown) => e as { exitCode: number; message: string },
      );
      expect(error?.exitCode).toBe(EXIT.io);
      expect(error?.message).toMatch(/is refused: its part xl\/workbook\.xml expands to more than 1 MB/);
    }

    // A checksum that does not match the bytes (central directory and local header agree).
    const bad = tmp.path("small-crc.xlsx");
    await writeBigWorkbook(bad, 10);
    const bytes = readFileSync(bad);
    const name = Buffer.from("xl/workbook.xml");
    for (
      let i = bytes.indexOf("PK\x01\x02", 0, "latin1");
      i >= 0;
      i = bytes.indexOf("PK\x01\x02", i + 4, "latin1")
    ) {
      if (!bytes.subarray(i + 46, i + 46 + bytes.readUInt16LE(i + 28)).equals(name)) continue;
      const crc = (bytes.readUInt32LE(i + 16) ^ 1) >>> 0;
      bytes.writeUInt32LE(crc, i + 16);
      bytes.writeUInt32LE(crc, bytes.readUInt32LE(i + 42) + 14);
    }
    writeFileSync(bad, bytes);
    const r = await iomCli("refresh", bad);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(/is corrupt: its zip package is damaged/);
    expect(readFileSync(bad).equals(bytes)).toBe(true);

    // Every part stored without compression: read as it is.
    const stored = tmp.path("stored.xlsx");
    await writeBigWorkbook(stored, 10);
    const z = await JSZip.loadAsync(readFileSync(stored));
    writeFileSync(stored, await z.generateAsync({ type: "nodebuffer", compression: "STORE" }));
    const ok = await iomCli("refresh", stored, "--out", tmp.path("stored.fresh.xlsx"));
    expect({ code: ok.code, err: ok.err }).toEqual({ code: EXIT.ok, err: "" });
    expect(ok.out).toMatch(/formulas \(10 mentioning IOM\.\*\)/);
  });
});

describe("the scanner and saxes read the same cells", () => {
  it("on every sheet of every workbook made above", async () => {
    let sheets = 0;
    const files = readdirSync(tmp.dir).filter((f) => /\.xls[xm]$/.test(f) && !f.includes(".fresh."));
    for (const file of files) {
      let entries;
      try {
        entries = await readPackage(tmp.path(file));
      } catch {
        continue; // the damaged packages of the bad-input tests
      }
      for (const e of entries) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) continue;
        let ours;
        try {
          ours = scan(e.content).filter((c) => c.address !== "-");
        } catch {
          continue; // the malformed sheet of the bad-input tests (saxes refuses it too)
        }
        sheets++;
        const theirs = cellsOf(e.content);
        const where = `${file} ${e.name}`;
        const mine = ours.map((c) => ({
          at: `${where} ${c.address}`,
          formula: c.formula,
          value: c.value,
          type: c.type,
        }));
        const saxes = [...theirs].map(([a, t]) => ({
          at: `${where} ${a}`,
          formula: t.formula,
          value: t.value,
          type: t.type,
        }));
        expect(mine).toEqual(saxes);
      }
    }
    expect(sheets).toBeGreaterThan(80);
  });
});
