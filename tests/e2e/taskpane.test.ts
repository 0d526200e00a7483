/**
 * End to end: the BUILT task pane (the production build the tests share) in Debian's
 * headless chromium, with a stub Office host answering the office.js CDN request. Clicks through
 * search, insert (every table and chart, both modes), the overwrite guard, refresh and Explain;
 * asserts the recorded Excel operations, that no request leaves localhost and that axe finds no
 * serious or critical accessibility violation. Screenshots go to tests/artifacts/taskpane/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { OFFICE_JS, type OpenedPane, launch, openPane, serve } from "./harness";
import { ROOT } from "../helpers/node-scripts";
import { sharedBuild } from "../helpers/shared-build";
import { iom } from "../../src/core";
import { Catalog } from "../../src/sheets/catalog";
import { FIRST_RENDER_MARK } from "../../src/taskpane/ui/marks";

const ARTIFACTS = join(ROOT, "tests/artifacts/taskpane");
const catalog = new Catalog(iom());

let server: Server;
let baseUrl: string;
/** The functions the build's functions.json declares. */
let declared: string[];
let browser: Browser;

beforeAll(async () => {
  const { out, result: build } = await sharedBuild();
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
  declared = (
    JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: { id: string }[] }
  ).functions.map((f) => f.id);
  ({ server, url: baseUrl } = await serve(out));
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The fake workbook inside the page (window.__iom.wb). */
interface PageWorkbook {
  syncs: number;
  tables: { name: string; sheet: string; row: number; col: number; rows: number; cols: number }[];
  charts: { name: string; type: string; sheet: string; props: Record<string, unknown> }[];
  written: Set<string>;
  ops: { op: string }[];
}

const wbState = (page: Page) =>
  page.evaluate(() => {
    const wb = (window as unknown as { __iom: { wb: PageWorkbook } }).__iom.wb;
    return {
      syncs: wb.syncs,
      tables: wb.tables.map((t) => ({ ...t })),
      charts: wb.charts.map((c) => ({ name: c.name, type: c.type, sheet: c.sheet, props: c.props })),
      written: [...wb.written],
      ops: wb.ops.map((o) => o.op),
    };
  });

async function ready(pane: OpenedPane): Promise<Page> {
  await pane.page.getByTestId("template-list").waitFor({ timeout: 30_000 });
  return pane.page;
}

async function insertTemplate(page: Page, id: string, expectedName: string): Promise<void> {
  await page.locator(`[data-template="${id}"]`).click();
  await page.getByTestId("insert").click();
  await page
    .getByTestId("insert-result")
    .filter({ hasText: `Inserted ${expectedName} at` })
    .waitFor({ timeout: 20_000 });
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (c?: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    // Tabster (Fluent's focus manager) adds aria-hidden focus sentinels on purpose; axe flags them.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => (n as { html: string }).html.slice(0, 160)),
    }));
  });
}

const serious = (v: { impact: string }[]) =>
  v.filter((x) => x.impact === "serious" || x.impact === "critical");

function assertStaysLocal(pane: OpenedPane): void {
  expect(pane.external).toEqual([]);
  expect(pane.officeJsServed()).toBe(1);
  expect(pane.requests.every((u) => u.startsWith(baseUrl) || u === OFFICE_JS)).toBe(true);
  expect(pane.consoleErrors).toEqual([]);
}

it("registers the functions and answers from them before the pane's first render (one core for both)", async () => {
  const probe = { id: "STAFF", args: ["P-4", "F", null, null, null] };
  const pane = await openPane(browser, baseUrl, { displayLanguage: "en-US", probe });
  const page = await ready(pane);
  const seen = await page.evaluate((mark) => {
    const state = (
      window as unknown as {
        __iom: { registeredAt: Record<string, number>; probe?: { value: unknown; at: number } };
      }
    ).__iom;
    return {
      registered: Object.keys(state.registeredAt).sort(),
      probe: state.probe,
      render: performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
    };
  }, FIRST_RENDER_MARK);
  expect(seen.registered).toEqual([...declared].sort());
  expect(seen.probe?.value).toBe(iom().staff("P-4", "F").value);
  // functions.js runs to its end before taskpane.js starts: an order, not a timing.
  expect(seen.probe?.at).toBeLessThan(seen.render);
  assertStaysLocal(pane);
}, 60_000);

