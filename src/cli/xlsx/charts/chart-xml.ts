/**
 * One chart part (xl/charts/chartN.xml) from a chart template's plan: DrawingML chart markup for
 * clustered and stacked columns and bars and for pies, with the title, axis titles, data labels,
 * legend and number formats the plan asks for. Every series refers to its cells by formula and
 * carries a cache of their current values, so the chart draws before anything is recalculated.
 * Element order follows the ECMA-376 schema (dml-chart.xsd); tests check it.
 */
import type { ChartSpec } from "../../../taskpane/plans/block";

/** What a series plots: its name cell and its value cells, by reference and as they are now. */
export interface SeriesData {
  /** Absolute reference of the name cell, with its sheet: 'Chart 1'!$B$3. */
  nameRef: string;
  name: string;
  /** Absolute reference of the value cells: 'Chart 1'!$B$4:$B$8. */
  valuesRef: string;
  /** One per category; null where the cell holds no number (#N/A): the chart leaves a gap. */
  values: (number | null)[];
  /** Number format of the value cells. */
  format: string;
}

export interface ChartData {
  /** The template's plan (its data and position rectangles are the caller's business). */
  spec: Omit<ChartSpec, "data" | "position">;
  categoriesRef: string;
  categories: string[];
  series: SeriesData[];
}

/** Typeface of every chart text, the workbook's body font. */
export const CHART_FONT = "Calibri";

/**
 * Series fills, in order: Excel's default Office palette, written out so every application draws
 * the same colours (and a test can find them in a rendering).
 */
export const SERIES_COLORS = [
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "264478",
  "9E480E",
  "636363",
  "997300",
] as const;

const TEXT_COLOR = "404040";
const LINE_COLOR = "D9D9D9";

export const colorOf = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length] ?? "4472C4";

/** Relative luminance (sRGB weights) under one half: white text reads better on it. */
function isDark(rgb: string): boolean {
  const [r, g, b] = [0, 2, 4].map((k) => parseInt(rgb.slice(k, k + 2), 16) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 0.5;
}

/** Text and attribute values escaped for XML. */
export const xmlText = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);

const val = (name: string, v: string | number): string => `<c:${name} val="${xmlText(String(v))}"/>`;

const solid = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

interface TextStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  /** RGB hex; dark grey when absent. */
  color?: string;
  /** Rotated a quarter turn (a vertical axis's title). */
  vertical?: boolean;
}

/** a:defRPr or a:rPr (CT_TextCharacterProperties: fill before latin). */
const runProps = (tag: "defRPr" | "rPr", t: TextStyle): string =>
  `<a:${tag}${tag === "rPr" ? ' lang="en-US"' : ""} sz="${Math.round(t.size * 100)}" b="${t.bold ? 1 : 0}">` +
  `${solid(t.color ?? TEXT_COLOR)}<a:latin typeface="${CHART_FONT}"/></a:${tag}>`;

const bodyPr = (t: TextStyle): string =>
  t.vertical ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";

/** c:txPr: how the texts of an element (labels, legend, tick labels) look. */
const textProps = (t: TextStyle): string =>
  `<c:txPr>${bodyPr(t)}<a:lstStyle/><a:p><a:pPr>${runProps("defRPr", t)}</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

/** c:title with its own text (CT_Title: tx, layout, overlay, spPr, txPr). */
function title(text: string, t: TextStyle): string {
  return (
    `<c:title><c:tx><c:rich>${bodyPr(t)}<a:lstStyle/><a:p><a:pPr>${runProps("defRPr", t)}</a:pPr>` +
    `<a:r>${runProps("rPr", t)}<a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>`
  );
}

const numFmt = (code: string): string => `<c:numFmt formatCode="${xmlText(code)}" sourceLinked="0"/>`;

const strRef = (ref: string, values: string[]): string =>
  `<c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache>${val("ptCount", values.length)}` +
  values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join("") +
  `</c:strCache></c:strRef>`;

/** A number cache; a missing value has no c:pt, which every reader draws as a gap. */
const numRef = (ref: string, values: (number | null)[], format: string): string =>
  `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode>${val("ptCount", values.length)}` +
  values
    .map((v, i) =>
      v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`,
    )
    .join("") +
  `</c:numCache></c:numRef>`;

