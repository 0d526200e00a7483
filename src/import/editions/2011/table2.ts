import type {
  CellValue,
  Column,
  Footnote,
  ManualFix,
  Row,
  Table,
  UndeterminedCell,
} from "../../../core/model";
import { keyOf, parseNumber, SourceText } from "../../source-text";

/**
 * Table 2 of section IV.D: movements by service, programme and region of departure (rows)
 * and country or region of destination (columns). The conversion printed it in two halves:
 * the labelled first half (Total migrants, Angola … Iraq) and an unlabelled second half
 * (Kenya … United States of America, then "Other countries in" five regions) whose lines
 * follow the first half's rows in order, skipping rows with nothing to print there.
 *
 * Both halves drop or misplace empty fields, so a number can stand a field or two away
 * from its header; every such row gets an explicit column list below, each proved by the
 * printed totals (tests/import/table2.test.ts). Lines the conversion garbled (several rows
 * run together) are handled by manual fixes (data/2011/curated/fixes-table2.json); the
 * reconstruction is argued in data/2011/curated/table2-reconstruction.md.
 */

/**
 * What one printed line says about a row, for the constraint model (movement-model.ts): its
 * numbers in printed order and the field each stands in (`at`, an index into `span`, the
 * columns that half of the table prints). The column lists above are one reading of it; the
 * model tries every reading that keeps the printed order within a few fields.
 */
export interface LineEvidence {
  table: string;
  row: string;
  line: number;
  span: string[];
  numbers: { value: number; at: number }[];
}

const TITLE = "Table 2: Movements by service and region of departure/countries or regions of destination";
const OTHER = "Other countries in";

/**
 * First-half rows whose numbers do not stand under their headers: the destination column
 * (key) of each printed number, in printed order, separated by spaces. Rows not listed
 * stand as printed (label in the third field, or in the second for "North America" and
 * most "Subtotal" rows, which the conversion printed one field early with their numbers).
 * Each list is the only placement in printed order that lets the programme's region rows
 * add up to its subtotal and the subtotals to the service and grand totals (the grand
 * total prints all 16 columns). Where no placement adds up (Return Assistance: Haiti and
 * Iraq; Humanitarian Assistance: Iraq), numbers stand as near their printed fields as the
 * other columns allow, and the shortfall is a recorded discrepancy.
 */
const FIRST_HALF_COLUMNS: Record<string, string> = {
  "repatriation_assistance.africa":
    "angola bangladesh burkina_faso chad cote_d_ivoire egypt ethiopia ghana guinea iraq",
  "repatriation_assistance.subtotal":
    "angola bangladesh burkina_faso chad cote_d_ivoire egypt ethiopia ghana guinea iraq",
  "emergency_and_post_emergency_operations_assistance.africa":
    "bangladesh burkina_faso chad cote_d_ivoire egypt ethiopia ghana guinea iraq",
  "emergency_and_post_emergency_operations_assistance.subtotal":
    "bangladesh brazil burkina_faso chad cote_d_ivoire egypt ethiopia ghana guinea iraq",
  movement_emergency_and_post_crisis_migration_management_total:
    "angola australia bangladesh brazil burkina_faso canada chad cote_d_ivoire denmark egypt ethiopia finland ghana guinea iraq",
  "return_assistance_for_migrants_and_governments.africa":
    "burkina_faso chad cote_d_ivoire ethiopia ghana guinea",
  "return_assistance_for_migrants_and_governments.asia_and_oceania":
    "australia bangladesh brazil canada denmark egypt ethiopia",
  "return_assistance_for_migrants_and_governments.europe":
    "angola australia bangladesh brazil burkina_faso canada chad cote_d_ivoire egypt ethiopia ghana guinea iraq",
  "return_assistance_for_migrants_and_governments.latin_america_and_the_caribbean":
    "brazil canada egypt haiti",
  "return_assistance_for_migrants_and_governments.middle_east": "ethiopia",
  "return_assistance_for_migrants_and_governments.subtotal":
    "angola australia bangladesh brazil burkina_faso canada chad cote_d_ivoire denmark egypt ethiopia ghana guinea haiti iraq",
  "counter_trafficking.africa": "bangladesh chad ethiopia ghana guinea",
  "counter_trafficking.middle_east": "ethiopia",
  "counter_trafficking.subtotal": "bangladesh chad ethiopia ghana guinea",
  "immigration_and_border_management.africa": "ethiopia",
  "immigration_and_border_management.europe": "australia ghana guinea iraq",
  "immigration_and_border_management.middle_east": "ethiopia",
  "immigration_and_border_management.subtotal": "australia ethiopia ghana guinea iraq",
  regulating_migration_total:
    "angola australia bangladesh brazil burkina_faso canada chad cote_d_ivoire denmark egypt ethiopia ghana guinea haiti iraq",
  "labour_migration.africa": "canada",
  "labour_migration.latin_america_and_the_caribbean": "canada",
  "labour_migration.subtotal": "canada",
  "migrant_processing_and_integration.europe": "australia bangladesh canada denmark ghana guinea iraq",
  "migrant_processing_and_integration.latin_america_and_the_caribbean":
    "australia brazil canada denmark guinea",
  "migrant_processing_and_integration.subtotal":
    "australia bangladesh brazil canada denmark finland ghana guinea iraq",
  facilitating_migration_total: "australia bangladesh brazil canada denmark finland ghana guinea iraq",
  "humanitarian_assistance_for_stranded_migrants.africa": "bangladesh cote_d_ivoire",
  "humanitarian_assistance_for_stranded_migrants.middle_east": "ethiopia",
  "humanitarian_assistance_for_stranded_migrants.subtotal":
    "bangladesh cote_d_ivoire ethiopia ghana guinea haiti iraq",
  general_programme_support_total: "bangladesh cote_d_ivoire ethiopia ghana guinea haiti iraq",
};

