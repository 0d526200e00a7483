/**
 * Recognising =IOM.* formulas in a workbook and turning them into formulas `evaluate` can run.
 * Excel stores a custom function call in the file as `_xldudf_IOM_STAFF(...)` when the add-in
 * was not loaded at save time, and as `IOM.STAFF(...)` otherwise; both are read.
 */
import type { Arg } from "../../core";

/** A whole-cell call `IOM.NAME(args)` (exceljs keeps formulas without the leading "="). */
const CALL = /^\s*=?\s*(?:_xldudf_IOM_|IOM\.)([A-Za-z][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/i;
/** Anything that mentions an IOM function, for reporting formulas that can't be refreshed. */
const MENTION = /(?:_xldudf_IOM_|\bIOM\.)[A-Za-z]/i;

export const mentionsIom = (formula: string): boolean => MENTION.test(formula);

/** A reference to one cell, optionally on another sheet: A1, $B$2, Sheet1!C3, 'My sheet'!D4. */
const CELL_REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/;

export interface CellRef {
  sheet?: string;
  address: string;
}

export type RawArg = { literal: Arg } | { ref: CellRef };

export interface IomCall {
  name: string;
  args: RawArg[];
}

/** Splits an argument list at top-level commas, leaving quoted text and nested parentheses whole. */
function splitArgs(body: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      let j = end;
      // "" inside text is an escaped quote.
      while (j >= 0 && body[j + 1] === '"') j = body.indexOf('"', j + 2);
      if (j < 0) return undefined;
      current += body.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) return undefined;
    if (ch === "," && depth === 0) {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  if (depth !== 0) return undefined;
  out.push(current);
  return body.trim() === "" ? [] : out;
}

function parseArg(text: string): RawArg | undefined {
  const s = text.trim();
  if (s === "") return { literal: null };
  if (/^"(?:[^"]|"")*"$/.test(s)) return { literal: s.slice(1, -1).replace(/""/g, '"') };
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { literal: Number(s) };
  if (/^(true|false)$/i.test(s)) return { literal: s.toLowerCase() === "true" };
  const m = CELL_REF.exec(s);
  if (m) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const address = `${(m[3] ?? "").toUpperCase()}${m[4] ?? ""}`;
    return { ref: sheet === undefined ? { address } : { sheet, address } };
  }
  return undefined;
}

/**
 * The call a formula cell makes, when the whole formula is one =IOM.* call whose arguments are
 * literals or single-cell references; undefined for anything else (nested or combined formulas).
 */
export function parseIomCall(formula: string): IomCall | undefined {
  const m = CALL.exec(formula);
  if (!m) return undefined;
  const parts = splitArgs(m[2] ?? "");
  if (!parts) return undefined;
  const args: RawArg[] = [];
  for (const p of parts) {
    const a = parseArg(p);
    if (!a) return undefined;
    args.push(a);
  }
  return { name: (m[1] ?? "").toUpperCase(), args };
}

const literalText = (a: Arg): string =>
  a === null || a === undefined
    ? ""
    : typeof a === "string"
      ? `"${a.replace(/"/g, '""')}"`
      : typeof a === "boolean"
        ? a
          ? "TRUE"
          : "FALSE"
        : String(a);

/** The formula `evaluate` runs, with every argument a literal. */
export const literalFormula = (name: string, args: Arg[]): string =>
  `=IOM.${name}(${args.map(literalText).join(",")})`;