const isBar = (t: ChartSpec["type"]): boolean => t === "BarClustered" || t === "BarStacked";
const isStacked = (t: ChartSpec["type"]): boolean => t === "ColumnStacked" || t === "BarStacked";

/** Where a data label sits: outside the bar's end, centred in a stacked segment, best fit on a pie. */
function labelPosition(t: ChartSpec["type"]): string {
  if (t === "Pie") return "bestFit";
  return isStacked(t) ? "ctr" : "outEnd";
}

/** The largest stack of a stacked chart (the sum of a category's values). */
const largestStack = (data: ChartData): number =>
  Math.max(
    0,
    ...data.categories.map((_, p) => data.series.reduce((sum, s) => sum + Math.abs(s.values[p] ?? 0), 0)),
  );

/** A stacked segment under this share of the largest stack gets no label: it would overprint its neighbours. */
const SMALL_SEGMENT = 0.03;

/**
 * c:dLbls (CT_DLbls: dLbl…, then Group_DLbls): values only, in the plan's number format; in a
 * stacked chart, empty and tiny segments are left unlabelled.
 */
function dataLabels(data: ChartData, s: SeriesData, index: number): string {
  const { spec } = data;
  if (!spec.dataLabels) return `<c:dLbls>${val("delete", 1)}</c:dLbls>`;
  const floor = isStacked(spec.type) ? largestStack(data) * SMALL_SEGMENT : -1;
  const hidden = s.values
    .map((v, p) =>
      v !== null && Math.abs(v) <= floor ? `<c:dLbl>${val("idx", p)}${val("delete", 1)}</c:dLbl>` : "",
    )
    .join("");
  return (
    `<c:dLbls>${hidden}${numFmt(spec.valueFormat ?? s.format)}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    // A label inside a dark segment is white.
    textProps({ size: 8, color: isStacked(spec.type) && isDark(colorOf(index)) ? "FFFFFF" : TEXT_COLOR }) +
    val("dLblPos", labelPosition(spec.type)) +
    val("showLegendKey", 0) +
    val("showVal", 1) +
    val("showCatName", 0) +
    val("showSerName", 0) +
    val("showPercent", 0) +
    val("showBubbleSize", 0) +
    (spec.type === "Pie" ? val("showLeaderLines", 1) : "") +
    `</c:dLbls>`
  );
}

/** c:ser of a bar chart (CT_BarSer: idx, order, tx, spPr, invertIfNegative, dLbls, cat, val). */
function barSeries(data: ChartData, s: SeriesData, i: number): string {
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
    `<c:spPr>${solid(colorOf(i))}</c:spPr>` +
    // Negative bars (the men of a pyramid) keep their colour instead of turning white.
    val("invertIfNegative", 0) +
    dataLabels(data, s, i) +
    `<c:cat>${strRef(data.categoriesRef, data.categories)}</c:cat>` +
    `<c:val>${numRef(s.valuesRef, s.values, s.format)}</c:val></c:ser>`
  );
}

/** c:ser of a pie (CT_PieSer: idx, order, tx, spPr, dPt…, dLbls, cat, val): one colour per slice. */
function pieSeries(data: ChartData, s: SeriesData, i: number): string {
  const points = data.categories
    .map(
      (_, p) =>
        `<c:dPt>${val("idx", p)}${val("bubble3D", 0)}<c:spPr>${solid(colorOf(p))}<a:ln w="12700">${solid("FFFFFF")}</a:ln></c:spPr></c:dPt>`,
    )
    .join("");
  return (
    `<c:ser>${val("idx", i)}${val("order", i)}<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
    points +
    dataLabels(data, s, i) +
    `<c:cat>${strRef(data.categoriesRef, data.categories)}</c:cat>` +
    `<c:val>${numRef(s.valuesRef, s.values, s.format)}</c:val></c:ser>`
  );
}

const CAT_AX = 500001;
const VAL_AX = 500002;

const gridlines = `<c:majorGridlines><c:spPr><a:ln w="9525">${solid(LINE_COLOR)}</a:ln></c:spPr></c:majorGridlines>`;
const axisLine = `<c:spPr><a:ln w="9525">${solid("BFBFBF")}</a:ln></c:spPr>`;

