/**
 * What the pane can ask of Excel, as plain async functions the UI receives as props. The Excel
 * implementation composes the catalog (pure) with the adapters; UI tests pass fakes.
 */
import { iom, isIomError, type Iom } from "../core";
import {
  type CellFormulaResult,
  insertFormulaAtSelection,
  readSelectedCell,
  watchSelection,
} from "./excel/cell";
import { cardsOn, setCards } from "./excel/data-types";
import { type InsertResult, insertBlock } from "./excel/insert";
import { type RefreshResult, refreshAll } from "./excel/refresh";
import type { ExcelRun, Supports } from "./excel/run";
import type { Lang } from "../i18n/lang";
import type { Mode } from "../sheets/block";
import { catalog, type Catalog } from "../sheets/catalog";
import type { SelectedCell } from "./plans/explain";
import type { Destination } from "./plans/insert";

export interface PaneActions {
  insert(templateId: string, mode: Mode, lang: Lang, destination: Destination): Promise<InsertResult>;
  refreshAll(): Promise<RefreshResult>;
  readSelection(): Promise<SelectedCell>;
  /**
   * Calls `listener` whenever the selection changes; resolves to a function that stops it (and to
   * a no-op when Excel cannot report selection changes). Rejects with Office's error.
   */
  followSelection(listener: () => void): Promise<() => void>;
  insertFormula(formula: string): Promise<CellFormulaResult>;
  /** The workbook's cards setting, where Excel shows data types (CustomFunctionsRuntime 1.4); absent elsewhere. */
  cards?: { on(): boolean; set(on: boolean): Promise<void> };
}

/** The catalog of the edition a block record names (its label), or undefined when no such edition is loaded. */
function catalogOf(edition: string, current: Iom, templates: Catalog): Catalog | undefined {
  if (edition === current.editionLabel() || edition === "") return templates;
  try {
    return catalog(iom({ edition }));
  } catch (e) {
    if (isIomError(e)) return undefined;
    throw e;
  }
}

export function excelActions(
  run: ExcelRun,
  supports: Supports,
  core: Iom,
  templates: Catalog,
  /** Whether Excel shows the functions' data types (CustomFunctionsRuntime 1.4). */
  dataTypes = false,
): PaneActions {
  // One Excel subscription for the pane's lifetime, shared by whoever follows the selection.
  const listeners = new Set<() => void>();
  let watching: Promise<boolean> | undefined;
  return {
    insert: (templateId, mode, lang, destination) =>
      insertBlock(run, templates.block(templateId, mode, lang), destination, core.editionLabel(), supports),
    refreshAll: () =>
      refreshAll(
        run,
        // Each block is refreshed from the edition it was inserted from (its record names it).
        (template, mode, lang, edition) => {
          const from = catalogOf(edition, core, templates);
          return from?.get(template) ? from.block(template, mode, lang) : undefined;
        },
        supports("1.6"),
      ),
    readSelection: () => readSelectedCell(run),
    followSelection: async (listener) => {
      watching ??= watchSelection(run, () => listeners.forEach((l) => l()));
      try {
        await watching;
      } catch (e) {
        watching = undefined; // try again next time
        throw e;
      }
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    insertFormula: (formula) => insertFormulaAtSelection(run, formula),
    ...(dataTypes ? { cards: { on: cardsOn, set: (on: boolean) => setCards(run, on) } } : {}),
  };
}
