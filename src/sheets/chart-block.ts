/**
 * Native chart templates: each is a small data table whose every figure comes from a value function
 * of the core (so it can be written as an =IOM.* formula), and a chart of it. Categories are the
 * report's labels (English); titles, headings, axis titles and series names are localized.
 */
import {
  isIomError,
  type Arg,
  type CallTemplate,
  type ChartDefinition,
  type Iom,
  type NameSource,
} from "../core";
import { NOTES, sourceLine } from "../i18n/content";
import type { Lang, Localized } from "../i18n/lang";
import {
  type Block,
  type CellFormat,
  type ChartSpec,
  type Content,
  GENERAL_FORMAT,
  type Mode,
  TEXT_FORMAT,
  decimalsOf,
  numberFormat,
  tableNameFor,
  uniqueHeaders,
} from "./block";
import { type Call, formulaOf } from "./formulas";
import { NA_FORMULA } from "./table-block";

/** A series with its calls resolved for each category. */
export interface SeriesDef {
  name: Localized;
  call: (category: string) => Call;
}

/** A chart template with its category and series names resolved against an edition. */
export interface ChartDef extends Omit<ChartDefinition, "categoryNames" | "series"> {
  categoryNames: (i: Iom) => string[];
  series: (i: Iom) => SeriesDef[];
}

const withoutTotal = (label: string): string => label.replace(/\s+total$/i, "");

/** The value of a template argument for one category (and series). */
function argOf(a: CallTemplate["args"][number], category: string, series: string): Arg {
  if (typeof a !== "string") return a;
  if (a === "{category:number}") return Number(category);
  return a.replace(/\{category\}/g, category).replace(/\{series\}/g, series);
}

function callOf(t: CallTemplate, category: string, series = ""): Call {
  const fn = t.fn as Call["fn"];
  return { fn, args: t.args.map((a) => argOf(a, category, series)), ...(t.negate ? { negate: true } : {}) };
}

