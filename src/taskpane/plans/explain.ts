/**
 * Explain this cell: parse the selected cell's =IOM.* formula and answer it with the core, to show
 * its value and where it comes from (table or paragraph, row, column, line, footnotes, qualifier,
 * discrepancies).
 */
import {
  type Answer,
  countryCard,
  type EntityCard,
  figureCard,
  type FigureCard,
  isIomError,
  parseFormula,
  type Iom,
  VALUE_FUNCTIONS,
  type Arg,
  unknownFunction,
} from "../../core";
import { functionIdOf } from "../../i18n/names";
import type { Lang } from "../../i18n/lang";
import { render } from "../../i18n/messages";
import { textOf } from "./text";

/** What the adapter reads of the selected cell. */
export interface SelectedCell {
  address: string;
  /** The cell's formula, or its constant; "" when empty. */
  formula: unknown;
  /** What Excel shows. */
  value: unknown;
}

export type Explanation =
  | { kind: "empty"; address: string }
  | { kind: "not_iom"; address: string; content: string }
  | { kind: "unparsable"; address: string; formula: string; message: string }
  | { kind: "spill"; address: string; formula: string; name: string }
  /** A country's card (=IOM.COUNTRY): what the cell's data type shows. */
  | { kind: "entity"; address: string; formula: string; card: EntityCard }
  | { kind: "error"; address: string; formula: string; message: string; suggestions: string[] }
  | {
      kind: "answer";
      address: string;
      formula: string;
      name: string;
      args: Arg[];
      answer: Answer;
      /** The card Excel shows for the value (where it shows data types): the fields the pane lists. */
      card: FigureCard;
      /** The edition that answered ("MC/1234 (1999)") and the file of its text the lines refer to. */
      edition: string;
      sourceFile: string;
      /** =-IOM.X(…): the cell shows the value negated (the pyramid's male side). */
      negated: boolean;
      shown: unknown;
    };

const VALUE_SET = new Set<string>(VALUE_FUNCTIONS);

/** Explains `cell`; messages (a formula that cannot be parsed or answered) are in `lang`. */
export function explainCell(cell: SelectedCell, core: Iom, lang: Lang = "en"): Explanation {
  const { address } = cell;
  const raw = cell.formula;
  if (raw === "" || raw === null || raw === undefined) return { kind: "empty", address };
  const text = textOf(raw).trim();
  // Excel shows a function it does not know (add-in not loaded) as _xludf.IOM.X.
  const formula = text.replace(/_xludf\./gi, "");
  const m = /^=\s*(-?)\s*(IOM\..*)$/i.exec(formula);
  if (!m) return { kind: "not_iom", address, content: text.slice(0, 80) };
  const negated = m[1] === "-";
  const parsed = parseFormula(`=${m[2] ?? ""}`);
  if ("error" in parsed)
    return { kind: "unparsable", address, formula, message: render(parsed.problem, lang) };
  if (!functionIdOf(parsed.name)) {
    const e = unknownFunction(parsed.written, lang);
    return { kind: "error", address, formula, message: e.text(lang), suggestions: [...e.suggestions] };
  }
  try {
    if (parsed.name === "COUNTRY") {
      const card = countryCard(core.inEdition(parsed.args[1]), parsed.args[0], lang);
      return { kind: "entity", address, formula, card };
    }
    if (!VALUE_SET.has(parsed.name)) return { kind: "spill", address, formula, name: parsed.name };
    const { core: answering, answer } = core.route(parsed.name, parsed.args);
    return {
      kind: "answer",
      edition: answering.editionLabel(),
      sourceFile: sourceFileName(answering),
      address,
      formula,
      name: parsed.name,
      args: parsed.args,
      answer,
      card: figureCard(answer, answering.edition, lang),
      negated,
      shown: cell.value,
    };
  } catch (e) {
    if (!isIomError(e)) throw e;
    return { kind: "error", address, formula, message: e.text(lang), suggestions: [...e.suggestions] };
  }
}

/** The source text file name, as provenance lines refer to it. */
export const sourceFileName = (core: Iom): string =>
  core.edition.source.split("/").pop() ?? core.edition.source;
