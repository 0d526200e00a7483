/**
 * Workbooks the refresh tests make themselves, as users' files would be: built with exceljs, then
 * given (by editing the package's XML) what exceljs can't write — x14 data bars, sparklines,
 * ignored errors, page breaks, full recalculation on load, other protection spellings, giant
 * merges and array ranges, macros.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";

export const formula = (f: string, result?: ExcelJS.CellFormulaValue["result"]): ExcelJS.CellFormulaValue =>
  result === undefined ? { formula: f } : { formula: f, result };

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A 1×1 PNG, for a picture in a sheet. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Edits a package's parts in place: each function gets a part's text and returns the new text. */
export async function editPackage(
  path: string,
  edits: Record<string, (xml: string) => string>,
  add: Record<string, string | Buffer> = {},
  out = path,
): Promise<void> {
  const z = await JSZip.loadAsync(readFileSync(path));
  for (const [part, edit] of Object.entries(edits)) {
    const f = z.file(part);
    if (!f) throw new Error(`no ${part} in ${path}`);
    z.file(part, edit(await f.async("string")));
  }
  for (const [part, data] of Object.entries(add)) z.file(part, data);
  writeFileSync(out, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The part of the sheet named `name` (exceljs numbers them in order). */
export async function sheetPart(path: string, name: string): Promise<string> {
  const z = await JSZip.loadAsync(readFileSync(path));
  const wb = (await z.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await z.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const esc = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/"/g, "&quot;");
  const id = new RegExp(
    `<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`,
  ).exec(wb)?.[1];
  const target = id
    ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)
    : null;
  const t = target?.[1] ?? target?.[2];
  if (!t) throw new Error(`no sheet ${name} in ${path}`);
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
}

/**
 * A user's workbook made from an export: stale numbers in two tables, a live formula inside a
 * table, and a sheet of their own with every spelling of =IOM.* formulas Excel and LibreOffice
 * write, a shared formula, a spilled array, a circular reference, and the rich content a
 * workbook has (styles, validation, conditional format, note, hyperlink, picture, merge, names).
 */
/** Writes the rich workbook to `out`; returns the address of the Table 1 cell it typed over. */
export async function makeRich(exported: string, out: string): Promise<{ table1Cell: string }> {
  const wb = await load(exported);
  const t5 = wb.getWorksheet("T5 Officials by grade");
  const t4 = wb.getWorksheet("T4 Migrants by gender and age");
  if (!t5 || !t4) throw new Error("export lacks Table 4/5");
  t5.getCell("B10").value = 0; // P-4, Headquarters, F: 14 in the report
  t5.getCell("H17").value = 800; // Total: 823
  t4.getCell("B5").value = formula('IOM.MIGRANTS("0-9","F")', 1); // a live cell inside IOM_table4: 20861
  // An undetermined cell of Table 1 (=NA() in the export) typed over with a number.
  const t1 = wb.worksheets.find((w) => w.name.startsWith("T1 "));
  let undetermined: ExcelJS.Cell | undefined;
  t1?.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue | null;
      if (!undetermined && v && typeof v === "object" && "formula" in v && v.formula === "NA()")
        undetermined = c;
    }),
  );
  if (!undetermined) throw new Error("export's Table 1 has no undetermined cell");
  undetermined.value = 7;
  const mine = wb.addWorksheet("Budget", { properties: { tabColor: { argb: "FF00B050" } } });
  mine.getCell("A1").value = "Grade";
  mine.getCell("A1").font = { bold: true, color: { argb: "FF1F4E79" } };
  mine.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  ["P-4", "P-5", "D-2", "UG", "P-3"].forEach((g, i) => (mine.getCell(`A${i + 2}`).value = g));
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
  mine.getCell("B9").value = formula('_xludf.IOM.STAFF("P-5","M")', { error: "#NAME?" }); // 45
  mine.getCell("B10").value = formula('iom.staff("P-4","F")', 55); // lowercase, already right
  mine.getCell("B11").value = formula('IOM.STAFF("D-2","F")', 0); // a cached zero that is right
  mine.getCell("B12").value = formula("IOM.FACT(B12)", 0); // circular: its own cell
  mine.getCell("B13").value = formula("IOM.STAFF(A13,C13)", 1); // blank arguments
  // A shared formula down C2:C6 (men), as Excel stores a filled-down formula.
  mine.getCell("C1").value = "Men";
  mine.getCell("C2").value = {
    formula: 'IOM.STAFF(A2,"M")',
    result: 0,
    shareType: "shared",
    ref: "C2:C6",
  } as ExcelJS.CellValue;
  for (let r = 3; r <= 6; r++) mine.getCell(`C${r}`).value = { sharedFormula: "C2", result: 0 };
  // A spilled IOM.TABLE over E1:G12, with the cells it spilled into, as Excel saves them.
  mine.getCell("E1").value = {
    formula: 'IOM.TABLE("Table 4",FALSE)',
    result: 0,
    shareType: "array",
    ref: "E1:G12",
  } as ExcelJS.CellValue;
  for (let r = 1; r <= 12; r++)
    for (const c of ["E", "F", "G"]) if (!(r === 1 && c === "E")) mine.getCell(`${c}${r}`).value = 0;
  mine.getCell("E1").numFmt = "0.0";
  // A chain: the grades spilled by IOM.LIST (stale: the file says "x"), and formulas reading them.
  mine.getCell("P1").value = {
    formula: 'IOM.LIST("category")',
    result: "x",
    shareType: "array",
    ref: "P1:P3",
  } as ExcelJS.CellValue;
  mine.getCell("P2").value = "x";
  mine.getCell("P3").value = "x";
  for (let r = 1; r <= 3; r++) mine.getCell(`Q${r}`).value = formula(`IOM.STAFF(P${r},"F")`, 0);
  // The same spill, its table named by a cell: evaluated after that cell is read.
  mine.getCell("L20").value = "Table 4";
  mine.getCell("L1").value = {
    formula: "IOM.TABLE(L20,FALSE)",
    result: 0,
    shareType: "array",
    ref: "L1:N12",
  } as ExcelJS.CellValue;
  for (let r = 1; r <= 12; r++)
    for (const c of ["L", "M", "N"]) if (!(r === 1 && c === "L")) mine.getCell(`${c}${r}`).value = 0;
  mine.getCell("A14").value = "Note kept";
  mine.getCell("A14").note = "A user's comment";
  mine.mergeCells("A16:C16");
  mine.getCell("A16").value = "merged";
  mine.getCell("A17").value = { text: "IOM", hyperlink: "https://www.iom.int/" };
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
  mine.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "I2:J4");
  mine.views = [{ state: "frozen", ySplit: 1 }];
  const hidden = wb.addWorksheet("Hidden", { state: "hidden" });
  hidden.getCell("A1").value = 42;
  wb.definedNames.add("Budget!$B$2", "women_p4");
  wb.definedNames.add("'T5 Officials by grade'!$A$5:$H$17", "t5_all");
  await wb.xlsx.writeFile(out);
  return { table1Cell: undetermined.address };
}

