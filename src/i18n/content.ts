/**
 * What the add-in writes into a workbook in French and Spanish: table titles and numbers, units,
 * periods, the label-column headings and the "Source:" line. The report's own row and column labels
 * and footnotes stay in English (the data is the English edition of MC/2346); README.md ("The task pane")
 * says so. English text comes from the data itself, so only fr/es live here.
 */
import type { Lang, Localized } from "./lang";

type Translation = { fr: string; es: string };

/** Table titles, by table id. */
const TITLES: Record<string, Translation> = {
  table1: {
    fr: "Mouvements par région de départ et de destination",
    es: "Movimientos por región de partida y de destino",
  },
  table2: {
    fr: "Mouvements par service et région de départ/pays ou régions de destination",
    es: "Movimientos por servicio y región de partida/países o regiones de destino",
  },
  table3: {
    fr: "Mouvements par région budgétaire et classification des services",
    es: "Movimientos por región presupuestaria y clasificación de servicios",
  },
  table4: { fr: "Statistiques par sexe et groupe d'âge", es: "Estadísticas por sexo y grupo de edad" },
  vb_expenditure: {
    fr: "Dépenses (hors écarts de change)",
    es: "Gastos (excluidas las diferencias de cambio)",
  },
  vb_by_region: {
    fr: "Dépenses des programmes opérationnels par région",
    es: "Gastos de los programas operacionales por región",
  },
  vb_by_service: {
    fr: "Dépenses des programmes opérationnels par classification des services",
    es: "Gastos de los programas operacionales por clasificación de servicios",
  },
  table5: {
    fr: "Fonctionnaires par catégorie/classe, lieu d'affectation et sexe au 31 décembre 2011",
    es: "Funcionarios por categoría/grado, lugar de destino y sexo al 31 de diciembre de 2011",
  },
  table6: {
    fr: "Répartition des fonctionnaires en poste au 31 décembre 2011 par catégorie/classe et pays de nationalité",
    es: "Distribución de los funcionarios empleados al 31 de diciembre de 2011 por categoría/grado y país de nacionalidad",
  },
  table7: {
    fr: "Ventilation des employés du Siège et des bureaux extérieurs par nationalité et sexe au 31 décembre 2011",
    es: "Desglose de los empleados de la Sede y de las oficinas exteriores por nacionalidad y sexo al 31 de diciembre de 2011",
  },
  annex1_s1: {
    fr: "Dépenses totales de l'OIM, 2007–2011 (millions de dollars É.-U.)",
    es: "Gastos totales de la OIM, 2007–2011 (millones de dólares EE.UU.)",
  },
  annex1_s5: {
    fr: "Ventilation des projets par région et dépenses opérationnelles, 2011",
    es: "Desglose de los proyectos por región y gastos operacionales, 2011",
  },
  annex1_s6: {
    fr: "Ventilation des projets par classification des services et dépenses opérationnelles, 2011",
    es: "Desglose de los proyectos por clasificación de servicios y gastos operacionales, 2011",
  },
  annex1_s8: {
    fr: "Nombre de projets actifs en 2011 (par classification des services et par région)",
    es: "Número de proyectos activos en 2011 (por clasificación de servicios y por región)",
  },
  annex1_s12: {
    fr: "Personnel de l'OIM dans le monde (ventilation par lieu d'affectation et sexe), 2011",
    es: "Personal de la OIM en el mundo (desglose por lugar de destino y sexo), 2011",
  },
};

/** The V.B tables have no number in the report; their descriptive labels, translated. */
const NUMBERS: Record<string, Translation> = {
  "Section V.B, expenditure table": {
    fr: "Section V.B, tableau des dépenses",
    es: "Sección V.B, cuadro de gastos",
  },
  "Section V.B, operational expenditure by region table": {
    fr: "Section V.B, tableau des dépenses opérationnelles par région",
    es: "Sección V.B, cuadro de gastos operacionales por región",
  },
  "Section V.B, operational expenditure by service classification table": {
    fr: "Section V.B, tableau des dépenses opérationnelles par classification des services",
    es: "Sección V.B, cuadro de gastos operacionales por clasificación de servicios",
  },
};

const UNITS: Record<string, Translation> = {
  persons: { fr: "personnes", es: "personas" },
  officials: { fr: "fonctionnaires", es: "funcionarios" },
  employees: { fr: "employés", es: "empleados" },
  staff: { fr: "membres du personnel", es: "miembros del personal" },
  projects: { fr: "projets", es: "proyectos" },
  "USD million": { fr: "millions de dollars É.-U.", es: "millones de dólares EE.UU." },
};

const PERIODS: Record<string, Translation> = {
  "31 December 2011": { fr: "31 décembre 2011", es: "31 de diciembre de 2011" },
  "2011 and 2010": { fr: "2011 et 2010", es: "2011 y 2010" },
};

const REGION_OF_DEPARTURE: Localized = {
  en: "Region of departure",
  fr: "Région de départ",
  es: "Región de partida",
};
const SERVICE_CLASSIFICATION: Localized = {
  en: "Service classification",
  fr: "Classification des services",
  es: "Clasificación de servicios",
};
const REGION: Localized = { en: "Region", fr: "Région", es: "Región" };
const EXPENDITURE: Localized = { en: "Expenditure", fr: "Dépenses", es: "Gastos" };
/** Tables 6 and 7 both list staff by nationality. */
const NATIONALITY: Localized[] = [
  { en: "Nationals of", fr: "Ressortissants de", es: "Nacionales de" },
  { en: "Country of nationality", fr: "Pays de nationalité", es: "País de nacionalidad" },
];

