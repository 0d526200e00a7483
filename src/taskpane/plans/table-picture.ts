/**
 * A table template's preview as plain data: the block's title, unit line, headings and first rows,
 * compact enough for a 280 px pane. The label columns fold into one, as the report prints its
 * nested stubs: a group label (a service, a programme) becomes a row of its own, the innermost
 * label is indented under it. Figures are written in their cells' number formats; in live mode
 * the formulas' figures come from the static block (what they return), marked live.
 */
import type { Lang } from "../../i18n/lang";
import type { Block, CellFormat, Content } from "../../sheets/block";
import { formatValue } from "./number-format";

/** Data rows and value columns shown (the rest is counted). */
export const PREVIEW_ROWS = 14;
export const PREVIEW_COLUMNS = 8;

const NA = "=NA()";

export interface PictureCell {
  text: string;
  /** An =IOM.* formula in the block (live mode): its current figure is shown. */
  live: boolean;
  /** A printed figure kept static in live mode (shaded in the sheet). */
  shaded: boolean;
}

export interface PictureRow {
  label: string;
  /** Nesting level of the label (0 = outermost label column). */
  indent: number;
  /** A group label on a row of its own (no figures). */
  group: boolean;
  bold: boolean;
  cells: PictureCell[];
}

export interface TablePicture {
  title: string;
  unit: string;
  /** Heading rows: the label column's heading first, then value headings spanning their columns. */
  headings: { text: string; span: number }[][];
  rows: PictureRow[];
  shownRows: number;
  totalRows: number;
  shownColumns: number;
  totalColumns: number;
  /** Footnotes, notes and source line, as under the table. */
  notes: string[];
}

const inside = (f: CellFormat, r: number, c: number): boolean =>
  r >= f.rect.row && r < f.rect.row + f.rect.rows && c >= f.rect.col && c < f.rect.col + f.rect.cols;

/** The first column holding figures: the label columns come before it. */
function labelColumnCount(block: Block): number {
  const width = block.cells[0]?.length ?? 0;
  for (let c = 0; c < width; c++)
    for (let r = block.body.row; r < block.body.row + block.body.rows; r++) {
      const v = block.cells[r]?.[c];
      if (typeof v === "number" || (typeof v === "string" && v.startsWith("="))) return Math.max(1, c);
    }
  return Math.max(1, width - 1);
}

export function tablePicture(block: Block, values: Block, lang: Lang): TablePicture {
  const { table, body } = block;
  const width = block.cells[0]?.length ?? 0;
  const labels = labelColumnCount(block);
  const lastColumn = Math.min(width, labels + PREVIEW_COLUMNS);
  const text = (r: number, c = 0): string => String(block.cells[r]?.[c] ?? "");
  const bold = (r: number, c: number): boolean => block.formats.some((f) => f.bold && inside(f, r, c));
  const shaded = (r: number, c: number): boolean =>
    block.formats.some((f) => f.fill !== undefined && inside(f, r, c));
  const spans = new Map<string, number>();
  for (const f of block.formats)
    if (f.align === "CenterAcrossSelection") spans.set(`${f.rect.row}|${f.rect.col}`, f.rect.cols);

  // Heading rows: the grouping rows above the Excel table and its heading row.
  const headings: TablePicture["headings"] = [];
  /** The group labels above each column, outermost first. */
  const groups = new Map<number, string[]>();
  for (let r = 2; r <= table.row; r++) {
    const row: { text: string; span: number }[] = [];
    const stub = r === table.row ? stubHeading(block, r, labels) : "";
    row.push({ text: stub, span: 1 });
    for (let c = labels; c < lastColumn;) {
      const span = Math.max(1, Math.min(spans.get(`${r}|${c}`) ?? 1, lastColumn - c));
      let heading = text(r, c);
      if (r < table.row && heading !== "")
        for (let k = c; k < c + span; k++) groups.set(k, [...(groups.get(k) ?? []), heading]);
      // The Excel table's heading repeats its groups ("Headquarters F", needed unique there):
      // under the groups printed above it, the report's own label is enough.
      if (r === table.row) heading = withoutGroups(heading, groups.get(c) ?? []);
      row.push({ text: heading, span });
      c += span;
    }
    headings.push(row);
  }

  const figure = (r: number, c: number): PictureCell => {
    const content: Content | undefined = block.cells[r]?.[c];
    const live = typeof content === "string" && content.startsWith("=") && content !== NA;
    const v = live ? values.cells[r]?.[c] : content;
    const cell = { live, shaded: shaded(r, c) };
    if (typeof v === "number") return { text: formatValue(v, block.numberFormats[r]?.[c], lang), ...cell };
    if (v === NA || (live && typeof v !== "number")) return { text: "#N/A", ...cell };
    return { text: String(v ?? ""), ...cell };
  };

  const rows: PictureRow[] = [];
  const shownRows = Math.min(body.rows, PREVIEW_ROWS);
  for (let r = body.row; r < body.row + shownRows; r++) {
    const stub = Array.from({ length: labels }, (_, c) => text(r, c));
    let deepest = stub.length - 1;
    while (deepest > 0 && stub[deepest] === "") deepest--;
    // Group labels printed on this row (a new service, programme…) get rows of their own.
    for (let c = 0; c < deepest; c++)
      if (stub[c] !== "")
        rows.push({ label: stub[c] ?? "", indent: c, group: true, bold: bold(r, c), cells: [] });
    const cells: PictureCell[] = [];
    for (let c = labels; c < lastColumn; c++) cells.push(figure(r, c));
    rows.push({ label: stub[deepest] ?? "", indent: deepest, group: false, bold: bold(r, labels), cells });
  }

  const notes: string[] = [];
  for (let r = body.row + body.rows; r < block.cells.length; r++) if (text(r) !== "") notes.push(text(r));
  return {
    title: text(0),
    unit: text(1),
    headings,
    rows,
    shownRows,
    totalRows: body.rows,
    shownColumns: lastColumn - labels,
    totalColumns: width - labels,
    notes,
  };
}

/** "Total IOM Officials F" under "Total IOM Officials" → "F"; a heading that is only its group stays. */
function withoutGroups(heading: string, groups: readonly string[]): string {
  let rest = heading;
  for (const g of groups) if (rest.startsWith(`${g} `)) rest = rest.slice(g.length + 1);
  return rest;
}

/** The label columns' headings in one ("Service / Programme / Region of departure"). */
function stubHeading(block: Block, r: number, labels: number): string {
  const parts: string[] = [];
  for (let c = 0; c < labels; c++) {
    const h = String(block.cells[r]?.[c] ?? "");
    if (h !== "") parts.push(h);
  }
  return parts.join(" / ");
}
