/**
 * Workbooks as LibreOffice saves them: the test writes a flat OpenDocument spreadsheet (.fods:
 * a protected sheet, lowercase-saved formulas referring to shared strings, a merge, a comment,
 * a hyperlink, a validation, a named range) and a CSV with formulas, has LibreOffice convert
 * both to .xlsx in one run, refreshes them, proves every other byte unchanged, and has
 * LibreOffice read the refreshed files back (one more run) to show the new values.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../../src/cli/io";
import { iomCli, tempDir } from "./helpers";
import { addresses, packageDifferences, readCells, xmlValue } from "./support/package-diff";

jest.setTimeout(120_000);

const SOFFICE = "/usr/bin/soffice";
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const describeLo = existsSync(SOFFICE) || process.env.CI ? describe : describe.skip;

function soffice(args: string[], profile: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args],
      { timeout: 110_000 },
      (error, _out, stderr) =>
        error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve(),
    ),
  );
}

const q = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const cell = (formula: string, cached: number | string): string =>
  typeof cached === "number"
    ? `<table:table-cell table:formula="${q(formula)}" office:value-type="float" office:value="${cached}"><text:p>${cached}</text:p></table:table-cell>`
    : `<table:table-cell table:formula="${q(formula)}" office:value-type="string" office:string-value="${q(cached)}"><text:p>${q(cached)}</text:p></table:table-cell>`;

const text = (s: string): string =>
  `<table:table-cell office:value-type="string"><text:p>${q(s)}</text:p></table:table-cell>`;

const FODS = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
<table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-in-list(&quot;P-4&quot;;&quot;P-5&quot;)" table:allow-empty-cell="true" table:base-cell-address="Budget.A1"/></table:content-validations>
<table:table table:name="Budget" table:protected="true">
<table:table-row>
<table:table-cell table:content-validation-name="val1" office:value-type="string"><text:p>P-4</text:p></table:table-cell>
${cell('of:=IOM.STAFF([.A1];"F")', 0)}
${cell('of:=IOM.MOVEMENTS("Kenya")', "#NAME?")}
</table:table-row>
<table:table-row>
<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>merged</text:p><office:annotation><text:p>a user's note</text:p></office:annotation></table:table-cell>
<table:covered-table-cell/>
${cell("of:=SUM(1;2)", 3)}
</table:table-row>
<table:table-row>
${text("P-5")}
${cell('of:=IOM.STAFF([.A3];"M")', 45)}
<table:table-cell office:value-type="string"><text:p><text:a xlink:type="simple" xlink:href="https://www.iom.int/">IOM</text:a></text:p></table:table-cell>
</table:table-row>
</table:table>
<table:table table:name="Other">
<table:table-row>${cell('of:=IOM.FACT("legal.contracts_reviewed")', 1)}${cell('of:=IOM.STAFF([Budget.A3];"F")', 0)}</table:table-row>
</table:table>
<table:named-expressions><table:named-range table:name="grade" table:base-cell-address="$Budget.$A$1" table:cell-range-address="$Budget.$A$1"/></table:named-expressions>
</office:spreadsheet></office:body></office:document>
`;

const CSV = 'Grade,Women,Men\nP-4,=IOM.STAFF(A2;"F"),=iom.staff(A2;"M")\nP-5,=IOM.STAFF(A3;"F"),0\n';

describeLo("workbooks LibreOffice saved", () => {
  const tmp = tempDir("iom-refresh-lo-");
  const made = (name: string): string => tmp.path(`${name}.xlsx`);
  const fresh = (name: string): string => tmp.path(`${name}.fresh.xlsx`);
  const outputs = new Map<string, string>();
  const shown = new Map<string, string[][]>();

  beforeAll(async () => {
    writeFileSync(tmp.path("lo-budget.fods"), FODS);
    writeFileSync(tmp.path("lo-plain.csv"), CSV);
    await soffice(
      ["--convert-to", "xlsx", "--outdir", tmp.dir, tmp.path("lo-budget.fods"), tmp.path("lo-plain.csv")],
      tmp.path("profile"),
    );
    for (const name of ["lo-budget", "lo-plain"]) {
      const r = await iomCli("refresh", made(name), "--out", fresh(name));
      expect({ name, code: r.code, err: r.err }).toEqual({ name, code: EXIT.ok, err: "" });
      outputs.set(name, r.out);
    }
    // LibreOffice reads the refreshed files back: every sheet to CSV, raw values.
    const back = tmp.path("back");
    await soffice(
      ["--convert-to", CSV_FILTER, "--outdir", back, fresh("lo-budget"), fresh("lo-plain")],
      tmp.path("profile"),
    );
    for (const [file, sheet] of [
      ["lo-budget.fresh", "Budget"],
      ["lo-budget.fresh", "Other"],
      ["lo-plain.fresh", "lo-plain"],
    ] as const) {
      const candidates = [join(back, `${file}-${sheet}.csv`), join(back, `${file}.csv`)];
      const path = candidates.find((p) => existsSync(p));
      if (path)
        shown.set(
          `${file}-${sheet}`,
          readFileSync(path, "utf8")
            .trim()
            .split("\n")
            .map((l) => l.split(",")),
        );
    }
  });
  afterAll(() => tmp.cleanup());

  it("refreshes LibreOffice's lowercase formulas on a protected sheet, referring to shared strings", async () => {
    const budget = await readCells(fresh("lo-budget"), "xl/worksheets/sheet1.xml");
    expect(budget.get("B1")).toMatchObject({ formula: 'iom.staff(A1,"F")' });
    expect(xmlValue(budget.get("B1"))).toBe(55);
    expect(xmlValue(budget.get("C1"))).toBe(46200);
    expect(xmlValue(budget.get("B3"))).toBe(45);
    const other = await readCells(fresh("lo-budget"), "xl/worksheets/sheet2.xml");
    expect(xmlValue(other.get("A1"))).toBe(2929);
    expect(xmlValue(other.get("B1"))).toBe(18);
    const plain = await readCells(fresh("lo-plain"), "xl/worksheets/sheet1.xml");
    expect(["B2", "C2", "B3"].map((a) => xmlValue(plain.get(a)))).toEqual([55, 87, 18]);
    expect(xmlValue(plain.get("C3"))).toBe(0);
  });

  it("changes no byte but those values: protection, merge, comment, hyperlink, validation, names stay", async () => {
    expect(
      await packageDifferences(made("lo-budget"), fresh("lo-budget"), {
        "xl/worksheets/sheet1.xml": addresses("B1:C1").concat(["B3"]),
        "xl/worksheets/sheet2.xml": addresses("A1:B1"),
      }),
    ).toEqual([]);
    expect(
      await packageDifferences(made("lo-plain"), fresh("lo-plain"), {
        "xl/worksheets/sheet1.xml": addresses("B2:C3"),
      }),
    ).toEqual([]);
  });

  it("LibreOffice shows the refreshed values", () => {
    const budget = shown.get("lo-budget.fresh-Budget");
    expect(budget?.[0]).toEqual(["P-4", "55", "46200"]);
    expect(shown.get("lo-budget.fresh-Other")?.[0]).toEqual(["2929", "18"]);
  });
});
