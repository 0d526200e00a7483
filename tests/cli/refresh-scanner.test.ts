/**
 * The sheet scanner the refresh splices by: the XML it must read as XML defines it (prefixes,
 * quotes holding ">", comments and CDATA hiding markup, entities, inline strings, implicit
 * addresses, any chunk boundary) and what it must refuse; a prefixed (x:) sheet refreshed end to
 * end. (refresh.test.ts checks it reads the same cells as saxes on every corpus workbook.)
 */
import { EXIT } from "../../src/cli/io";
import { XmlSyntaxError } from "../../src/cli/refresh/xml-text";
import { SheetScanner } from "../../src/cli/refresh/sheet-scanner";
import { writeOneSheetWorkbook } from "../support/big-workbook";
import { iomCli, tempDir } from "./helpers";
import { scan, type Seen } from "./support/scan-cells";
import { ReaderState, relativeKey } from "../../src/cli/refresh/sheet-reader";
import { Targets, ValueTable } from "../../src/cli/refresh/targets";
import { packageDifferences, readCells, readPackage, xmlValue } from "./support/package-diff";

jest.setTimeout(60_000);

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const TRICKY = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet ${NS} xmlns:x14ac="urn:x14ac"><sheetPr codeName="a&gt;b"/><!-- <sheetData><row r="9"><c r="Z9"/></row></sheetData> -->
<sheetData>
<row r="2" x14ac:dyDescent='0.25' ><c r = "B2" t = 'str' ><f>IOM.STAFF("P-4","F")</f><v>Côte d&apos;Ivoire &amp; Mali</v></c>
<c r="C2" s="3" t="inlineStr"><is><r><t>Ken</t></r><r><rPr><b/></rPr><t xml:space="preserve">ya </t></r><rPh sb="0" eb="1"><t>ケ</t></rPh></is></c><?pi <c r="Q2"/> ?>
<c r="D2"><f><![CDATA[IOM.MOVEMENTS("<Kenya>")]]></f><v>&#x34;&#54;200</v></c><c r="E2" t="e"/><c><v/></c><c r="H2" attr="a>b"><v>1</v></c><c r="I2" s="1" x14ac:a="2" t="e"><f>IOM.STAFF("P-4","F")</f><v>#N/A</v></c></row>
<row><c><f t="shared" ref="A3:A4" si="0">IOM.STAFF(B3,"M")</f><v>2</v></c></row>
<row r="4"><c r="A4"><f t="shared" si="0"/><v>3</v></c></row>
<row r="5"/>
</sheetData><sheetProtection sheet="true" objects="true"/></worksheet>`;

const TRICKY_CELLS: Seen[] = [
  {
    address: "B2",
    type: "str",
    formula: 'IOM.STAFF("P-4","F")',
    formulaType: "normal",
    value: "Côte d'Ivoire & Mali",
  },
  { address: "C2", type: "inlineStr", inline: "Kenya " },
  { address: "D2", formula: 'IOM.MOVEMENTS("<Kenya>")', formulaType: "normal", value: "46200" },
  { address: "E2", type: "e" },
  { address: "F2", value: "" },
  { address: "H2", value: "1" },
  { address: "I2", type: "e", formula: 'IOM.STAFF("P-4","F")', formulaType: "normal", value: "#N/A" },
  { address: "A3", formula: 'IOM.STAFF(B3,"M")', formulaType: "shared", value: "2" },
  { address: "A4", formula: "", formulaType: "shared", value: "3" },
  { address: "-", protected: true },
];

describe("the sheet scanner", () => {
  it("reads XML as XML defines it, whatever the chunk boundaries", () => {
    expect(scan(TRICKY)).toEqual(TRICKY_CELLS);
    const bytes = Buffer.from(TRICKY);
    for (let chunk = 1; chunk <= 64; chunk++)
      expect({ chunk, cells: scan(bytes, chunk) }).toEqual({ chunk, cells: TRICKY_CELLS });
  });

  it("reads prefixed elements", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="e"><x:f>IOM.STAFF("P-4","F")</x:f><x:v>#NAME?</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(scan(xml)).toEqual([
      { address: "A1", type: "e", formula: 'IOM.STAFF("P-4","F")', formulaType: "normal", value: "#NAME?" },
    ]);
  });

  it("reads a plainly written number without its text, exactly as Number() does, and leaves the rest to the text", () => {
    const numbers = (vs: string[]): number[] => {
      const rows = vs.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${v}</v></c></row>`);
      const out: number[] = [];
      const s = new SheetScanner({ cell: (c) => void out.push(c.number) });
      s.write(Buffer.from(`<worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`));
      s.end();
      return out;
    };
    const plain = ["0", "-0", "7", "-12", "12.5", "0.1", "0.30", ".5", "-.25", "3.14159265358979"];
    plain.push("123456789012345", "0.00000000000001", "999999999999999", "00042");
    expect(numbers(plain).map((n, i) => Object.is(n, Number(plain[i])))).toEqual(plain.map(() => true));
    const text = ["", "-", ".", "5.", "1e3", "1E-3", " 7", "7 ", "+7", "1,5", "--1", "1.2.3", "#N/A"];
    text.push("1234567890123456", "0.1234567890123456", "&#55;", "0x1F", "Infinity");
    expect(numbers(text).filter((n) => !Number.isNaN(n))).toEqual([]);
    // Many doubles written as JavaScript (and Excel) write them: each read as Number() reads it.
    const doubles = Array.from({ length: 5000 }, (_, i) =>
      String((((i * 7919) % 1000003) - 5e5) / 10 ** (i % 12)),
    );
    const read = numbers(doubles);
    expect(read.filter((n, i) => !Number.isNaN(n) && !Object.is(n, Number(doubles[i])))).toEqual([]);
    expect(read.filter((n) => !Number.isNaN(n)).length).toBeGreaterThan(4000);
  });

  it("refuses what is not well-formed, or not what a workbook may hold", () => {
    const bad: [string, RegExp][] = [
      [`<!DOCTYPE x [<!ENTITY a "b">]><worksheet ${NS}/>`, /document type declaration/],
      [
        `<worksheet ${NS}><sheetData><row r="1"></sheetData></worksheet>`,
        /<\/sheetData> where <\/row> was expected/,
      ],
      [`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c>`, /ends inside <row>/],
      [
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>&nbsp;</v></c></row></sheetData></worksheet>`,
        /unknown entity/,
      ],
      [`<worksheet ${NS}><sheetData><row r="2"/><row r="1"/></sheetData></worksheet>`, /row 1 out of order/],
      [
        `<worksheet ${NS}><sheetData><row r="1"><c r="B1"/><c r="A1"/></row></sheetData></worksheet>`,
        /cell A1 out of order/,
      ],
      [
        `<worksheet ${NS}><sheetData><row r="1"><c r="A2"/></row></sheetData></worksheet>`,
        /cell A2 inside row 1/,
      ],
      [
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t=e/></row></sheetData></worksheet>`,
        /without quotes/,
      ],
    ];
    for (const [xml] of bad) expect(() => scan(xml)).toThrow(XmlSyntaxError);
    for (const [xml, why] of bad) expect(() => scan(xml)).toThrow(why);
  });
});