/** Second-half lines whose numbers do not stand under their headers (see FIRST_HALF_COLUMNS). */
const SECOND_HALF_COLUMNS: Record<string, string> = {
  "resettlement_assistance.subtotal":
    "new_zealand niger norway philippines sri_lanka sudan sweden switzerland united_kingdom united_states_of_america other.africa other.asia_and_oceania other.europe other.latin_america_and_the_caribbean",
  "humanitarian_assistance_for_stranded_migrants.asia_and_oceania":
    "nigeria sri_lanka other.africa other.asia_and_oceania other.europe other.latin_america_and_the_caribbean",
  "humanitarian_assistance_for_stranded_migrants.europe":
    "nigeria russian_federation other.africa other.asia_and_oceania other.europe other.latin_america_and_the_caribbean",
  "humanitarian_assistance_for_stranded_migrants.subtotal":
    "liberia nigeria philippines russian_federation sri_lanka other.africa other.asia_and_oceania other.europe other.latin_america_and_the_caribbean",
  general_programme_support_total:
    "liberia nigeria philippines russian_federation sri_lanka other.africa other.asia_and_oceania other.europe other.latin_america_and_the_caribbean",
};

/** A second-half line the conversion garbled; manual fixes must cover it. */
const GARBLED = null;

/**
 * The second half's lines, in order: the row each belongs to, or GARBLED. Rows with
 * nothing to print in the second half (blank rows, Migration and Development, rows whose
 * total is all first-half) have no line. Each pairing is proved by the row's Total
 * migrants = first-half numbers + second-half numbers (checkTableSums), except the
 * Humanitarian Assistance rows, whose printed numbers do not add up in any pairing
 * (recorded discrepancies; these lines keep the printed order).
 */
