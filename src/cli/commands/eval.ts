import { type CellValueJson, parseFormula, unknownFunction } from "../../core";
import { hostLanguage } from "../../i18n/host";
import { render } from "../../i18n/messages";
import { isExcelError, toExcelError, type ExcelError } from "../../functions/excel-error";
import { forceDataTypes } from "../../functions/data-types";
import * as functions from "../../functions/functions";
import { csvField, type Emit } from "../output";
import type { ExitCode } from "../errors";
import type { EvalFormat } from "../formats";
import { EXIT } from "../io";

type Cell = string | number | boolean | ExcelError;
/** A data type a function returns where the host shows them (a figure's or a country's card). */
type CardValue = CellValueJson;
type FunctionResult = Cell | Cell[][] | CardValue;
type Callable = (...args: (string | number | boolean | null)[]) => FunctionResult;

/** The =IOM.* functions by their Excel name: the very code Excel runs. */
const BY_NAME: Record<string, Callable> = {
  MOVEMENTS: functions.movements,
  MIGRANTS: functions.migrants,
  STAFF: functions.staff,
  EXPENDITURE: functions.expenditure,
  PROJECTS: functions.projects,
  FACT: functions.fact,
  FACTS: functions.facts as Callable,
  TABLE: functions.table as Callable,
  LIST: functions.list,
  SOURCE: functions.source,
  EDITION: functions.edition,
  COUNTRY: functions.country,
};

export const functionNames = (): string[] => Object.keys(BY_NAME);

/** The outcome of one formula: a value, a spilled grid, or the Excel error it shows. */
export type EvalResult = { value: Cell | Cell[][] } | { error: ExcelError };
/** The same, where the host shows data types: a value may be a card. */
export type CellValueResult = { value: FunctionResult } | { error: ExcelError };

const isCard = (v: FunctionResult): v is CardValue =>
  typeof v === "object" && !Array.isArray(v) && "type" in v;

/** What a cell holding a card gives as a plain value (Range.values): the number, or the entity's text. */
const basicOf = (v: CardValue): Cell => (v.type === "Entity" ? (v.text ?? "") : v.basicValue);

/**
 * Evaluates one formula with the function code. `localized` accepts the French and Spanish
 * function names (=IOM.PERSONNEL, as typed in French Excel); without it only the ids Excel stores
 * in a workbook file (=IOM.STAFF) are functions, so `refresh` leaves any other name alone.
 */
export function evaluate(formula: string, options: { localized?: boolean } = {}): EvalResult {
  const r = call(formula, options.localized === true);
  if ("error" in r) return r;
  return { value: isCard(r.value) ? basicOf(r.value) : r.value };
}

/**
 * Evaluates one formula as a host that shows data types would (Excel on the web, Microsoft 365):
 * the JSON Excel receives, a card where the function gives one.
 */
export function evaluateCellValues(formula: string): CellValueResult {
  forceDataTypes(true);
  try {
    return call(formula, true);
  } finally {
    forceDataTypes(undefined);
  }
}

function call(formula: string, localized: boolean): CellValueResult {
  const parsed = parseFormula(formula);
  // parseFormula reads French and Spanish names and separators too (=IOM.PERSONNEL("P-4";"Femmes")).
  if ("error" in parsed)
    return {
      error: {
        code: "#NAME?",
        message: render(parsed.problem, hostLanguage()),
        problem: parsed.problem.code,
      },
    };
  const fn = localized || parsed.written === parsed.name ? BY_NAME[parsed.name] : undefined;
  if (!fn) {
    const e = unknownFunction(parsed.written, hostLanguage());
    return { error: { code: "#NAME?", message: e.text(hostLanguage()), problem: "unknown_function" } };
  }
  try {
    // Excel passes null for every argument left out at the end, too.
    const args = [
      ...parsed.args.map((a) => a ?? null),
      ...Array<null>(Math.max(0, fn.length - parsed.args.length)).fill(null),
    ];
    return { value: fn(...args) };
  } catch (e) {
    return { error: isExcelError(e) ? e : toExcelError(e) };
  }
}

/** Names that matched nothing: the same exit code as `iom source` or `iom table` give them. */
const NOT_FOUND = new Set(["not_found", "unknown_function", "ambiguous", "too_long", "no_fact_match"]);