it("inserts every table and every chart in both modes, two round trips each", async () => {
  const pane = await openPane(browser, baseUrl, { displayLanguage: "en-US" });
  const page = await ready(pane);
  await page.getByRole("radio", { name: "In a new sheet" }).check();
  let inserts = 0;
  for (const mode of ["static", "live"] as const) {
    await page
      .getByRole("radio", {
        name: mode === "static" ? "Static values (an Excel table)" : "Live formulas (=IOM.*)",
      })
      .check();
    for (const t of catalog.templates) {
      await insertTemplate(page, t.id, `IOM_${t.id}${mode === "live" ? "_2" : ""}`);
      inserts++;
    }
  }
  const wb = await wbState(page);
  expect(wb.syncs).toBe(2 * inserts);
  expect(wb.tables.map((t) => t.name).sort()).toEqual(
    catalog.templates.flatMap((t) => [`IOM_${t.id}`, `IOM_${t.id}_2`]).sort(),
  );
  const charts = catalog.templates.filter((t) => t.kind === "chart");
  expect(charts.length).toBeGreaterThanOrEqual(12);
  expect(wb.charts).toHaveLength(2 * charts.length);
  for (const c of wb.charts) {
    expect(c.props["title.text"]).toEqual(expect.any(String));
    expect(c.props["dataLabels.showValue"]).toBe(true);
  }
  // Live cells compute through the real functions bundle: Table 5's P-4 women at Headquarters.
  const live = await page.evaluate(() => {
    const iomGlobal = (
      window as unknown as {
        __iom: { wb: { valueOf(c: { formula: string }): unknown }; functions: Record<string, unknown> };
      }
    ).__iom;
    return {
      value: iomGlobal.wb.valueOf({ formula: '=IOM.STAFF("P-4","F","Headquarters")' }),
      functions: Object.keys(iomGlobal.functions).sort(),
    };
  });
  expect(live.value).toBe(iom().staff("P-4", "F", "Headquarters").value);
  expect(live.functions).toEqual(expect.arrayContaining(["MOVEMENTS", "STAFF", "TABLE"]));
  await page.screenshot({ path: join(ARTIFACTS, "inserted-all.png"), fullPage: true });
  assertStaysLocal(pane);
}, 240_000);