const SECOND_HALF_LINES: readonly (string | null)[] = [
  GARBLED, // Resettlement Assistance: Africa, Asia and Oceania, Europe run together
  GARBLED, // Resettlement Assistance: Latin America …, Middle East, North America run together
  "resettlement_assistance.subtotal",
  "repatriation_assistance.africa",
  GARBLED, // Repatriation Assistance: Asia and Oceania … North America merged
  "repatriation_assistance.subtotal",
  "emergency_and_post_emergency_operations_assistance.africa",
  "emergency_and_post_emergency_operations_assistance.asia_and_oceania",
  "emergency_and_post_emergency_operations_assistance.subtotal",
  "movement_emergency_and_post_crisis_migration_management_total",
  GARBLED, // Return Assistance: region rows (three lines)
  GARBLED,
  GARBLED,
  "return_assistance_for_migrants_and_governments.subtotal",
  GARBLED, // Counter-trafficking and Immigration and Border Management (seven lines)
  GARBLED,
  GARBLED,
  GARBLED,
  GARBLED,
  GARBLED,
  GARBLED,
  "regulating_migration_total",
  GARBLED, // Labour Migration: Europe and Latin America … on one line
  "labour_migration.europe_2",
  GARBLED, // Migrant Processing and Integration: region rows (five lines)
  GARBLED,
  GARBLED,
  GARBLED,
  GARBLED,
  "migrant_processing_and_integration.subtotal",
  "facilitating_migration_total",
  "humanitarian_assistance_for_stranded_migrants.africa",
  "humanitarian_assistance_for_stranded_migrants.asia_and_oceania",
  "humanitarian_assistance_for_stranded_migrants.europe",
  "humanitarian_assistance_for_stranded_migrants.latin_america_and_the_caribbean",
  "humanitarian_assistance_for_stranded_migrants.middle_east",
  "humanitarian_assistance_for_stranded_migrants.north_america",
  "humanitarian_assistance_for_stranded_migrants.subtotal",
  "general_programme_support_total",
  "grand_total",
];

// ---------------------------------------------------------------- labels

/** "Subtotal^{a, b}" → label "Subtotal", marks ["a", "b"]; "Counter- trafficking" → "Counter-trafficking". */
function splitMarks(text: string): { label: string; marks: string[] } {
  const m = /^(.*?)\^(?:\{([^}]*)\}|(\w))$/.exec(text.trim());
  const raw = m?.[1] ?? text.trim();
  const marks = m ? (m[2] ?? m[3] ?? "").split(",").map((s) => s.trim()) : [];
  // The conversion kept the PDF's line-break hyphen as "Counter- trafficking".
  return { label: raw.replace(/(\w)- (\w)/g, "$1-$2"), marks };
}

const isNumber = (field: string): boolean => /^\d{1,3}(?: \d{3})*$/.test(field);

// ---------------------------------------------------------------- columns

function buildColumns(
  src: SourceText,
  firstNames: number,
  secondGroups: number,
  secondNames: number,
): Column[] {
  const dest = "Countries/Regions of destination";
  const countries = (n: number): string[] => src.fields(n).filter((f) => f !== "");
  // "Other countries in" is printed over Switzerland (field 16), but it heads the five
  // region names that end the line, from "Africa" on.
  if (!src.fields(secondGroups).includes(OTHER))
    throw new Error(`line ${secondGroups}: no "${OTHER}" header`);
  const second = src.fields(secondNames);
  const otherFrom = second.indexOf("Africa");
  if (otherFrom < 0 || second.length - otherFrom !== 5)
    throw new Error(`line ${secondNames}: no five "${OTHER}" regions`);
  const cols: Column[] = countries(firstNames).map((label) => ({
    key: keyOf(label),
    label,
    path: [dest, label],
  }));
  second.forEach((label, i) => {
    if (i < otherFrom) cols.push({ key: keyOf(label), label, path: [dest, label] });
    else cols.push({ key: `other.${keyOf(label)}`, label, path: [dest, OTHER, label] });
  });
  const total: Column = {
    key: "total",
    label: "Total migrants",
    path: ["Total migrants"],
    sumOf: cols.map((c) => c.key),
  };
  return [total, ...cols];
}

// ---------------------------------------------------------------- first half

/** A row's identity: key, printed label, footnote marks, label path. */
interface Meta {
  key: string;
  label: string;
  marks: string[];
  path: string[];
}

/** Where the first-half walk stands: the current service and programme and the rows seen. */
interface Context {
  service: string;
  programme: string;
  programmeKey: string;
  regions: string[];
  subtotals: string[];
  services: string[];
  taken: Set<string>;
}

/**
 * One first-half data line as a row, with the key of the subtotal it adds up into (region
 * rows). Where its label sits decides how far its numbers were shifted: "North America"
 * and most "Subtotal" labels sit one field early, and so do their numbers.
 */
