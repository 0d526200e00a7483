/** The add-in's languages: IOM's three official languages. */
export const LANGS = ["en", "fr", "es"] as const;
export type Lang = (typeof LANGS)[number];

/** A text in each language. */
export type Localized = Record<Lang, string>;

export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/**
 * The pane's language for Office's display language ("fr-FR", "es-419", "en-US"…); anything else
 * (German, a missing value outside Office) falls back to English.
 */
export function langOf(displayLanguage: string | undefined | null): Lang {
  const primary = (displayLanguage ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return isLang(primary) ? primary : "en";
}

/** Replaces {name} placeholders; a placeholder without a value stays visible, so a gap is noticed. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Numbers as the pane's language writes them (thin space or dot grouping). */
export function formatNumber(n: number, lang: Lang): string {
  const locale = lang === "en" ? "en-US" : lang === "fr" ? "fr-FR" : "es-ES";
  return n.toLocaleString(locale, { maximumFractionDigits: 6 });
}
