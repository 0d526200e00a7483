/**
 * Task pane: round trips to Excel, counted on the recording fake of tests/taskpane/fake-excel.ts.
 * Metrics: taskpane.syncs_insert_max (every template, both modes; target ≤ 2) and
 * taskpane.syncs_refresh_30_tables (target ≤ 3). The pane's first render in a browser is
 * browser.bench.ts's, its size bundle.bench.ts's.
 */
import { iom } from "../src/core";
import { insertBlock } from "../src/taskpane/excel/insert";
import { refreshAll } from "../src/taskpane/excel/refresh";
import { Catalog } from "../src/sheets/catalog";
import { SETTINGS_KEY, hashContent, parseRecords } from "../src/taskpane/plans/metadata";
import { FakeWorkbook } from "../tests/taskpane/fake-excel";
import type { Targets } from "./support/targets";

export const targets: Targets = {
  "taskpane.syncs_insert_max": { max: 2 },
  "taskpane.syncs_refresh_30_tables": { max: 3 },
};

const all = (): boolean => true;

async function insertSyncsMax(catalog: Catalog, edition: string): Promise<number> {
  let max = 0;
  for (const t of catalog.templates) {
    for (const mode of ["static", "live"] as const) {
      const wb = new FakeWorkbook();
      await insertBlock(wb.run, catalog.block(t.id, mode, "en"), { kind: "selection" }, edition, all);
      max = Math.max(max, wb.syncs);
    }
  }
  return max;
}

async function refreshSyncs30(catalog: Catalog, edition: string): Promise<number> {
  const wb = new FakeWorkbook();
  const run = wb.run;
  const ids = catalog.templates.map((t) => t.id);
  for (let i = 0; i < 30; i++) {
    const block = catalog.block(ids[i % ids.length] ?? "", i % 2 === 0 ? "static" : "live", "en");
    await insertBlock(run, block, { kind: "newSheet", name: `Bench ${i}` }, edition, all);
  }
  // One stale figure, so refresh has something to write as well as to read.
  const { records } = parseRecords(wb.settings.get(SETTINGS_KEY));
  const first = records[0];
  if (first) {
    first.hashes = hashContent(-1) + first.hashes.slice(5);
    wb.settings.set(SETTINGS_KEY, JSON.stringify(records));
  }
  const { syncs } = await refreshAll(
    run,
    (t, m, l) => (catalog.get(t) ? catalog.block(t, m, l) : undefined),
    true,
  );
  return syncs;
}

export default async function taskpaneBench(): Promise<Record<string, number>> {
  const core = iom();
  const catalog = new Catalog(core);
  const edition = core.editionLabel();
  return {
    "taskpane.syncs_insert_max": await insertSyncsMax(catalog, edition),
    "taskpane.syncs_refresh_30_tables": await refreshSyncs30(catalog, edition),
  };
}
