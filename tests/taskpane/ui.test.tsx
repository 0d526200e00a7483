/**
 * @jest-environment jsdom
 *
 * The pane's components with fake actions: what the user sees and which action each control calls.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { iom } from "../../src/core";
import type { PaneActions } from "../../src/taskpane/actions";
import type { InsertResult } from "../../src/taskpane/excel/insert";
import type { Lang } from "../../src/i18n/lang";
import type { Mode } from "../../src/sheets/block";
import { translator } from "../../src/i18n/pane";
import { Catalog } from "../../src/sheets/catalog";
import { planWrite } from "../../src/taskpane/plans/insert";
import { type Status, statusFor } from "../../src/taskpane/plans/status";
import { App } from "../../src/taskpane/ui/App";

const core = iom();
const catalog = new Catalog(core);

/** What the Excel adapter would answer for an insert into Sheet1!B2. */
const inserted = (id: string, mode: Mode, lang: Lang): Promise<InsertResult> =>
  Promise.resolve({
    kind: "inserted",
    plan: planWrite(
      catalog.block(id, mode, lang),
      { sheet: "Sheet1", row: 1, col: 1, createSheet: false },
      { tableNames: [], settings: null },
      "x",
    ),
    syncs: 2,
  });

function fakeActions(over: Partial<PaneActions> = {}): PaneActions {
  return {
    insert: jest.fn(inserted),
    refreshAll: jest.fn(),
    readSelection: jest.fn(),
    followSelection: jest.fn().mockResolvedValue(() => undefined),
    insertFormula: jest.fn(),
    ...over,
  };
}

const ready = (lang: Lang = "en"): Status =>
  statusFor({ host: "Excel", platform: "PC" }, () => true, translator(lang));

function renderApp(actions: PaneActions, lang: Lang = "en", status: Status = ready(lang)) {
  return render(
    <App core={core} catalog={catalog} actions={actions} status={status} lang={lang} version="9.9.9" />,
  );
}

/** An element's text with runs of white space as one space (what a reader sees). */
const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

/** The open list's option with exactly this text (ByRole queries are slow on Fluent's large DOM). */
async function optionNamed(name: string): Promise<HTMLElement> {
  await act(async () => {}); // let the opened list render
  const hit = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((e) => text(e) === name);
  if (!hit) throw new Error(`no option "${name}"`);
  return hit;
}

const option = (id: string): HTMLElement => {
  const el = document.querySelector(`[data-template="${id}"]`);
  if (!(el instanceof HTMLElement)) throw new Error(`no option ${id}`);
  return el;
};

