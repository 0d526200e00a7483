/**
 * The chart parts the export writes: well-formed XML whose elements come in the order the
 * ECMA-376 schema (dml-chart.xsd, sml.xsd, dml-spreadsheetDrawing.xsd) requires, with what each
 * chart template's plan asks for; added to a package so that its references hold, exceljs still
 * reads it, and every chart's formulas point at the cells whose values it caches.
 */
import ExcelJS from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { addCharts, withDrawingElement, type SheetChart } from "../../src/cli/xlsx/charts/add-charts";
import { chartDataOf } from "../../src/cli/xlsx/charts/placement";
import { chartXml, type ChartData } from "../../src/cli/xlsx/charts/chart-xml";
import { drawingXml } from "../../src/cli/xlsx/charts/drawing-xml";
import { EXIT } from "../../src/cli/io";
import { iom } from "../../src/core";
import { chartBlock, chartsOf } from "../../src/sheets/chart-block";
import { iomCli, tempDir } from "./helpers";

jest.setTimeout(60_000);

/** The schema's EG_AxShared group: the children every axis starts with, in this order. */
const AX_SHARED = [
  "c:axId",
  "c:scaling",
  "c:delete",
  "c:axPos",
  "c:majorGridlines",
  "c:minorGridlines",
  "c:title",
  "c:numFmt",
  "c:majorTickMark",
  "c:minorTickMark",
  "c:tickLblPos",
  "c:spPr",
  "c:txPr",
  "c:crossAx",
  "c:crosses|c:crossesAt",
];

/**
 * Children each element may have, in schema order (transcribed from the ECMA-376 schemas; only the
 * elements these parts use). A child outside its list, or out of order, fails.
 */
const ORDER: Record<string, string[]> = {
  "c:chartSpace": [
    "c:date1904",
    "c:lang",
    "c:roundedCorners",
    "c:style",
    "c:clrMapOvr",
    "c:pivotSource",
    "c:protection",
    "c:chart",
    "c:spPr",
    "c:txPr",
    "c:externalData",
    "c:printSettings",
    "c:userShapes",
    "c:extLst",
  ],
  "c:chart": [
    "c:title",
    "c:autoTitleDeleted",
    "c:pivotFmts",
    "c:view3D",
    "c:floor",
    "c:sideWall",
    "c:backWall",
    "c:plotArea",
    "c:legend",
    "c:plotVisOnly",
    "c:dispBlanksAs",
    "c:showDLblsOverMax",
    "c:extLst",
  ],
  "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:plotArea": ["c:layout", "c:barChart|c:pieChart", "c:catAx|c:valAx", "c:dTable", "c:spPr", "c:extLst"],
  "c:barChart": [
    "c:barDir",
    "c:grouping",
    "c:varyColors",
    "c:ser",
    "c:dLbls",
    "c:gapWidth",
    "c:overlap",
    "c:serLines",
    "c:axId",
    "c:extLst",
  ],
  "c:pieChart": ["c:varyColors", "c:ser", "c:dLbls", "c:firstSliceAng", "c:extLst"],
  // CT_BarSer and CT_PieSer share the head; a bar series has invertIfNegative, a pie series none.
  "c:ser": [
    "c:idx",
    "c:order",
    "c:tx",
    "c:spPr",
    "c:invertIfNegative",
    "c:pictureOptions",
    "c:explosion",
    "c:dPt",
    "c:dLbls",
    "c:trendline",
    "c:errBars",
    "c:cat",
    "c:val",
    "c:shape",
    "c:extLst",
  ],
  "c:dPt": [
    "c:idx",
    "c:invertIfNegative",
    "c:marker",
    "c:bubble3D",
    "c:explosion",
    "c:spPr",
    "c:pictureOptions",
    "c:extLst",
  ],
  "c:dLbls": [
    "c:dLbl",
    "c:delete",
    "c:numFmt",
    "c:spPr",
    "c:txPr",
    "c:dLblPos",
    "c:showLegendKey",
    "c:showVal",
    "c:showCatName",
    "c:showSerName",
    "c:showPercent",
    "c:showBubbleSize",
    "c:separator",
    "c:showLeaderLines",
    "c:leaderLines",
    "c:extLst",
  ],
  "c:dLbl": ["c:idx", "c:delete", "c:extLst"],
  "c:catAx": [
    ...AX_SHARED,
    "c:auto",
    "c:lblAlgn",
    "c:lblOffset",
    "c:tickLblSkip",
    "c:tickMarkSkip",
    "c:noMultiLvlLbl",
    "c:extLst",
  ],
  "c:valAx": [...AX_SHARED, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:strRef": ["c:f", "c:strCache", "c:extLst"],
  "c:numRef": ["c:f", "c:numCache", "c:extLst"],
  "c:strCache": ["c:ptCount", "c:pt", "c:extLst"],
  "c:numCache": ["c:formatCode", "c:ptCount", "c:pt", "c:extLst"],
  "a:p": ["a:pPr", "a:r", "a:endParaRPr"],
  "a:r": ["a:rPr", "a:t"],
  "a:defRPr": ["a:ln", "a:noFill|a:solidFill", "a:effectLst", "a:latin"],
  "a:rPr": ["a:ln", "a:noFill|a:solidFill", "a:effectLst", "a:latin"],
  "c:rich": ["a:bodyPr", "a:lstStyle", "a:p"],
  "c:txPr": ["a:bodyPr", "a:lstStyle", "a:p"],
  "xdr:twoCellAnchor": ["xdr:from", "xdr:to", "xdr:graphicFrame", "xdr:clientData"],
  "xdr:from": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
  "xdr:to": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
  "xdr:graphicFrame": ["xdr:nvGraphicFramePr", "xdr:xfrm", "a:graphic"],
  worksheet: [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
  ],
};

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" });
const nameOf = (n: Node): string => Object.keys(n).find((k) => k !== ":@" && k !== "#text") ?? "#text";
const childrenOf = (n: Node): Node[] => {
  const kids = n[nameOf(n)];
  return Array.isArray(kids) ? (kids as Node[]) : [];
};
const attrsOf = (n: Node): Record<string, string> => (n[":@"] as Record<string, string> | undefined) ?? {};

/** Every place where an element's children break its schema order, as "parent: child after previous". */
function orderProblems(xml: string): string[] {
  const problems: string[] = [];
  const walk = (n: Node): void => {
    const name = nameOf(n);
    const order = ORDER[name];
    const kids = childrenOf(n).filter((k) => nameOf(k) !== "#text" && !nameOf(k).startsWith("?"));
    if (order) {
      let at = 0;
      for (const k of kids) {
        const i = order.findIndex((slot, j) => j >= at && slot.split("|").includes(nameOf(k)));
        if (i < 0)
          problems.push(`${name}: ${nameOf(k)} is not allowed here (after ${order[at - 1] ?? "start"})`);
        else at = i;
      }
    }
    kids.forEach(walk);
  };
  (parser.parse(xml) as Node[]).forEach(walk);
  return problems;
}

/** All elements of a name, depth first. */
function find(xml: string, name: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (nameOf(n) === name) out.push(n);
    childrenOf(n).forEach(walk);
  };
  (parser.parse(xml) as Node[]).forEach(walk);
  return out;
}
const unescape = (s: string): string =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "",
  );
