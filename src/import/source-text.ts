import { readFileSync } from "fs";

/**
 * The report's text, addressed by 1-based line number as every provenance record is.
 * Tables in the text are tab-separated and print numbers with spaces as thousands
 * separators ("1 265.4"), negative numbers in parentheses ("(7.9)").
 */
export class SourceText {
  readonly lines: readonly string[];

  constructor(readonly text: string) {
    this.lines = text.split(/\r?\n/);
  }

  static fromFile(path: string): SourceText {
    return new SourceText(readFileSync(path, "utf8"));
  }

  /** The text of line `n` (1-based). Throws if out of range, so a bad line number fails the import. */
  line(n: number): string {
    const text = this.lines[n - 1];
    if (text === undefined) throw new Error(`line ${n} is outside the source (1..${this.lines.length})`);
    return text;
  }

  /** The tab-separated fields of line `n`, trimmed. */
  fields(n: number): string[] {
    return this.line(n)
      .split("\t")
      .map((f) => f.trim());
  }

  /** The first line number whose text satisfies `test`, searching from `from`. */
  find(test: string | RegExp, from = 1): number {
    for (let n = from; n <= this.lines.length; n++) {
      const text = this.lines[n - 1] ?? "";
      if (typeof test === "string" ? text.includes(test) : test.test(text)) return n;
    }
    throw new Error(`no line matching ${String(test)} from line ${from}`);
  }
}

const NUMBER = /^\(?-?\d{1,3}(?: \d{3})*(?:\.\d+)?\)?$|^\(?-?\d+(?:\.\d+)?\)?$/;

/**
 * Parses one printed table number: "44 741" → 44741, "1 265.4" → 1265.4, "(7.9)" → -7.9.
 * An empty field is `null` (a blank cell). Anything else throws: the importer must not
 * silently read garbage as a number.
 */
export function parseNumber(field: string): number | null {
  const f = field.trim();
  if (f === "") return null;
  if (!NUMBER.test(f)) throw new Error(`not a printed number: "${field}"`);
  const negative = f.startsWith("(") && f.endsWith(")");
  const n = Number(f.replace(/[() ]/g, ""));
  return negative ? -n : n;
}

/** Parses "310.5 (2)" (value with a rank in parentheses) into its two numbers. */
export function parseValueWithRank(field: string): { value: number; rank: number } {
  const m = /^(.+?)\s+\((\d+)\)$/.exec(field.trim());
  if (!m?.[1] || !m[2]) throw new Error(`not a "value (rank)" field: "${field}"`);
  const value = parseNumber(m[1]);
  if (value === null) throw new Error(`missing value in "${field}"`);
  return { value, rank: Number(m[2]) };
}

/**
 * How a number is printed in the report's tables ("1 265.4"), used to prove a value
 * occurs on its recorded line.
 */
export function formatPrinted(value: number, decimals = 0): string {
  const abs = Math.abs(value).toFixed(decimals);
  const [int = "", frac] = abs.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export { keyOf } from "../core/normalize";
