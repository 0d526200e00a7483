import { IomError } from "../core";
import { hostLanguage } from "../i18n/host";
import type { Lang } from "../i18n/lang";
import { render, type Message } from "../i18n/messages";

/** The error values the functions return: #N/A (no such name, no such figure) and #VALUE! (wrong kind). */
export type ExcelErrorCode = "#N/A" | "#VALUE!";

/** What a function throws or puts in a spilled cell: CustomFunctions.Error in Excel, its twin elsewhere. */
export interface ExcelError {
  code: string;
  message?: string;
  /**
   * The core's message code behind it ("not_found", "undetermined"…), where known: outside Excel
   * only, so `iom eval` can tell a name that matched nothing from a figure the report lacks.
   */
  problem?: string;
}

/**
 * Stands in for CustomFunctions.Error where Office's runtime isn't loaded (Node: CLI, tests, scripts).
 * An error value, like #N/A in a cell, not a failure of the code: it records no stack trace, which
 * would cost far more than the value (spilled tables hold hundreds of them).
 */
export class OfflineExcelError extends Error implements ExcelError {
  readonly code: ExcelErrorCode;
  readonly problem?: string;

  constructor(code: ExcelErrorCode, message: string, problem?: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.name = "ExcelError";
    if (problem !== undefined) this.problem = problem;
  }
}

/** Excel shows the message in the cell's error flag; long ones are cut there anyway. */
const MAX_MESSAGE = 1000;

export function excelError(code: ExcelErrorCode, message: string, problem?: string): ExcelError {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime?.Error) {
    const errorCode = code === "#N/A" ? runtime.ErrorCode.notAvailable : runtime.ErrorCode.invalidValue;
    return new runtime.Error(errorCode, text);
  }
  return new OfflineExcelError(code, text, problem);
}

/**
 * An error outcome as the functions keep it: Excel's code and the core's message as data (its code
 * and parameters, or fixed text), in one small object: no Error, no stack. It is put into words,
 * in Excel's display language, each time a cell shows it.
 */
export class Failure {
  constructor(
    readonly code: ExcelErrorCode,
    /** The message's code ("not_found"), or the message itself when it is fixed text. */
    readonly problem: string,
    /** The message's parameters; undefined for fixed text. */
    readonly params?: Message["params"],
  ) {}

  /** The Excel error a cell shows, worded in `lang`. */
  shown(lang: Lang = hostLanguage()): ExcelError {
    const text =
      this.params === undefined
        ? this.problem
        : render({ code: this.problem, params: this.params } as Message, lang);
    return excelError(this.code, text, this.params === undefined ? undefined : this.problem);
  }
}

/** What anything a query throws becomes: the core's typed errors their code and message, anything else an internal error. */
export function failureOf(e: unknown): Failure {
  if (e instanceof IomError) {
    const code = e.kind === "bad_argument" ? "#VALUE!" : "#N/A";
    return e.problem ? new Failure(code, e.problem.code, e.problem.params) : new Failure(code, e.message);
  }
  // A bug, not bad input: still an error value in the cell, never an exception in Excel's face.
  return new Failure("#VALUE!", `internal error: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * Maps anything a query throws to the Excel error the cell shows; nothing else ever escapes. The
 * message is in Excel's display language (English, French or Spanish).
 */
export const toExcelError = (e: unknown): ExcelError => failureOf(e).shown();

export const isExcelError = (v: unknown): v is ExcelError =>
  typeof v === "object" && v !== null && "code" in v && typeof v.code === "string";
