import { parseFormula } from "../../core";
import { hostLanguage } from "../../i18n/host";
import { msg, render } from "../../i18n/messages";
import { isExcelError, toExcelError, type ExcelError } from "../../functions/excel-error";
import * as functions from "../../functions/functions";
import { EXIT, type Io } from "../io";

type Cell = string | number | boolean | ExcelError;
type FunctionResult = Cell | Cell[][];
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
};

export const functionNames = (): string[] => Object.keys(BY_NAME);

/** The outcome of one formula: a value, a spilled grid, or the Excel error it shows. */
export type EvalResult = { value: Cell | Cell[][] } | { error: ExcelError };

/**
 * Evaluates one formula with the function code. `localized` accepts the French and Spanish
 * function names (=IOM.PERSONNEL, as typed in French Excel); without it only the ids Excel stores
 * in a workbook file (=IOM.STAFF) are functions, so `refresh` leaves any other name alone.
 */
export function evaluate(formula: string, options: { localized?: boolean } = {}): EvalResult {
  const parsed = parseFormula(formula);
  // parseFormula reads French and Spanish names and separators too (=IOM.PERSONNEL("P-4";"Femmes")).
  if ("error" in parsed)
    return { error: { code: "#NAME?", message: render(parsed.problem, hostLanguage()) } };
  const fn = options.localized || parsed.written === parsed.name ? BY_NAME[parsed.name] : undefined;
  if (!fn) {
    const problem = msg("unknown_function", { name: parsed.written, known: functionNames() });
    return { error: { code: "#NAME?", message: render(problem, hostLanguage()) } };
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

const cellText = (c: Cell): string =>
  isExcelError(c) ? c.code : typeof c === "number" ? String(c) : String(c);

/** Prints each formula's result (a spill as tab-separated rows); exit 1 when any gave an error. */
export function runEval(formulas: string[], io: Io): number {
  let failed = false;
  for (const f of formulas) {
    const r = evaluate(f, { localized: true });
    if ("error" in r) {
      failed = true;
      io.out(`${r.error.code}\t${r.error.message ?? ""}\n`);
      continue;
    }
    if (Array.isArray(r.value)) io.out(r.value.map((row) => row.map(cellText).join("\t")).join("\n") + "\n");
    else io.out(`${cellText(r.value)}\n`);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