describe("formula templates", () => {
  it("are one for a column of formulas copied down, and apart for a formula that differs", () => {
    const state = new ReaderState(new Targets(new ValueTable()));
    const id = (raw: string, row: number): number =>
      state.template({ raw, type: "normal", ref: undefined, si: undefined }, row, 2);
    const refRow = (t: number): number | undefined => {
      const a = state.templates[t]?.args[0];
      return a && "ref" in a ? a.ref.row : undefined;
    };
    const first = id("IOM.STAFF(A2,&quot;F&quot;)", 2);
    expect(id("IOM.STAFF(A3,&quot;F&quot;)", 3)).toBe(first);
    expect(id("IOM.STAFF(A10,&quot;F&quot;)", 10)).toBe(first);
    // Two rows down from its cell, another text, an absolute row: other templates.
    const ahead = id("IOM.STAFF(A13,&quot;F&quot;)", 11);
    expect(ahead).not.toBe(first);
    expect(refRow(ahead)).toBe(2);
    expect(id("IOM.STAFF(A12,&quot;M&quot;)", 12)).not.toBe(first);
    const fixed = id("IOM.STAFF(A$2,&quot;F&quot;)", 13);
    expect(fixed).not.toBe(first);
    expect(id("IOM.STAFF(A$2,&quot;F&quot;)", 14)).toBe(fixed);
    expect(id("IOM.STAFF(A15,&quot;F&quot;)", 15)).toBe(first);
  });
});

