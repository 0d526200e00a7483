import type { Fact, Qualifier } from "../core/model";
import { baseUnits } from "../core/units";
import type { SourceText } from "./source-text";

/**
 * A curated narrative figure: the human part (key, label, unit) plus the exact text
 * that prints it. The importer finds that text in the paragraph, reads the number and
 * the hedge word from it and records the line, so no value is ever typed by hand.
 */
export interface CuratedFact {
  key: string;
  label: string;
  paragraph: number;
  /** Exact text on one line of the paragraph, containing the number and any hedge word. */
  match: string;
  /** The number as printed inside `match`, when `match` holds more than one number. */
  number?: string;
  /** Only for numbers printed in words ("Fourteen"): the value those words state. */
  value?: number;
  unit: string;
  /** Defaults to the edition's year. */
  year?: number;
  /** Which occurrence of `match` in the paragraph (1-based), when it occurs more than once. */
  occurrence?: number;
}

const QUALIFIERS: Qualifier[] = [
  "more than",
  "at least",
  "less than",
  "up to",
  "approximately",
  "nearly",
  "almost",
  "some",
  "over",
  "about",
  "around",
  "under",
];

const NUMBER_TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/**
 * Lines [first, last] of paragraph `n` ("n. " at the start of a line, up to the next one), looking
 * from line `from` on (a table of contents numbers its items like paragraphs).
 */
export function paragraphLines(src: SourceText, n: number, from = 1): [number, number] {
  const start = src.find(new RegExp(`^${n}\\. `), from);
  let end = src.lines.length;
  for (let i = start + 1; i <= src.lines.length; i++) {
    const m = /^(\d{1,3})\. /.exec(src.line(i));
    if (m && Number(m[1]) === n + 1) {
      end = i - 1;
      break;
    }
    if (/^(Annex I|Table \d|\*\*Table \d)/.test(src.line(i))) {
      end = i - 1;
      break;
    }
  }
  return [start, end];
}

function qualifierOf(before: string): Qualifier | null {
  // "some USD 323.5 million": the hedge word stands before the currency code.
  const text = before
    .toLowerCase()
    .trimEnd()
    .replace(/\s*(usd|chf|eur)$/, "");
  for (const q of QUALIFIERS) {
    if (new RegExp(`(^|[^a-z])${q}$`).test(text)) return q;
  }
  return null;
}

/** How an edition's text is read: its year (the default of a fact's) and where its paragraphs start. */
export interface FactsContext {
  year: number;
  paragraphsFrom?: number;
}

export function importFacts(
  src: SourceText,
  curated: CuratedFact[],
  context: FactsContext,
): { facts: Fact[]; problems: string[] } {
  const facts: Fact[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of curated) {
    try {
      if (seen.has(c.key)) throw new Error("duplicate key");
      seen.add(c.key);
      facts.push(importFact(src, c, context));
    } catch (e) {
      problems.push(`fact ${c.key} (¶${c.paragraph}): ${(e as Error).message}`);
    }
  }
  return { facts, problems };
}

function importFact(src: SourceText, c: CuratedFact, context: FactsContext): Fact {
  const [first, last] = paragraphLines(src, c.paragraph, context.paragraphsFrom);
  const hits: number[] = [];
  for (let n = first; n <= last; n++) {
    let from = 0;
    const text = src.line(n);
    for (;;) {
      const at = text.indexOf(c.match, from);
      if (at < 0) break;
      hits.push(n);
      from = at + 1;
    }
  }
  if (hits.length === 0) throw new Error(`"${c.match}" not found in the paragraph (lines ${first}-${last})`);
  if (hits.length > 1 && c.occurrence === undefined) {
    throw new Error(`"${c.match}" occurs ${hits.length} times in the paragraph: give "occurrence"`);
  }
  const line = hits[(c.occurrence ?? 1) - 1];
  if (line === undefined) throw new Error(`occurrence ${c.occurrence} of "${c.match}" not found`);

  let value: number;
  let numberAt: number;
  if (c.value !== undefined) {
    // A number in words: the curator states it; the words must still be in the match.
    value = c.value;
    numberAt = 0;
  } else {
    const tokens = [...c.match.matchAll(NUMBER_TOKEN)];
    const token = c.number ?? (tokens.length === 1 ? tokens[0]?.[0] : undefined);
    if (token === undefined) throw new Error(`"${c.match}" holds ${tokens.length} numbers: give "number"`);
    const at = tokens.find((t) => t[0] === token)?.index;
    if (at === undefined) throw new Error(`number "${token}" is not a whole number token of "${c.match}"`);
    value = Number(token.replace(/,/g, ""));
    numberAt = at;
  }
  if (!Number.isFinite(value)) throw new Error(`value of "${c.match}" is not a number`);
  const base = baseUnits(value, c.unit);
  return {
    key: c.key,
    label: c.label,
    value,
    unit: c.unit,
    year: c.year ?? context.year,
    qualifier: qualifierOf(c.match.slice(0, numberAt)),
    paragraph: c.paragraph,
    line,
    text: c.match,
    ...(base ? { base } : {}),
  };
}