const valsOf = (xml: string, name: string): string[] => find(xml, name).map((n) => attrsOf(n).val ?? "");
const textOf = (n: Node): string =>
  childrenOf(n)
    .map((k) => (nameOf(k) === "#text" ? String(k["#text"]) : textOf(k)))
    .join("");

const core = iom();
const CHARTS = chartsOf(core);
const plans = CHARTS.map((def, n) => {
  const block = chartBlock(def, "static", "en", core);
  return { def, block, data: chartDataOf(block, `Chart ${n + 1}`) };
});
const planOf = (id: string): (typeof plans)[number] => {
  const p = plans.find((x) => x.def.id === id);
  if (!p) throw new Error(`no chart ${id}`);
  return p;
};

describe("chart XML", () => {
  it.each(plans.map((p) => [p.def.id, p]))("%s is well-formed and in schema order", (_, p) => {
    const xml = chartXml(p.data);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(orderProblems(xml)).toEqual([]);
    // Title, series names, categories and values as the block holds them.
    expect(textOf(find(xml, "c:title")[0] ?? {})).toBe(p.def.title.en);
    expect(find(xml, "c:ser")).toHaveLength(p.data.series.length);
    expect(find(xml, "c:numCache")).toHaveLength(p.data.series.length);
  });

  it("writes every template's type, grouping, labels and axes as its plan says", () => {
    for (const { def, data } of plans) {
      const xml = chartXml(data);
      const spec = data.spec;
      if (spec.type === "Pie") {
        expect(find(xml, "c:pieChart")).toHaveLength(1);
        expect(find(xml, "c:catAx")).toHaveLength(0);
        // One colour per slice.
        expect(find(xml, "c:dPt")).toHaveLength(data.categories.length);
        continue;
      }
      expect(valsOf(xml, "c:barDir")).toEqual([spec.type.startsWith("Bar") ? "bar" : "col"]);
      const stacked = spec.type.endsWith("Stacked");
      expect(valsOf(xml, "c:grouping")).toEqual([stacked ? "stacked" : "clustered"]);
      if (stacked) expect(valsOf(xml, "c:overlap")).toEqual(["100"]);
      expect(valsOf(xml, "c:orientation")[0]).toBe(spec.reverseCategories ? "maxMin" : "minMax");
      // Axis titles: the category axis's first, then the value axis's.
      const titles = find(xml, "c:title").map(textOf);
      expect(titles).toEqual([def.title.en, def.categories.en, def.values.en]);
      expect(find(xml, "c:legend")).toHaveLength(spec.legend === "None" ? 0 : 1);
      expect(valsOf(xml, "c:showVal").every((v) => v === "1")).toBe(true);
      expect(valsOf(xml, "c:invertIfNegative").every((v) => v === "0")).toBe(true);
    }
  });

  it("draws the pyramid's bars on one line and hides the men's minus sign", () => {
    const { data } = planOf("chart_migrants_pyramid");
    expect(data.series[0]?.values[0]).toBe(-25079);
    const xml = chartXml(data);
    expect(valsOf(xml, "c:overlap")).toEqual(["100"]);
    expect(valsOf(xml, "c:gapWidth")).toEqual(["10"]);
    const formats = find(xml, "c:numFmt").map((n) => attrsOf(n).formatCode);
    // Both series' labels and the value axis.
    expect(formats).toEqual(["#,##0;#,##0", "#,##0;#,##0", "#,##0;#,##0"]);
    expect(valsOf(xml, "c:tickLblPos")[0]).toBe("low");
  });

  it("keeps the value axis at the bottom when the largest bar is on top", () => {
    const xml = chartXml(planOf("chart_top15_destinations").data);
    expect(valsOf(xml, "c:orientation")).toEqual(["maxMin", "minMax"]);
    expect(valsOf(xml, "c:crosses")).toEqual(["autoZero", "max"]);
  });

  it("caches values and leaves a gap for a missing one; leaves tiny stacked segments unlabelled", () => {
    const base = planOf("chart_officials_by_grade_gender").data;
    const data: ChartData = {
      ...base,
      series: base.series.map((s, i) => (i === 0 ? { ...s, values: [null, ...s.values.slice(1)] } : s)),
    };
    const xml = chartXml(data);
    // ptCount stays the category count; the missing point has no c:pt.
    expect(valsOf(xml, "c:ptCount")).toContain(String(base.categories.length));
    const idx = [...xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<c:pt idx="(\d+)"/g)].map((x) => Number(x[1])),
    );
    expect(idx[0]).not.toContain(0);
    expect(idx[1]).toContain(0);
    // E-1: 0 women and 1 man, under 3% of the largest stack (P-3, 221): no labels.
    const deleted = [...xml.matchAll(/<c:dLbl><c:idx val="(\d+)"\/><c:delete val="1"\/><\/c:dLbl>/g)].map(
      (m) => m[1],
    );
    expect(deleted).toContain("1");
    expect(() =>
      chartXml({ ...base, series: [{ ...(base.series[0] as ChartData["series"][number]), values: [1] }] }),
    ).toThrow(/has 1 values for 12 categories/);
  });

  it("anchors each chart in a well-formed drawing", () => {
    const xml = drawingXml([
      { from: { row: 0, col: 4 }, to: { row: 20, col: 12 }, relId: "rId1", name: "IOM_x_chart" },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(orderProblems(xml)).toEqual([]);
    expect(xml).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>");
    expect(xml).toContain('r:id="rId1"');
  });
});

