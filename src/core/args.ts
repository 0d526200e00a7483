import { msg } from "../i18n/messages";
import { IomError } from "./errors";

/** What Excel (or a script) may pass: Excel passes null for an omitted optional argument. */
export type Arg = string | number | boolean | null | undefined;

/**
 * An argument as Excel may pass it where the function declares `any`: a plain value, or a data
 * type (Excel.CellValue): an entity (Geography, Stocks, this add-in's own cards), a linked entity,
 * a number with its format or its properties (Double, FormattedNumber), a String or Boolean value.
 */
export type CellArg = Arg | DataTypeArg;

/** A data type as an argument: what of Excel.CellValue the functions read (the official types fit it). */
export interface DataTypeArg {
  type: string;
  text?: unknown;
  basicValue?: unknown;
}

/**
 * The plain value a data type stands for where a name or a number goes: an entity by the text its
 * cell shows (a Geography "Kenya" is "Kenya"), a number, text or TRUE/FALSE by its basic value, an
 * empty value as an omitted argument. The one place the functions unwrap their arguments.
 */
export function plainArg(a: CellArg): Arg {
  if (a === null || typeof a !== "object") return a;
  if (typeof a.text === "string" && a.text !== "") return a.text;
  const v = a.basicValue;
  if (a.type === "Empty") return null;
  // An entity's basic value is "#VALUE!" (what Range.values gives for it): no name.
  if ((typeof v === "string" && a.type !== "Entity" && a.type !== "LinkedEntity") || typeof v === "number")
    return v;
  if (typeof v === "boolean") return v;
  throw new IomError("bad_argument", msg("unsupported_value", { type: String(a.type).slice(0, 40) }));
}

/** Longer input is no name of the report: refuse it before normalising megabytes. */
const MAX_NAME = 200;

/** "Everything" in English, French and Spanish ("les deux"/"ambos" for both genders). */
const ALL_WORDS = new Set([
  ...["all", "total", "grand total", "*", "any", "both"],
  ...["tous", "toutes", "tout", "ensemble", "total général", "les deux"],
  ...["todos", "todas", "todo", "total general", "ambos", "ambas"],
]);

/** True for an omitted or empty argument. */
export const isBlank = (a: Arg): a is null | undefined | "" =>
  a === null || a === undefined || (typeof a === "string" && a.trim() === "");

/**
 * A name argument as text, or undefined when omitted. Numbers and booleans are the wrong
 * kind (#VALUE!), so a stray cell reference to a number never silently matches a name.
 */
export function nameArg(a: Arg, argument: string, example: string): string | undefined {
  if (isBlank(a)) return undefined;
  if (typeof a !== "string") {
    throw new IomError("bad_argument", msg("expected_name", { argument, example, got: a }), argument);
  }
  if (a.length > MAX_NAME) {
    throw new IomError("not_found", msg("too_long", { argument, head: a.slice(0, 40) }), argument);
  }
  return a;
}

/** True when a name argument asks for everything ("All", "Total"). */
export const isAll = (name: string | undefined): boolean =>
  name === undefined || ALL_WORDS.has(name.trim().toLowerCase());

/** A year: a whole number or numeric text ("1999"); anything else is #VALUE!. */
export function yearArg(a: Arg, argument: string, first: number, last: number): number | undefined {
  if (isBlank(a)) return undefined;
  const n = typeof a === "number" ? a : typeof a === "string" && /^\s*\d{4}\s*$/.test(a) ? Number(a) : NaN;
  if (!Number.isInteger(n) || n < first || n > last) {
    const got = typeof a === "string" ? a.slice(0, 40) : a;
    throw new IomError("bad_argument", msg("year_range", { argument, first, last, got }), argument);
  }
  return n;
}

/** Text for TRUE and FALSE in English, French and Spanish. */
const TRUE_WORDS = new Set(["true", "vrai", "verdadero"]);
const FALSE_WORDS = new Set(["false", "faux", "falso"]);

/** A TRUE/FALSE switch; text "true"/"false" (VRAI, FALSO…) and 1/0 are accepted, like Excel's own functions. */
export function flagArg(a: Arg, argument: string, fallback: boolean): boolean {
  if (isBlank(a)) return fallback;
  if (typeof a === "boolean") return a;
  if (typeof a === "number" && (a === 0 || a === 1)) return a === 1;
  if (typeof a === "string" && TRUE_WORDS.has(a.trim().toLowerCase())) return true;
  if (typeof a === "string" && FALSE_WORDS.has(a.trim().toLowerCase())) return false;
  const got = typeof a === "string" ? a.slice(0, 40) : a;
  throw new IomError("bad_argument", msg("expected_flag", { argument, got }), argument);
}
