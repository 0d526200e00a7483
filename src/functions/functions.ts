/**
 * Excel custom functions (namespace IOM, declared in manifest.xml): thin, synchronous wrappers
 * over the query core. functions.json is generated from the JSDoc below at build time by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls.
 *
 * Excel passes null for an omitted argument, so no parameter relies on a default value.
 */
/* eslint-disable @typescript-eslint/only-throw-error -- Excel wants a CustomFunctions.Error thrown, and that class is not an Error subclass */
import {
  type Answer,
  type Arg,
  type CellValueJson,
  type DataTypeArg,
  type DoubleJson,
  type EntityJson,
  type Grid,
  type Iom,
  CallMemo,
  callKey,
  cellValueOf,
  countryCard,
  editionsVersion,
  figureCard,
  iom,
  isMissing,
  plainArg,
} from "../core";
import { dataTypes, type DataTypeSupport } from "./data-types";
import { hostLanguage } from "../i18n/host";
import type { Lang } from "../i18n/lang";
import { excelError, Failure, failureOf, type ExcelError } from "./excel-error";

/**
 * Office's custom functions runtime. The build appends `CustomFunctions.associate(...)` calls to
 * this file, and they resolve to this binding: where office.js could not load (a browser without a
 * connection), it registers nothing instead of throwing "CustomFunctions is not defined" (nothing
 * could call the functions there).
 */
export const CustomFunctions: { associate: (id: string, fn: (...args: never[]) => unknown) => void } = (
  globalThis as { CustomFunctions?: typeof CustomFunctions }
).CustomFunctions ?? {
  associate: () => undefined,
};

/** A spilled result; frozen, since every later call with the same arguments returns this very array. */
type Spill = readonly (readonly (string | number | ExcelError)[])[];

/** What a call gave: its value (a number, a text, a spill, a data type) or the error its cell shows. */
type Outcome = number | string | Spill | CellValueJson | Failure;

/**
 * The functions' one memo: each call's outcome, value or error, by function and arguments (and
 * the display language for LIST, SOURCE and the cards, whose values are worded in it). The outcomes
 * are deterministic, since the data is bundled, so a recalculation of a cell already seen is one
 * key and one lookup. Errors are kept as their code and message data (Failure), worded when shown.
 */
const memo = new CallMemo<Outcome>({ weigh: weighOutcome });
/** The editions the memo's outcomes were computed with; a change (an edition added) empties it. */
let memoEditions = editionsVersion();

function weighOutcome(o: Outcome): number {
  if (typeof o === "number") return Number.isInteger(o) ? 0 : 16; // a small integer lives in the pointer
  if (typeof o === "string") return 16 + o.length;
  if (o instanceof Failure) return 40 + o.problem.length + (o.params ? JSON.stringify(o.params).length : 0);
  // A card: its text twice (UTF-16) and the objects around it; computed once per distinct call.
  if (!Array.isArray(o)) return 3 * JSON.stringify(o).length;
  let n = 16 + 8 * o.length;
  for (const row of o as Spill) {
    n += 16 + 8 * row.length;
    for (const c of row) n += typeof c === "string" ? 16 + c.length : typeof c === "number" ? 16 : 64;
  }
  return n;
}

/** The kept outcome of the call `key` names, or undefined (computed, and kept when `key` is defined). */
function kept(key: string | undefined): Outcome | undefined {
  if (key === undefined) return undefined;
  const version = editionsVersion();
  if (version !== memoEditions) {
    memo.clear();
    memoEditions = version;
  }
  return memo.get(key);
}

const keep = <T extends Outcome>(key: string | undefined, o: T): T => {
  if (key !== undefined) memo.set(key, o);
  return o;
};

/** The value of an outcome, or its error thrown (in Excel's display language). */
function shown<T extends number | string | Spill | CellValueJson>(o: Outcome): T {
  if (o instanceof Failure) throw o.shown(hostLanguage());
  return o as T;
}

/**
 * What Excel passes for an argument declared `any`: a plain value, or a data type (a Geography
 * entity, this add-in's cards, a formatted number), which the core's plainArg unwraps.
 */
type In = string | number | boolean | null | undefined | DataTypeArg;

