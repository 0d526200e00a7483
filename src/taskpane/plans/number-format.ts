/**
 * Numbers as a cell with an Excel number format shows them, in the pane's language: the previews
 * write the figures the way Excel will ("#,##0.0" → 1,322.1 / 1 322,1; "#,##0;#,##0", the
 * population pyramid's, → 25,079 for -25079). Handles the formats the blocks use: General, digit
 * placeholders with grouping and decimals, a percent sign, literal text, and up to three sections
 * (positive; negative; zero).
 */
import { type Lang, formatNumber } from "../../i18n/lang";

const LOCALES: Record<Lang, string> = { en: "en-US", fr: "fr-FR", es: "es-ES" };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number, grouping: boolean, general = false): Intl.NumberFormat {
  const key = `${lang}|${decimals}|${grouping}|${general}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: general ? 0 : decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

/** The sections of a format, split on ";" outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? "";
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Literal text of a format part: quotes and escapes removed, colour and condition brackets dropped. */
const literal = (part: string): string =>
  part
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, " ");

/** One section applied to a non-negative number (a negative section carries its own sign, if any). */
function applySection(section: string, n: number, lang: Lang): string {
  const body = section.replace(/\[[^\]]*\]/g, "");
  // General: as many decimals as needed, no thousands separator (as Excel shows it).
  if (body.trim() === "" || /^general$/i.test(body.trim())) return formatter(lang, 9, false, true).format(n);
  // The digit placeholders, outside quotes: the first run of 0 # , . characters.
  const unquoted = body.replace(/"[^"]*"/g, (q) => "\u0000".repeat(q.length));
  const m = /[0#?][0#?,]*(\.[0#?]*)?|\.[0#?]+/.exec(unquoted);
  if (!m) return literal(body);
  const digits = m[0];
  const decimals = (digits.split(".")[1] ?? "").length;
  const grouping = /[0#?],[0#?]/.test(digits);
  const percent = unquoted.includes("%");
  const value = percent ? n * 100 : n;
  const prefix = literal(body.slice(0, m.index));
  const suffix = literal(body.slice(m.index + digits.length));
  return `${prefix}${formatter(lang, decimals, grouping).format(value)}${suffix}`;
}

/** `n` as a cell formatted with `format` shows it, in `lang`. */
export function formatValue(n: number, format: string | undefined, lang: Lang): string {
  if (format === undefined || format === "@") return formatNumber(n, lang);
  const parts = sections(format);
  const positive = parts[0] ?? "";
  if (n < 0) {
    const negative = parts[1];
    // Without a negative section Excel writes the positive one with a minus sign.
    return negative !== undefined ? applySection(negative, -n, lang) : `-${applySection(positive, -n, lang)}`;
  }
  if (n === 0 && parts[2] !== undefined) return applySection(parts[2], 0, lang);
  return applySection(positive, n, lang);
}
