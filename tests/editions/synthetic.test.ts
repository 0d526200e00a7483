/**
 * A second edition, added as data only: the synthetic 2099 edition under tests/fixtures (a fake
 * report of two small tables and two facts, with its own importer) is built like a real one,
 * registered, and then served by the same code as the report — functions, templates, the export,
 * refresh and the CLI — with no code that knows about it.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../../src/cli/commands/eval";
import { exportBytes } from "../../src/cli/xlsx/export-workbook";
import {
  editions,
  iom,
  registerEdition,
  registerPresentation,
  unregisterEdition,
  type Edition,
} from "../../src/core";
import { compactEdition } from "../../src/core/runtime-format";
import * as fns from "../../src/functions/functions";
import { buildEdition, type BuildResult } from "../../src/import/build";
import { Catalog } from "../../src/sheets/catalog";
import { iomCli, tempDir } from "../cli/helpers";
import * as importer from "../fixtures/edition-2099/importer";

jest.setTimeout(60_000);

const root = join(__dirname, "..", "..");
let built: BuildResult;
let fake: Edition;
const tmp = tempDir("iom-2099-");

beforeAll(async () => {
  built = await buildEdition(root, "2099", { dataDir: "tests/fixtures/edition-2099", importer });
  fake = built.edition;
  // As data/<edition>/runtime.json holds an edition: the compact form the bundles ship.
  // As data/<edition>/runtime.json holds it (no presentation), with the presentation the pane would load.
  registerEdition(JSON.parse(JSON.stringify(compactEdition(fake))) as Parameters<typeof registerEdition>[0]);
  if (fake.presentation) registerPresentation("2099", fake.presentation);
});
afterAll(() => {
  unregisterEdition("2099");
  tmp.cleanup();
});

describe("the synthetic 2099 edition", () => {
  it("builds from its folder and importer with no problem, its cells on their lines", () => {
    expect(built.problems).toEqual([]);
    expect(fake.tables.map((t) => t.id)).toEqual(["fake_officials", "fake_movements"]);
    expect(fake.facts.map((f) => [f.key, f.value, f.qualifier, f.year])).toEqual([
      ["legal.contracts_reviewed", 1234, "more than", 2099],
      ["staff.officials_total", 16, null, 2099],
    ]);
  });

  it("is listed with the report, and answers by default as the latest", () => {
    expect(editions().map((e) => [e.id, e.label, e.latest])).toEqual([
      ["2099", "FAKE/0001 (2099)", true],
      ["2011", "MC/2346 (2011)", false],
    ]);
    expect(fns.edition()).toBe("FAKE/0001 (2099)");
    expect(fns.list("edition")).toEqual([["2099"], ["2011"]]);
  });

  it("answers the value functions from its tables and facts, and the report's when asked", () => {
    expect(fns.staff("P-4", "F")).toBe(5);
    expect(fns.staff("Officials")).toBe(16);
    expect(fns.staff("P-4", "F", null, null, 2011)).toBe(55);
    expect(fns.movements("East Africa")).toBe(12);
    expect(fns.movements(null, null, "West Africa")).toBe(20);
    expect(fns.movements()).toBe(50);
    expect(fns.movements("Kenya", null, null, "MC/2346")).toBe(46200);
    expect(fns.fact("legal.contracts_reviewed")).toBe(1234);
    expect(fns.source("STAFF", "P-4", "F")).toMatch(
      /^Table 1 — Officials by category.*line 13 of source\.txt \(FAKE\/0001, 2099 edition\)/,
    );
  });

  it("says what it lacks: #N/A naming the edition and the missing table", () => {
    expect(() => fns.expenditure("Total")).toThrow(
      "the 2099 edition of the report has no table of expenditure",
    );
    expect(() => fns.migrants()).toThrow("no table of migrants by age group and gender");
    expect(() => fns.staff("Employees")).toThrow("no table of staff by location and gender");
    expect(() => fns.movements("Kenya")).toThrow(/Kenya is not a destination of this edition's tables/);
  });

  it("has templates for its tables and its chart, with live formulas that give the printed figures", () => {
    const catalog = new Catalog(iom({ edition: "2099" }));
    expect(catalog.templates.map((t) => [t.id, t.kind])).toEqual([
      ["fake_officials", "table"],
      ["fake_movements", "table"],
      ["chart_fake_officials", "chart"],
    ]);
    for (const t of catalog.templates) {
      const stat = catalog.block(t.id, "static", "fr");
      const live = catalog.block(t.id, "live", "fr");
      expect(live.liveCells).toBeGreaterThan(0);
      live.cells.forEach((row, r) =>
        row.forEach((c, col) => {
          if (typeof c !== "string" || !c.startsWith("=IOM.")) return;
          expect({ c, got: evaluate(c) }).toEqual({ c, got: { value: stat.cells[r]?.[col] } });
        }),
      );
    }
    const table = catalog.block("fake_officials", "static", "fr");
    expect(table.cells[0]?.[0]).toBe(
      "Tableau 1. Fonctionnaires par catégorie/classe, lieu d'affectation et sexe (faux)",
    );
    expect(table.cells[1]?.[0]).toBe("Unité : fonctionnaires · 31 décembre 2099");
    expect(table.cells[table.cells.length - 1]?.[0]).toBe("Source : OIM, FAKE/0001, Tableau 1, lignes 8–14");
  });

  it("pins the report's live formulas to the report's edition, now that it is not the latest", () => {
    const block = new Catalog(iom({ edition: "2011" })).block("table5", "live", "en");
    const formulas = block.cells
      .flat()
      .filter((c): c is string => typeof c === "string" && c.startsWith("=IOM."));
    expect(formulas).toContain('=IOM.STAFF("P-4","F","Headquarters",,2011)');
    expect(evaluate('=IOM.STAFF("P-4","F","Headquarters",,2011)')).toEqual({ value: 14 });
  });

  it("exports to a workbook and refreshes it, through the CLI with --data and --edition", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportBytes(iom({ edition: "2099" }), "en")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Contents",
      "T1 Officials by category-grade",
      "T2 Movements by region",
      "Officials by grade and gender",
      "Facts",
    ]);
    // A runtime.json and its folder's curated/presentation.json beside it, as `npm run import` leaves them.
    const data = tmp.path("runtime.json");
    writeFileSync(data, JSON.stringify(compactEdition(fake)));
    mkdirSync(tmp.path("curated"), { recursive: true });
    copyFileSync(
      join(root, "tests/fixtures/edition-2099/curated/presentation.json"),
      tmp.path("curated/presentation.json"),
    );
    const xlsx = tmp.path("fake.xlsx");
    const exported = await iomCli(
      "--data",
      data,
      "--edition",
      "2099",
      "export",
      "--format",
      "xlsx",
      "--out",
      xlsx,
    );
    expect(exported).toMatchObject({ code: 0, err: "" });
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(xlsx);
    const t1 = edited.getWorksheet("T1 Officials by category-grade");
    if (!t1) throw new Error("no sheet of Table 1");
    const p4 = t1.getRow(6);
    expect(p4.getCell(1).value).toBe("P-4");
    expect(p4.getCell(2).value).toBe(3);
    p4.getCell(2).value = 0;
    await edited.xlsx.writeFile(xlsx);
    const refreshed = await iomCli("--data", data, "--edition", "2099", "refresh", xlsx);
    expect(refreshed).toMatchObject({ code: 0, err: "" });
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(xlsx);
    expect(after.getWorksheet("T1 Officials by category-grade")?.getRow(6).getCell(2).value).toBe(3);
    expect(await iomCli("--edition", "1999", "list", "gender")).toMatchObject({ code: 4 });
  });
});
