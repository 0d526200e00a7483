/**
 * Messages with ICU-style plural forms, chosen by each language's own rules (Intl.PluralRules):
 * "{count, plural, =0 {no table} one {# table} other {# tables}}". An exact form (=0, =1…) wins over
 * a category; `#` is the number, written as the language writes numbers; other {name} placeholders
 * are filled after the form is chosen (and numbers among them are written the same way).
 */
import { type Lang, formatNumber } from "./lang";

const LOCALES: Record<Lang, string> = { en: "en-US", fr: "fr-FR", es: "es-ES" };
const rules: Partial<Record<Lang, Intl.PluralRules>> = {};
const pluralRules = (lang: Lang): Intl.PluralRules => (rules[lang] ??= new Intl.PluralRules(LOCALES[lang]));

/** The plural category of `n` in `lang`: "one" or "other" in English, French ("one" for 0 and 1) and Spanish ("many" for millions). */
export const pluralCategory = (n: number, lang: Lang): Intl.LDMLPluralRule => pluralRules(lang).select(n);

/** Index just past the brace that closes the one opened at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

/** The forms of a plural argument's body (" one {# table} other {# tables}"), by selector. */
function forms(body: string): Map<string, string> {
  const found = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m?.[1]) {
      if (body.slice(i).trim() === "") break;
      throw new Error(`bad plural form in message: ${body}`);
    }
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    found.set(m[1], body.slice(open + 1, end - 1));
    i = end;
  }
  if (!found.has("other")) throw new Error(`plural without an "other" form: ${body}`);
  return found;
}

/** The form of `n` among `choices`: its exact form, else its language's category, else "other". */
function formFor(choices: Map<string, string>, n: number, lang: Lang): string {
  return choices.get(`=${n}`) ?? choices.get(pluralCategory(n, lang)) ?? choices.get("other") ?? "";
}

/** Replaces `#` outside nested braces (a nested plural's `#` is its own number). */
function hashes(form: string, n: string): string {
  let depth = 0;
  let out = "";
  for (const ch of form) {
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    out += ch === "#" && depth === 0 ? n : ch;
  }
  return out;
}

/** {name} placeholders; one without a value stays visible, so a gap is noticed. */
const placeholders = (text: string, values: Record<string, string | number>, lang: Lang): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v, lang) : v;
  });

/** Fills `text` in `lang`: each plural argument's form (nested ones too), and the {name} placeholders. */
export function formatMessage(text: string, values: Record<string, string | number>, lang: Lang): string {
  let out = "";
  let i = 0;
  for (;;) {
    const m = /\{(\w+),\s*plural,/.exec(text.slice(i));
    if (!m) return out + placeholders(text.slice(i), values, lang);
    const start = i + m.index;
    const end = closing(text, start);
    const name = m[1] ?? "";
    const value = values[name];
    if (typeof value !== "number") throw new Error(`plural argument {${name}} needs a number`);
    const form = formFor(forms(text.slice(start + m[0].length, end - 1)), value, lang);
    out +=
      placeholders(text.slice(i, start), values, lang) +
      formatMessage(hashes(form, formatNumber(value, lang)), values, lang);
    i = end;
  }
}
