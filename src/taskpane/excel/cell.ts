/**
 * The selected cell: read it for Explain (one round trip), follow the selection (one round trip to
 * subscribe), or put a formula into it — only when it is empty (one round trip to check, one to write).
 */
import type { SelectedCell } from "../plans/explain";
import { textOf } from "../plans/text";
import type { ExcelRun } from "./run";

/** The top-left entry of a grid Excel returned (typed any[][] by office-js), "" when absent. */
const firstOf = (grid: readonly (readonly unknown[])[]): unknown => grid[0]?.[0] ?? "";

export function readSelectedCell(run: ExcelRun): Promise<SelectedCell> {
  return run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load("address,formulas,values");
    await context.sync();
    return { address: cell.address, formula: firstOf(cell.formulas), value: firstOf(cell.values) };
  });
}

/**
 * Calls `onChange` each time the user selects another range (Workbook.onSelectionChanged, ExcelApi 1.2).
 * Resolves to false when this Excel has no such event; the pane then explains on request only.
 */
export function watchSelection(run: ExcelRun, onChange: () => void): Promise<boolean> {
  return run(async (context) => {
    const event = (context.workbook as { onSelectionChanged?: Excel.Workbook["onSelectionChanged"] })
      .onSelectionChanged;
    if (!event) return false;
    event.add(() => {
      onChange();
      return Promise.resolve();
    });
    await context.sync();
    return true;
  });
}

export type CellFormulaResult =
  | { kind: "inserted"; address: string; syncs: number }
  | { kind: "occupied"; address: string; content: string; syncs: number };

export function insertFormulaAtSelection(run: ExcelRun, formula: string): Promise<CellFormulaResult> {
  return run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load("address,formulas");
    await context.sync();
    const existing = firstOf(cell.formulas);
    if (existing !== "" && existing !== null) {
      return { kind: "occupied", address: cell.address, content: textOf(existing).slice(0, 60), syncs: 1 };
    }
    cell.formulas = [[formula]];
    await context.sync();
    return { kind: "inserted", address: cell.address, syncs: 2 };
  });
}