function firstHalfRow(
  src: SourceText,
  n: number,
  cols: Column[],
  ctx: Context,
): { row: Row; parent?: string } {
  const [f0 = "", f1 = "", f2 = ""] = src.fields(n);
  if (f0 === "Grand total") {
    return {
      row: totalRow(src, n, cols, { key: "grand_total", label: f0, marks: [], path: [f0] }, ctx.services, 0),
    };
  }
  if (f0 !== "" && /total(\^.*)?$/.test(f0)) {
    const { label, marks } = splitMarks(f0);
    const meta = { key: keyOf(label), label, marks, path: [label] };
    ctx.services.push(meta.key);
    const row = totalRow(src, n, cols, meta, ctx.subtotals, 0);
    ctx.subtotals = [];
    return { row };
  }
  if (f0 !== "") {
    ctx.service = f0;
    ctx.programme = splitMarks(f1).label;
    ctx.programmeKey = keyOf(ctx.programme);
    ctx.regions = [];
  }
  const offset = f0 === "" && f1 !== "" ? 1 : 0;
  const { label, marks } = splitMarks(offset === 1 ? f1 : f2);
  const path = [ctx.service, ctx.programme, label];
  if (label === "Subtotal") {
    const key = `${ctx.programmeKey}.subtotal`;
    ctx.subtotals.push(key);
    return { row: totalRow(src, n, cols, { key, label, marks, path }, ctx.regions, offset) };
  }
  let key = `${ctx.programmeKey}.${keyOf(label)}`;
  // Labour Migration prints "Europe" twice; the second keeps its label with a distinct key.
  for (let i = 2; ctx.taken.has(key); i++) key = `${ctx.programmeKey}.${keyOf(label)}_${i}`;
  ctx.taken.add(key);
  ctx.regions.push(key);
  return {
    row: numbersRow(src, n, cols, { key, label, marks, path }, offset),
    parent: `${ctx.programmeKey}.subtotal`,
  };
}

function totalRow(
  src: SourceText,
  n: number,
  cols: Column[],
  meta: Meta,
  parts: string[],
  offset: number,
): Row {
  const row = numbersRow(src, n, cols, meta, offset);
  row.sumOf = [...parts];
  return row;
}

/** The row's Total migrants and first-half numbers, placed by FIRST_HALF_COLUMNS or their headers. */
function numbersRow(src: SourceText, n: number, cols: Column[], meta: Meta, offset: number): Row {
  const f = src.fields(n);
  const span = cols.slice(1, 17).map((c) => c.key);
  const cells: CellValue[] = cols.map(() => null);
  cells[0] = parseNumber(f[3 - offset] ?? "");
  const printed: { field: number; value: number }[] = [];
  f.forEach((text, i) => {
    if (i > 3 - offset && text !== "") {
      if (!isNumber(text)) throw new Error(`line ${n}: "${text}" is not a table number`);
      printed.push({ field: i, value: parseNumber(text) as number });
    }
  });
  const align = FIRST_HALF_COLUMNS[meta.key]?.split(" ");
  if (align && align.length !== printed.length) {
    throw new Error(`line ${n}: ${printed.length} numbers, column list for ${meta.key} has ${align.length}`);
  }
  printed.forEach(({ field, value }, i) => {
    const ci = align ? indexOf(cols, align[i] as string) : 1 + field - (4 - offset);
    if (ci < 1 || ci > 16) throw new Error(`line ${n}: number in field ${field} has no first-half column`);
    cells[ci] = value;
  });
  const row: Row = { key: meta.key, label: meta.label, path: meta.path, line: n, cells };
  if (meta.marks.length > 0) row.marks = meta.marks;
  readings.push({
    table: "table2",
    row: meta.key,
    line: n,
    span,
    numbers: printed.map(({ field, value }) => ({ value, at: field - (4 - offset) })),
  });
  return row;
}

function indexOf(cols: Column[], key: string): number {
  const i = cols.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`table2: no column ${key}`);
  return i;
}

// ---------------------------------------------------------------- second half

/** The readings the last importTable2 call collected (one per clean printed line). */
let readings: LineEvidence[] = [];

