/**
 * Task pane: round trips to Excel (counted on the recording fake of tests/taskpane/fake-excel.ts)
 * and the pane's first render in headless chromium (the built dist/, with the stub Office host).
 * Metrics: taskpane.syncs_insert_max (every template, both modes; target ≤ 2),
 * taskpane.syncs_refresh_30_tables (target ≤ 3), taskpane.first_render_ms (median of 5 loads, from
 * navigation start to the pane's "iom:first-render" mark). bundle.taskpane_gz_kb is bundle.bench's.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildAddin } from "../scripts/build";
import { ROOT } from "../scripts/webpack.config";
import { iom } from "../src/core";
import { insertBlock } from "../src/taskpane/excel/insert";
import { refreshAll } from "../src/taskpane/excel/refresh";
import { Catalog } from "../src/sheets/catalog";
import { SETTINGS_KEY, hashContent, parseRecords } from "../src/taskpane/plans/metadata";
import { FIRST_RENDER_MARK } from "../src/taskpane/ui/marks";
import { launch, openPane, serve } from "../tests/e2e/harness";
import { FakeWorkbook } from "../tests/taskpane/fake-excel";

const DIST = join(ROOT, "dist");
const LOADS = 5;
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

async function firstRenderMs(): Promise<number> {
  if (!existsSync(join(DIST, "taskpane.js"))) await buildAddin({ mode: "production", outDir: DIST });
  const { server, url } = await serve(DIST);
  const browser = await launch();
  try {
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const pane = await openPane(browser, url, { displayLanguage: "en-US" });
      await pane.page.getByTestId("template-list").waitFor({ timeout: 30_000 });
      const ms = await pane.page.evaluate(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
        FIRST_RENDER_MARK,
      );
      times.push(ms);
      await pane.page.context().close();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)] ?? NaN);
  } finally {
    await browser.close();
    server.close();
  }
}

export default async function taskpaneBench(): Promise<Record<string, number>> {
  const core = iom();
  const catalog = new Catalog(core);
  const edition = core.editionLabel();
  return {
    "taskpane.syncs_insert_max": await insertSyncsMax(catalog, edition),
    "taskpane.syncs_refresh_30_tables": await refreshSyncs30(catalog, edition),
    "taskpane.first_render_ms": await firstRenderMs(),
  };
}
