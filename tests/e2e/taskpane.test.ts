/**
 * End to end: the BUILT task pane (the production build the tests share) in Debian's
 * headless chromium, with a stub Office host answering the office.js CDN request. Clicks through
 * search, insert (every table and chart, both modes), the overwrite guard, refresh and Explain;
 * asserts the recorded Excel operations, that no request leaves localhost and that axe finds no
 * serious or critical accessibility violation; measures the page at Excel's task pane widths (280
 * to 420 px) on every tab; checks the pane when office.js cannot load. Screenshots go to
 * tests/artifacts/taskpane/ (widths/ for the width runs, with widths.json, the measurements).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** What a user does in the page's fake workbook: type values into cells of Sheet1, then select one. */
const inSheet = (page: Page, cells: Record<string, unknown>, select?: string): Promise<void> =>
  page.evaluate(
    ([values, selected]) => {
      const wb = (
        window as unknown as {
          __iom: {
            wb: { setCell(s: string, a: string, v: unknown): void; select(s: string, a: string): void };
          };
        }
      ).__iom.wb;
      for (const [address, value] of Object.entries(values)) wb.setCell("Sheet1", address, value);
      if (selected !== undefined) wb.select("Sheet1", selected);
    },
    [cells, select] as const,
  );

async function ready(pane: OpenedPane): Promise<Page> {
  await pane.page.getByTestId("template-list").waitFor({ timeout: 30_000 });
  return pane.page;
}

async function insertTemplate(page: Page, id: string, expectedName: string): Promise<void> {
  await page.locator(`[data-template="${id}"]`).click();
  await page.getByTestId("insert").click();
  await page
    .getByTestId("insert-result")
    .filter({ hasText: `(Excel table ${expectedName})` })
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
  await inSheet(page, { D5: "mine" }, "B2");
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
  expect(await blocked.textContent()).toContain("already holds data in 1 cell: D5 “mine”.");
  let wb = await wbState(page);
  expect(wb.syncs).toBe(1);
  expect(wb.written).toEqual([]);
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, "refused.png"), fullPage: true });

  await blocked.getByRole("button", { name: /next free place/ }).click();
  await page.getByTestId("insert-result").filter({ hasText: "Inserted Table 5 at Sheet1!B7:" }).waitFor();
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
  await inSheet(page, { [`C${table.row + 3}`]: 1 });
  await page.getByTestId("tab-refresh").click();
  await page.getByTestId("refresh").click();
  const summary = page.getByTestId("refresh-summary");
  await summary.waitFor();
  expect(await summary.textContent()).toContain("1 table checked: 0 cells updated, 0 left alone.");
  expect(await page.getByTestId("refresh-report").textContent()).toContain(
    "Table 5 (IOM_table5): already up to date — 0 cells updated, 1 edited cell kept.",
  );
  const afterRefresh = await wbState(page);
  expect(afterRefresh.syncs - wb.syncs).toBeLessThanOrEqual(3);
  expect(afterRefresh.ops).toContain("calculate");
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, "refreshed.png"), fullPage: true });

  // Explain a live cell: P-4 women at Headquarters.
  const p4 = catalog.block("table5", "live", "en").cells.findIndex((r) => r[0] === "P-4");
  await inSheet(page, {}, `C${6 + p4 + 1}`);
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
  await inSheet(page, {}, `E${6 + p4 + 1}`);
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
  await page.getByTestId("insert-result").filter({ hasText: "(tableau Excel IOM_table4)" }).waitFor();
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

/** Excel's task pane is 280 px wide at least; these are the widths the pane must fit without scrolling. */
const WIDTHS = [280, 300, 320, 350, 420] as const;
const TABS = ["templates", "formula", "explain", "refresh", "about"] as const;
type TabId = (typeof TABS)[number];

/** Opens a tab from the tab row, or from the More list when it does not fit: how it was reached. */
async function openTab(page: Page, id: TabId): Promise<"row" | "more"> {
  const tab = page.getByTestId(`tab-${id}`);
  let via: "row" | "more" = "row";
  if (await tab.isVisible()) await tab.click();
  else {
    via = "more";
    await page.getByTestId("tabs-more").click();
    await page.getByTestId(`more-${id}`).click();
  }
  await page.locator(`#panel-${id}`).waitFor({ state: "visible" });
  expect(await tab.getAttribute("aria-selected")).toBe("true");
  return via;
}

