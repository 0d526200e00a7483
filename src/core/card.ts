/**
 * A figure's card: everything known of where a value comes from, as named fields in sections.
 * One model for every edge: the custom functions turn it into the JSON of an Excel data type
 * (cell-values.ts), the pane's Explain lists the same fields, the CLI prints the JSON.
 */
import { sectionTitle, type CardSectionId, type FigureStatus } from "../i18n/cards";
import { localName } from "../i18n/glossary";
import type { Lang } from "../i18n/lang";
import { PROVENANCE_WORDS, fixNote, noteIn, proofNote } from "../i18n/provenance";
import type { Answer, Provenance } from "./answer";
import { describeProvenance } from "./iom";
import type { Edition } from "./model";

export type { CardSectionId, FigureStatus };

export interface CardField {
  /** Its property name in Excel: English in every language, so =A1.Source works in any workbook. */
  name: string;
  value: string | number;
  /** How the pane labels the field in the card's language (a programme's, a fact's), where the name will not do. */
  label?: string;
  /** How the value reads in the card's language, where that differs from the value (lines with their file). */
  text?: string;
  /** A figure with its own card (a country's movements): its provenance travels with it. */
  figure?: FigureCard;
  /** Nothing to say (no footnote, no qualifier): kept for formulas, left out of the card view. */
  empty?: boolean;
}

export interface CardSection {
  id: CardSectionId;
  /** The section's title in the card's language. */
  title: string;
  fields: CardField[];
}

interface CardBase {
  title: string;
  sections: CardSection[];
  /** Who provides the data ("IOM, MC/1234"), shown as the card's branding. */
  provider: string;
}

/** A number with its provenance: a DoubleCellValue in Excel. */
export interface FigureCard extends CardBase {
  kind: "figure";
  value: number;
  status: FigureStatus;
}

/** A thing of the report (a country) with figures about it: an EntityCellValue in Excel. */
export interface EntityCard extends CardBase {
  kind: "entity";
  /** What the cell shows, and the name the functions resolve when the card is passed back to them. */
  text: string;
}

export type Card = FigureCard | EntityCard;

/** The provider line of an edition's cards. */
export const providerOf = (edition: Edition): string => `IOM, ${edition.document}`;

/** Printed as it stands, derived from printed figures (a sum, a lost cell), forced or contradicted by the totals. */
export function statusOf(p: Provenance): FigureStatus {
  if (p.proof) return p.proof.status;
  return p.kind === "sum" || p.fixes.some((f) => f.derived) ? "derived" : "printed";
}

/** A field, `empty` when its value is "". */
const field = (name: string, value: string | number, text?: string): CardField => ({
  name,
  value,
  ...(text !== undefined && text !== String(value) ? { text } : {}),
  ...(value === "" ? { empty: true } : {}),
});

/** The card's title: the cell a figure is (row / column), or the paragraph's figure. */
function titleOf(p: Provenance, lang: Lang): string {
  const where = localName("table", p.where, lang);
  if (p.kind === "table" && (p.row || p.column)) return `${where}: ${p.row ?? "—"} / ${p.column ?? "—"}`;
  return `${where}: ${p.title}`;
}

/** The card of a value: the figure, where it is printed, how certain it is, in `lang`. */
export function figureCard(answer: Answer, edition: Edition, lang: Lang = "en"): FigureCard {
  const p = answer.provenance;
  const w = PROVENANCE_WORDS[lang];
  const file = edition.source.split("/").pop() ?? edition.source;
  const status = statusOf(p);
  const where: CardField[] = [
    field("Source", describeProvenance(answer, edition, lang)),
    p.kind === "fact"
      ? field("Paragraph", p.paragraph ?? "", `¶${p.paragraph ?? ""}`)
      : field("Table", localName("table", p.where, lang)),
    field("Title", p.title),
    ...(p.row ? [field("Row", p.row)] : []),
    ...(p.column ? [field("Column", p.column)] : []),
    field(
      "Line",
      p.lines.length === 1 ? (p.lines[0] ?? "") : p.lines.join(", "),
      w.lines(p.lines, file, edition.document, edition.edition),
    ),
    field("Edition", `${edition.document} (${edition.edition})`),
  ];
  const certainty: CardField[] = [
    field("Status", status),
    field("Qualifier", p.qualifier ?? ""),
    field("Footnotes", p.footnotes.join(" · ")),
    field("Discrepancy", [...(p.proof ? [proofNote(p.proof, lang)] : []), ...p.discrepancies].join(" · ")),
    ...(p.alsoIn.length > 0
      ? [
          field(
            "Also printed in",
            p.alsoIn.map((a) => w.alsoIn(localName("table", a.where, lang), a.line, a.value)).join(" · "),
          ),
        ]
      : []),
    ...(p.fixes.length > 0
      ? [field("Fixes", p.fixes.map((f) => fixNote(f, edition.edition, lang)).join(" · "))]
      : []),
    ...(p.notes.length > 0 ? [field("Notes", p.notes.map((n) => noteIn(n, lang)).join(" · "))] : []),
  ];
  return {
    kind: "figure",
    value: answer.value,
    status,
    title: titleOf(p, lang),
    provider: providerOf(edition),
    sections: [
      { id: "where", title: sectionTitle("where", lang), fields: where },
      { id: "certainty", title: sectionTitle("certainty", lang), fields: certainty },
    ],
  };
}