/**
 * The exit code of a formula's error, by the kind of problem, as every command uses them: a name
 * that matched nothing 4, a formula or argument of the wrong form 2 (usage), a figure the report
 * does not give (an undetermined cell, a chart's lost figures) 1.
 */
export function exitCodeOf(error: ExcelError): ExitCode {
  if (error.problem !== undefined && NOT_FOUND.has(error.problem)) return EXIT.notFound;
  if (error.code === "#VALUE!" || (error.code === "#NAME?" && error.problem !== "unknown_function"))
    return EXIT.usage;
  return EXIT.failed;
}

const cellText = (c: Cell): string => (isExcelError(c) ? c.code : String(c));

const cellJson = (c: Cell): string | number | boolean | { error: string; message?: string } =>
  isExcelError(c) ? { error: c.code, ...(c.message ? { message: c.message } : {}) } : c;

const ERROR_TYPES: Record<string, string> = { "#N/A": "NotAvailable", "#VALUE!": "Value", "#NAME?": "Name" };

/** An error as Excel's ErrorCellValue, with the message CustomFunctions.Error carries. */
const errorJson = (e: ExcelError) => ({
  type: "Error",
  basicValue: e.code,
  ...(ERROR_TYPES[e.code] ? { errorType: ERROR_TYPES[e.code] } : {}),
  ...(e.message ? { message: e.message } : {}),
});

const cellValueJson = (v: FunctionResult): unknown =>
  Array.isArray(v)
    ? v.map((row) => row.map((c) => (isExcelError(c) ? errorJson(c) : c)))
    : isExcelError(v)
      ? errorJson(v)
      : v;

/**
 * Prints what Excel would receive for each formula where it shows data types: a card's JSON
 * (Excel.CellValue), a plain value, a spill's matrix, an error. One formula prints its value, more
 * an array of them. The exit code is the first failing formula's.
 */
export function runEvalCellValues(formulas: string[], emit: Emit): number {
  let code: ExitCode = EXIT.ok;
  const values = formulas.map((formula) => {
    const r = evaluateCellValues(formula);
    if (!("error" in r)) return cellValueJson(r.value);
    if (code === EXIT.ok) code = exitCodeOf(r.error);
    emit.problem(`${formula}: ${r.error.message ?? r.error.code}`);
    return errorJson(r.error);
  });
  emit.data(`${JSON.stringify(values.length === 1 ? values[0] : values, null, 2)}\n`);
  return code;
}

/**
 * Prints each formula's result: a value on its line, a spill as rows (tab-separated, or CSV);
 * an error as the cell shows it, with its message on stderr. JSON gives one record per formula.
 * The exit code is the first failing formula's.
 */
export function runEval(formulas: string[], format: EvalFormat, emit: Emit): number {
  let code: ExitCode = EXIT.ok;
  const results = formulas.map((formula) => {
    const r = evaluate(formula, { localized: true });
    if ("error" in r && code === EXIT.ok) code = exitCodeOf(r.error);
    return { formula, r };
  });
  if (format === "json") {
    const records = results.map(({ formula, r }) =>
      "error" in r
        ? { formula, error: r.error.code, message: r.error.message ?? "" }
        : {
            formula,
            value: Array.isArray(r.value) ? r.value.map((row) => row.map(cellJson)) : cellJson(r.value),
          },
    );
    emit.data(`${JSON.stringify(records, null, 2)}\n`);
    return code;
  }
  const field = format === "csv" ? (c: Cell) => csvField(cellText(c)) : cellText;
  const sep = format === "csv" ? "," : "\t";
  const eol = format === "csv" ? "\r\n" : "\n";
  let text = "";
  for (const { formula, r } of results) {
    if ("error" in r) {
      text += `${r.error.code}${eol}`;
      emit.problem(`${formula}: ${r.error.message ?? r.error.code}`);
    } else if (Array.isArray(r.value)) text += r.value.map((row) => row.map(field).join(sep)).join(eol) + eol;
    else text += `${field(r.value)}${eol}`;
  }
  emit.data(text);
  return code;
}

/**
 * The formulas of a --file: one per line; blank lines and lines starting with # are left out, and
 * a byte-order mark (Notepad writes one) is not part of the first formula.
 */
export function formulasIn(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