interface Fit {
  /** The viewport's width, and the widest the page's content is (document and body scroll widths). */
  viewport: number;
  scrollWidth: number;
  /** Elements reaching past the right edge outside any box that scrolls or clips them. */
  outside: string[];
  /** Elements that hide part of their text (overflow hidden or an ellipsis with content wider than them). */
  clipped: string[];
}

const measure = (page: Page): Promise<Fit> =>
  page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}[${(el.getAttribute("data-testid") ?? el.className.toString()).slice(0, 40)}] “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    const boxed = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox !== "visible" && p.getBoundingClientRect().right <= viewport + 0.5) return true;
      }
      return false;
    };
    const outside: string[] = [];
    const clipped: string[] = [];
    for (const el of document.querySelectorAll("#app *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > viewport + 0.5 && !boxed(el)) outside.push(describe(el));
      const cs = getComputedStyle(el);
      const hides = cs.overflowX === "hidden" || cs.overflowX === "clip" || cs.textOverflow === "ellipsis";
      if (hides && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? "").trim() !== "")
        clipped.push(describe(el));
    }
    return {
      viewport,
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      outside: outside.slice(0, 10),
      clipped: clipped.slice(0, 10),
    };
  });

it("fits Excel's task pane from 280 px up: no horizontal scroll on any tab, every tab reachable", async () => {
  const dir = join(ARTIFACTS, "widths");
  mkdirSync(dir, { recursive: true });
  const results: Record<string, Record<string, Fit & { via: "row" | "more" }>> = {};
  for (const displayLanguage of ["en-US", "fr-FR"]) {
    const pane = await openPane(browser, baseUrl, { displayLanguage });
    const page = await ready(pane);
    const lang = displayLanguage.slice(0, 2);
    // A live table, so that Refresh and Explain have something to show.
    await page
      .getByRole("radio", { name: lang === "en" ? "In a new sheet" : "Dans une nouvelle feuille" })
      .check();
    await page.locator('[data-template="table5"]').click();
    await page.getByTestId("mode").getByRole("radio").nth(1).check();
    await page.getByTestId("insert").click();
    await page.getByTestId("insert-result").waitFor();
    await page.getByTestId("mode").getByRole("radio").first().check();
    // Explain a figure the report's conversion lost (a long explanation), typed into a cell.
    await inSheet(page, { A1: '=IOM.MOVEMENTS("West Africa",,"Southern Africa")' }, "A1");
    await openTab(page, "explain");
    await page.getByTestId("explanation").waitFor();
    // A name the data does not know: the Formula tab's "did you mean".
    await openTab(page, "formula");
    await page.getByTestId("arg-place").fill("Lybia");
    await page.getByTestId("suggestion").first().waitFor();
    await openTab(page, "refresh");
    await page.getByTestId("refresh").click();
    await page.getByTestId("refresh-report").waitFor();

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const row: Record<string, Fit & { via: "row" | "more" }> = {};
      // The templates tab twice: a chart just inserted (picture and success message), and the
      // widest table in live mode.
      for (const [name, setup] of [
        [
          "templates-chart",
          async () => {
            await page.locator('[data-template="chart_migrants_pyramid"]').click();
            await page.getByTestId("insert").click();
            await page.getByTestId("insert-result").waitFor();
            await page.getByTestId("chart-picture").locator("svg").waitFor();
          },
        ],
        [
          "templates-table",
          async () => {
            await page.locator('[data-template="table2"]').click();
            await page.getByTestId("mode").getByRole("radio").nth(1).check();
            await page.getByTestId("table-picture").waitFor();
          },
        ],
      ] as const) {
        const via = await openTab(page, "templates");
        await setup();
        await page.waitForTimeout(150); // the overflow measurement runs after a resize
        row[name] = { ...(await measure(page)), via };
        await page.screenshot({ path: join(dir, `${lang}-${width}-${name}.png`), fullPage: true });
        await page.getByTestId("mode").getByRole("radio").first().check();
      }
      for (const id of TABS.slice(1)) {
        // Inserting selected the new sheet: select the cell to explain again.
        if (id === "explain")
          await page.evaluate(() =>
            (window as unknown as { __iom: { wb: { select(s: string, a: string): void } } }).__iom.wb.select(
              "Sheet1",
              "A1",
            ),
          );
        const via = await openTab(page, id);
        if (id === "explain") await page.getByText("Southern Africa").first().waitFor();
        await page.waitForTimeout(150);
        row[id] = { ...(await measure(page)), via };
        await page.screenshot({ path: join(dir, `${lang}-${width}-${id}.png`), fullPage: true });
      }
      // The More list open, where tabs overflow.
      if (await page.getByTestId("tabs-more").isVisible()) {
        await page.getByTestId("tabs-more").click();
        await page.getByTestId("tabs-more-list").waitFor();
        await page.screenshot({ path: join(dir, `${lang}-${width}-more.png`) });
        if (width === 300) expect(serious(await axeViolations(page))).toEqual([]);
        await page.keyboard.press("Escape");
      }
      results[`${lang}-${width}`] = row;
    }
    expect(pane.pageErrors).toEqual([]);
    await pane.page.context().close();
  }
  writeFileSync(join(dir, "widths.json"), `${JSON.stringify(results, null, 2)}\n`);
  const summary = Object.entries(results).map(
    ([key, row]) =>
      `${key}: ${Object.entries(row)
        .map(([tab, f]) => `${tab}=${f.scrollWidth}${f.via === "more" ? "*" : ""}`)
        .join(" ")}`,
  );
  console.log(`page scroll width by tab (* = reached through More):\n${summary.join("\n")}`);
  for (const [key, row] of Object.entries(results))
    for (const [tab, fit] of Object.entries(row)) {
      expect({ key, tab, scrollWidth: fit.scrollWidth, outside: fit.outside, clipped: fit.clipped }).toEqual({
        key,
        tab,
        scrollWidth: fit.viewport,
        outside: [],
        clipped: [],
      });
    }
}, 300_000);

