/**
 * A cell's value as the refresh reads and writes it, the same whether it comes from a cached
 * formula result, a constant, a shared or inline string, or the core.
 */
import { escapeCellText } from "./xml-text";

/**
 * null is a blank cell. An error value the core gives says why (`why`, an undetermined cell's
 * reason): reports show it; the file keeps only the error, as Excel does.
 */
export type CellValue = number | string | boolean | { error: string; why?: string } | null;

export const isError = (v: CellValue): v is { error: string; why?: string } =>
  typeof v === "object" && v !== null;

/** Same value as Excel would show it: numbers by value (a cached "0" is 0, not blank). */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (isError(a) || isError(b)) return isError(a) && isError(b) && a.error === b.error;
  return a === b;
}

/** Short text for reports: 14, "Kenya", TRUE, #N/A, (blank). */
export function showValue(v: CellValue): string {
  if (v === null) return "(blank)";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.error;
}

const ERRORS = new Map<string, { error: string }>();

let lastError: { error: string } = Object.freeze({ error: "#N/A" });
ERRORS.set(lastError.error, lastError);

/** One shared value per error text (a sheet full of #NAME? needs no object per cell). */
function errorValue(code: string): { error: string } {
  // Errors come in runs of one code: a compare costs less than hashing the text.
  if (code === lastError.error) return lastError;
  let e = ERRORS.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    if (ERRORS.size < 100) ERRORS.set(code, e);
  }
  lastError = e;
  return e;
}

/**
 * The value a cell holds in the file: its t attribute and <v> text (or inline string), with
 * shared strings looked up by `sst` (undefined while not yet loaded: the index is kept).
 */
export function cachedValue(
  type: string | undefined,
  v: string | undefined,
  inline: string | undefined,
): CellValue | { sst: number } {
  switch (type) {
    case "s": {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 ? { sst: i } : null;
    }
    case "str":
      return v ?? "";
    case "inlineStr":
      return inline ?? v ?? "";
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === undefined ? null : errorValue(v.trim());
    case "d":
      // An ISO 8601 date (LibreOffice, strict files): passed on as its text.
      return v ?? null;
    default: {
      if (v === undefined || v.trim() === "") return inline !== undefined ? inline : null;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/** The t attribute (undefined: a number, which needs none) and <v> text that store a value. */
export function storedForm(v: CellValue): { type: "n" | "str" | "b" | "e"; text: string } {
  if (v === null) return { type: "str", text: "" };
  if (typeof v === "number") return { type: "n", text: String(v) };
  if (typeof v === "string") return { type: "str", text: escapeCellText(v) };
  if (typeof v === "boolean") return { type: "b", text: v ? "1" : "0" };
  return { type: "e", text: escapeCellText(v.error) };
}
