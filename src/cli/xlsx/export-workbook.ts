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
import { FACTS_TABLE, FONT_FAMILY, TABLE_STYLE, sheetNameFromTitle, shortNumber } from "../../sheets/names";
import { pageOf } from "../../i18n/content";
import { addCharts, type SheetChart } from "./charts/add-charts";
import { printAreaOf, sheetChartOf } from "./charts/placement";
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

function writeFactsSheet(wb: ExcelJS.Workbook, core: Iom, lang: Lang): void {
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
  ws.getRow(3).font = { name: FONT_FAMILY, bold: true, size: 8 };
  // A reference list: small type, the long label and printed text wrapped, so it prints in few pages.
  const widths = [28, 56, 9, 11, 5, 10, 6, 6, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  edition.facts.forEach((f, i) => {
    const row = ws.getRow(4 + i);
    row.font = { name: FONT_FAMILY, size: 8 };
    row.alignment = { vertical: "top", wrapText: true };
    // Column widths count 11-point characters: about 1.35 times as many 8-point ones fit.
    const lines = Math.max(1, Math.ceil(f.label.length / 75), Math.ceil(f.text.length / 53));
    row.height = 10.5 * lines + 1;
  });
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "3:3",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = footer(core, `Narrative figures of ${core.editionLabel()}`, lang);
}

/** The page header and footer of the contents and facts sheets. */
function footer(core: Iom, title: string, lang: Lang): Partial<ExcelJS.HeaderFooter> {
  const amp = (s: string): string => s.replace(/&/g, "&&");
  return {
    oddHeader: `&L&"${FONT_FAMILY},Bold"&9${amp(title)}&R&"${FONT_FAMILY},Regular"&9${amp(core.editionLabel())}`,
    oddFooter: `&L&"${FONT_FAMILY},Regular"&8${amp(`IOM, ${core.edition.document}`)}&R&"${FONT_FAMILY},Regular"&8${pageOf(lang)}`,
  };
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

function writeContents(ws: ExcelJS.Worksheet, core: Iom, entries: Entry[], lang: Lang): void {
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
  [30, 30, 70, 34, 52].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell("A1").alignment = { wrapText: false };
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = footer(core, edition.title, lang);
}

/** The export as exceljs writes it, and the native charts to add to the written package. */
export interface ExportedWorkbook {
  workbook: ExcelJS.Workbook;
  charts: SheetChart[];
}

/**
 * The whole export as an exceljs workbook (not yet written), its text in `lang`, and the charts
 * of its chart sheets (exceljs writes no charts: exportBytes adds them to the package).
 */
export function exportWorkbook(core: Iom, lang: Lang): ExportedWorkbook {
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
  const charts: SheetChart[] = [];
  for (const t of catalog.templates) {
    const block = catalog.block(t.id, "static", lang);
    const english = catalog.get(t.id)?.number("en") ?? "";
    const sheet = sheetNameFromTitle(t.kind === "table" ? shortNumber(english) : "", t.short(lang), taken);
    taken.push(sheet);
    const source = block.cells[block.cells.length - 1]?.[0];
    const ws = wb.addWorksheet(sheet);
    writeBlock(ws, block, {
      title: String(block.cells[0]?.[0] ?? ""),
      edition: core.editionLabel(),
      source: typeof source === "string" ? source : "",
      pageOf: pageOf(lang),
    });
    if (block.chart) {
      // A chart sheet prints as one landscape page: its data and its chart.
      ws.pageSetup = {
        ...ws.pageSetup,
        orientation: "landscape",
        fitToHeight: 1,
        printArea: printAreaOf(block),
      };
      charts.push(sheetChartOf(block, sheet));
    }
    entries.push({
      sheet,
      number: t.number(lang),
      title: t.title(lang),
      tableName: block.tableName,
      source: typeof source === "string" ? source : "",
    });
  }
  writeFactsSheet(wb, core, lang);
  writeContents(contents, core, entries, lang);
  return { workbook: wb, charts };
}

/** The export as the bytes of an .xlsx file, native charts included, and what it holds. */
export async function exportPackage(
  core: Iom,
  lang: Lang,
): Promise<{ bytes: Buffer; sheets: number; charts: number }> {
  const { workbook, charts } = exportWorkbook(core, lang);
  const bytes = await addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), charts);
  return { bytes, sheets: workbook.worksheets.length, charts: charts.length };
}

/** The export as the bytes of an .xlsx file, native charts included. */
export async function exportBytes(core: Iom, lang: Lang): Promise<Buffer> {
  return (await exportPackage(core, lang)).bytes;
}