beforeAll(() => {
  // jsdom computes styles by matching every rule Fluent's CSS-in-JS inserted: seconds per call. Layout
  // is not under test here, so an element's computed style is its inline style.
  window.getComputedStyle = (el: Element) => (el as HTMLElement).style;
  // Fluent's positioning asks for ResizeObserver, which jsdom lacks.
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

describe("the template gallery", () => {
  it("lists every template, narrows on search and previews the chosen one", async () => {
    renderApp(fakeActions());
    expect(text(screen.getByRole("status"))).toContain(`Templates: ${catalog.templates.length}`);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search templates" }), {
      target: { value: "pyramid" },
    });
    expect(text(screen.getByRole("status"))).toContain("Templates: 1");
    expect(screen.getAllByRole("option")).toHaveLength(1);
    const preview = screen.getByTestId("preview");
    expect(text(preview)).toContain("Migrants moved by age group and gender, 2011 (population pyramid)");
    await screen.findByRole("img", { name: /^Clustered bar chart/ }); // the picture, loaded on demand
    expect(text(screen.getByTestId("chart-preview"))).toContain(
      "Clustered bar chart “Migrants moved by age group and gender, 2011 (population pyramid)”: 2 series over 10 categories, with data labels. Axes: Age group / Migrants.",
    );
    fireEvent.change(screen.getByRole("searchbox", { name: "Search templates" }), {
      target: { value: "zzzz" },
    });
    expect(text(screen.getByRole("status"))).toContain("No template matches “zzzz”.");
  });

  it("draws a chart template as its chart, the pyramid's men without a minus sign", async () => {
    renderApp(fakeActions());
    fireEvent.click(option("chart_migrants_pyramid"));
    const picture = await screen.findByRole("img", { name: /^Clustered bar chart/ });
    const labels = [...picture.querySelectorAll('[data-role="label"]')].map((e) => text(e));
    expect(labels).toEqual(expect.arrayContaining(["25,079", "104,641", "20,861"]));
    expect(labels.join(" ")).not.toMatch(/[-−]/);
    expect(picture.querySelectorAll("rect[data-series]")).toHaveLength(20);
    expect([...picture.querySelectorAll('[data-role="legend"]')].map((e) => text(e))).toEqual([
      "Male",
      "Female",
    ]);
  });

  it("previews a table template as a compact table, a live one with its formulas' figures", () => {
    renderApp(fakeActions());
    fireEvent.click(option("table5"));
    fireEvent.click(screen.getByRole("radio", { name: "Live formulas (=IOM.*)" }));
    const table = screen.getByTestId("table-picture");
    const p4 = [...table.querySelectorAll("tr")].find((tr) => text(tr.querySelector("th")) === "P-4");
    const cells = [...(p4?.querySelectorAll("td") ?? [])].map((td) => text(td));
    expect(cells[0]).toBe(String(core.staff("P-4", "F", "Headquarters").value));
    expect(text(table)).not.toContain("=IOM");
    expect(text(screen.getByTestId("preview-rows"))).toBe("Showing 13 of 13 rows.");
    expect(text(screen.getByTestId("preview"))).toContain("figures in blue become =IOM.* formulas");
  });

  it("keeps what was chosen in a tab when the user comes back to it", () => {
    renderApp(fakeActions());
    fireEvent.click(option("table4"));
    fireEvent.click(screen.getByTestId("tab-formula"));
    fireEvent.click(screen.getByTestId("tab-templates"));
    expect(option("table4").getAttribute("aria-selected")).toBe("true");
    expect(text(screen.getByTestId("preview"))).toContain("Table 4. ");
  });

  it("inserts the chosen template with the chosen mode, place and language, and says where", async () => {
    const insert = jest.fn(inserted);
    renderApp(fakeActions({ insert }));
    fireEvent.click(option("table5"));
    fireEvent.click(screen.getByRole("radio", { name: "Live formulas (=IOM.*)" }));
    fireEvent.click(screen.getByRole("radio", { name: "In a new sheet" }));
    fireEvent.click(screen.getByTestId("insert"));
    await waitFor(() => expect(screen.getByTestId("insert-result")).toBeTruthy());
    expect(insert).toHaveBeenCalledWith("table5", "live", "en", {
      kind: "newSheet",
      name: "Table 5",
    });
    expect(text(screen.getByTestId("insert-result"))).toBe(
      "Inserted Table 5 at Sheet1!B2:I23 (Excel table IOM_table5). 77 figures are =IOM.* formulas.",
    );
  });

  it("offers the next free place or a new sheet when the area is not empty", async () => {
    const insert = jest.fn(inserted);
    insert.mockResolvedValueOnce({
      kind: "blocked",
      syncs: 1,
      blocked: {
        sheet: "Sheet1",
        address: "A1:D19",
        cells: [{ address: "B3", text: "mine" }],
        cellCount: 1,
        charts: ["Chart 1"],
        next: { sheet: "Sheet1", row: 24, col: 0 },
      },
    });
    renderApp(fakeActions({ insert }));
    fireEvent.click(option("table4"));
    fireEvent.click(screen.getByTestId("insert"));
    const bar = await screen.findByTestId("insert-blocked");
    expect(text(bar)).toContain(
      "Nothing was written: the target area is not empty. Sheet1!A1:D19 already holds data in 1 cell: B3 “mine”.",
    );
    expect(text(bar)).toContain("It would also cover: Chart 1.");
    fireEvent.click(within(bar).getByRole("button", { name: "Insert at Sheet1!A25 (next free place)" }));
    await waitFor(() =>
      expect(insert).toHaveBeenLastCalledWith("table4", "static", "en", {
        kind: "cell",
        sheet: "Sheet1",
        row: 24,
        col: 0,
      }),
    );
  });

  it("shows an Office error with what to do", async () => {
    const actions = fakeActions({
      insert: jest.fn().mockRejectedValue({ code: "InvalidOperationInCellEditMode", message: "edit mode" }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("insert"));
    expect(text(await screen.findByTestId("office-error"))).toContain(
      "Excel is editing a cell. Press Enter or Esc in the sheet, then try again.",
    );
  });

  it("inserts titles in the language chosen, defaulting to the pane's", async () => {
    const insert = jest.fn(inserted);
    renderApp(fakeActions({ insert }), "es");
    expect(text(screen.getByTestId("tab-templates"))).toContain("Plantillas");
    fireEvent.click(option("annex1_s12"));
    fireEvent.click(screen.getByRole("button", { name: "Insertar" }));
    await waitFor(() =>
      expect(insert).toHaveBeenCalledWith("annex1_s12", "static", "es", { kind: "selection" }),
    );
    expect(text(screen.getByTestId("preview"))).toContain(
      "Anexo I, sección 12. Personal de la OIM en el mundo",
    );
  });
});

describe("outside Excel", () => {
  it("renders a clear message, keeps the gallery browsable and Excel actions disabled", () => {
    const t = translator("fr");
    renderApp(
      fakeActions(),
      "fr",
      statusFor({ host: null, platform: null }, () => false, t),
    );
    expect(text(screen.getByTestId("status"))).toContain("ouvert en dehors d'Office");
    expect(screen.getByTestId<HTMLButtonElement>("insert").disabled).toBe(true);
    expect(screen.getAllByRole("option").length).toBe(catalog.templates.length);
  });
});

describe("the formula builder", () => {
  it("builds a formula from the drop-downs, shows its value and source, and inserts it", async () => {
    const insertFormula = jest.fn().mockResolvedValue({ kind: "inserted", address: "Sheet1!C3", syncs: 2 });
    renderApp(fakeActions({ insertFormula }));
    fireEvent.click(screen.getByTestId("tab-formula"));
    fireEvent.click(screen.getByTestId("function"));
    fireEvent.click(await optionNamed("IOM.STAFF"));
    // Type to narrow a list, open it, pick.
    const pick = async (testId: string, typed: string, name: string): Promise<void> => {
      const box = screen.getByTestId(testId);
      fireEvent.change(box, { target: { value: typed } });
      fireEvent.click(box);
      fireEvent.click(await optionNamed(name));
    };
    await pick("arg-category", "P-4", "P-4");
    await pick("arg-gender", "F", "F");
    expect(text(screen.getByTestId("formula"))).toContain('=IOM.STAFF("P-4","F")');
    const preview = screen.getByTestId("formula-preview");
    expect(text(preview)).toContain(String(core.staff("P-4", "F").value));
    expect(text(preview)).toContain("Table 5 — Officials by category/grade");
    fireEvent.click(screen.getByTestId("insert-formula"));
    expect(text(await screen.findByTestId("formula-inserted"))).toContain(
      'Inserted =IOM.STAFF("P-4","F") into Sheet1!C3.',
    );
    expect(insertFormula).toHaveBeenCalledWith('=IOM.STAFF("P-4","F")');
  });

  it("takes a typed name the data does not know and offers the names meant (Lybia → Libya)", () => {
    renderApp(fakeActions());
    fireEvent.click(screen.getByTestId("tab-formula"));
    fireEvent.change(screen.getByTestId("arg-place"), { target: { value: "Lybia" } });
    expect(text(screen.getByTestId("formula"))).toBe('=IOM.MOVEMENTS("Lybia")');
    const error = screen.getByTestId("formula-error");
    expect(text(error)).toContain('place "Lybia" not found — did you mean "Libya" or "Liberia"?');
    const offered = within(error).getAllByTestId("suggestion");
    expect(offered.map((b) => text(b))).toEqual(["Libya", "Liberia"]);
    fireEvent.click(offered[0]!);
    expect(text(screen.getByTestId("formula"))).toBe('=IOM.MOVEMENTS("Libya")');
    expect(text(screen.getByTestId("formula-preview"))).toContain("218,000");
  });

  it("says why there is no value in the pane's language", () => {
    renderApp(fakeActions(), "fr");
    fireEvent.click(screen.getByTestId("tab-formula"));
    fireEvent.change(screen.getByTestId("arg-place"), { target: { value: "Lybia" } });
    expect(text(screen.getByTestId("formula-error"))).toContain("Pas de valeur : ");
    expect(text(screen.getByTestId("formula-error"))).not.toContain("not found");
    expect(text(screen.getByTestId("formula-error"))).toContain("Libya");
  });

  it("refuses a cell that is not empty", async () => {
    const actions = fakeActions({
      insertFormula: jest
        .fn()
        .mockResolvedValue({ kind: "occupied", address: "Sheet1!C3", content: "hello", syncs: 1 }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-formula"));
    fireEvent.click(screen.getByTestId("insert-formula"));
    expect(text(await screen.findByTestId("formula-occupied"))).toContain(
      "Sheet1!C3 is not empty (it holds “hello”). Select an empty cell; nothing was written.",
    );
  });
});

describe("explain this cell", () => {
  it("shows the value, where it comes from, the line, footnotes and qualifier", async () => {
    const actions = fakeActions({
      readSelection: jest.fn().mockResolvedValue({
        address: "Sheet1!D9",
        formula: '=IOM.MOVEMENTS("Canada","Resettlement Assistance")',
        value: 12832,
      }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-explain"));
    fireEvent.click(screen.getByTestId("explain"));
    const x = await screen.findByTestId("explanation");
    const answer = core.movements("Canada", "Resettlement Assistance");
    expect(text(x)).toContain("Sheet1!D9");
    expect(text(x)).toContain(`Source${answer.provenance.where} — ${answer.provenance.title}`);
    expect(text(x)).toContain(`Table${answer.provenance.where}`);
    expect(text(x)).toContain(
      `Line of the report textline ${answer.provenance.lines.join(", ")} of MC2346-report-2011.txt`,
    );
    expect(text(x)).toContain("Statusprinted");
    expect(text(x)).toContain("Some of the movements of migrants resettled");
    expect(text(x)).toContain("Qualifiernone");
  });

  it("explains the selected cell on opening, then each cell the user selects, until told to stop", async () => {
    let listener: (() => void) | undefined;
    const stop = jest.fn();
    const readSelection = jest
      .fn()
      .mockResolvedValueOnce({ address: "Sheet1!A1", formula: "", value: "" })
      .mockResolvedValueOnce({ address: "Sheet1!B2", formula: '=IOM.STAFF("P-4","F")', value: 55 });
    const actions = fakeActions({
      readSelection,
      followSelection: jest.fn((l: () => void) => {
        listener = l;
        return Promise.resolve(stop);
      }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-explain"));
    await waitFor(() => expect(readSelection).toHaveBeenCalledTimes(1));
    expect(text(await screen.findByTestId("explanation"))).toContain("Sheet1!A1");
    await waitFor(() => expect(listener).toBeDefined());
    act(() => listener?.());
    await waitFor(() => expect(text(screen.getByTestId("explanation"))).toContain("Sheet1!B2"));
    expect(text(screen.getByTestId("explanation"))).toContain("55");
    fireEvent.click(screen.getByTestId("explain-follow"));
    await waitFor(() => expect(stop).toHaveBeenCalled());
  });

  it("says when a figure was derived by a manual fix rather than printed", async () => {
    const actions = fakeActions({
      readSelection: jest.fn().mockResolvedValue({
        address: "Sheet1!E5",
        formula: '=IOM.MOVEMENTS("West Africa",,"Southern Africa")',
        value: 9,
      }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-explain"));
    expect(text(await screen.findByTestId("explanation"))).toContain(
      "Manual fixesnot printed: the PDF conversion lost this figure, derived from the report's printed totals (manual fix table1-southern_africa-west_africa",
    );
  });

  it("shows a country's card as Excel shows it: its sections, each figure with its source", async () => {
    const actions = fakeActions({
      readSelection: jest
        .fn()
        .mockResolvedValue({ address: "Sheet1!B2", formula: '=IOM.COUNTRY("Kenya")', value: "Kenya" }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-explain"));
    const x = text(await screen.findByTestId("explanation"));
    const movements = core.movements("Kenya");
    expect(x).toContain("Movements to it");
    expect(x).toContain(`Movements46,200 — ${core.source("MOVEMENTS", "Kenya")}`);
    expect(movements.value).toBe(46200);
    expect(x).toContain("Its nationals on IOM staff");
  });

  it("says when the cell holds no =IOM.* formula", async () => {
    const actions = fakeActions({
      readSelection: jest.fn().mockResolvedValue({ address: "Sheet1!A1", formula: "=SUM(B1:B4)", value: 3 }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-explain"));
    fireEvent.click(screen.getByTestId("explain"));
    expect(text(await screen.findByTestId("explanation"))).toContain(
      "Sheet1!A1 holds no =IOM.* formula: =SUM(B1:B4)",
    );
  });
});

describe("refresh all", () => {
  it("summarises what changed and what was left alone", async () => {
    const base = { updated: 0, edited: 0, rowsMissing: 0, rowsAdded: 0, columnsMissing: 0, columnsAdded: 0 };
    const actions = fakeActions({
      refreshAll: jest.fn().mockResolvedValue({
        syncs: 3,
        plan: {
          writes: [],
          calculate: [],
          settings: null,
          damaged: false,
          reports: [
            { ...base, table: "IOM_table4", status: "refreshed", updated: 3, edited: 1 },
            { ...base, table: "IOM_table5", status: "shape_changed", rowsAdded: 1, updated: 2 },
            { ...base, table: "IOM_old", status: "no_record" },
          ],
        },
      }),
    });
    renderApp(actions);
    fireEvent.click(screen.getByTestId("tab-refresh"));
    await act(async () => {
      fireEvent.click(screen.getByTestId("refresh"));
      await Promise.resolve();
    });
    expect(text(await screen.findByTestId("refresh-summary"))).toContain(
      "3 tables checked: 5 cells updated, 1 left alone.",
    );
    const items = within(screen.getByTestId("refresh-report")).getAllByRole("listitem");
    expect(text(items[0])).toContain("IOM_table4: refreshed — 3 cells updated, 1 edited cell kept.");
    expect(text(items[1])).toContain("2 cells updated, 0 edited cells kept. 1 row added.");
    expect(text(items[2])).toContain("no record of inserting it");
  });
});

describe("about", () => {
  it("names the data's edition, the version and the host", () => {
    renderApp(fakeActions());
    fireEvent.click(screen.getByTestId("tab-about"));
    const about = screen.getByTestId("about");
    expect(text(about)).toContain("MC/2346 (2011)");
    expect(text(about)).toContain("9.9.9");
    expect(text(about)).toContain("Ready in Excel for Windows.");
    expect(text(about)).toContain("LanguageEnglish");
  });
});

describe("the cards switch (Excel data types)", () => {
  it("shows where Excel shows data types, reads the workbook's setting and writes the change", async () => {
    const set = jest.fn().mockResolvedValue(undefined);
    renderApp(fakeActions({ cards: { on: () => true, set } }));
    fireEvent.click(screen.getByTestId("tab-about"));
    const toggle = screen.getByTestId<HTMLInputElement>("cards");
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(set).toHaveBeenCalledWith(false));
    expect(toggle.checked).toBe(false);
  });

  it("goes back, with Office's error, when the setting cannot be saved", async () => {
    const set = jest.fn().mockRejectedValue(Object.assign(new Error("denied"), { code: "AccessDenied" }));
    renderApp(fakeActions({ cards: { on: () => false, set } }));
    fireEvent.click(screen.getByTestId("tab-about"));
    const toggle = screen.getByTestId<HTMLInputElement>("cards");
    fireEvent.click(toggle);
    await waitFor(() => expect(set).toHaveBeenCalledWith(true));
    await waitFor(() => expect(toggle.checked).toBe(false));
  });

  it("is not offered where Excel shows no data types", () => {
    renderApp(fakeActions());
    fireEvent.click(screen.getByTestId("tab-about"));
    expect(screen.queryByTestId("cards")).toBeNull();
  });
});
