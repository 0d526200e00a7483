/**
 * Refresh all, in at most three round trips whatever the number of tables: (1) the table names and
 * the add-in's records, (2) each recorded table's heading row and body, (3) the writes, the
 * recalculation of live tables and the updated records.
 */
import { SETTINGS_KEY } from "../plans/metadata";
import type { Block, Mode } from "../../sheets/block";
import { type RefreshPlan, type TableState, planRefresh, tablesToRead } from "../plans/refresh";
import type { Lang } from "../../i18n/lang";
import type { ExcelRun } from "./run";

export interface RefreshResult {
  plan: RefreshPlan;
  syncs: number;
}

export function refreshAll(
  run: ExcelRun,
  build: (template: string, mode: Mode, lang: Lang, edition: string) => Block | undefined,
  canCalculate: boolean,
): Promise<RefreshResult> {
  return run(async (context) => {
    const wb = context.workbook;
    const tables = wb.tables;
    tables.load("items/name");
    const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load("value");
    await context.sync();
    let syncs = 1;

    const names = tables.items.map((t) => t.name);
    const settings: unknown = setting.isNullObject ? null : setting.value;
    const { read } = tablesToRead(names, settings);
    const reads = read.map((name) => {
      const table = wb.tables.getItem(name);
      const body = table.getDataBodyRange();
      body.load("address,formulas");
      const header = table.getHeaderRowRange();
      header.load("values");
      return { name, body, header };
    });
    if (reads.length > 0) {
      await context.sync();
      syncs++;
    }
    const states: TableState[] = reads.map((r) => ({
      name: r.name,
      bodyAddress: r.body.address,
      headers: (r.header.values[0] ?? []) as unknown[],
      contents: r.body.formulas as unknown[][],
    }));
    const plan = planRefresh(names, settings, states, build);
    if (plan.damaged) return { plan: { ...plan, writes: [], calculate: [], settings: null }, syncs };

    for (const w of plan.writes) wb.worksheets.getItem(w.sheet).getRange(w.address).formulas = w.cells;
    if (canCalculate)
      for (const c of plan.calculate) wb.worksheets.getItem(c.sheet).getRange(c.address).calculate();
    if (plan.settings) wb.settings.add(plan.settings.key, plan.settings.value);
    if (plan.writes.length > 0 || (canCalculate && plan.calculate.length > 0) || plan.settings) {
      await context.sync();
      syncs++;
    }
    return { plan, syncs };
  });
}