/** An argument as the core takes it; a data type with nothing to use is the cell's #VALUE!. */
function plain(x: In): Arg {
  if (x === null || typeof x !== "object") return x;
  try {
    return plainArg(x);
  } catch (e) {
    throw failureOf(e).shown(hostLanguage());
  }
}

/** Each value function's last argument names the edition of the report (blank: the latest). */
const at = (edition: Arg) => iom({ edition });
type AnswerOf = (core: Iom, a: Arg, b: Arg, c: Arg, d: Arg) => Answer;
const answerMovements: AnswerOf = (core, p, g, f) => core.movements(p, g, f);
const answerMigrants: AnswerOf = (core, a, g) => core.migrants(a, g);
const answerStaff: AnswerOf = (core, c, g, l, n) => core.staff(c, g, l, n);
const answerExpenditure: AnswerOf = (core, i, y) => core.expenditure(i, y);
const answerProjects: AnswerOf = (core, r, s) => core.projects(r, s);
const answerFact: AnswerOf = (core, k) => core.fact(k);

/**
 * The value of `tag(a, b, c, d)` in edition `e`, kept in the memo: the number, or where the host
 * shows data types, its card (a DoubleCellValue whose basic value is the number). The function and
 * its arguments are passed rather than a closure, so a recalculation (a hit) allocates nothing but
 * its key.
 */
function value(tag: string, answer: AnswerOf, e: In, a?: In, b?: In, c?: In, d?: In): number | DoubleJson {
  const pe = plain(e);
  const pa = plain(a);
  const pb = plain(b);
  const pc = plain(c);
  const pd = plain(d);
  if (!dataTypes().figures) {
    const key = callKey(tag, pa, pb, pc, pd, pe);
    return shown<number>(kept(key) ?? keep(key, valueOutcome(answer, pe, pa, pb, pc, pd)));
  }
  const lang = hostLanguage();
  const key = callKey(`${tag}:card:${lang}`, pa, pb, pc, pd, pe);
  return shown<DoubleJson>(kept(key) ?? keep(key, cardOutcome(lang, answer, pe, pa, pb, pc, pd)));
}

function valueOutcome(answer: AnswerOf, e: Arg, a: Arg, b: Arg, c: Arg, d: Arg): number | Failure {
  let v: number;
  try {
    v = answer(at(e), a, b, c, d).value;
  } catch (err) {
    return failureOf(err);
  }
  return Number.isFinite(v) ? v : new Failure("#N/A", "the data holds no finite number for this cell");
}

function cardOutcome(
  lang: Lang,
  answer: AnswerOf,
  e: Arg,
  a: Arg,
  b: Arg,
  c: Arg,
  d: Arg,
): DoubleJson | Failure {
  try {
    const core = at(e);
    const found = answer(core, a, b, c, d);
    if (!Number.isFinite(found.value))
      return new Failure("#N/A", "the data holds no finite number for this cell");
    return cellValueOf(figureCard(found, core.edition, lang));
  } catch (err) {
    return failureOf(err);
  }
}

/** The spill `grid()` gives, kept under `key`; or its error thrown. */
const spilled = (key: string | undefined, grid: () => Grid): Spill =>
  shown<Spill>(kept(key) ?? keep(key, spill(grid)));

/** A spilled grid, frozen, its missing cells #N/A with their reason; or the error of the whole call. */
function spill(grid: () => Grid): Spill | Failure {
  let g: Grid;
  try {
    g = grid();
  } catch (e) {
    return failureOf(e);
  }
  return Object.freeze(
    g.map((row) => Object.freeze(row.map((c) => (isMissing(c) ? excelError("#N/A", c.missing) : c)))),
  );
}

/**
 * Persons IOM moved in the report's year (the movement tables). Leave every argument empty for the grand total.
 * @customfunction MOVEMENTS
 * @param [place] Destination: a country ("Kenya", "USA", "KE"), "Other countries in Africa"…, a region or area of destination ("East Africa", "Europe"), or empty/"All" for every destination.
 * @param [programme] A service classification or programme ("Resettlement Assistance", "Regulating Migration", "AVRR"); empty for all.
 * @param [from] Region or area of departure ("Africa", "Caribbean"), or a budgetary region ("Africa (budgetary region)"); empty for all.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns Number of persons moved.
 */
export function movements(
  place?: string | number | boolean | null | DataTypeArg,
  programme?: string | number | boolean | null | DataTypeArg,
  from?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): number | DoubleJson {
  return value("MOVEMENTS", answerMovements, edition, place, programme, from);
}

