import type { Localized } from "../i18n/lang";

/**
 * The shape of the curated data in `data/<edition>/`. These files are written by the
 * importer (`npm run import`) and read by the core; nothing else writes them.
 *
 * Line numbers are 1-based lines of the edition's source text (`data/source/...`).
 */

/** A cell the report leaves blank is `null` (no movement/official: reads as 0). */
export type CellValue = number | null | "undetermined";

export interface Column {
  /** Stable key, unique in the table (e.g. "kenya", "hq_f", "y" and a year for a year column). */
  key: string;
  /** The report's own label for the column (innermost header). */
  label: string;
  /** The header hierarchy, outermost first, ending with `label`. */
  path: string[];
  /** Keys of the columns this column is the printed sum of. */
  sumOf?: string[];
  /** What the column holds, when it is not the table's unit (e.g. "rank"). */
  unit?: string;
}

export interface Row {
  key: string;
  /** The report's own label for the row (innermost label). */
  label: string;
  /** The row-label hierarchy, outermost first, ending with `label`. */
  path: string[];
  /** Source line of the row (of its first cell when the row is split over lines). */
  line: number;
  /** Cells, aligned with `Table.columns`. */
  cells: CellValue[];
  /** Per-column source lines, only where a cell is not on `line` (split tables). */
  cellLines?: Record<string, number>;
  /** Keys of the rows this row is the printed sum of (subtotals, totals). */
  sumOf?: string[];
  /** Footnote marks attached to the row label (e.g. ["a"]). */
  marks?: string[];
}

export interface Footnote {
  mark: string;
  text: string;
  line: number;
}

/** A cell that no constraint of the report can pin down. */
export interface UndeterminedCell {
  row: string;
  column: string;
  reason: string;
  /** The exact range the report's totals allow (over all integer solutions), where a solver proved it. */
  min?: number;
  max?: number;
  /** The cells whose combined value is certain, and that value (absent when no printed total leaves one). */
  combined?: { cells: { row: string; column: string }[]; value: number; line: number };
}

/**
 * What the proof of a table (src/import/solver, run at import) finds for a cell:
 * - printed: its position is certain and its printed value (or blank) consistent with every constraint;
 * - forced: the text does not print it as it stands, but all integer solutions agree (served, derived);
 * - contradicted: the text prints a value the totals rule out (served as printed, with a warning);
 * - undetermined: the totals allow a range (#N/A; see Table.undetermined).
 * Only proved tables carry statuses; a cell not listed in `proved` or `undetermined` is printed.
 */
export type CellStatus = "printed" | "forced" | "contradicted" | "undetermined";

export interface ProvedCell {
  row: string;
  column: string;
  status: "forced" | "contradicted";
  /** The range every integer solution of the report's constraints allows (min = max when forced). */
  min: number;
  max: number;
  /** What the text prints there (contradicted cells; null when it prints nothing). */
  printed?: number | null;
  /** Forced: the constraints that force it. Contradicted: a minimal set of constraints that conflict. */
  because: string[];
  /** The discrepancy that records a contradiction. */
  discrepancy?: string;
}

export interface Table {
  id: string;
  /** "Table 2", "Annex I, section 5", or a descriptive label for untitled tables. */
  number: string;
  title: string;
  /** Report section, e.g. "IV.D", "V.B", "V.C", "Annex I". */
  section: string;
  /** Unit of the values, e.g. "persons", "USD million", "projects", "staff". */
  unit: string;
  /** Date or period the figures refer to. */
  period: string;
  /** First and last source line of the table. */
  lines: [number, number];
  columns: Column[];
  rows: Row[];
  footnotes: Footnote[];
  undetermined: UndeterminedCell[];
  /** Forced and contradicted cells of a table the solver proves (Tables 1 and 2). */
  proved?: ProvedCell[];
}

