/**
 * How the pane words a card (src/core/card.ts) where Excel shows its English property names and
 * values: a figure's status, a country card's fixed fields. Only the pane imports this module, so
 * the functions' bundle does not carry it.
 */
import type { FigureStatus } from "./cards";
import type { Lang, Localized } from "./lang";

export const STATUS_WORDS: Record<FigureStatus, Localized> = {
  printed: { en: "printed", fr: "imprimé", es: "impreso" },
  derived: {
    en: "derived from printed figures",
    fr: "déduit de chiffres imprimés",
    es: "deducido de cifras impresas",
  },
  forced: {
    en: "forced by the printed totals",
    fr: "imposé par les totaux imprimés",
    es: "impuesto por los totales impresos",
  },
  contradicted: {
    en: "printed, but the printed totals rule it out",
    fr: "imprimé, mais exclu par les totaux imprimés",
    es: "impreso, pero los totales impresos lo excluyen",
  },
};

/** How the pane labels a country card's fixed fields (Excel names them in English: =A1.Movements). */
export const COUNTRY_FIELD_WORDS: Record<string, Localized> = {
  Movements: { en: "Movements", fr: "Mouvements", es: "Movimientos" },
  Staff: { en: "Staff", fr: "Personnel", es: "Personal" },
  Officials: { en: "Officials", fr: "Fonctionnaires", es: "Funcionarios" },
  Employees: { en: "Employees", fr: "Employés", es: "Empleados" },
  "Undetermined departures": {
    en: "Undetermined departures",
    fr: "Départs non déterminés",
    es: "Partidas no determinadas",
  },
  Name: { en: "Name", fr: "Nom", es: "Nombre" },
  "Name in the report": { en: "Name in the report", fr: "Nom dans le rapport", es: "Nombre en el informe" },
  "ISO code": { en: "ISO code", fr: "Code ISO", es: "Código ISO" },
  Edition: { en: "Edition", fr: "Édition", es: "Edición" },
};

/** The pane's label of a country card's field ("Officials P-4" → "Fonctionnaires P-4"); others as given. */
export function countryFieldLabel(name: string, lang: Lang): string | undefined {
  const words = COUNTRY_FIELD_WORDS[name];
  if (words) return words[lang];
  const grade = /^Officials (.+)$/.exec(name);
  return grade ? `${COUNTRY_FIELD_WORDS.Officials?.[lang] ?? "Officials"} ${grade[1] ?? ""}` : undefined;
}