/** Fills a row's second-half cells from a clean line, placed by SECOND_HALF_COLUMNS or their headers. */
function applySecondHalf(src: SourceText, n: number, row: Row, cols: Column[], firstSecond: number): void {
  const printed = src
    .fields(n)
    .map((text, field) => ({ text, field }))
    .filter((p) => p.text !== "");
  const align = SECOND_HALF_COLUMNS[row.key]?.split(" ");
  if (align && align.length !== printed.length) {
    throw new Error(`line ${n}: ${printed.length} numbers, column list for ${row.key} has ${align.length}`);
  }
  row.cellLines = row.cellLines ?? {};
  readings.push({
    table: "table2",
    row: row.key,
    line: n,
    span: cols.slice(firstSecond).map((c) => c.key),
    numbers: printed.map(({ text, field }) => ({ value: parseNumber(text) as number, at: field })),
  });
  printed.forEach(({ text, field }, i) => {
    if (!isNumber(text)) throw new Error(`line ${n}: "${text}" is not a table number`);
    const ci = align ? indexOf(cols, align[i] as string) : firstSecond + field;
    const col = cols[ci];
    if (!col || ci < firstSecond) throw new Error(`line ${n}: field ${field} has no second-half column`);
    row.cells[ci] = parseNumber(text);
    (row.cellLines as Record<string, number>)[col.key] = n;
  });
}

/** Lines covered by a fix: its `garbled` text is the source text of consecutive lines from `line`. */
function fixSpan(src: SourceText, fix: ManualFix): number[] {
  const lines = fix.garbled.split("\n").map((_, i) => fix.line + i);
  const text = lines.map((n) => src.line(n)).join("\n");
  if (text !== fix.garbled) throw new Error(`fix ${fix.id}: line ${fix.line} no longer reads as recorded`);
  return lines;
}

function applyFixes(
  src: SourceText,
  rows: Row[],
  cols: Column[],
  fixes: ManualFix[],
  garbled: number[],
): void {
  const covered = new Set<number>();
  for (const fix of fixes) {
    // A fix without garbled text settles cells an earlier fix left undetermined, from another
    // table (Table 1): it covers no line, and the cells keep the line the earlier fix gave them.
    const crossTable = fix.garbled === "";
    if (!crossTable) fixSpan(src, fix).forEach((n) => covered.add(n));
    for (const cell of fix.cells) {
      const row = rows.find((r) => r.key === cell.row);
      const ci = indexOf(cols, cell.column);
      if (!row) throw new Error(`fix ${fix.id}: no row ${cell.row}`);
      if (crossTable && row.cells[ci] !== "undetermined")
        throw new Error(
          `fix ${fix.id}: ${cell.row}/${cell.column} was not left undetermined by an earlier fix`,
        );
      row.cells[ci] = cell.value;
      if (!crossTable && fix.line !== row.line) row.cellLines = { ...row.cellLines, [cell.column]: fix.line };
    }
  }
  const missing = garbled.filter((n) => !covered.has(n));
  if (missing.length > 0) throw new Error(`table2: garbled lines ${missing.join(", ")} have no manual fix`);
}

// ---------------------------------------------------------------- undetermined cells

type Lookup = (key: string) => Row;
type Combined = UndeterminedCell["combined"];
const num = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);

/**
 * The certain combined figure behind an undetermined cell: the nearest printed total in
 * its column (the programme subtotal, or the service total where the subtotal is itself
 * undetermined) less the determined cells below it, shared by all undetermined cells below it.
 */
function combinedFor(r: Row, col: Column, ci: number, get: Lookup, parentOf: Map<string, string>): Combined {
  const up = (row: Row): Row => get(parentOf.get(row.key) as string);
  const sub = r.sumOf ? r : up(r);
  const anchor = r !== sub && sub.cells[ci] !== "undetermined" ? sub : up(sub);
  // Below the anchor: its parts; for a region row, the region rows of undetermined subtotals.
  const below = (anchor.sumOf ?? [])
    .map(get)
    .flatMap((p) =>
      r !== sub && anchor !== sub && p.cells[ci] === "undetermined" ? (p.sumOf ?? []).map(get) : [p],
    );
  const open = below.filter((m) => m.cells[ci] === "undetermined");
  const value = below.reduce((v, m) => v - num(m.cells[ci]), num(anchor.cells[ci]));
  if (open.length < 2 || value < 0)
    throw new Error(`table2: ${r.key}/${col.key} has no proper combined figure`);
  const cells = open.map((m) => ({ row: m.key, column: col.key }));
  return { cells, value, line: anchor.cellLines?.[col.key] ?? anchor.line };
}