describe("formula keys", () => {
  it("are equal for a formula copied down or across, and differ for anything else", () => {
    const k = relativeKey;
    expect(k('IOM.STAFF(A2,"F")', 2, 2)).toBe(k('IOM.STAFF(A3,"F")', 3, 2));
    expect(k('IOM.STAFF(B2,"F")', 2, 3)).toBe(k('IOM.STAFF(A2,"F")', 2, 2));
    expect(k('IOM.STAFF($A$2,"F")', 2, 2)).not.toBe(k('IOM.STAFF($A$2,"F")', 3, 2).replace("R2", "R3"));
    expect(k("IOM.STAFF($A2,B$1)", 2, 2)).toBe(k("IOM.STAFF($A3,C$1)", 3, 3));
    // Text in quotes is no reference, "" included; nor are names and function calls.
    expect(k('IOM.FACT("A2")', 2, 2)).not.toBe(k('IOM.FACT("A3")', 3, 2));
    expect(k('IOM.FACT("say ""A2""")', 2, 2)).toBe('IOM.FACT("say ""A2""")');
    expect(k("LOG10(A2)", 2, 2)).toBe("LOG10(C[-1]R[0])");
    expect(k("IOM.STAFF(Sheet1!A2,x_A2)", 2, 2)).toBe("IOM.STAFF(Sheet1!C[-1]R[0],x_A2)");
    // The text as the XML holds it: &quot; quotes, entities copied whole.
    const e = (text: string, row: number, col: number): string => relativeKey(text, row, col, true);
    expect(e("IOM.STAFF(A2,&quot;F&quot;)", 2, 2)).toBe(e("IOM.STAFF(A3,&quot;F&quot;)", 3, 2));
    expect(e("IOM.FACT(&quot;A2&quot;)", 2, 2)).not.toBe(e("IOM.FACT(&quot;A3&quot;)", 3, 2));
    expect(e("IOM.FACT(&quot;say &quot;&quot;A2&quot;&quot;&quot;)", 2, 2)).toBe(
      "IOM.FACT(&quot;say &quot;&quot;A2&quot;&quot;&quot;)",
    );
    expect(e("IOM.STAFF(A2&amp;B2)", 2, 2)).toBe("IOM.STAFF(C[-1]R[0]&amp;C[0]R[0])");
  });
});

describe("a refresh of a prefixed sheet", () => {
  const tmp = tempDir("iom-scanner-");
  afterAll(() => tmp.cleanup());

  it("a sheet in a prefixed namespace is refreshed with the same prefix", async () => {
    const path = tmp.path("prefixed.xlsx");
    await writeOneSheetWorkbook(
      path,
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="e"><x:f>IOM.STAFF("P-4","F")</x:f><x:v>#NAME?</x:v></x:c><x:c r="B1"><x:f>IOM.MOVEMENTS("Kenya")</x:f></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    const out = tmp.path("prefixed.fresh.xlsx");
    expect((await iomCli("refresh", path, "--out", out)).code).toBe(EXIT.ok);
    const sheet = (await readPackage(out)).find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(sheet?.content.toString()).toContain(
      '<x:c r="A1" t="n"><x:f>IOM.STAFF("P-4","F")</x:f><x:v>55</x:v></x:c><x:c r="B1"><x:f>IOM.MOVEMENTS("Kenya")</x:f><x:v>46200</x:v></x:c>',
    );
    expect(await packageDifferences(path, out, { "xl/worksheets/sheet1.xml": ["A1", "B1"] })).toEqual([]);
    const cells = await readCells(out, "xl/worksheets/sheet1.xml");
    expect(xmlValue(cells.get("A1"))).toBe(55);
  });
});
