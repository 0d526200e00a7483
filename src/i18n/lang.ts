/** IOM's three official languages, the languages of the add-in. */
export const LANGS = ["en", "fr", "es"] as const;
export type Lang = (typeof LANGS)[number];

/** A text in each language. */
export type Localized = Record<Lang, string>;

export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/**
 * The language for a locale tag such as Office's display language ("fr-FR", "es-419", "en-US");
 * any other language (German…) or no tag at all falls back to English, the report's language.
 */
export function langOf(locale: string | undefined | null): Lang {
  const primary = (locale ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return isLang(primary) ? primary : "en";
}

/** Replaces {name} placeholders; a placeholder without a value stays visible, so a gap is noticed. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const LOCALES: Record<Lang, string> = { en: "en-US", fr: "fr-FR", es: "es-ES" };
/** One formatter per language: building an Intl.NumberFormat costs far more than using one. */
const formats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** Numbers as each language writes them: 218,000 / 218 000 / 218.000 (Spanish leaves 3418 ungrouped). */
export function formatNumber(n: number, lang: Lang): string {
  const format = (formats[lang] ??= new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 6 }));
  return format.format(n);
}
