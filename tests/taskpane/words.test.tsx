/**
 * @jest-environment jsdom
 *
 * Every visible string the pane can produce, in English, French and Spanish, scanned for what a
 * reader must never see: internal identifiers (Excel's enum names such as "BarClustered", template
 * and table ids, message keys, status codes), bad plurals ("1 tables", "2 cellule"), run-on
 * sentences ("rows.BarClustered"), unfilled placeholders and leaked values ("undefined", "NaN").
 * First every message with counts 0, 1, 2, 5 and 1,000; then the rendered pane in every state: each
 * template's preview in both modes, inserts, the overwrite guard, the formula builder, every kind
 * of explanation, refresh reports, About, the status line and Office's errors.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { iom } from "../../src/core";
import { LANGS, type Lang } from "../../src/i18n/lang";
import { STRINGS, type StringKey, translator } from "../../src/i18n/pane";
import type { Block } from "../../src/sheets/block";
import { Catalog } from "../../src/sheets/catalog";
import type { PaneActions } from "../../src/taskpane/actions";
import type { InsertResult } from "../../src/taskpane/excel/insert";
import { planWrite } from "../../src/taskpane/plans/insert";
import type { TableReport } from "../../src/taskpane/plans/refresh";
import { type HostInfo, statusFor } from "../../src/taskpane/plans/status";
import { App } from "../../src/taskpane/ui/App";
import { BlockPreview } from "../../src/taskpane/ui/BlockPreview";
import { PaneLanguage } from "../../src/taskpane/ui/context";

const core = iom();
const catalog = new Catalog(core);

/** Excel's chart type names, as the plan gives them to Excel (never shown as such). */
const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Pie"];
const TEMPLATE_IDS = new Set(catalog.templates.map((t) => t.id));
const KEYS = new Set(Object.keys(STRINGS.en).filter((k) => /[A-Z_]/.test(k)));

/** Names written in camel case by their owners, not identifiers. */
const PROPER_NAMES = new Set(["JavaScript"]);

/** Countable words: [singular, plural], and the counts that take the singular in each language. */
const NOUNS: Record<Lang, [string, string][]> = {
  en: [
    ["table", "tables"],
    ["cell", "cells"],
    ["row", "rows"],
    ["column", "columns"],
    ["figure", "figures"],
    ["category", "categories"],
    ["template", "templates"],
    ["discrepancy", "discrepancies"],
  ],
  fr: [
    ["tableau", "tableaux"],
    ["cellule", "cellules"],
    ["ligne", "lignes"],
    ["colonne", "colonnes"],
    ["chiffre", "chiffres"],
    ["série", "séries"],
    ["catégorie", "catégories"],
    ["écart", "écarts"],
    ["modèle", "modèles"],
  ],
  es: [
    ["cuadro", "cuadros"],
    ["celda", "celdas"],
    ["fila", "filas"],
    ["columna", "columnas"],
    ["cifra", "cifras"],
    ["categoría", "categorías"],
    ["discrepancia", "discrepancias"],
    ["plantilla", "plantillas"],
  ],
};
const singularCount = (n: number, lang: Lang): boolean => (lang === "fr" ? n === 0 || n === 1 : n === 1);
/** Words English puts between a count and its noun ("1 edited cell"). */
const ADJECTIVES = "(?:(?:edited|printed|recorded|narrative)\\s+)?";

