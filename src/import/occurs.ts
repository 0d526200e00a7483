import { formatPrinted } from "./source-text";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * True when `value` is printed on `lineText` the way the report prints table numbers
 * ("1 265.4", "(7.9)" for negatives), standing on its own: not part of a longer number.
 * Used by the proof tests: every value in the data must occur at its recorded line.
 */
export function occursOnLine(value: number, lineText: string, opts: { loose?: boolean } = {}): boolean {
  const abs = Math.abs(value);
  const decimals = Number.isInteger(abs) ? [0, 1] : [1, 2, 3];
  return decimals.some((d) => {
    const printed = formatPrinted(abs, d);
    // Loose matching (for cells a manual fix pulled out of run-together garbled text)
    // accepts a number glued to its neighbours by spaces: "1 718 363 169" holds 363.
    // Only a literal space is a thousands separator; a tab separates table columns.
    const before = opts.loose ? "(?<![\\d.])" : "(?<![\\d.]|\\d )";
    const after = opts.loose ? "(?![\\d.])" : "(?![\\d.]| \\d{3}(?!\\d))";
    return new RegExp(`${before}${escape(printed)}${after}`).test(lineText);
  });
}