export type Qualifier =
  | "some"
  | "over"
  | "more than"
  | "nearly"
  | "almost"
  | "approximately"
  | "about"
  | "around"
  | "up to"
  | "at least"
  | "less than"
  | "under";

export interface Fact {
  /** Stable key, e.g. "legal.contracts_reviewed". */
  key: string;
  label: string;
  value: number;
  /** e.g. "persons", "USD", "USD million", "CHF", "EUR", "percent", "count". */
  unit: string;
  /** The year the figure refers to (the edition's year unless the text says otherwise). */
  year: number;
  qualifier: Qualifier | null;
  paragraph: number;
  line: number;
  /** The exact text of the figure as printed, e.g. "more than 218,000". */
  text: string;
  /**
   * The figure in base units when the report prints it scaled ("USD 1.31 billion" → 1 310 000 000
   * USD; "1.74 million" visits → 1 740 000 visits). Absent when `value` is already in base units
   * (and for per cent, which stays per cent).
   */
  base?: { value: number; unit: string; scale: "million" | "billion" };
}

export type DiscrepancyCode =
  | "row_sum"
  | "column_sum"
  | "cross_table"
  | "narrative_vs_table"
  | "narrative_total"
  | "narrative_share"
  | "rounding"
  | "contradicted";

export interface Discrepancy {
  id: string;
  code: DiscrepancyCode;
  table: string;
  row?: string;
  column?: string;
  line: number;
  printed: number;
  /** The figure the report's other numbers give, when they give one. */
  computed?: number;
  /** What the report says instead, when it says it in words ("an increase"): then there is no `computed`. */
  claim?: string;
  message: string;
  /** Why the report's figure and the recomputed one differ, as far as can be told. */
  explanation: string;
}

/** A manual fix for a cell the PDF conversion garbled. */
export interface ManualFix {
  id: string;
  table: string;
  line: number;
  garbled: string;
  reasoning: string;
  /** The cells this fix sets, with the values the reasoning establishes. */
  cells: {
    row: string;
    column: string;
    value: CellValue;
    /** True when the number is printed nowhere: the row and column totals determine it. */
    derived?: boolean;
  }[];
}

export interface Unavailable {
  id: string;
  title: string;
  line: number;
  reason: string;
}

/** An expenditure table and, when its total row means a narrower item, that item's name. */
export interface ExpenditureRole {
  table: string;
  /** The item the table's "total" row stands for (e.g. "Operational programmes"). */
  totalItem?: string;
}

/**
 * Which table plays which part in the queries. The queries find their tables here, never by id,
 * so a later edition that numbers or names its tables differently only needs its own roles. A
 * role left out means the edition has no such table: the functions that need it answer #N/A.
 */
export interface EditionRoles {
  /** Departure region/area × destination region/area. */
  movementsByRegion?: string;
  /** Service › programme › region of departure × destination country. */
  movementsByService?: string;
  /** Budgetary region › service classification. */
  movementsByBudgetaryRegion?: string;
  migrantsByAgeAndGender?: string;
  /** Grades × location and gender. */
  officialsByGrade?: string;
  /** Nationality × grade. */
  officialsByNationality?: string;
  /** Nationality × location, employee group and gender. */
  employeesByNationality?: string;
  /** Gender × location and staff kind. */
  staffByLocationAndGender?: string;
  /** Expenditure items by year, the most precise (main) tables first. */
  expenditure?: ExpenditureRole[];
  projectsByRegion?: string;
  projectsByService?: string;
  projectsByServiceAndRegion?: string;
}

/** A narrative figure that stands in for a place no table lists as a destination, and why. */
export interface NarrativePlace {
  name: string;
  /** The fact key of the figure. */
  fact: string;
  reason: Localized;
}