/** The Table 4 grid IOM.TABLE("Table 4",FALSE) spills, for checking a refreshed spill. */
export const TABLE4_CORNERS = { first: 20861, last: 444673 };

/**
 * Protected sheets in three spellings: exceljs's (sheet="1" with a SHA-512 hash), LibreOffice's
 * sheet="true", and the legacy 16-bit password="…". One protected sheet holds a stale IOM table.
 */
export async function makeProtected(exported: string, out: string): Promise<void> {
  const wb = await load(exported);
  const t5 = wb.getWorksheet("T5 Officials by grade");
  if (!t5) throw new Error("no Table 5");
  t5.getCell("B10").value = 0;
  // A low spin count: hashing the password 100,000 times (exceljs's default) only slows the test.
  await t5.protect("secret", { selectLockedCells: true, spinCount: 1000 });
  const a = wb.addWorksheet("Hashed");
  a.getCell("A1").value = formula('IOM.STAFF("P-4","F")', { error: "#NAME?" });
  await a.protect("secret", { spinCount: 1000 });
  const b = wb.addWorksheet("TrueSpelling");
  b.getCell("A1").value = formula('IOM.MOVEMENTS("Kenya")', 0);
  const c = wb.addWorksheet("Legacy");
  c.getCell("A1").value = formula('IOM.STAFF("P-5","F")', 0);
  await wb.xlsx.writeFile(out);
  const trueSheet = await sheetPart(out, "TrueSpelling");
  const legacy = await sheetPart(out, "Legacy");
  await editPackage(out, {
    [trueSheet]: (x) =>
      x.replace(
        "</sheetData>",
        '</sheetData><sheetProtection sheet="true" objects="true" scenarios="true"/>',
      ),
    [legacy]: (x) =>
      x.replace("</sheetData>", '</sheetData><sheetProtection password="CC3D" sheet="1" objects="1"/>'),
  });
}