/** Headings of the label columns (the report prints none; Excel tables need one per column). */
const STUBS: Record<string, Localized[]> = {
  table1: [REGION_OF_DEPARTURE, { en: "Area of departure", fr: "Zone de départ", es: "Zona de partida" }],
  table2: [
    { en: "Service", fr: "Service", es: "Servicio" },
    { en: "Programme", fr: "Programme", es: "Programa" },
    REGION_OF_DEPARTURE,
  ],
  table3: [
    { en: "Budgetary region", fr: "Région budgétaire", es: "Región presupuestaria" },
    SERVICE_CLASSIFICATION,
  ],
  table4: [{ en: "Age group", fr: "Groupe d'âge", es: "Grupo de edad" }],
  vb_expenditure: [EXPENDITURE],
  vb_by_region: [REGION],
  vb_by_service: [SERVICE_CLASSIFICATION],
  table5: [{ en: "Category/Grade", fr: "Catégorie/classe", es: "Categoría/grado" }],
  table6: NATIONALITY,
  table7: NATIONALITY,
  annex1_s1: [EXPENDITURE],
  annex1_s5: [REGION],
  annex1_s6: [SERVICE_CLASSIFICATION],
  annex1_s8: [SERVICE_CLASSIFICATION],
  annex1_s12: [{ en: "Gender", fr: "Sexe", es: "Sexo" }],
};

const pick = (en: string, t: Translation | undefined, lang: Lang): string =>
  lang === "en" || !t ? en : t[lang];

/** "Table 5" → "Tableau 5" / "Cuadro 5"; "Annex I, section 5" → "Annexe I, section 5"… */
export function tableNumber(number: string, lang: Lang): string {
  if (lang === "en") return number;
  const fixed = NUMBERS[number];
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

export const tableTitle = (id: string, english: string, lang: Lang): string =>
  pick(english, TITLES[id], lang);
export const unitText = (unit: string, lang: Lang): string => pick(unit, UNITS[unit], lang);
export const periodText = (period: string, lang: Lang): string => pick(period, PERIODS[period], lang);

/** Whether every table id has its fr/es title (a test checks the edition against this). */
export const translatedTableIds = (): string[] => Object.keys(TITLES);

/** The label-column headings of a table; generic ones when the table is unknown. */
export function stubHeadings(id: string, count: number, lang: Lang): string[] {
  const known = STUBS[id] ?? [];
  return Array.from({ length: count }, (_, i) => {
    const s = known[i];
    if (s) return s[lang];
    return `${lang === "en" ? "Label" : lang === "fr" ? "Libellé" : "Etiqueta"} ${i + 1}`;
  });
}

/** The line under every inserted block, e.g. "Source: IOM, MC/2346, Table 5". */
export function sourceLine(document: string, where: string, lang: Lang): string {
  const head = lang === "en" ? "Source: IOM" : lang === "fr" ? "Source : OIM" : "Fuente: OIM";
  return `${head}, ${document}, ${tableNumber(where, lang)}`;
}

/** "Unit: persons · 2011". */
export function unitLine(unit: string, period: string, lang: Lang): string {
  const label = lang === "en" ? "Unit" : lang === "fr" ? "Unité" : "Unidad";
  const sep = lang === "fr" ? " : " : ": ";
  return `${label}${sep}${unitText(unit, lang)} · ${periodText(period, lang)}`;
}

/** Notes written under a block, when they apply. */
export const NOTES = {
  staticCells: {
    en: "Shaded cells hold the printed figure as a static value: no =IOM.* function returns exactly that cell ({count} cells).",
    fr: "Les cellules grisées contiennent le chiffre imprimé comme valeur fixe : aucune fonction =IOM.* ne renvoie exactement cette cellule ({count} cellules).",
    es: "Las celdas sombreadas contienen la cifra impresa como valor fijo: ninguna función =IOM.* devuelve exactamente esa celda ({count} celdas).",
  },
  undetermined: {
    en: "#N/A marks {count} cells whose figure the report's text does not determine; =IOM.TABLE gives the reason for each.",
    fr: "#N/A signale {count} cellules dont le texte du rapport ne permet pas d'établir le chiffre ; =IOM.TABLE en donne la raison.",
    es: "#N/A señala {count} celdas cuya cifra no puede determinarse a partir del texto del informe; =IOM.TABLE da el motivo de cada una.",
  },
  pyramid: {
    en: "Men are entered as negative numbers so that their bars extend to the left; the number format shows them without a sign.",
    fr: "Les hommes sont saisis en nombres négatifs pour que leurs barres s'étendent vers la gauche ; le format de nombre les affiche sans signe.",
    es: "Los hombres se introducen como números negativos para que sus barras se extiendan hacia la izquierda; el formato de número los muestra sin signo.",
  },
  live: {
    en: "Live: each figure is an =IOM.* formula and recalculates with the add-in's data.",
    fr: "Dynamique : chaque chiffre est une formule =IOM.* recalculée avec les données du complément.",
    es: "Dinámico: cada cifra es una fórmula =IOM.* que se recalcula con los datos del complemento.",
  },
} satisfies Record<string, Localized>;