/** The sentence of a fix's reasoning that says why its cells are undetermined. */
function whyUndetermined(fix: ManualFix): string {
  const sentences = fix.reasoning.split(/(?<=\.) (?=[A-Z])/);
  const why = sentences.filter((x) => x.includes("undetermined")).pop() ?? fix.reasoning;
  return `${why.replace(/\.$/, "")} (fix ${fix.id}).`;
}

/** Every undetermined cell, with the reason its fix gives and its combined figure. */
function undeterminedCells(
  rows: Row[],
  cols: Column[],
  parentOf: Map<string, string>,
  fixes: ManualFix[],
): UndeterminedCell[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const get: Lookup = (key) => byKey.get(key) as Row;
  return rows.flatMap((r) =>
    cols.flatMap((col, ci): UndeterminedCell[] => {
      if (r.cells[ci] !== "undetermined") return [];
      const fix = fixes.find((f) => f.cells.some((c) => c.row === r.key && c.column === col.key));
      if (!fix) throw new Error(`table2: ${r.key}/${col.key} is undetermined without a fix`);
      const combined = combinedFor(r, col, ci, get, parentOf);
      return [{ row: r.key, column: col.key, reason: whyUndetermined(fix), combined }];
    }),
  );
}

// ---------------------------------------------------------------- table

/** Table 2 and the evidence of its clean printed lines (the garbled ones are read by manual fixes). */
export function importTable2WithReadings(
  src: SourceText,
  fixes: ManualFix[],
): { table: Table; readings: LineEvidence[] } {
  readings = [];
  const table = importTable2(src, fixes);
  const out = readings;
  readings = [];
  return { table, readings: out };
}

export function importTable2(src: SourceText, fixes: ManualFix[]): Table {
  const own = fixes.filter((f) => f.table === "table2");
  const title = src.find(TITLE);
  const header = src.find(/^Service\t/, title);
  const firstNames = header + 1;
  const grand = src.find(/^Grand total\t/, firstNames);
  const secondGroups = src.find(/^Countries\/Regions of destination\t/, grand);
  const secondNames = secondGroups + 1;
  const cols = buildColumns(src, firstNames, secondGroups, secondNames);
  const firstSecond = cols.length - src.fields(secondNames).length;

  const ctx: Context = {
    service: "",
    programme: "",
    programmeKey: "",
    regions: [],
    subtotals: [],
    services: [],
    taken: new Set<string>(),
  };
  const parentOf = new Map<string, string>();
  const rows: Row[] = [];
  for (let n = firstNames + 1; n <= grand; n++) {
    const { row, parent } = firstHalfRow(src, n, cols, ctx);
    if (parent) parentOf.set(row.key, parent);
    rows.push(row);
  }
  // Subtotals add up into their service total; service totals into the grand total.
  rows.forEach((r) => (r.sumOf ?? []).forEach((part) => parentOf.set(part, r.key)));

  const garbled: number[] = [];
  SECOND_HALF_LINES.forEach((key, i) => {
    const n = secondNames + 1 + i;
    const row = rows.find((r) => r.key === key);
    if (key === GARBLED) garbled.push(n);
    else if (row) applySecondHalf(src, n, row, cols, firstSecond);
    else throw new Error(`table2: second-half line ${n} names unknown row ${key}`);
  });
  const last = secondNames + SECOND_HALF_LINES.length;
  if (src.line(last + 1).trim() !== "") throw new Error(`table2: second half continues after line ${last}`);
  applyFixes(src, rows, cols, own, garbled);

  return {
    id: "table2",
    number: "Table 2",
    title: TITLE.replace(/^Table 2:\s*/, ""),
    section: "IV.D",
    unit: "persons",
    period: "2011",
    lines: [title, last],
    columns: cols,
    rows,
    footnotes: footnotes(src, grand, secondGroups),
    undetermined: undeterminedCells(rows, cols, parentOf, own),
  };
}

/** The lines "^a …" and "^b …" between the first half and the second. */
function footnotes(src: SourceText, from: number, to: number): Footnote[] {
  const out: Footnote[] = [];
  for (let n = from + 1; n < to; n++) {
    const m = /^\^(\w)\s+(.*)$/.exec(src.line(n).trim());
    if (m?.[1] && m[2]) out.push({ mark: m[1], text: m[2], line: n });
  }
  return out;
}