/** What an edition is and how its tables are read: everything that changes with a report. */
export interface EditionMeta {
  document: string;
  title: string;
  source: string;
  /** The year the report covers. */
  year: number;
  /** The line where the report's numbered paragraphs start (after a table of contents that numbers its items too). */
  paragraphsFrom?: number;
  roles: EditionRoles;
  narrativePlaces: NarrativePlace[];
  /** More names for a dimension's values, by the value's name (or normalised label for items). */
  aliases: Record<string, Record<string, string[]>>;
  /** Labels that differ between tables but name one thing, per dimension (normalised → canonical). */
  sameAs: Record<string, Record<string, string>>;
}

/** A text of the report in French and Spanish (its English is the report's own). */
export type Translation = Omit<Localized, "en">;

/** How a table is shown in a workbook, beyond what the report prints. */
export interface TablePresentation {
  title?: Translation;
  /** A short title for a sheet tab (with the short number before it, at most 31 characters). */
  short?: Localized;
  /** Headings of the label columns, outermost first (the report prints none over its stub). */
  stub?: Localized[];
}

/** A value-function call with placeholders: "{category}", "{category:number}", "{series}". */
export interface CallTemplate {
  fn: string;
  args: (string | number | boolean | null)[];
  /** Write =-IOM.X(…): the male side of a population pyramid. */
  negate?: boolean;
}

/** Where a chart's categories (or a series list) come from. */
export type NameSource =
  /** The names of a dimension, as IOM.LIST gives them, less some. */
  | { list: string; except?: string[] }
  /** A table's row labels: its detail rows, or its printed sums (" total" dropped) at a depth. */
  | { rows: string; sums?: boolean; depth?: number; except?: string[]; label?: number }
  /** A table's columns (less keys and key prefixes in `except`), largest first by the first series. */
  | { ranked: { columnsOf: string; except?: string[]; limit: number } };

export type ChartType = "ColumnClustered" | "ColumnStacked" | "BarClustered" | "BarStacked" | "Pie";

export interface SeriesDefinition {
  name: Localized;
  call: CallTemplate;
}

/** A chart template: a small table of value-function calls and Excel's chart of it. */
export interface ChartDefinition {
  id: string;
  type: ChartType;
  title: Localized;
  /** A short title for a sheet tab (at most 31 characters). */
  short?: Localized;
  /** Heading of the category column, and the category axis title. */
  categories: Localized;
  /** Value axis title (the unit). */
  values: Localized;
  period: Localized;
  /** The report tables the figures come from, as the report numbers them. */
  sources: string[];
  keywords: string[];
  categoryNames: NameSource;
  /** The series, or one series per name of a list, named by it ("{series}" in the call). */
  series: SeriesDefinition[] | { each: NameSource; call: CallTemplate };
  note?: Localized;
  options?: {
    overlap?: number;
    gapWidth?: number;
    reverseCategories?: boolean;
    valueFormat?: string;
    legend?: "Bottom" | "Right" | "None";
    /** Where the category labels go: "Low", outside the plot, when bars run both ways (a pyramid). */
    categoryLabels?: "Low";
  };
}

/** What a workbook shows of an edition besides its figures: translations, headings, chart templates. */
export interface Presentation {
  /** The report's periods ("31 December") in French and Spanish, by their English. */
  periods: Record<string, Translation>;
  /** The descriptive labels of unnumbered tables ("Section V.B, expenditure table"), by their English. */
  numbers: Record<string, Translation>;
  /** Words a reader searches a section's tables with that their titles lack, by report section. */
  sections: Record<string, string[]>;
  tables: Record<string, TablePresentation>;
  charts: ChartDefinition[];
}

export interface Edition {
  edition: string;
  meta: EditionMeta;
  /** Absent in the runtime form the add-in ships (see runtime-format.ts); registerPresentation supplies it. */
  presentation?: Presentation;
  document: string;
  title: string;
  source: string;
  sourceSha256: string;
  tables: Table[];
  facts: Fact[];
  discrepancies: Discrepancy[];
  fixes: ManualFix[];
  unavailable: Unavailable[];
}