/** c:catAx and c:valAx (CT_CatAx / CT_ValAx order). Bars run along a horizontal value axis. */
function axes(data: ChartData): string {
  const { spec } = data;
  const bar = isBar(spec.type);
  const reversed = spec.reverseCategories === true;
  // Ticks are round numbers: no decimals on them unless the values are all small.
  const largest = Math.max(0, ...data.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  const format = spec.valueFormat ?? (largest >= 10 ? "#,##0" : (data.series[0]?.format ?? "General"));
  const catAx =
    `<c:catAx>${val("axId", CAT_AX)}<c:scaling>${val("orientation", reversed ? "maxMin" : "minMax")}</c:scaling>` +
    val("delete", 0) +
    val("axPos", bar ? "l" : "b") +
    (spec.categoryAxisTitle ? title(spec.categoryAxisTitle, { size: 9, bold: true, vertical: bar }) : "") +
    val("majorTickMark", "none") +
    val("minorTickMark", "none") +
    // "low": labels beside the plot even when bars run left of zero (the pyramid's men).
    val("tickLblPos", "low") +
    axisLine +
    textProps({ size: 8 }) +
    val("crossAx", VAL_AX) +
    val("crosses", "autoZero") +
    val("auto", 1) +
    val("lblAlgn", "ctr") +
    val("lblOffset", 100) +
    val("noMultiLvlLbl", 0) +
    `</c:catAx>`;
  const valAx =
    `<c:valAx>${val("axId", VAL_AX)}<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    val("delete", 0) +
    val("axPos", bar ? "b" : "l") +
    gridlines +
    (spec.valueAxisTitle ? title(spec.valueAxisTitle, { size: 9, bold: true, vertical: !bar }) : "") +
    numFmt(format) +
    val("majorTickMark", "none") +
    val("minorTickMark", "none") +
    val("tickLblPos", "nextTo") +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps({ size: 8 }) +
    val("crossAx", CAT_AX) +
    // With the categories reversed (largest on top), the value axis stays at the bottom.
    val("crosses", reversed ? "max" : "autoZero") +
    val("crossBetween", "between") +
    `</c:valAx>`;
  return catAx + valAx;
}

/** The plot: c:barChart (CT_BarChart order) with its two axes, or c:pieChart. */
function plot(data: ChartData): string {
  const { spec } = data;
  if (spec.type === "Pie") {
    return `<c:pieChart>${val("varyColors", 1)}${data.series.map((s, i) => pieSeries(data, s, i)).join("")}${val("firstSliceAng", 0)}</c:pieChart>`;
  }
  const stacked = isStacked(spec.type);
  // Stacked segments must overlap fully or they are drawn side by side.
  const overlap = spec.overlap ?? (stacked ? 100 : undefined);
  const gapWidth = spec.gapWidth ?? (stacked ? 55 : 80);
  return (
    `<c:barChart>${val("barDir", isBar(spec.type) ? "bar" : "col")}${val("grouping", stacked ? "stacked" : "clustered")}${val("varyColors", 0)}` +
    data.series.map((s, i) => barSeries(data, s, i)).join("") +
    val("gapWidth", gapWidth) +
    (overlap !== undefined ? val("overlap", overlap) : "") +
    `${val("axId", CAT_AX)}${val("axId", VAL_AX)}</c:barChart>` +
    axes(data)
  );
}

const LEGEND_POS = { Bottom: "b", Right: "r" } as const;

function legend(spec: ChartData["spec"]): string {
  if (spec.legend === "None") return "";
  return `<c:legend>${val("legendPos", LEGEND_POS[spec.legend])}${val("overlay", 0)}${textProps({ size: 9 })}</c:legend>`;
}

/** The chart part: c:chartSpace (CT_ChartSpace order: date1904, lang, roundedCorners, chart, spPr, txPr). */
export function chartXml(data: ChartData): string {
  const { spec } = data;
  if (data.series.length === 0) throw new Error(`chart "${spec.title}" has no series`);
  for (const s of data.series)
    if (s.values.length !== data.categories.length)
      throw new Error(
        `chart "${spec.title}": series "${s.name}" has ${s.values.length} values for ${data.categories.length} categories`,
      );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${val("date1904", 0)}${val("lang", "en-US")}${val("roundedCorners", 0)}` +
    `<c:chart>${title(spec.title, { size: 12, bold: true })}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${plot(data)}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `${legend(spec)}${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    `<c:spPr>${solid("FFFFFF")}<a:ln w="9525">${solid(LINE_COLOR)}</a:ln></c:spPr>` +
    `${textProps({ size: 9 })}</c:chartSpace>`
  );
}
