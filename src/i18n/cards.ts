/**
 * The words of the data-type cards (src/core/card.ts) that the report does not print: section
 * titles (Excel shows them). What only the pane shows of a card is in card-labels.ts, out of the
 * functions' bundle. Property names are not here: they stay English in
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

/** Departures the report's totals leave undetermined, listed on a country's card. */
export const UNDETERMINED_WORDS: Localized = {
  en: "the report's totals do not determine them",
  fr: "les totaux du rapport ne les déterminent pas",
  es: "los totales del informe no las determinan",
};

export const sectionTitle = (id: CardSectionId, lang: Lang): string => SECTION_TITLES[id][lang];