/**
 * Hostile and rich XML exceljs drops: a merge over the whole sheet, an IOM.TABLE array formula
 * whose range is the whole sheet, x14 data bars, sparklines, ignored errors, manual page breaks,
 * a comment and CDATA in the sheet XML, fullCalcOnLoad, an empty docProps/custom.xml and a chart.
 */
export async function makeHostile(out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Wide");
  ws.getCell("A1").value = formula('IOM.TABLE("Table 4",FALSE)', 0);
  ws.getCell("B1").value = 7;
  ws.getCell("A2").value = 1;
  ws.getCell("A20").value = formula('IOM.STAFF("P-4","F")', 1);
  ws.getCell("C20").value = 5;
  ws.addConditionalFormatting({
    ref: "C20:C30",
    rules: [
      {
        type: "dataBar",
        priority: 1,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: "FF638EC6" },
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
  await wb.xlsx.writeFile(out);
  const part = await sheetPart(out, "Wide");
  const x14 =
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Wide!A2:A10</xm:f><xm:sqref>D20</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>' +
    '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>C20:C30</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
  await editPackage(
    out,
    {
      [part]: (x) =>
        x
          // The whole sheet as an array range, with the formula as Excel writes an unknown function.
          .replace(
            /<f>IOM\.TABLE\(([^<]*)\)<\/f>/,
            '<f t="array" ref="A1:XFD1048576">_xludf.IOM.TABLE($1)</f>',
          )
          .replace("<sheetData>", '<sheetData><!-- a comment <c r="Z9"><v>1</v></c> -->')
          .replace(/<f>IOM\.STAFF\(([^<]*)\)<\/f>/, "<f><![CDATA[IOM.STAFF(]]>$1)</f>")
          .replace(
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
          )
          .replace(
            /(<pageMargins[^>]*\/>)/,
            '$1<rowBreaks count="1" manualBreakCount="1"><brk id="10" max="16383" man="1"/></rowBreaks>',
          )
          .replace(
            "</worksheet>",
            `<ignoredErrors><ignoredError sqref="A1:C30" numberStoredAsText="1"/></ignoredErrors>${x14}</worksheet>`,
          ),
      "xl/workbook.xml": (x) => x.replace(/<calcPr([^>]*)\/>/, '<calcPr$1 fullCalcOnLoad="1"/>'),
    },
    // An empty custom properties part, as LibreOffice writes one, and a chart exceljs would drop.
    {
      "docProps/custom.xml": "",
      "xl/charts/chart1.xml":
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>',
    },
  );
}

/** A macro-enabled workbook (.xlsm): its workbook part typed as such, with a VBA project. */
export async function makeMacro(out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Macro");
  ws.getCell("A1").value = formula('IOM.STAFF("P-4","M")', { error: "#NAME?" });
  const tmp = `${out}.xlsx`;
  await wb.xlsx.writeFile(tmp);
  await editPackage(
    tmp,
    {
      "[Content_Types].xml": (x) =>
        x
          .replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
          )
          .replace(
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
          ),
      "xl/_rels/workbook.xml.rels": (x) =>
        x.replace(
          "</Relationships>",
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
    },
    { "xl/vbaProject.bin": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)) },
    out,
  );
}