/** The names a NameSource gives, against an edition's core (ranked by `first`'s figures). */
function namesOf(source: NameSource, i: Iom, first?: CallTemplate): string[] {
  if ("list" in source) {
    const except = new Set(source.except ?? []);
    return i.list(source.list).filter((n) => !except.has(n));
  }
  if ("rows" in source) {
    const except = new Set(source.except ?? []);
    return i
      .tableById(source.rows)
      .rows.filter((r) => (source.sums ? r.sumOf !== undefined : r.sumOf === undefined))
      .filter((r) => source.depth === undefined || r.path.length === source.depth)
      .filter((r) => !except.has(r.key))
      .map((r) => withoutTotal(r.path[source.label ?? r.path.length - 1] ?? r.label));
  }
  const { columnsOf, except = [], limit } = source.ranked;
  const excluded = (key: string): boolean =>
    except.some((e) => (e.endsWith(".") ? key.startsWith(e) : key === e));
  const scored = i
    .tableById(columnsOf)
    .columns.filter((c) => !excluded(c.key))
    .map((c) => {
      if (!first) return { name: c.label, value: 0 };
      const call = callOf(first, c.label);
      try {
        return { name: c.label, value: i.answerOf(call.fn, call.args).value };
      } catch (e) {
        if (isIomError(e)) return { name: c.label, value: 0 };
        throw e;
      }
    })
    .filter((s) => s.value > 0);
  scored.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/** A chart definition of the edition's presentation, resolved into the functions the block needs. */
export function chartDef(d: ChartDefinition): ChartDef {
  const firstCall = Array.isArray(d.series) ? d.series[0]?.call : d.series.call;
  const series = d.series;
  return {
    ...d,
    categoryNames: (i) => namesOf(d.categoryNames, i, firstCall),
    series: (i) =>
      Array.isArray(series)
        ? series.map((s) => ({ name: s.name, call: (c: string) => callOf(s.call, c) }))
        : namesOf(series.each, i).map((name) => ({
            name: { en: name, fr: name, es: name },
            call: (c: string) => callOf(series.call, c, name),
          })),
  };
}

/** The chart templates of an edition. */
export const chartsOf = (i: Iom): ChartDef[] => i.presentation.charts.map(chartDef);

/** Size of the chart, in cells, to the right of its data (one empty column between). */
export const CHART_CELLS = { rows: 20, cols: 8 };

export function chartBlock(def: ChartDef, mode: Mode, lang: Lang, i: Iom): Block {
  const categories = def.categoryNames(i);
  const series = def.series(i);
  const width = 1 + series.length;
  const cells: Content[][] = [];
  const formats: string[][] = [];
  const cellFormats: CellFormat[] = [];
  const textRow = (text: string): void => {
    cells.push([text, ...Array<Content>(width - 1).fill("")]);
    formats.push([TEXT_FORMAT, ...Array<string>(width - 1).fill(GENERAL_FORMAT)]);
  };
  textRow(def.title[lang]);
  cellFormats.push({ rect: { row: 0, col: 0, rows: 1, cols: 1 }, bold: true, size: 13 });
  textRow(`${def.values[lang]} · ${def.period[lang]}`);
  cellFormats.push({ rect: { row: 1, col: 0, rows: 1, cols: 1 }, italic: true, color: "#605E5C" });

  const headerRow = cells.length;
  const headers = uniqueHeaders([[def.categories[lang]], ...series.map((s) => [s.name[lang], s.name.en])]);
  cells.push(headers);
  formats.push(headers.map(() => TEXT_FORMAT));

  const values: Content[][] = categories.map((category) =>
    series.map((s): Content => {
      const call = s.call(category);
      if (mode === "live") return formulaOf(i.pinned(call));
      try {
        const v = i.answerOf(call.fn, call.args).value;
        return call.negate ? -v : v;
      } catch (e) {
        if (!isIomError(e)) throw e;
        return NA_FORMULA; // no figure: the chart shows a gap, the table #N/A
      }
    }),
  );
  const decimals = series.map((s) =>
    Math.max(
      0,
      ...categories.map((c) => {
        try {
          const call = s.call(c);
          return decimalsOf(i.answerOf(call.fn, call.args).value);
        } catch {
          return 0; // a missing figure has no decimals; it shows #N/A
        }
      }),
    ),
  );
  const bodyRow = cells.length;
  categories.forEach((category, ci) => {
    cells.push([category, ...(values[ci] ?? [])]);
    formats.push([
      TEXT_FORMAT,
      ...series.map((_, si) => def.options?.valueFormat ?? numberFormat(decimals[si] ?? 0)),
    ]);
  });

  textRow("");
  const notesStart = cells.length;
  if (def.note) textRow(def.note[lang]);
  if (mode === "live") textRow(NOTES.live[lang]);
  textRow(def.sources.map((s) => sourceLine(i.edition.document, s, lang, i.presentation)).join("; "));
  cellFormats.push({
    rect: { row: notesStart, col: 0, rows: cells.length - notesStart, cols: 1 },
    italic: true,
    size: 9,
    color: "#605E5C",
  });

  const data = { row: headerRow, col: 0, rows: categories.length + 1, cols: width };
  const position = { row: 0, col: width + 1, rows: CHART_CELLS.rows, cols: CHART_CELLS.cols };
  const chart: ChartSpec = {
    type: def.type,
    title: def.title[lang],
    ...(def.type === "Pie"
      ? {}
      : { categoryAxisTitle: def.categories[lang], valueAxisTitle: def.values[lang] }),
    dataLabels: true,
    legend: def.options?.legend ?? (series.length > 1 ? "Bottom" : "None"),
    ...(def.options?.valueFormat ? { valueFormat: def.options.valueFormat } : {}),
    ...(def.options?.overlap !== undefined ? { overlap: def.options.overlap } : {}),
    ...(def.options?.gapWidth !== undefined ? { gapWidth: def.options.gapWidth } : {}),
    ...(def.options?.reverseCategories ? { reverseCategories: true } : {}),
    ...(def.options?.categoryLabels ? { categoryLabels: def.options.categoryLabels } : {}),
    data,
    position,
  };
  return {
    templateId: def.id,
    mode,
    lang,
    cells,
    numberFormats: formats,
    formats: cellFormats,
    table: data,
    body: { row: bodyRow, col: 0, rows: categories.length, cols: width },
    tableName: tableNameFor(def.id),
    chart,
    footprint: { rows: Math.max(cells.length, position.rows), cols: position.col + position.cols },
    displayHeader: headers,
    cellNotes: [],
    liveCells: mode === "live" ? categories.length * series.length : 0,
    staticCells: 0,
  };
}
