/**
 * The wording of IOM.SOURCE's line in each language. What the report itself prints (titles, row
 * and column labels, footnotes, the explanation of a discrepancy) stays in English: the data is
 * the report's English edition.
 */
import { formatNumber, type Lang, type Localized } from "./lang";

export interface ProvenanceWords {
  fact: (where: string, title: string, id: string) => string;
  rowColumn: (row: string, column: string) => string;
  lines: (lines: readonly number[], file: string, document: string, edition: string) => string;
  qualifier: (qualifier: string, value: number) => string;
  footnote: string;
  alsoIn: (where: string, line: number, value: number) => string;
  discrepancy: string;
  note: string;
  /** A manual fix behind the value; `file` is the edition's DISCREPANCIES.md. */
  fix: (id: string, derived: boolean, file: string) => string;
  /** A cell the text does not print as it stands, which the totals force (naming them). */
  forced: (because: string) => string;
  /** A printed cell the totals rule out. */
  contradicted: (range: string, discrepancy: string) => string;
}

export const PROVENANCE_WORDS: Record<Lang, ProvenanceWords> = {
  en: {
    fact: (where, title, id) => `${where}: ${title} (fact ${id})`,
    rowColumn: (row, column) => `row ${row}, column ${column}`,
    lines: (lines, file, doc, edition) =>
      `${lines.length > 1 ? "lines" : "line"} ${lines.join(", ")} of ${file} (${doc}, ${edition} edition)`,
    qualifier: (q, v) => `qualifier: the report says "${q}" ${formatNumber(v, "en")}`,
    footnote: "footnote: ",
    alsoIn: (where, line, value) => `also printed in ${where} (line ${line}) as ${value}`,
    discrepancy: "discrepancy: ",
    note: "note: ",
    fix: (id, derived, file) =>
      derived
        ? `not printed: the PDF conversion lost this figure, derived from the report's printed totals (manual fix ${id}, reasoning in ${file})`
        : `the text at this line is garbled; the figure was placed by manual fix ${id} (reasoning in ${file})`,
    forced: (because) => `derived: forced by ${because}`,
    contradicted: (range, d) =>
      `warning at this cell: the report's totals allow only ${range} here, not the printed figure (discrepancy ${d})`,
  },
  fr: {
    fact: (where, title, id) => `${where}\u00a0: ${title} (chiffre ${id})`,
    rowColumn: (row, column) => `ligne ${row}, colonne ${column}`,
    lines: (lines, file, doc, edition) =>
      `${lines.length > 1 ? "lignes" : "ligne"} ${lines.join(", ")} de ${file} (${doc}, édition ${edition})`,
    qualifier: (q, v) => `qualificatif\u00a0: le rapport dit "${q}" ${formatNumber(v, "fr")}`,
    footnote: "note de bas de page\u00a0: ",
    alsoIn: (where, line, value) =>
      `également imprimé dans ${where} (ligne ${line}) sous la forme ${formatNumber(value, "fr")}`,
    discrepancy: "écart\u00a0: ",
    note: "remarque\u00a0: ",
    fix: (id, derived, file) =>
      derived
        ? `non imprimé\u00a0: la conversion du PDF a perdu ce chiffre, déduit des totaux imprimés du rapport (correction manuelle ${id}, raisonnement dans ${file})`
        : `le texte de cette ligne est brouillé\u00a0; le chiffre a été placé par la correction manuelle ${id} (raisonnement dans ${file})`,
    forced: (because) => `déduit\u00a0: imposé par ${because}`,
    contradicted: (range, d) =>
      `avertissement sur cette cellule\u00a0: les totaux du rapport n'admettent ici que ${range}, pas le chiffre imprimé (écart ${d})`,
  },
  es: {
    fact: (where, title, id) => `${where}: ${title} (cifra ${id})`,
    rowColumn: (row, column) => `fila ${row}, columna ${column}`,
    lines: (lines, file, doc, edition) =>
      `${lines.length > 1 ? "líneas" : "línea"} ${lines.join(", ")} de ${file} (${doc}, edición ${edition})`,
    qualifier: (q, v) => `calificativo: el informe dice "${q}" ${formatNumber(v, "es")}`,
    footnote: "nota al pie: ",
    alsoIn: (where, line, value) =>
      `también impreso en ${where} (línea ${line}) como ${formatNumber(value, "es")}`,
    discrepancy: "discrepancia: ",
    note: "nota: ",
    fix: (id, derived, file) =>
      derived
        ? `no impreso: la conversión del PDF perdió esta cifra, deducida de los totales impresos del informe (corrección manual ${id}, razonamiento en ${file})`
        : `el texto de esta línea está desordenado; la cifra se colocó mediante la corrección manual ${id} (razonamiento en ${file})`,
    forced: (because) => `deducido: lo imponen ${because}`,
    contradicted: (range, d) =>
      `advertencia en esta celda: los totales del informe solo admiten aquí ${range}, no la cifra impresa (discrepancia ${d})`,
  },
};

/** A manual fix behind a value, worded in `lang`, citing the edition's DISCREPANCIES.md for its reasoning. */
export const fixNote = (fix: { id: string; derived: boolean }, edition: string, lang: Lang): string =>
  PROVENANCE_WORDS[lang].fix(fix.id, fix.derived, `data/${edition}/DISCREPANCIES.md`);

/** The solver's finding for a cell, worded in `lang` ([min, max] as "[0, 1]"; a single value as is). */
export function proofNote(
  proof: {
    status: "forced" | "contradicted";
    min: number;
    max: number;
    because: string[];
    discrepancy?: string;
  },
  lang: Lang,
): string {
  const w = PROVENANCE_WORDS[lang];
  if (proof.status === "forced") return w.forced(proof.because.join("; ") || "the printed totals");
  const range =
    proof.min === proof.max
      ? formatNumber(proof.min, lang)
      : `[${formatNumber(proof.min, lang)}, ${formatNumber(proof.max, lang)}]`;
  return w.contradicted(range, proof.discrepancy ?? "");
}

/** A provenance note in `lang`: an edition's note in its own translation; the core's notes stay as written. */
export const noteIn = (note: string | Localized, lang: Lang): string =>
  typeof note === "string" ? note : note[lang];
