/**
 * One report table as a block, laid out as the report prints it: title, unit and period, the
 * grouped column headings, the rows with their nested labels and totals in bold, footnotes, and
 * "Source: IOM, <document>, Table N". The innermost heading row and the rows form an Excel table.
 */
import { cellSources, isMissing, tableGrid, type Iom, type Table } from "../core";
import { NOTES, sourceLine, stubHeadings, tableNumber, tableTitle, unitLine } from "../i18n/content";
import type { Lang } from "../i18n/lang";
import { formatMessage } from "../i18n/plural";
import {
  type Block,
  type CellFormat,
  type Content,
  GENERAL_FORMAT,
  type Mode,
  TEXT_FORMAT,
  decimalsOf,
  numberFormat,
  tableNameFor,
  uniqueHeaders,
} from "./block";
import { formulaOf } from "./formulas";

/** Live-mode fill of printed figures no function returns (Office's light yellow). */
export const STATIC_FILL = "#FFF4CE";
const NOTE_COLOR = "#605E5C";

/** Formula for a cell the report prints no certain figure for: #N/A, like IOM.TABLE shows it. */
export const NA_FORMULA = "=NA()";

export function tableTemplateId(table: Table): string {
  return table.id;
}

function columnFormat(table: Table, ci: number): string {
  const column = table.columns[ci];
  if (column?.unit === "rank" || /rank/i.test(column?.label ?? "")) return "0";
  let decimals = 0;
  for (const r of table.rows) {
    const v = r.cells[ci];
    if (typeof v === "number") decimals = Math.max(decimals, decimalsOf(v));
  }
  return numberFormat(decimals, /decrease/i.test(column?.label ?? ""));
}