it("says office.js could not load, with no uncaught error, when the CDN is unreachable", async () => {
  const pane = await openPane(browser, baseUrl, { displayLanguage: "en-US" }, { officeJs: "unavailable" });
  const status = pane.page.getByTestId("status");
  await status.waitFor({ timeout: 30_000 });
  expect(await status.textContent()).toContain("office.js could not be loaded");
  await pane.page.getByTestId("template-list").waitFor();
  expect(await pane.page.getByTestId("insert").isDisabled()).toBe(true);
  // The functions bundle ran without Office: nothing thrown ("CustomFunctions is not defined" was).
  expect(pane.pageErrors).toEqual([]);
  expect(pane.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await pane.page.screenshot({ path: join(ARTIFACTS, "office-unavailable.png"), fullPage: true });
  await pane.page.context().close();
}, 60_000);

it("previews every template at 300 px: charts drawn as charts, tables as compact tables", async () => {
  const dir = join(ARTIFACTS, "previews");
  mkdirSync(dir, { recursive: true });
  const pane = await openPane(browser, baseUrl, { displayLanguage: "en-US" }, { width: 300 });
  const page = await ready(pane);
  for (const t of catalog.templates) {
    await page.locator(`[data-template="${t.id}"]`).click();
    const preview = page.getByTestId("preview");
    const block = catalog.block(t.id, "static", "en");
    if (block.chart) {
      const svg = preview.getByRole("img");
      await svg.waitFor();
      expect(await svg.getAttribute("aria-label")).toContain(block.chart.title);
      // One bar or slice per figure of the chart's data.
      const { row, rows, col, cols } = block.chart.data;
      const figures = block.cells
        .slice(row + 1, row + rows)
        .flatMap((r) => r.slice(col + 1, col + cols))
        .filter((v) => typeof v === "number" && (block.chart?.type !== "Pie" || v > 0)).length;
      expect(await svg.locator(block.chart.type === "Pie" ? "path" : "rect[data-series]").count()).toBe(
        figures,
      );
      const box = await svg.boundingBox();
      expect(box?.width).toBeLessThanOrEqual(300);
    } else await preview.getByTestId("table-picture").waitFor();
    await preview.screenshot({ path: join(dir, `${t.id}.png`) });
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(300);
  expect(serious(await axeViolations(page))).toEqual([]);
  assertStaysLocal(pane);
}, 120_000);
