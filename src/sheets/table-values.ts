/**
 * What an IOM_<id> table written by the pane, the export or an Office Script holds when it is up
 * to date: its column names and its body, from the same block that wrote it. Refresh compares a
 * workbook's table with this.
 */
import type { Iom } from "../core";
import type { Lang } from "../i18n/lang";
import type { Content } from "./block";
import { Catalog } from "./catalog";

export interface TableValues {
  tableName: string;
  /** The Excel table's header row. */
  columns: string[];
  /** Leading columns of row labels. */
  labelColumns: number;
  /** The body as the static block writes it: numbers, text, "" for blank, "=NA()" where undetermined. */
  body: Content[][];
  /** Why a body cell is #N/A (an undetermined cell's reason and certain combined figure), by "row:col" of the body. */
  notes: Map<string, string>;
}

const catalogs = new WeakMap<Iom, Catalog>();

/** The up-to-date content of a template's Excel table (a report table's, or a chart's data). */
export function tableValues(core: Iom, templateId: string, lang: Lang = "en"): TableValues | undefined {
  let catalog = catalogs.get(core);
  if (!catalog) catalogs.set(core, (catalog = new Catalog(core)));
  if (!catalog.get(templateId)) return undefined;
  const block = catalog.block(templateId, "static", lang);
  const formats = block.numberFormats[block.body.row] ?? [];
  let labelColumns = 0;
  while (labelColumns < formats.length && formats[labelColumns] === "@") labelColumns++;
  return {
    tableName: block.tableName,
    columns: (block.cells[block.table.row] ?? []).map(String),
    labelColumns,
    body: block.cells.slice(block.body.row, block.body.row + block.body.rows),
    notes: new Map(block.cellNotes.map((n) => [`${n.row - block.body.row}:${n.col}`, n.text])),
  };
}
