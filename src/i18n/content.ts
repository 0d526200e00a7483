/**
 * What the add-in writes into a workbook in French and Spanish: table titles and numbers, units,
 * periods, the label-column headings and the "Source:" line. The report's own row and column labels
 * and footnotes stay in English (the data is the report's English edition); README.md says so.
 * Whatever changes with a report (its tables' titles, stub headings and periods) is the edition's
 * presentation.json; only the words every edition shares live here.
 */
import type { Presentation } from "../core";
import type { Lang, Localized } from "./lang";

type Translation = { fr: string; es: string };

const UNITS: Record<string, Translation> = {
  persons: { fr: "personnes", es: "personas" },
  officials: { fr: "fonctionnaires", es: "funcionarios" },
  employees: { fr: "employés", es: "empleados" },
  staff: { fr: "membres du personnel", es: "miembros del personal" },
  projects: { fr: "projets", es: "proyectos" },
  "USD million": { fr: "millions de dollars É.-U.", es: "millones de dólares EE.UU." },
};

const pick = (en: string, t: Translation | undefined, lang: Lang): string =>
  lang === "en" || !t ? en : t[lang];

/** "Table 5" → "Tableau 5" / "Cuadro 5"; "Annex I, section 5" → "Annexe I, section 5"… */
export function tableNumber(number: string, lang: Lang, presentation?: Presentation): string {
  if (lang === "en") return number;
  // An unnumbered table's descriptive label ("Section V.B, expenditure table") is the edition's.
  const fixed = presentation?.numbers[number];
  if (fixed) return fixed[lang];
  const table = /^Table (\d+)$/.exec(number);
  if (table) return `${lang === "fr" ? "Tableau" : "Cuadro"} ${table[1]}`;
  const annex = /^Annex (\w+), section (\d+)$/.exec(number);
  if (annex)
    return lang === "fr"
      ? `Annexe ${annex[1]}, section ${annex[2]}`
      : `Anexo ${annex[1]}, sección ${annex[2]}`;
  return number;
}

export const tableTitle = (presentation: Presentation, id: string, english: string, lang: Lang): string =>
  pick(english, presentation.tables[id]?.title, lang);
export const unitText = (unit: string, lang: Lang): string => pick(unit, UNITS[unit], lang);
export const periodText = (presentation: Presentation, period: string, lang: Lang): string =>
  pick(period, presentation.periods[period], lang);

/** The label-column headings of a table: the edition's, or numbered ones where it gives none. */
export function stubHeadings(presentation: Presentation, id: string, count: number, lang: Lang): string[] {
  const known = presentation.tables[id]?.stub ?? [];
  return Array.from({ length: count }, (_, i) => {
    const s = known[i];
    if (s) return s[lang];
    return `${lang === "en" ? "Label" : lang === "fr" ? "Libellé" : "Etiqueta"} ${i + 1}`;
  });
}

/** The line under every inserted block, e.g. "Source: IOM, MC/1234, Table 5". */
export function sourceLine(
  document: string,
  where: string,
  lang: Lang,
  presentation?: Presentation,
  lines?: readonly [number, number],
): string {
  const head = lang === "en" ? "Source: IOM" : lang === "fr" ? "Source : OIM" : "Fuente: OIM";
  const base = `${head}, ${document}, ${tableNumber(where, lang, presentation)}`;
  if (!lines) return base;
  const [a, b] = lines;
  const word = { en: ["line", "lines"], fr: ["ligne", "lignes"], es: ["línea", "líneas"] }[lang];
  return `${base}, ${a === b ? `${word[0]} ${a}` : `${word[1]} ${a}–${b}`}`;
}

/** "Unit: persons · 31 December". */
export function unitLine(presentation: Presentation, unit: string, period: string, lang: Lang): string {
  const label = lang === "en" ? "Unit" : lang === "fr" ? "Unité" : "Unidad";
  const sep = lang === "fr" ? " : " : ": ";
  return `${label}${sep}${unitText(unit, lang)} · ${periodText(presentation, period, lang)}`;
}

/** A printed page's number in its footer: Excel puts the page at &P and the count at &N. */
export const pageOf = (lang: Lang): string =>
  ({ en: "Page &P of &N", fr: "Page &P sur &N", es: "Página &P de &N" })[lang];

/** Notes written under a block, when they apply (counted words are ICU plurals: i18n/plural.ts). */
export const NOTES = {
  staticCells: {
    en: "Shaded cells hold the printed figure as a static value: no =IOM.* function returns exactly that cell ({count, plural, one {# cell} other {# cells}}).",
    fr: "Les cellules grisées contiennent le chiffre imprimé comme valeur fixe : aucune fonction =IOM.* ne renvoie exactement cette cellule ({count, plural, one {# cellule} other {# cellules}}).",
    es: "Las celdas sombreadas contienen la cifra impresa como valor fijo: ninguna función =IOM.* devuelve exactamente esa celda ({count, plural, one {# celda} other {# celdas}}).",
  },
  undetermined: {
    en: "#N/A marks {count, plural, one {# cell whose figure the report's text does not determine; =IOM.TABLE gives the reason.} other {# cells whose figure the report's text does not determine; =IOM.TABLE gives the reason for each.}}",
    fr: "#N/A signale {count, plural, one {# cellule dont le texte du rapport ne permet pas d'établir le chiffre ; =IOM.TABLE en donne la raison.} other {# cellules dont le texte du rapport ne permet pas d'établir le chiffre ; =IOM.TABLE en donne la raison.}}",
    es: "#N/A señala {count, plural, one {# celda cuya cifra no puede determinarse a partir del texto del informe; =IOM.TABLE da el motivo.} other {# celdas cuya cifra no puede determinarse a partir del texto del informe; =IOM.TABLE da el motivo de cada una.}}",
  },
  live: {
    en: "Live: each figure is an =IOM.* formula and recalculates with the add-in's data.",
    fr: "Dynamique : chaque chiffre est une formule =IOM.* recalculée avec les données du complément.",
    es: "Dinámico: cada cifra es una fórmula =IOM.* que se recalcula con los datos del complemento.",
  },
} satisfies Record<string, Localized>;
