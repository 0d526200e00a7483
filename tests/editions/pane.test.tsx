/**
 * @jest-environment jsdom
 *
 * The task pane with two editions loaded: About offers the choice, and the other tabs then answer
 * from the chosen edition (its templates, its formulas' figures).
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { join } from "node:path";
import { iom, registerEdition, unregisterEdition, type Iom } from "../../src/core";
import { buildEdition } from "../../src/import/build";
import { translator } from "../../src/i18n/pane";
import { Catalog } from "../../src/sheets/catalog";
import type { PaneActions } from "../../src/taskpane/actions";
import { statusFor } from "../../src/taskpane/plans/status";
import { App, type EditionView } from "../../src/taskpane/ui/App";
import * as importer from "../fixtures/edition-2099/importer";

const root = join(__dirname, "..", "..");

beforeAll(async () => {
  // The pane's tab row measures itself (Fluent's Overflow) with a ResizeObserver, which jsdom lacks.
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  registerEdition(
    (await buildEdition(root, "2099", { dataDir: "tests/fixtures/edition-2099", importer })).edition,
  );
});
afterAll(() => unregisterEdition("2099"));

const actions = (): PaneActions => ({
  insert: jest.fn(),
  refreshAll: jest.fn(),
  readSelection: jest.fn(),
  followSelection: jest.fn().mockResolvedValue(() => undefined),
  insertFormula: jest.fn(),
});
const viewOf = (core: Iom): EditionView => ({ core, catalog: new Catalog(core), actions: actions() });

it("switches the pane to the edition chosen in About", () => {
  const open = jest.fn((id?: string) => viewOf(iom({ edition: id })));
  render(
    <App
      {...viewOf(iom())}
      openEdition={open}
      status={statusFor({ host: "Excel", platform: "PC" }, () => true, translator("en"))}
      lang="en"
      version="9.9.9"
    />,
  );
  fireEvent.click(screen.getByTestId("tab-about"));
  expect(screen.getByTestId("about").textContent).toContain("FAKE/0001 (2099)");
  const select = screen.getByTestId<HTMLSelectElement>("edition");
  expect([...select.options].map((o) => o.textContent)).toEqual(["FAKE/0001 (2099)", "MC/2346 (2011)"]);
  fireEvent.change(select, { target: { value: "2011" } });
  expect(open).toHaveBeenCalledWith("2011");
  expect(screen.getByTestId("about").textContent).toContain("MC/2346 (2011)");
  fireEvent.click(screen.getByTestId("tab-templates"));
  expect(document.body.textContent).toContain(
    "Officials by category/grade, location and gender as at 31 December 2011",
  );
});
