/**
 * A block: what one template writes, as plain data relative to its top-left cell. Table and chart
 * templates both render to a block; the insert plan places it on a sheet and the adapter executes it.
 */
import type { Lang } from "../i18n/lang";

export { tableNameFor } from "./names";
// Every block reads its edition's presentation: load the bundled ones with the layout.
import "./bundled-presentations";
import type { Rect } from "./a1";

export type Mode = "static" | "live";

/** A cell's content: a number, text, or a formula (text starting with "="). */
export type Content = string | number;

/** Text cells are formatted as text ("@") so Excel never reads "10-17" as a date or "=x" as a formula. */
export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

export interface CellFormat {
  rect: Rect;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fill?: string;
  color?: string;
  align?: "Left" | "Right" | "CenterAcrossSelection";
  borderTop?: boolean;
}

/** Excel's chart types the templates use (a subset of Excel.ChartType). */
export type ChartType = "ColumnClustered" | "ColumnStacked" | "BarClustered" | "BarStacked" | "Pie";

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Axis titles; pies have none. */
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  dataLabels: boolean;
  legend: "Bottom" | "Right" | "None";
  /** Number format of data labels and the value axis (the pyramid hides the minus sign). */
  valueFormat?: string;
  /** Bars of all series on one line, no gap (population pyramid). Needs ExcelApi 1.8. */
  overlap?: number;
  gapWidth?: number;
  /** Largest bar on top in bar charts, whose categories Excel plots bottom-up. */
  reverseCategories?: boolean;
  /** Category labels outside the plot ("Low"), so bars that run both ways (a pyramid) don't cover them. */
  categoryLabels?: "Low";
  /** The Excel table the chart plots (header + body), block-relative. */
  data: Rect;
  /** Where the chart goes, block-relative: to the right of the data. */
  position: Rect;
}

export interface Block {
  templateId: string;
  mode: Mode;
  lang: Lang;
  /** Rows × columns of content (the data part; the chart floats to its right). */
  cells: Content[][];
  numberFormats: string[][];
  formats: CellFormat[];
  /** The Excel table: its header row and body. */
  table: Rect;
  /** Data rows of the Excel table (the part refresh rewrites). */
  body: Rect;
  /** Excel's table names must be unique: the insert plan adds a suffix when needed. */
  tableName: string;
  chart?: ChartSpec;
  /** Everything the block covers, chart area included: the area that must be empty. */
  footprint: { rows: number; cols: number };
  /**
   * The heading row as the report prints it: each column's own label ("F" under its group's band),
   * where the Excel table's header needs unique names ("Headquarters F"). A printed workbook shows these.
   */
  displayHeader: string[];
  /** Notes on single cells (why an undetermined cell is #N/A), block-relative; the export writes them as comments. */
  cellNotes: { row: number; col: number; text: string }[];
  /** In live mode: cells written as =IOM.* formulas, and printed figures kept static. */
  liveCells: number;
  staticCells: number;
}

/** Rectangle of a whole block's content. */
export const contentRect = (b: Block): Rect => ({
  row: 0,
  col: 0,
  rows: b.cells.length,
  cols: b.cells[0]?.length ?? 0,
});

/** Number format for a column of figures with `decimals` decimals. */
export function numberFormat(decimals: number, parenthesesForNegative = false): string {
  const base = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return parenthesesForNegative ? `${base};(${base})` : base;
}

export const decimalsOf = (n: number): number => {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 || s.includes("e") ? 0 : s.length - dot - 1;
};

/** Makes header texts unique (Excel renames duplicates itself, which would break refresh). */
export function uniqueHeaders(candidates: string[][]): string[] {
  const seen = new Set<string>();
  return candidates.map((options) => {
    for (const o of options) {
      const k = o.trim().toLowerCase();
      if (k !== "" && !seen.has(k)) {
        seen.add(k);
        return o;
      }
    }
    const base = options[options.length - 1] || "Column";
    for (let n = 2; ; n++) {
      const candidate = `${base} (${n})`;
      if (!seen.has(candidate.toLowerCase())) {
        seen.add(candidate.toLowerCase());
        return candidate;
      }
    }
  });
}
