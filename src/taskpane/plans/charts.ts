/**
 * Native chart templates: each is a small data table whose every figure comes from a value function
 * of the core (so it can be written as an =IOM.* formula), and a chart of it. Categories are the
 * report's labels (English); titles, headings, axis titles and series names are localized.
 */
import { isIomError, type Iom, type Table } from "../../core";
import { NOTES, sourceLine } from "../../i18n/content";
import type { Lang, Localized } from "../../i18n/lang";
import {
  type Block,
  type CellFormat,
  type ChartSpec,
  type ChartType,
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

export interface SeriesDef {
  name: Localized;
  call: (category: string) => Call;
}

export interface ChartDef {
  id: string;
  type: ChartType;
  title: Localized;
  /** Heading of the category column, and the category axis title. */
  categories: Localized;
  /** Value axis title (the unit). */
  values: Localized;
  period: Localized;
  /** The report tables the figures come from. */
  sources: string[];
  keywords: string[];
  categoryNames: (i: Iom) => string[];
  series: SeriesDef[];
  note?: Localized;
  options?: Partial<Pick<ChartSpec, "overlap" | "gapWidth" | "reverseCategories" | "valueFormat" | "legend">>;
}

const L = (en: string, fr: string, es: string): Localized => ({ en, fr, es });

const T = {
  year: L("Year", "Année", "Año"),
  region: L("Region", "Région", "Región"),
  service: L("Service classification", "Classification des services", "Clasificación de servicios"),
  programme: L("Programme", "Programme", "Programa"),
  country: L("Country of destination", "Pays de destination", "País de destino"),
  departure: L("Region of departure", "Région de départ", "Región de partida"),
  budgetRegion: L("Budgetary region", "Région budgétaire", "Región presupuestaria"),
  age: L("Age group", "Groupe d'âge", "Grupo de edad"),
  grade: L("Category/Grade", "Catégorie/classe", "Categoría/grado"),
  location: L("Location", "Lieu d'affectation", "Lugar de destino"),
  usd: L("USD million", "Millions de dollars É.-U.", "Millones de dólares EE.UU."),
  persons: L("Persons moved", "Personnes déplacées", "Personas trasladadas"),
  migrants: L("Migrants", "Migrants", "Migrantes"),
  officials: L("Officials", "Fonctionnaires", "Funcionarios"),
  staff: L("Staff members", "Membres du personnel", "Miembros del personal"),
  projects: L("Active projects", "Projets actifs", "Proyectos activos"),
  female: L("Female", "Femmes", "Mujeres"),
  male: L("Male", "Hommes", "Hombres"),
  administrative: L("Administrative", "Administratif", "Administrativo"),
  operational: L("Operational", "Opérationnel", "Operacional"),
  y2011: L("2011", "2011", "2011"),
  y2010: L("2010", "2010", "2010"),
  p2011: L("2011", "2011", "2011"),
  p2007: L("2007–2011", "2007–2011", "2007–2011"),
  p31dec: L("31 December 2011", "31 décembre 2011", "31 de diciembre de 2011"),
  p2010: L("2010 and 2011", "2010 et 2011", "2010 y 2011"),
};

const last = (path: readonly string[]): string => path[path.length - 1] ?? "";
const withoutTotal = (label: string): string => label.replace(/\s+total$/i, "");
const table = (i: Iom, id: string): Table => i.index.table(id);
const rowLabels = (i: Iom, id: string): string[] =>
  table(i, id)
    .rows.filter((r) => !r.sumOf)
    .map((r) => r.label);

/** Table 2's destination countries ranked by persons moved (with an optional programme), largest first. */
function ranked(i: Iom, programme: string | null, limit: number): string[] {
  const scored = table(i, "table2")
    .columns.filter((c) => c.key !== "total" && !c.key.startsWith("other."))
    .map((c) => {
      try {
        return { name: c.label, value: i.movements(c.label, programme).value };
      } catch (e) {
        if (isIomError(e)) return { name: c.label, value: 0 };
        throw e;
      }
    })
    .filter((s) => s.value > 0);
  scored.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

const years = (): string[] => ["2007", "2008", "2009", "2010", "2011"];

export const CHARTS: ChartDef[] = [
  {
    id: "chart_expenditure_2007_2011",
    type: "ColumnStacked",
    title: L(
      "Total expenditure, 2007–2011: administrative and operational",
      "Dépenses totales, 2007–2011 : administratives et opérationnelles",
      "Gastos totales, 2007–2011: administrativos y operacionales",
    ),
    categories: T.year,
    values: T.usd,
    period: T.p2007,
    sources: ["Annex I, section 1"],
    keywords: ["expenditure", "budget", "administrative", "operational", "trend", "years"],
    categoryNames: years,
    series: [
      { name: T.administrative, call: (y) => ({ fn: "EXPENDITURE", args: ["Administrative", Number(y)] }) },
      { name: T.operational, call: (y) => ({ fn: "EXPENDITURE", args: ["Operational", Number(y)] }) },
    ],
  },
  {
    id: "chart_expenditure_by_region",
    type: "BarClustered",
    title: L(
      "Operational expenditure by region, 2010 and 2011",
      "Dépenses opérationnelles par région, 2010 et 2011",
      "Gastos operacionales por región, 2010 y 2011",
    ),
    categories: T.region,
    values: T.usd,
    period: T.p2010,
    sources: ["Section V.B, operational expenditure by region table"],
    keywords: ["expenditure", "region", "operational", "2010", "compare"],
    categoryNames: (i) => rowLabels(i, "vb_by_region"),
    series: [
      { name: T.y2010, call: (r) => ({ fn: "EXPENDITURE", args: [r, 2010] }) },
      { name: T.y2011, call: (r) => ({ fn: "EXPENDITURE", args: [r, 2011] }) },
    ],
    options: { reverseCategories: true },
  },
  {
    id: "chart_expenditure_by_service",
    type: "BarClustered",
    title: L(
      "Operational expenditure by service classification, 2010 and 2011",
      "Dépenses opérationnelles par classification des services, 2010 et 2011",
      "Gastos operacionales por clasificación de servicios, 2010 y 2011",
    ),
    categories: T.service,
    values: T.usd,
    period: T.p2010,
    sources: ["Section V.B, operational expenditure by service classification table"],
    keywords: ["expenditure", "service", "operational", "2010", "compare"],
    categoryNames: (i) => rowLabels(i, "vb_by_service"),
    series: [
      { name: T.y2010, call: (s) => ({ fn: "EXPENDITURE", args: [s, 2010] }) },
      { name: T.y2011, call: (s) => ({ fn: "EXPENDITURE", args: [s, 2011] }) },
    ],
    options: { reverseCategories: true },
  },
  {
    id: "chart_movements_by_departure",
    type: "Pie",
    title: L(
      "Movements by region of departure, 2011",
      "Mouvements par région de départ, 2011",
      "Movimientos por región de partida, 2011",
    ),
    categories: T.departure,
    values: T.persons,
    period: T.p2011,
    sources: ["Table 1"],
    keywords: ["movements", "departure", "region", "share", "pie"],
    categoryNames: (i) =>
      table(i, "table1")
        .rows.filter((r) => r.sumOf && r.key !== "grand_total")
        .map((r) => withoutTotal(last(r.path))),
    series: [{ name: T.persons, call: (from) => ({ fn: "MOVEMENTS", args: [null, null, from] }) }],
    options: { legend: "Right" },
  },
  {
    id: "chart_top15_destinations",
    type: "BarClustered",
    title: L(
      "The 15 largest destination countries, 2011",
      "Les 15 principaux pays de destination, 2011",
      "Los 15 principales países de destino, 2011",
    ),
    categories: T.country,
    values: T.persons,
    period: T.p2011,
    sources: ["Table 2"],
    keywords: ["movements", "destination", "countries", "largest", "top"],
    categoryNames: (i) => ranked(i, null, 15),
    series: [{ name: T.persons, call: (c) => ({ fn: "MOVEMENTS", args: [c] }) }],
    options: { reverseCategories: true, legend: "None" },
  },
  {
    id: "chart_resettlement_by_destination",
    type: "BarClustered",
    title: L(
      "Resettlement by destination country, 2011",
      "Réinstallation par pays de destination, 2011",
      "Reasentamiento por país de destino, 2011",
    ),
    categories: T.country,
    values: T.persons,
    period: T.p2011,
    sources: ["Table 2"],
    keywords: ["resettlement", "refugees", "destination", "countries"],
    categoryNames: (i) => ranked(i, "Resettlement Assistance", 40),
    series: [{ name: T.persons, call: (c) => ({ fn: "MOVEMENTS", args: [c, "Resettlement Assistance"] }) }],
    options: { reverseCategories: true, legend: "None" },
  },
  {
    id: "chart_migrants_pyramid",
    type: "BarClustered",
    title: L(
      "Migrants moved by age group and gender, 2011 (population pyramid)",
      "Migrants déplacés par groupe d'âge et sexe, 2011 (pyramide des âges)",
      "Migrantes trasladados por grupo de edad y sexo, 2011 (pirámide de población)",
    ),
    categories: T.age,
    values: T.migrants,
    period: T.p2011,
    sources: ["Table 4"],
    keywords: ["migrants", "age", "gender", "pyramid", "population", "women", "men"],
    categoryNames: (i) =>
      i.migrantsQuery.ageGroup.entries
        .filter((e) => e.value !== "total" && e.value !== "no_data")
        .map((e) => e.name),
    series: [
      { name: T.male, call: (a) => ({ fn: "MIGRANTS", args: [a, "M"], negate: true }) },
      { name: T.female, call: (a) => ({ fn: "MIGRANTS", args: [a, "F"] }) },
    ],
    note: NOTES.pyramid,
    options: { overlap: 100, gapWidth: 10, valueFormat: "#,##0;#,##0", legend: "Bottom" },
  },
  {
    id: "chart_officials_by_grade_gender",
    type: "ColumnStacked",
    title: L(
      "Officials by grade and gender, 31 December 2011",
      "Fonctionnaires par classe et sexe, 31 décembre 2011",
      "Funcionarios por grado y sexo, 31 de diciembre de 2011",
    ),
    categories: T.grade,
    values: T.officials,
    period: T.p31dec,
    sources: ["Table 5"],
    keywords: ["staff", "officials", "grade", "gender", "women", "men", "hr"],
    categoryNames: (i) =>
      table(i, "table5")
        .rows.filter((r) => !r.sumOf)
        .map((r) => r.label),
    series: [
      { name: T.female, call: (g) => ({ fn: "STAFF", args: [g, "F"] }) },
      { name: T.male, call: (g) => ({ fn: "STAFF", args: [g, "M"] }) },
    ],
  },
  {
    id: "chart_staff_by_location_gender",
    type: "ColumnClustered",
    title: L(
      "IOM staff by location and gender, 2011",
      "Personnel de l'OIM par lieu d'affectation et sexe, 2011",
      "Personal de la OIM por lugar de destino y sexo, 2011",
    ),
    categories: T.location,
    values: T.staff,
    period: T.p31dec,
    sources: ["Annex I, section 12"],
    keywords: ["staff", "location", "headquarters", "field", "gender", "employees"],
    categoryNames: (i) => i.list("location"),
    series: [
      { name: T.female, call: (l) => ({ fn: "STAFF", args: ["All", "F", l] }) },
      { name: T.male, call: (l) => ({ fn: "STAFF", args: ["All", "M", l] }) },
    ],
  },
  {
    id: "chart_projects_by_region",
    type: "ColumnClustered",
    title: L(
      "Active projects by region, 2011",
      "Projets actifs par région, 2011",
      "Proyectos activos por región, 2011",
    ),
    categories: T.region,
    values: T.projects,
    period: T.p2011,
    sources: ["Annex I, section 5"],
    keywords: ["projects", "region", "active"],
    categoryNames: (i) => i.list("region"),
    series: [{ name: T.projects, call: (r) => ({ fn: "PROJECTS", args: [r] }) }],
    options: { legend: "None" },
  },
  {
    id: "chart_projects_by_service_region",
    type: "BarStacked",
    title: L(
      "Active projects by service and region, 2011",
      "Projets actifs par service et région, 2011",
      "Proyectos activos por servicio y región, 2011",
    ),
    categories: T.service,
    values: T.projects,
    period: T.p2011,
    sources: ["Annex I, section 8"],
    keywords: ["projects", "service", "region", "active", "stacked"],
    categoryNames: (i) => i.list("service"),
    // One series per region; built lazily in seriesOf because the names come from the core.
    series: [],
    options: { reverseCategories: true, legend: "Bottom" },
  },
  {
    id: "chart_movements_by_service",
    type: "BarClustered",
    title: L(
      "Movements by service classification, 2011",
      "Mouvements par classification des services, 2011",
      "Movimientos por clasificación de servicios, 2011",
    ),
    categories: T.service,
    values: T.persons,
    period: T.p2011,
    sources: ["Table 2"],
    keywords: ["movements", "service", "classification"],
    categoryNames: (i) =>
      table(i, "table2")
        .rows.filter((r) => r.path.length === 1 && r.key !== "grand_total")
        .map((r) => withoutTotal(r.label)),
    series: [{ name: T.persons, call: (s) => ({ fn: "MOVEMENTS", args: [null, s] }) }],
    options: { reverseCategories: true, legend: "None" },
  },
  {
    id: "chart_movements_by_programme",
    type: "BarClustered",
    title: L(
      "Movements by programme, 2011",
      "Mouvements par programme, 2011",
      "Movimientos por programa, 2011",
    ),
    categories: T.programme,
    values: T.persons,
    period: T.p2011,
    sources: ["Table 2"],
    keywords: ["movements", "programme", "resettlement", "return", "repatriation"],
    categoryNames: (i) =>
      table(i, "table2")
        .rows.filter((r) => r.key.endsWith(".subtotal"))
        .map((r) => r.path[1] ?? r.label),
    series: [{ name: T.persons, call: (p) => ({ fn: "MOVEMENTS", args: [null, p] }) }],
    options: { reverseCategories: true, legend: "None" },
  },
  {
    id: "chart_movements_by_budgetary_region",
    type: "ColumnClustered",
    title: L(
      "Movements by budgetary region, 2011",
      "Mouvements par région budgétaire, 2011",
      "Movimientos por región presupuestaria, 2011",
    ),
    categories: T.budgetRegion,
    values: T.persons,
    period: T.p2011,
    sources: ["Table 3"],
    keywords: ["movements", "budgetary", "region"],
    categoryNames: (i) =>
      table(i, "table3")
        .rows.filter((r) => r.path.length === 1 && r.key !== "grand_total")
        .map((r) => withoutTotal(r.label)),
    series: [
      { name: T.persons, call: (r) => ({ fn: "MOVEMENTS", args: [null, null, `${r} (budgetary region)`] }) },
    ],
    options: { legend: "None" },
  },
];

/** The series of a chart; the projects-by-service-and-region chart has one per region of the core. */
export function seriesOf(def: ChartDef, i: Iom): SeriesDef[] {
  if (def.id !== "chart_projects_by_service_region") return def.series;
  return i.list("region").map((region) => ({
    name: { en: region, fr: region, es: region },
    call: (service: string): Call => ({ fn: "PROJECTS", args: [region, service] }),
  }));
}

/** Size of the chart, in cells, to the right of its data (one empty column between). */
export const CHART_CELLS = { rows: 20, cols: 8 };

export function chartBlock(def: ChartDef, mode: Mode, lang: Lang, i: Iom): Block {
  const categories = def.categoryNames(i);
  const series = seriesOf(def, i);
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
      if (mode === "live") return formulaOf(call);
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
  textRow(def.sources.map((s) => sourceLine(i.edition.document, s, lang)).join("; "));
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
    liveCells: mode === "live" ? categories.length * series.length : 0,
    staticCells: 0,
  };
}