describe("the <drawing> element's place in a worksheet", () => {
  const sheet = (middle: string): string =>
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${middle}</worksheet>`;
  it.each([
    [
      "before tableParts",
      '<pageMargins left="0.7"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
    ],
    ["before the notes' legacyDrawing", '<pageSetup/><legacyDrawing r:id="rId3"/><tableParts count="0"/>'],
    [
      "after conditional formats with their own extLst",
      "<conditionalFormatting><cfRule><extLst/></cfRule></conditionalFormatting><pageMargins/>",
    ],
    ["at the end", "<pageMargins/><headerFooter/>"],
  ])("%s", (_, middle) => {
    const xml = withDrawingElement(sheet(middle), "rId9");
    expect(orderProblems(xml)).toEqual([]);
    expect(xml).toContain('<drawing r:id="rId9"/>');
    expect(xml).toMatch(
      /<worksheet xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships"/,
    );
  });
  it("refuses a sheet that already has a drawing", () => {
    expect(() => withDrawingElement(sheet('<drawing r:id="rId1"/>'), "rId2")).toThrow(
      /already has a drawing/,
    );
  });
});

describe("addCharts", () => {
  const tmp = tempDir("iom-charts-");
  afterAll(() => tmp.cleanup());

  /** A workbook with a table and a note (so a legacyDrawing and a table part precede and follow). */
  async function small(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Other").getCell("A1").value = "x";
    const ws = wb.addWorksheet("Data's sheet");
    ws.addTable({
      name: "T",
      ref: "A1",
      columns: [{ name: "Year" }, { name: "Value" }],
      rows: [
        ["2010", 1],
        ["2011", 2],
      ],
    });
    ws.getCell("D1").note = "a note";
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const chart = (sheet: string): SheetChart => ({
    sheet,
    name: "T_chart",
    from: { row: 0, col: 3 },
    to: { row: 15, col: 10 },
    chart: {
      spec: { type: "ColumnClustered", title: "Values", dataLabels: true, legend: "None" },
      categoriesRef: `'${sheet.replace(/'/g, "''")}'!$A$2:$A$3`,
      categories: ["2010", "2011"],
      series: [
        {
          nameRef: `'Data''s sheet'!$B$1`,
          name: "Value",
          valuesRef: `'Data''s sheet'!$B$2:$B$3`,
          values: [1, 2],
          format: "0",
        },
      ],
    },
  });

  it("adds the parts, relationships and content types, and exceljs still reads the workbook", async () => {
    const out = await addCharts(await small(), [chart("Data's sheet")]);
    const zip = await JSZip.loadAsync(out);
    const part = async (p: string): Promise<string> => {
      const f = zip.file(p);
      if (!f) throw new Error(`no ${p}`);
      return f.async("string");
    };
    const types = await part("[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    const sheet = await part("xl/worksheets/sheet2.xml");
    // exceljs itself writes the note's legacyDrawing after tableParts (out of schema order); the
    // drawing goes before both, where CT_Worksheet wants it.
    expect(orderProblems(sheet)).toEqual([
      "worksheet: legacyDrawing is not allowed here (after webPublishItems)",
    ]);
    expect(sheet.indexOf("<drawing ")).toBeGreaterThan(sheet.indexOf("<pageSetup"));
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<legacyDrawing"));
    const drawingRel = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
    const rels = await part("xl/worksheets/_rels/sheet2.xml.rels");
    expect(rels).toContain(
      `Id="${drawingRel ?? "?"}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    // The note's own relationships are still there, with distinct ids.
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await part("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/worksheets/sheet2.xml"])
      expect(XMLValidator.validate(await part(p))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Data's sheet")?.getCell("B3").value).toBe(2);
  });

  it("says which sheet is missing", async () => {
    await expect(addCharts(await small(), [chart("Nope")])).rejects.toThrow(/no sheet named "Nope"/);
  });

  it("in the export: 14 charts whose formulas point at the cells holding their cached values", async () => {
    const path = tmp.path("export.xlsx");
    expect((await iomCli("export", "--format", "xlsx", "--out", path)).code).toBe(EXIT.ok);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(CHARTS.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const valueAt = (ref: string): ExcelJS.CellValue[] => {
      const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
      if (!m) throw new Error(`not a reference: ${ref}`);
      const ws = wb.getWorksheet((m[1] ?? "").replace(/''/g, "'"));
      if (!ws) throw new Error(`no sheet in ${ref}`);
      const out: ExcelJS.CellValue[] = [];
      for (let r = Number(m[3]); r <= Number(m[5] ?? m[3]); r++)
        out.push(ws.getCell(`${m[2] ?? ""}${r}`).value);
      return out;
    };
    const seen = new Set<string>();
    for (const f of charts) {
      const xml = await (zip.file(f) as JSZip.JSZipObject).async("string");
      expect(orderProblems(xml)).toEqual([]);
      seen.add(textOf(find(xml, "c:title")[0] ?? {}));
      // Each <c:f> is followed by its cache: compare them cell by cell.
      for (const m of xml.matchAll(/<c:f>([^<]+)<\/c:f><c:(str|num)Cache>([\s\S]*?)<\/c:\2Cache>/g)) {
        const ref = unescape(m[1] ?? "");
        const cached = new Map(
          [...(m[3] ?? "").matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((p) => [
            Number(p[1]),
            unescape(p[2] ?? ""),
          ]),
        );
        const cells = valueAt(ref);
        cells.forEach((v, i) => {
          const text = typeof v === "number" || typeof v === "string" ? String(v) : undefined;
          expect({ ref, i, cached: cached.get(i) }).toEqual({ ref, i, cached: text });
        });
      }
    }
    expect([...seen].sort()).toEqual(CHARTS.map((d) => d.title.en).sort());
    // The refresh path: refresh finds an up-to-date workbook, the charts' data tables included.
    const r = await iomCli("refresh", path, "--dry-run");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("'Chart age pyramid' IOM_chart_migrants_pyramid: up to date");
    expect(r.out).not.toMatch(/IOM_\w+: skipped/);
  });
});
