/**
 * `iom export --format xlsx`: every template of the edition in one workbook — each report table and
 * each chart template on its own sheet, laid out by the same blocks the task pane inserts
 * (src/sheets) — with a contents sheet linking to them and a sheet of the narrative figures.
 */
import ExcelJS from "exceljs";
import type { Fact, Iom } from "../../core";
import type { Lang } from "../../i18n/lang";
import { quoteSheet } from "../../sheets/a1";
import { Catalog } from "../../sheets/catalog";
import { FACTS_TABLE, FONT_FAMILY, TABLE_STYLE, newSheetName } from "../../sheets/names";
import { writeBlock } from "./write-block";

export const CONTENTS_SHEET = "Contents";
export const FACTS_SHEET = "Facts";

const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_FAMILY, bold: true, size: 13 };
const NOTE_FONT: Partial<ExcelJS.Font> = { name: FONT_FAMILY, italic: true, color: { argb: "FF605E5C" } };

const FACT_COLUMNS = [
  "key",
  "label",
  "value",
  "unit",
  "year",
  "qualifier",
  "paragraph",
  "line",
  "text as printed",
] as const;

export const factRow = (f: Fact): (string | number)[] => [
  f.key,
  f.label,
  f.value,
  f.unit,
  f.year,
  f.qualifier ?? "",
  f.paragraph,
  f.line,
  f.text,
];

function writeFactsSheet(wb: ExcelJS.Workbook, core: Iom): void {
  const edition = core.edition;
  const ws = wb.addWorksheet(FACTS_SHEET, { views: [{ state: "frozen", ySplit: 3 }] });
  ws.getCell("A1").value = `Narrative figures of ${core.editionLabel()}, by paragraph`;
  ws.getCell("A1").font = TITLE_FONT;
  ws.getCell("A2").value =
    "Each is =IOM.FACT(key) in the add-in; line is the line of the report text that prints it.";
  ws.getCell("A2").font = NOTE_FONT;
  ws.addTable({
    name: FACTS_TABLE,
    ref: "A3",
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: FACT_COLUMNS.map((name) => ({ name, filterButton: true })),
    rows: edition.facts.map(factRow),
  });
  ws.getRow(3).font = { name: FONT_FAMILY, bold: true };
  [34, 60, 14, 14, 6, 12, 10, 7, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

const LINK_FONT: Partial<ExcelJS.Font> = { name: FONT_FAMILY, color: { argb: "FF0563C1" }, underline: true };

/**
 * A link to a sheet of this workbook, as a HYPERLINK formula: exceljs writes its own internal
 * links with a stray external relationship, which spreadsheet apps may resolve as a file name.
 */
export const sheetLink = (sheet: string): ExcelJS.CellFormulaValue => ({
  formula: `HYPERLINK("#${quoteSheet(sheet).replace(/"/g, '""')}!A1","${sheet.replace(/"/g, '""')}")`,
  result: sheet,
});

/** A sheet of the export, for the contents. */
interface Entry {
  sheet: string;
  number: string;
  title: string;
  tableName: string;
  source: string;
}

function writeContents(ws: ExcelJS.Worksheet, core: Iom, entries: Entry[]): void {
  const edition = core.edition;
  ws.getCell("A1").value = `IOM, ${edition.document}: ${edition.title}`;
  ws.getCell("A1").font = TITLE_FONT;
  ws.getCell("A2").value =
    `Every table of the report (edition ${edition.edition}) as printed, and the chart templates. Each sheet's data is an Excel table named IOM_<id>, which \`iom refresh\` and the add-in update.`;
  ws.getCell("A2").font = NOTE_FONT;
  const head = ws.getRow(4);
  head.values = ["Sheet", "Table", "Title", "Excel table", "Source"];
  head.font = { name: FONT_FAMILY, bold: true };
  entries.forEach((e, i) => {
    const row = ws.getRow(5 + i);
    row.values = [e.sheet, e.number, e.title, e.tableName, e.source];
    row.font = { name: FONT_FAMILY };
    row.getCell(1).value = sheetLink(e.sheet);
    row.getCell(1).font = LINK_FONT;
  });
  const factsRow = ws.getRow(5 + entries.length);
  factsRow.getCell(1).value = sheetLink(FACTS_SHEET);
  factsRow.getCell(1).font = LINK_FONT;
  factsRow.getCell(3).value = `${edition.facts.length} narrative figures, by paragraph`;
  factsRow.getCell(4).value = FACTS_TABLE;
  [32, 34, 80, 30, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** The whole export as an exceljs workbook (not yet written), its text in `lang`. */
export function exportWorkbook(core: Iom, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "iom export";
  wb.title = `${core.editionLabel()} — every table`;
  // SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the date, so two exports compare equal.
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  wb.created = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  wb.modified = wb.created;
  const contents = wb.addWorksheet(CONTENTS_SHEET);
  const catalog = new Catalog(core);
  const taken = [CONTENTS_SHEET, FACTS_SHEET];
  const entries: Entry[] = [];
  for (const t of catalog.templates) {
    const block = catalog.block(t.id, "static", lang);
    const sheet = newSheetName(t.kind === "table" ? t.number(lang) : t.title(lang), taken);
    taken.push(sheet);
    writeBlock(wb.addWorksheet(sheet), block);
    const source = block.cells[block.cells.length - 1]?.[0];
    entries.push({
      sheet,
      number: t.number(lang),
      title: t.title(lang),
      tableName: block.tableName,
      source: typeof source === "string" ? source : "",
    });
  }
  writeFactsSheet(wb, core);
  writeContents(contents, core, entries);
  return wb;
}