export function tableBlock(table: Table, mode: Mode, lang: Lang, i: Iom): Block {
  const grid = tableGrid(table, true);
  const { headerRows, labelColumns } = grid;
  const width = labelColumns + table.columns.length;
  const cells: Content[][] = [];
  const formats: string[][] = [];
  const cellFormats: CellFormat[] = [];
  const textRow = (text: string): void => {
    cells.push([text, ...Array<Content>(width - 1).fill("")]);
    formats.push([TEXT_FORMAT, ...Array<string>(width - 1).fill(GENERAL_FORMAT)]);
  };

  textRow(
    `${tableNumber(table.number, lang, i.presentation)}. ${tableTitle(i.presentation, table.id, table.title, lang)}`,
  );
  cellFormats.push({ rect: { row: 0, col: 0, rows: 1, cols: 1 }, bold: true, size: 13 });
  textRow(unitLine(i.presentation, table.unit, table.period, lang));
  cellFormats.push({ rect: { row: 1, col: 0, rows: 1, cols: 1 }, italic: true, color: NOTE_COLOR });

  // Grouping heading rows (all but the innermost), above the Excel table as the report prints them.
  for (let level = 0; level < headerRows - 1; level++) {
    const source = grid.cells[level] ?? [];
    const row: Content[] = source.map((c, ci) => (ci < labelColumns || typeof c !== "string" ? "" : c));
    const r = cells.length;
    cells.push(row);
    formats.push(row.map(() => TEXT_FORMAT));
    // Centre each group label across the columns up to the next label.
    for (let ci = labelColumns; ci < width; ci++) {
      if (row[ci] === "") continue;
      let end = ci + 1;
      while (end < width && row[end] === "") end++;
      cellFormats.push({
        rect: { row: r, col: ci, rows: 1, cols: end - ci },
        bold: true,
        align: "CenterAcrossSelection",
      });
    }
  }

  // The Excel table's heading row: label-column headings, then unique column headings.
  const headerRow = cells.length;
  // A repeated label ("F" under Headquarters, Field and Total) is qualified by its group everywhere.
  const leafCount = new Map<string, number>();
  for (const c of table.columns) leafCount.set(c.label, (leafCount.get(c.label) ?? 0) + 1);
  const headers = uniqueHeaders([
    ...stubHeadings(i.presentation, table.id, labelColumns, lang).map((s) => [s]),
    ...table.columns.map((c) => {
      const qualified = [c.path.slice(-2).join(" "), c.path.join(" ")];
      return (leafCount.get(c.label) ?? 0) > 1 ? qualified : [c.label, ...qualified];
    }),
  ]);
  cells.push(headers);
  formats.push(headers.map(() => TEXT_FORMAT));
  const displayHeader = [...headers.slice(0, labelColumns), ...table.columns.map((c) => c.label)];

  const sources = mode === "live" ? cellSources(i, table.id) : undefined;
  const columnFormats = table.columns.map((_, ci) => columnFormat(table, ci));
  let liveCells = 0;
  let staticCells = 0;
  let undetermined = 0;
  const cellNotes: Block["cellNotes"] = [];
  const bodyRow = cells.length;
  /** An undetermined cell: counted, and noted with the reason and the certain combined figure. */
  const noteUndetermined = (ri: number, ci: number): void => {
    undetermined++;
    const g = grid.cells[headerRows + ri]?.[labelColumns + ci];
    if (g !== undefined && isMissing(g))
      cellNotes.push({ row: bodyRow + ri, col: labelColumns + ci, text: g.missing });
  };
  table.rows.forEach((r, ri) => {
    const labels = (grid.cells[headerRows + ri] ?? [])
      .slice(0, labelColumns)
      .map((c) => (typeof c === "string" ? c : ""));
    const row: Content[] = [...labels];
    const rowFormats: string[] = labels.map(() => TEXT_FORMAT);
    r.cells.forEach((v, ci) => {
      rowFormats.push(columnFormats[ci] ?? GENERAL_FORMAT);
      if (v === null) return void row.push("");
      const source = sources?.[ri]?.[ci];
      if (source && "call" in source) {
        liveCells++;
        row.push(formulaOf(i.pinned(source.call)));
        if (v === "undetermined") noteUndetermined(ri, ci);
        return;
      }
      if (source) {
        staticCells++;
        cellFormats.push({
          rect: { row: cells.length, col: labelColumns + ci, rows: 1, cols: 1 },
          fill: STATIC_FILL,
        });
      }
      if (v === "undetermined") {
        noteUndetermined(ri, ci);
        row.push(NA_FORMULA);
      } else row.push(v);
    });
    cells.push(row);
    formats.push(rowFormats);
    if (r.sumOf)
      cellFormats.push({
        rect: { row: cells.length - 1, col: 0, rows: 1, cols: width },
        bold: true,
        borderTop: true,
      });
  });
  const body = { row: bodyRow, col: 0, rows: table.rows.length, cols: width };

  textRow("");
  const notesStart = cells.length;
  for (const f of table.footnotes) textRow(footnoteText(f.mark, f.text));
  if (staticCells > 0) textRow(formatMessage(NOTES.staticCells[lang], { count: staticCells }, lang));
  if (undetermined > 0) textRow(formatMessage(NOTES.undetermined[lang], { count: undetermined }, lang));
  if (mode === "live") textRow(NOTES.live[lang]);
  textRow(sourceLine(i.edition.document, table.number, lang, i.presentation, table.lines));
  cellFormats.push({
    rect: { row: notesStart, col: 0, rows: cells.length - notesStart, cols: 1 },
    italic: true,
    size: 9,
    color: NOTE_COLOR,
  });

  return {
    templateId: tableTemplateId(table),
    mode,
    lang,
    cells,
    numberFormats: formats,
    formats: mergeFills(cellFormats),
    table: { row: headerRow, col: 0, rows: table.rows.length + 1, cols: width },
    body,
    tableName: tableNameFor(tableTemplateId(table)),
    footprint: { rows: cells.length, cols: width },
    displayHeader,
    cellNotes,
    liveCells,
    staticCells,
  };
}

/** "a Some of…", "* Source: …", "Excluding: Interns…", "Note: More statistics…". */
function footnoteText(mark: string, text: string): string {
  if (mark === "") return text;
  if (mark.length > 1 && !mark.endsWith(":")) return `${mark}: ${text}`;
  return `${mark} ${text}`;
}

/**
 * Joins single-cell fills on one row into runs, so a table with many static cells costs a few
 * format operations rather than one per cell.
 */
function mergeFills(formats: CellFormat[]): CellFormat[] {
  const fills = formats.filter(
    (f) => f.fill && f.rect.rows === 1 && f.rect.cols === 1 && Object.keys(f).length === 2,
  );
  const rest = formats.filter((f) => !fills.includes(f));
  fills.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
  const merged: CellFormat[] = [];
  for (const f of fills) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.fill === f.fill &&
      prev.rect.row === f.rect.row &&
      prev.rect.col + prev.rect.cols === f.rect.col
    )
      prev.rect = { ...prev.rect, cols: prev.rect.cols + 1 };
    else merged.push({ rect: { ...f.rect }, fill: f.fill });
  }
  return [...rest, ...merged];
}