/** What is wrong with one visible string, if anything. */
function problems(raw: string, lang: Lang): string[] {
  const found: string[] = [];
  // A manual fix is cited by its key in the edition's DISCREPANCIES.md, where the reader looks it
  // up; formulas name the functions and arguments the user types; Office errors carry Excel's code.
  // None of these is an internal name of the add-in.
  const text = raw
    .replace(/(manual fix|correction manuelle|corrección manual) [\w-]+/g, "$1")
    // An error Excel reported is named by Excel's own code, for whoever helps the user.
    .replace(/(Excel's error code|code d'erreur d'Excel|código de error de Excel)\s?:\s\w+/g, "$1")
    .replace(/=-?IOM\.[A-Z_.]+\([^)]*\)/g, "=IOM.X()");
  if (/\{[\w#]|\}/.test(text)) found.push("unfilled placeholder");
  if (/\b(undefined|NaN|null)\b|\[object /.test(text)) found.push("leaked value");
  if (/[\p{Ll}\d)”»][.?][\p{Lu}]/u.test(text)) found.push("sentences not spaced");
  for (const token of text.split(/[^\p{L}\p{N}_]+/u)) {
    if (token === "") continue;
    if (CHART_TYPES.includes(token) && token !== "Pie") found.push(`Excel enum "${token}"`);
    else if (TEMPLATE_IDS.has(token)) found.push(`template id "${token}"`);
    else if (KEYS.has(token)) found.push(`message key "${token}"`);
    else if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(token)) found.push(`snake_case "${token}"`);
    else if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(token) && !PROPER_NAMES.has(token))
      found.push(`PascalCase "${token}"`);
  }
  for (const [one, many] of NOUNS[lang]) {
    // A number as the languages write it (1,000 / 1 000 / 1.000), then its noun.
    const counted = new RegExp(
      `(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:[.,\\u202f\\u00a0 ]\\d{3})+|\\d+)\\s+${ADJECTIVES}(${one}|${many})(?![\\p{L}])`,
      "gu",
    );
    for (const m of text.matchAll(counted)) {
      const n = Number((m[1] ?? "").replace(/[^\d]/g, ""));
      const word = m[2];
      if (singularCount(n, lang) ? word !== one : word !== many) found.push(`bad plural "${m[0].trim()}"`);
    }
  }
  return found.map((p) => `${p} in “${raw}”`);
}

/** An element's text as a reader gets it: hidden and aria-hidden parts left out. */
function readable(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
  if (!(node instanceof Element)) return "";
  if (node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") return "";
  // A tab's bold copy of its label, kept invisible to reserve its width (visibility: hidden).
  if (node.classList.contains("fui-Tab__content--reserved-space")) return "";
  return [...node.childNodes].map(readable).join("");
}

/** Text runs a reader sees: each element holding no block, table or SVG text child; and labels. */
function visibleStrings(root: Element): string[] {
  const blocks =
    "div,p,li,ul,ol,dl,dt,dd,table,thead,tbody,tr,td,th,section,main,nav,h1,h2,h3,label,button,svg,text,title,option";
  const out: string[] = [];
  for (const el of [root, ...root.querySelectorAll("*")]) {
    if (el.closest("[hidden]") || el.closest('[aria-hidden="true"]')) continue;
    const text = readable(el).replace(/\s+/g, " ").trim();
    if (text !== "" && !el.querySelector(blocks)) out.push(text);
    for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
      const v = el.getAttribute(attr);
      if (v) out.push(v);
    }
  }
  return out;
}

const scanned = { strings: 0 };
function expectClean(root: Element, lang: Lang, where: string): void {
  const strings = visibleStrings(root);
  scanned.strings += strings.length;
  expect({ where, problems: [...new Set(strings.flatMap((s) => problems(s, lang)))] }).toEqual({
    where,
    problems: [],
  });
}

beforeAll(() => {
  // jsdom computes styles slowly and lacks ResizeObserver; layout is not under test here.
  window.getComputedStyle = (el: Element) => (el as HTMLElement).style;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

describe("the scanner", () => {
  it("catches the mistakes it is for", () => {
    expect(problems("Showing 14 of 16 rows.BarClustered chart", "en")).toHaveLength(2);
    expect(problems("1 tables checked, 1 edited cells kept, holds data in 1 cells", "en")).toHaveLength(3);
    expect(problems("2 cellule modifiée, 0 tableaux", "fr")).toHaveLength(2);
    expect(problems("1 celdas", "es")).toHaveLength(1);
    expect(problems("IOM_table5: shape_changed, {count} of table5", "en")).toHaveLength(3);
    expect(problems("Ready in Excel (OfficeOnline).", "en")).toHaveLength(1);
    expect(problems("Inserted Table 5 at 'My sheet'!B2:I23 (Excel table IOM_table5).", "en")).toEqual([]);
    expect(problems("0 tableau vérifié, 1 000 cellules", "fr")).toEqual([]);
  });
});

describe("every message, with every count", () => {
  /** The arguments of a message: plural ones and plain ones. */
  const args = (s: string): string[] => [
    ...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1] ?? "")),
  ];
  it.each(LANGS)("in %s", (lang) => {
    const t = translator(lang);
    const found: string[] = [];
    for (const key of Object.keys(STRINGS.en) as StringKey[])
      for (const n of [0, 1, 2, 5, 1000]) {
        const values = Object.fromEntries(args(STRINGS[lang][key]).map((a) => [a, n]));
        found.push(...problems(t(key, values), lang).map((p) => `${key} (${n}): ${p}`));
      }
    expect(found).toEqual([]);
  });
});

describe("every template's preview", () => {
  it.each(LANGS)(
    "in %s, both modes",
    async (lang) => {
      const t = translator(lang);
      for (const template of catalog.templates)
        for (const mode of ["static", "live"] as const) {
          const block: Block = catalog.block(template.id, mode, lang);
          const values = catalog.block(template.id, "static", lang);
          const { container, unmount } = render(
            <PaneLanguage.Provider value={{ lang, t }}>
              <BlockPreview block={block} values={values} />
            </PaneLanguage.Provider>,
          );
          // The chart is drawn once its module loads: slow when the whole suite loads both cores.
          if (block.chart) await screen.findByRole("img", undefined, { timeout: 10_000 });
          expectClean(container, lang, `${template.id} ${mode}`);
          unmount();
        }
    },
    60_000,
  );
});

/** What the Excel adapter would answer for an insert into Sheet1!B2. */
const inserted = (id: string, mode: "static" | "live", lang: Lang): Promise<InsertResult> =>
  Promise.resolve({
    kind: "inserted",
    plan: planWrite(
      catalog.block(id, mode, lang),
      { sheet: "Sheet 1", row: 1, col: 1, createSheet: false },
      { tableNames: [], settings: null },
      "x",
    ),
    syncs: 2,
  });

const report = (over: Partial<TableReport>): TableReport => ({
  table: "IOM_table4",
  template: "table4",
  status: "refreshed",
  updated: 0,
  edited: 0,
  rowsMissing: 0,
  rowsAdded: 0,
  columnsMissing: 0,
  columnsAdded: 0,
  ...over,
});

const REPORTS: TableReport[] = [
  report({ status: "refreshed", updated: 1, edited: 1 }),
  report({ table: "IOM_table5", template: "table5", status: "refreshed", updated: 2, edited: 3 }),
  report({ table: "IOM_table6", template: "table6", status: "unchanged" }),
  report({
    table: "IOM_table7",
    template: "table7",
    status: "shape_changed",
    updated: 1,
    rowsAdded: 1,
    columnsMissing: 2,
  }),
  report({ table: "IOM_chart_migrants_pyramid", template: "chart_migrants_pyramid", status: "missing" }),
  report({ table: "IOM_copied", template: undefined, status: "no_record" }),
  report({ table: "IOM_old", template: "old_template", status: "unknown_template" }),
  report({ table: "IOM_annex1_s1", template: "annex1_s1", status: "template_changed" }),
];

const SELECTIONS = [
  { address: "Sheet1!D9", formula: '=IOM.MOVEMENTS("Canada","Resettlement Assistance")', value: 12832 },
  { address: "Sheet1!E5", formula: '=IOM.MOVEMENTS("West Africa",,"Southern Africa")', value: 9 },
  { address: "Sheet1!C3", formula: '=-IOM.MIGRANTS("0-9","M")', value: -25079 },
  { address: "Sheet1!A1", formula: "", value: "" },
  { address: "Sheet1!A2", formula: "=SUM(B1:B4)", value: 3 },
  { address: "Sheet1!A3", formula: '=IOM.STAFF("P-4"', value: "#NAME?" },
  { address: "Sheet1!A4", formula: '=IOM.TABLE("Table 5")', value: "Table 5" },
  { address: "Sheet1!A5", formula: '=IOM.MOVEMENTS("Lybia")', value: "#N/A" },
  { address: "Sheet1!A6", formula: '=IOM.COUNTRY("Kenya")', value: "Kenya" },
];

const OFFICE_ERRORS = [
  "InvalidOperationInCellEditMode",
  "AccessDenied",
  "ItemAlreadyExists",
  "InvalidArgument",
  "ActivityLimitReached",
  "InvalidSelection",
  "ExcelUnavailable",
  "SomethingElse",
].map((code) => ({ code, message: "the operation failed" }));

describe("the pane in every state", () => {
  it.each(LANGS)(
    "in %s",
    async (lang) => {
      const t = translator(lang);
      const ready = statusFor({ host: "Excel", platform: "OfficeOnline" }, (v) => v !== "1.8", t);
      const refreshes = [REPORTS, [REPORTS[0]!], []];
      const errors = [...OFFICE_ERRORS];
      const actions: PaneActions = {
        insert: jest.fn(async (id: string, mode: "static" | "live", l: Lang) => {
          const error = id === "table1" ? errors.shift() : undefined;
          // Office rejects with an OfficeExtension.Error-like object, not an Error instance.
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          if (error) throw error;
          return inserted(id, mode, l);
        }),
        refreshAll: jest.fn(() => {
          const reports = refreshes.shift() ?? [];
          return Promise.resolve({
            syncs: 3,
            plan: { writes: [], calculate: [], settings: null, damaged: reports.length === 0, reports },
          });
        }),
        readSelection: jest.fn(),
        followSelection: jest.fn().mockResolvedValue(() => undefined),
        insertFormula: jest
          .fn()
          .mockResolvedValueOnce({ kind: "inserted", address: "Sheet1!C3", syncs: 2 })
          .mockResolvedValueOnce({ kind: "occupied", address: "Sheet1!C3", content: "mine", syncs: 1 }),
      };
      const { container } = render(
        <App core={core} catalog={catalog} actions={actions} status={ready} lang={lang} version="9.9.9" />,
      );
      const pick = (id: string): void => {
        const el = document.querySelector(`[data-template="${id}"]`);
        if (el instanceof HTMLElement) fireEvent.click(el);
      };
      const radios = (testId: string): HTMLElement[] => [
        ...screen.getByTestId(testId).querySelectorAll<HTMLElement>('input[type="radio"]'),
      ];

      // Templates: inserts of a table and a chart in both modes; Office's errors; the guard.
      for (const [id, live] of [
        ["table2", true],
        ["table4", false],
        ["chart_migrants_pyramid", false],
        ["chart_top15_destinations", true],
      ] as const) {
        pick(id);
        fireEvent.click(radios("mode")[live ? 1 : 0]!);
        fireEvent.click(screen.getByTestId("insert"));
        await screen.findByTestId("insert-result");
        if (document.querySelector('[data-testid="preview"] [data-testid="chart-preview"]'))
          await screen.findByRole("img");
        expectClean(container, lang, `inserted ${id}`);
      }
      pick("table1");
      for (const _ of OFFICE_ERRORS) {
        fireEvent.click(screen.getByTestId("insert"));
        await screen.findByTestId("office-error");
        expectClean(container, lang, "office error");
        await act(async () => {});
      }
      for (const cellCount of [1, 3]) {
        (actions.insert as jest.Mock).mockResolvedValueOnce({
          kind: "blocked",
          syncs: 1,
          blocked: {
            sheet: "Sheet 1",
            address: "A1:D19",
            cells: [{ address: "B3", text: "mine" }].slice(0, cellCount),
            cellCount,
            charts: cellCount > 1 ? ["Chart 1", "Chart 2"] : [],
            next: { sheet: "Sheet 1", row: 24, col: 0 },
          },
        });
        fireEvent.click(screen.getByTestId("insert"));
        await screen.findByTestId("insert-blocked");
        expectClean(container, lang, `blocked by ${cellCount}`);
      }
      fireEvent.change(screen.getByTestId("template-search"), { target: { value: "zzzz" } });
      expectClean(container, lang, "no template");

      // Formula: a value, a name it does not know, an insert, an occupied cell.
      fireEvent.click(screen.getByTestId("tab-formula"));
      expectClean(container, lang, "formula");
      fireEvent.change(screen.getByTestId("arg-place"), { target: { value: "Lybia" } });
      expectClean(container, lang, "formula error");
      for (const _ of [1, 2]) {
        fireEvent.click(screen.getByTestId("insert-formula"));
        await waitFor(() =>
          expect(
            document.querySelector('[data-testid="formula-inserted"], [data-testid="formula-occupied"]'),
          ).not.toBeNull(),
        );
        expectClean(container, lang, "formula inserted");
      }

      // Explain: every kind of answer.
      fireEvent.click(screen.getByTestId("tab-explain"));
      for (const cell of SELECTIONS) {
        (actions.readSelection as jest.Mock).mockResolvedValueOnce(cell);
        fireEvent.click(screen.getByTestId("explain"));
        await waitFor(() => expect(document.body.textContent).toContain(cell.address));
        expectClean(container, lang, `explain ${cell.formula}`);
      }

      // Refresh: every status, with counts of one and more; a single table; damaged records.
      fireEvent.click(screen.getByTestId("tab-refresh"));
      for (const _ of refreshes.slice()) {
        fireEvent.click(screen.getByTestId("refresh"));
        await waitFor(() => expect(document.querySelector('[data-testid="refresh"]:disabled')).toBeNull());
        await act(async () => {});
        expectClean(container, lang, "refresh");
      }

      fireEvent.click(screen.getByTestId("tab-about"));
      expectClean(container, lang, "about");
    },
    60_000,
  );

  it.each(LANGS)("outside Excel, in %s", (lang) => {
    const t = translator(lang);
    const hosts: (HostInfo | undefined)[] = [
      undefined,
      { host: null, platform: null },
      { host: "Word", platform: "PC" },
      { host: "Excel", platform: "Mac" },
    ];
    for (const host of hosts) {
      const status = statusFor(host, (v) => host?.platform !== "Mac" || v === "1.1", t);
      const { container, unmount } = render(
        <App
          core={core}
          catalog={catalog}
          actions={{} as PaneActions}
          status={status}
          lang={lang}
          version="9.9.9"
        />,
      );
      fireEvent.click(screen.getByTestId("tab-about"));
      expectClean(container, lang, `status ${status.state}`);
      unmount();
    }
  });

  afterAll(() => {
    // The scan saw the pane: thousands of strings, not a handful.
    expect(scanned.strings).toBeGreaterThan(2000);
  });
});
