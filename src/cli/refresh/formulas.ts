/**
 * Recognising =IOM.* formulas as a workbook file stores them, and turning each into a template
 * whose cell references are relative to the cell (so a formula filled down a column, whether
 * written out in every cell or as one shared formula, is one template evaluated per cell).
 *
 * Spellings read, case-insensitively: `IOM.STAFF(...)` (Excel with the add-in, LibreOffice as
 * `iom.staff(...)`), `_xludf.IOM.STAFF(...)` (Excel's prefix for a function it did not know when
 * saving) and `_xldudf_IOM_STAFF(...)` (an older spelling of the same). A leading "=" is allowed.
 */
import type { Arg } from "../../core";

/** A whole-cell call. */
const CALL = /^\s*=?\s*(?:_xludf\.)?(?:_xldudf_IOM_|IOM\.)([A-Za-z][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/i;
/** Anything that mentions an IOM function, to report formulas that can't be refreshed. */
const MENTION = /(?:_xldudf_IOM_|(?:^|[^A-Za-z0-9_.])(?:_xludf\.)?IOM\.)[A-Za-z]/i;

export const mentionsIom = (formula: string): boolean => MENTION.test(formula);

/** A reference to one cell, optionally on another sheet: A1, $B$2, Sheet1!C3, 'My sheet'!D4. */
const CELL_REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

/** A cell reference of a template: absolute parts as written, relative parts as offsets from the cell. */
export interface RefArg {
  sheet?: string;
  row: number;
  rowAbsolute: boolean;
  col: number;
  colAbsolute: boolean;
}

export type TemplateArg = { literal: Arg } | { ref: RefArg };

export interface Template {
  /** Upper-case function name without the IOM. prefix. */
  name: string;
  args: TemplateArg[];
  /** True when no argument is a reference: one result for every cell. */
  constant: boolean;
}

/** Why a formula mentioning IOM.* can't be refreshed. */
export type Unsupported = "not_single_call";

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits an argument list at top-level commas, leaving quoted text and nested parentheses whole. */
function splitArgs(body: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '"') {
      let j = body.indexOf('"', i + 1);
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

function parseArg(text: string, row: number, col: number): TemplateArg | undefined {
  const s = text.trim();
  if (s === "") return { literal: null };
  if (/^"(?:[^"]|"")*"$/.test(s)) return { literal: s.slice(1, -1).replace(/""/g, '"') };
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { literal: Number(s) };
  if (/^(true|false)$/i.test(s)) return { literal: s.toLowerCase() === "true" };
  const m = CELL_REF.exec(s);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const colAbsolute = m[3] === "$";
  const rowAbsolute = m[5] === "$";
  const c = colNumber(m[4] ?? "A");
  const r = Number(m[6]);
  const ref: RefArg = {
    row: rowAbsolute ? r : r - row,
    rowAbsolute,
    col: colAbsolute ? c : c - col,
    colAbsolute,
  };
  if (sheet !== undefined) ref.sheet = sheet;
  return { ref };
}

/**
 * The template of a formula written in the cell at (row, col), or undefined when the formula is
 * not one =IOM.* call whose arguments are literals or single-cell references.
 */
export function parseTemplate(formula: string, row: number, col: number): Template | undefined {
  const m = CALL.exec(formula);
  if (!m) return undefined;
  const parts = splitArgs(m[2] ?? "");
  if (!parts) return undefined;
  const args: TemplateArg[] = [];
  for (const p of parts) {
    const a = parseArg(p, row, col);
    if (!a) return undefined;
    args.push(a);
  }
  return { name: (m[1] ?? "").toUpperCase(), args, constant: args.every((a) => "literal" in a) };
}

/** The cell a template's reference points at from the cell (row, col). */
export function refTarget(ref: RefArg, row: number, col: number): { row: number; col: number } {
  return { row: ref.rowAbsolute ? ref.row : ref.row + row, col: ref.colAbsolute ? ref.col : ref.col + col };
}

/** A key equal for the same template wherever it is written (its relative references as offsets). */
export function templateKey(t: Template): string {
  return JSON.stringify([t.name, t.args]);
}

const columnLetters = (col: number): string => {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The formula as written in the cell (row, col), for reports. */
export function templateText(t: Template, row: number, col: number): string {
  const args = t.args.map((a) => {
    if ("literal" in a) {
      const v = a.literal;
      if (v === null || v === undefined) return "";
      if (typeof v === "string") return `"${v.replace(/"/g, '""')}"`;
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    }
    const at = refTarget(a.ref, row, col);
    const sheet = a.ref.sheet === undefined ? "" : `'${a.ref.sheet.replace(/'/g, "''")}'!`;
    return `${sheet}${a.ref.colAbsolute ? "$" : ""}${columnLetters(at.col)}${a.ref.rowAbsolute ? "$" : ""}${at.row}`;
  });
  return `IOM.${t.name}(${args.join(",")})`;
}