it("searches, refuses a pre-filled area, inserts at the next free place, refreshes and explains", async () => {
  const pane = await openPane(browser, baseUrl, { displayLanguage: "en-US" });
  const page = await ready(pane);
  await page.evaluate(() => {
    const wb = (
      window as unknown as {
        __iom: {
          wb: { setCell(s: string, a: string, v: unknown): void; select(s: string, a: string): void };
        };
      }
    ).__iom.wb;
    wb.setCell("Sheet1", "D5", "mine");
    wb.select("Sheet1", "B2");
  });
  await page.getByRole("searchbox", { name: "Search templates" }).fill("table 5");
  // Table 5 itself, and the chart drawn from it; the first match is chosen.
  await page.getByRole("status").filter({ hasText: "Templates: 2" }).waitFor();
  expect(
    await page.getByRole("option").evaluateAll((els) => els.map((e) => e.getAttribute("data-template"))),
  ).toEqual(["table5", "chart_officials_by_grade_gender"]);
  await page.screenshot({ path: join(ARTIFACTS, "search.png"), fullPage: true });
  await page.getByRole("radio", { name: "Live formulas (=IOM.*)" }).check();
  await page.getByTestId("insert").click();
  const blocked = page.getByTestId("insert-blocked");
  await blocked.waitFor();
  expect(await blocked.textContent()).toContain("already holds data in 1 cells, for example D5 “mine”");
  let wb = await wbState(page);
  expect(wb.syncs).toBe(1);
  expect(wb.written).toEqual([]);
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, "refused.png"), fullPage: true });

  await blocked.getByRole("button", { name: /next free place/ }).click();
  await page.getByTestId("insert-result").filter({ hasText: "Inserted IOM_table5 at Sheet1!B7:" }).waitFor();
  wb = await wbState(page);
  expect(wb.syncs).toBe(3);
  expect(wb.written).not.toContain("Sheet1!4,3");
  expect(
    await page.evaluate(() =>
      (window as unknown as { __iom: { wb: { cell(s: string, a: string): unknown } } }).__iom.wb.cell(
        "Sheet1",
        "D5",
      ),
    ),
  ).toBe("mine");

  // A user edits one figure; refresh keeps it and recalculates the live table.
  const table = wb.tables[0]!;
  await page.evaluate(
    ([row]) =>
      (
        window as unknown as { __iom: { wb: { setCell(s: string, a: string, v: unknown): void } } }
      ).__iom.wb.setCell("Sheet1", `C${row}`, 1),
    [table.row + 3],
  );
  await page.getByTestId("tab-refresh").click();
  await page.getByTestId("refresh").click();
  const summary = page.getByTestId("refresh-summary");
  await summary.waitFor();
  expect(await summary.textContent()).toContain("1 tables checked: 0 cells updated, 0 left alone.");
  expect(await page.getByTestId("refresh-report").textContent()).toContain(
    "IOM_table5: already up to date — 0 cells updated, 1 edited cells kept.",
  );
  const afterRefresh = await wbState(page);
  expect(afterRefresh.syncs - wb.syncs).toBeLessThanOrEqual(3);
  expect(afterRefresh.ops).toContain("calculate");
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, "refreshed.png"), fullPage: true });

  // Explain a live cell: P-4 women at Headquarters.
  const p4 = catalog.block("table5", "live", "en").cells.findIndex((r) => r[0] === "P-4");
  await page.evaluate(
    ([row]) =>
      (window as unknown as { __iom: { wb: { select(s: string, a: string): void } } }).__iom.wb.select(
        "Sheet1",
        `C${row}`,
      ),
    [6 + p4 + 1],
  );
  await page.getByTestId("tab-explain").click();
  await page.getByTestId("explain").click();
  const explanation = page.getByTestId("explanation");
  await explanation.waitFor();
  const text = (await explanation.textContent()) ?? "";
  const answer = iom().staff("P-4", "F", "Headquarters");
  expect(text).toContain('=IOM.STAFF("P-4","F","Headquarters")');
  expect(text).toContain(`Table 5 — ${answer.provenance.title}`);
  expect(text).toContain(`${answer.provenance.lines.join(", ")} of MC2346-report-2011.txt`);
  // The pane follows the selection: selecting the Field cell of the same row explains it, no click.
  await page.evaluate(
    ([row]) =>
      (window as unknown as { __iom: { wb: { select(s: string, a: string): void } } }).__iom.wb.select(
        "Sheet1",
        `E${row}`,
      ),
    [6 + p4 + 1],
  );
  await page.getByText('=IOM.STAFF("P-4","F","Field")').first().waitFor();
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, "explained.png"), fullPage: true });
  assertStaysLocal(pane);
}, 120_000);

it("speaks French with a French Office, and says clearly when opened outside Office", async () => {
  const fr = await openPane(browser, baseUrl, { displayLanguage: "fr-FR" });
  const page = await ready(fr);
  expect(await page.getByTestId("tab-templates").textContent()).toContain("Modèles");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
  await page.locator('[data-template="table4"]').click();
  await page.getByRole("button", { name: "Insérer" }).click();
  await page.getByTestId("insert-result").filter({ hasText: "IOM_table4 inséré en" }).waitFor();
  const title = await page.evaluate(() =>
    (window as unknown as { __iom: { wb: { cell(s: string, a: string): unknown } } }).__iom.wb.cell(
      "Sheet1",
      "A1",
    ),
  );
  expect(title).toBe("Tableau 4. Statistiques par sexe et groupe d'âge");
  assertStaysLocal(fr);

  const outside = await openPane(browser, baseUrl, { displayLanguage: "en-US", host: null });
  const status = outside.page.getByTestId("status");
  await status.waitFor();
  expect(await status.textContent()).toContain("opened outside Office");
  expect(await outside.page.getByTestId("insert").isDisabled()).toBe(true);
  expect(serious(await axeViolations(outside.page))).toEqual([]);
  await outside.page.screenshot({ path: join(ARTIFACTS, "outside-office.png"), fullPage: true });
  assertStaysLocal(outside);
}, 60_000);
