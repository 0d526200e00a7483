import type { Localized } from "../i18n/lang";
import type { Qualifier } from "./model";

/** A provenance note: English text the core wrote, or a text the edition gives in every language. */
export type Note = string | Localized;

/** Where a value comes from: enough to find it in the report and judge it. */
export interface Provenance {
  kind: "table" | "fact" | "sum";
  /** "Table 5", "Annex I, section 12", "¶209"… */
  where: string;
  title: string;
  /** Table id or fact key. */
  id: string;
  /** Row and column labels (paths joined with " › "), for table cells. */
  row?: string;
  column?: string;
  /** Source lines the value is printed on (several for implied sums). */
  lines: number[];
  paragraph?: number;
  footnotes: string[];
  qualifier: Qualifier | null;
  /** Recorded discrepancies that touch the value. */
  discrepancies: string[];
  /** Other places that print the same figure (e.g. at another precision). */
  alsoIn: { where: string; line: number; value: number }[];
  /**
   * Manual fixes behind the value: cells the PDF conversion garbled (placed by reasoning) or lost
   * (derived from printed totals, so not on the cited line). Reasoning in data/<year>/DISCREPANCIES.md.
   */
  fixes: { id: string; derived: boolean }[];
  /** Anything else a careful reader must know (why a fallback was used, what a sum covers). */
  notes: Note[];
  /**
   * What the solver proved for this cell when the text does not simply print it: forced (derived from
   * the totals, naming them) or contradicted (printed, but the totals allow only [min, max]).
   */
  proof?: {
    status: "forced" | "contradicted";
    min: number;
    max: number;
    because: string[];
    discrepancy?: string;
  };
}

export interface Answer {
  value: number;
  provenance: Provenance;
}