/**
 * Migrants moved in the report's year by age group and gender.
 * @customfunction MIGRANTS
 * @param [age_group] "0-9", "10-17", "18-29", … "80-89", ">90", "No data", or empty/"All" for every age.
 * @param [gender] "F"/"Female" or "M"/"Male"; empty for both.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns Number of migrants.
 */
export function migrants(
  age_group?: string | number | boolean | null | DataTypeArg,
  gender?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): number | DoubleJson {
  return value("MIGRANTS", answerMigrants, edition, age_group, gender);
}

/**
 * IOM staff head-count at the end of the report's year (the staff tables).
 * @customfunction STAFF
 * @param category A grade ("P-4", "D-1", "UG"), "Short-term Officials", "Associate Experts" ("AE"), "Officials", "Employees", "General Service", "National Officers", or "All".
 * @param [gender] "F"/"Female" or "M"/"Male"; empty for both.
 * @param [location] "Headquarters"/"HQ" or "Field"; empty for both.
 * @param [nationality] A country ("France", "FR"); empty for every nationality.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns Number of staff.
 */
export function staff(
  category: string | number | boolean | null | DataTypeArg,
  gender?: string | number | boolean | null | DataTypeArg,
  location?: string | number | boolean | null | DataTypeArg,
  nationality?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): number | DoubleJson {
  return value("STAFF", answerStaff, edition, category, gender, location, nationality);
}

/**
 * Expenditure in USD million (the expenditure tables); the most precise printed figure.
 * @customfunction EXPENDITURE
 * @param item "Total", "Administrative", "Operational", a region ("Europe") or a service classification ("Migration Health").
 * @param [year] A year the report gives the item for (see IOM.LIST("year")); empty for the report's year.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns USD million.
 */
export function expenditure(
  item: string | number | boolean | null | DataTypeArg,
  year?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): number | DoubleJson {
  return value("EXPENDITURE", answerExpenditure, edition, item, year);
}

/**
 * Active projects in the report's year (the projects tables).
 * @customfunction PROJECTS
 * @param [region] "Asia and Oceania", "Africa", "Europe", "Latin America and the Caribbean", "Middle East", "North America", "Global activities"; empty for all.
 * @param [service] A service classification ("Regulating Migration"); empty for all.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns Number of projects.
 */
export function projects(
  region?: string | number | boolean | null | DataTypeArg,
  service?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): number | DoubleJson {
  return value("PROJECTS", answerProjects, edition, region, service);
}

/**
 * One narrative figure of the report by its key (see IOM.FACTS for keys).
 * @customfunction FACT
 * @param key A fact key, e.g. "legal.contracts_reviewed".
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns The figure as printed (a hedge such as "more than" is shown by IOM.SOURCE).
 */
export function fact(
  key: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): number | DoubleJson {
  return value("FACT", answerFact, edition, key);
}

/**
 * The narrative figures matching a search, spilled as rows of key, label, value, unit, paragraph.
 * @customfunction FACTS
 * @param [search] Words that must all appear in the key, label or text ("Canada resettled"); empty for all facts.
 * @param [headers] TRUE to add a header row; default FALSE.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns One row per fact.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator maps only a literal any[][] to a mixed (text and number) matrix */
export function facts(
  search?: string | number | boolean | null | DataTypeArg,
  headers?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): any[][] {
  const [s, h, e] = [plain(search), plain(headers), plain(edition)];
  // Excel copies the spilled array; the cast only drops readonly for the metadata's any[][].
  return spilled(callKey("FACTS", s, h, e), () => at(e).factsGrid(s, h)) as any[][];
}

/**
 * A whole report table, spilled, with its row and column labels.
 * @customfunction TABLE
 * @param table "Table 5", 5, a table's id or its title (see IOM.LIST("table")).
 * @param [headers] FALSE for the numbers only; default TRUE.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns The table as printed; undetermined cells are #N/A with the reason.
 */
