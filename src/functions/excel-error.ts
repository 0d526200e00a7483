import { IomError } from "../core";
import { hostLanguage } from "../i18n/host";

/** The error values the functions return: #N/A (no such name, no such figure) and #VALUE! (wrong kind). */
export type ExcelErrorCode = "#N/A" | "#VALUE!";

/** What a function throws or puts in a spilled cell: CustomFunctions.Error in Excel, its twin elsewhere. */
export interface ExcelError {
  code: string;
  message?: string;
}

/** Stands in for CustomFunctions.Error where Office's runtime isn't loaded (Node: CLI, tests, scripts). */
export class OfflineExcelError extends Error implements ExcelError {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExcelError";
  }
}

/** Excel shows the message in the cell's error flag; long ones are cut there anyway. */
const MAX_MESSAGE = 1000;

export function excelError(code: ExcelErrorCode, message: string): ExcelError {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime?.Error) {
    const errorCode = code === "#N/A" ? runtime.ErrorCode.notAvailable : runtime.ErrorCode.invalidValue;
    return new runtime.Error(errorCode, text);
  }
  return new OfflineExcelError(code, text);
}

/**
 * Maps anything a query throws to the Excel error the cell shows; nothing else ever escapes. The
 * message is in Excel's display language (English, French or Spanish).
 */
export function toExcelError(e: unknown): ExcelError {
  if (e instanceof IomError)
    return excelError(e.kind === "bad_argument" ? "#VALUE!" : "#N/A", e.text(hostLanguage()));
  // A bug, not bad input: still an error value in the cell, never an exception in Excel's face.
  return excelError("#VALUE!", `internal error: ${e instanceof Error ? e.message : String(e)}`);
}

export const isExcelError = (v: unknown): v is ExcelError =>
  typeof v === "object" && v !== null && "code" in v && typeof v.code === "string";
