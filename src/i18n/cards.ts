/**
 * The words of the data-type cards (src/core/card.ts) that the report does not print: section
 * titles and what a figure's status means. Property names are not here: they stay English in
 * every language, since a formula (=A1.Source) names them and must work in any Excel.
 */
import type { Lang, Localized } from "./lang";

export type CardSectionId = "where" | "certainty" | "movements" | "departures" | "staff" | "facts" | "about";
export type FigureStatus = "printed" | "derived" | "forced" | "contradicted";

export const SECTION_TITLES: Record<CardSectionId, Localized> = {
  where: { en: "Where in the report", fr: "Où dans le rapport", es: "Dónde en el informe" },
  certainty: { en: "How certain", fr: "Degré de certitude", es: "Grado de certeza" },
  movements: { en: "Movements to it", fr: "Mouvements à destination", es: "Movimientos con destino" },
  departures: { en: "By region of departure", fr: "Par région de départ", es: "Por región de partida" },
  staff: {
    en: "Its nationals on IOM staff",
    fr: "Ses ressortissants dans le personnel de l'OIM",
    es: "Sus nacionales en el personal de la OIM",
  },
  facts: {
    en: "Figures of the report that name it",
    fr: "Chiffres du rapport qui le nomment",
    es: "Cifras del informe que lo nombran",
  },
  about: { en: "About", fr: "À propos", es: "Acerca de" },
};

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

/** Departures the report's totals leave undetermined, listed on a country's card. */
export const UNDETERMINED_WORDS: Localized = {
  en: "the report's totals do not determine them",
  fr: "les totaux du rapport ne les déterminent pas",
  es: "los totales del informe no las determinan",
};

export const sectionTitle = (id: CardSectionId, lang: Lang): string => SECTION_TITLES[id][lang];

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