export function table(
  table: string | number | boolean | null | DataTypeArg,
  headers?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): any[][] {
  const [t, h, e] = [plain(table), plain(headers), plain(edition)];
  return spilled(callKey("TABLE", t, h, e), () => at(e).table(t, h)) as any[][];
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The valid names of an argument, spilled down a column (for data-validation lists).
 * @customfunction LIST
 * @param [dimension] "place", "programme", "from", "age_group", "gender", "category", "location", "nationality", "item", "year", "region", "service", "table", "key", "function" or "edition"; empty for this list.
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns One name per row.
 */
export function list(
  dimension?: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): string[][] {
  const lang = hostLanguage();
  const [d, e] = [plain(dimension), plain(edition)];
  // Names in Excel's display language; every language's names are accepted as arguments.
  const names = (): Grid =>
    at(e)
      .list(d, lang)
      .map((n) => [n]);
  return spilled(callKey("LIST", lang, d, e), names) as string[][];
}

/**
 * Where a value comes from: table or paragraph, source line, footnotes, qualifier, discrepancies.
 * @customfunction SOURCE
 * @param func The function ("STAFF") followed by its arguments, or a whole formula as text ("=IOM.STAFF(""P-4"",""F"")").
 * @param [arg1] First argument of that function.
 * @param [arg2] Second argument.
 * @param [arg3] Third argument.
 * @param [arg4] Fourth argument.
 * @param [arg5] Fifth argument (the edition, after STAFF's four).
 * @returns A line of text citing the report, its edition and the line of its text.
 */
export function source(
  func: string | number | boolean | null | DataTypeArg,
  arg1?: string | number | boolean | null | DataTypeArg,
  arg2?: string | number | boolean | null | DataTypeArg,
  arg3?: string | number | boolean | null | DataTypeArg,
  arg4?: string | number | boolean | null | DataTypeArg,
  arg5?: string | number | boolean | null | DataTypeArg,
): string {
  const lang = hostLanguage();
  const [f, a1, a2, a3, a4, a5] = [func, arg1, arg2, arg3, arg4, arg5].map(plain);
  const key = callKey("SOURCE", lang, f, a1, a2, a3, a4, a5);
  return shown<string>(kept(key) ?? keep(key, sourceOutcome(lang, f, a1, a2, a3, a4, a5)));
}

/**
 * An edition of the IOM report the add-in serves: its document symbol and edition (IOM.LIST("edition") lists them all).
 * @customfunction EDITION
 * @param [edition] An edition's year or document symbol; empty for the latest, which every function answers from by default.
 * @returns The report's document symbol and edition, as "MC/1234 (1999)".
 */
export function edition(edition?: string | number | boolean | null | DataTypeArg): string {
  try {
    return at(plain(edition)).editionLabel();
  } catch (e) {
    throw failureOf(e).shown(hostLanguage());
  }
}

function sourceOutcome(lang: Lang, func: Arg, a1: Arg, a2: Arg, a3: Arg, a4: Arg, a5: Arg): string | Failure {
  try {
    return iom().sourceIn(lang, func, a1, a2, a3, a4, a5);
  } catch (e) {
    return failureOf(e);
  }
}

/**
 * A country of the report as a card: movements to it (in total and by programme), by region of departure where the report determines them, its nationals on IOM staff, the figures of the text naming it; each figure with its source. Read a field with =A1.Movements. Where Excel shows no data types, the country's name.
 * @customfunction COUNTRY
 * @param country A destination country or a nationality ("Kenya", "KE", a Geography data type).
 * @param [edition] The edition of the report (see IOM.LIST("edition")); empty for the latest.
 * @returns The country's card, or its name where Excel shows no data types.
 */
export function country(
  country: string | number | boolean | null | DataTypeArg,
  edition?: string | number | boolean | null | DataTypeArg,
): string | EntityJson {
  const [c, e] = [plain(country), plain(edition)];
  const lang = hostLanguage();
  const support = dataTypes();
  const key = callKey(
    `COUNTRY:${support.entities ? (support.figures ? "cards" : "entity") : "name"}:${lang}`,
    c,
    e,
  );
  return shown<EntityJson | string>(kept(key) ?? keep(key, countryOutcome(lang, support, c, e)));
}

function countryOutcome(lang: Lang, support: DataTypeSupport, c: Arg, e: Arg): EntityJson | string | Failure {
  try {
    const card = countryCard(at(e), c, lang);
    return support.entities ? cellValueOf(card, { basicProperties: support.figures }) : card.text;
  } catch (err) {
    return failureOf(err);
  }
}
