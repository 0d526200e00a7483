/**
 * Excel data types (issue 17): the cards the functions return where the host shows data types,
 * checked against @types/office-js at compile time (this file is in tsconfig.json's "include", so
 * `tsc --noEmit -p .` fails when a card stops being an Excel.CellValue) and their shapes at run
 * time; the fallback to plain numbers; data types passed as arguments; `iom eval --cell-values`.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { evaluate, evaluateCellValues } from "../../src/cli/commands/eval";
import { bufferIo } from "../../src/cli/io";
import { run } from "../../src/cli/program";
import {
  cellValueOf,
  countryCard,
  figureCard,
  iom,
  type DoubleJson,
  type EntityJson,
  type PropertyJson,
} from "../../src/core";
import { CARDS_SETTING, forceDataTypes } from "../../src/functions/data-types";
import * as fns from "../../src/functions/functions";
import { isExcelError } from "../../src/functions/excel-error";

const core = iom();
const edition = core.edition;

// Compile time: the builder's values are the official types. A change that breaks the shape Excel
// takes (a property that is no CellValue, a section without `layout`) fails the type check.
const p4: Excel.DoubleCellValue = cellValueOf(figureCard(core.staff("P-4", "F"), edition));
const kenya: Excel.EntityCellValue = cellValueOf(countryCard(core, "Kenya", "en"));
const asCellValue: Excel.CellValue[] = [p4, kenya];
// So are the functions' declared results, and Excel's own values fit their parameters.
const staffResult: number | Excel.DoubleCellValue = fns.staff("P-4", "F", null, null, null);
const countryResult: string | Excel.EntityCellValue = fns.country(asCellValue[1] ?? null, null);
// The check has teeth: a text where Excel wants the number does not compile.
// @ts-expect-error basicValue of a Double is a number
const notADouble: Excel.DoubleCellValue = { ...p4, basicValue: "55" };

/** Every problem with a card's shape, as Excel reads it (empty when fine). */
function shapeProblems(v: DoubleJson | EntityJson | PropertyJson, at = "value"): string[] {
  const out: string[] = [];
  if (v.type === "String" && typeof v.basicValue !== "string") out.push(`${at}: String without text`);
  if (v.type === "Double" && !Number.isFinite(v.basicValue)) out.push(`${at}: Double without a number`);
  if (v.type === "Entity" && (typeof v.text !== "string" || v.text === ""))
    out.push(`${at}: Entity without text`);
  if (!("properties" in v) || v.properties === undefined) return out;
  const names = Object.keys(v.properties);
  const layout = "layouts" in v ? v.layouts : undefined;
  if (!layout?.card.title) out.push(`${at}: card without a title`);
  if (!("provider" in v) || !v.provider?.description) out.push(`${at}: no provider`);
  const shown = (layout?.card.sections ?? []).flatMap((s) => {
    if (s.layout !== "List" || s.title === "") out.push(`${at}: section "${s.title}" is no titled List`);
    return s.properties;
  });
  for (const n of shown) if (!names.includes(n)) out.push(`${at}: section names missing property "${n}"`);
  if (new Set(shown).size !== shown.length) out.push(`${at}: a property shown twice`);
  for (const [name, p] of Object.entries(v.properties)) {
    const hidden = p.propertyMetadata?.excludeFrom?.cardView === true;
    if (hidden === shown.includes(name))
      out.push(`${at}.${name}: shown ${!hidden}, listed ${shown.includes(name)}`);
    out.push(...shapeProblems(p, `${at}.${name}`));
  }
  return out;
}

const text = (p: PropertyJson | undefined): unknown => p?.basicValue;

afterEach(() => {
  forceDataTypes(undefined);
  delete (globalThis as { Office?: unknown }).Office;
});

describe("a figure's card (DoubleCellValue)", () => {
  it("is the figure, with its source, table, row, column, line, status and edition", () => {
    const answer = core.staff("P-4", "F");
    const v = cellValueOf(figureCard(answer, edition));
    expect(v.type).toBe("Double");
    expect(v.basicValue).toBe(answer.value);
    const props = v.properties ?? {};
    expect(text(props.Source)).toContain(`line ${answer.provenance.lines[0]}`);
    expect(text(props.Table)).toBe(answer.provenance.where);
    expect(text(props.Row)).toBe(answer.provenance.row);
    expect(text(props.Column)).toBe(answer.provenance.column);
    expect(props.Line).toEqual({ type: "Double", basicValue: answer.provenance.lines[0] });
    expect(text(props.Status)).toBe("printed");
    expect(text(props.Edition)).toBe(core.editionLabel());
    expect(text(props.Footnotes)).toContain(answer.provenance.footnotes[0]);
    expect(v.provider?.description).toBe(`IOM, ${edition.document}`);
    expect(shapeProblems(v)).toEqual([]);
  });

  it("keeps a property with nothing to say for formulas, out of the card view", () => {
    const props = cellValueOf(figureCard(core.staff("P-4", "F"), edition)).properties ?? {};
    expect(props.Qualifier).toEqual({
      type: "String",
      basicValue: "",
      propertyMetadata: { excludeFrom: { cardView: true } },
    });
  });

  it("says a narrative figure's paragraph and qualifier", () => {
    const fact = edition.facts.find((f) => f.qualifier !== null);
    if (!fact) throw new Error("the edition has no qualified fact");
    const props = cellValueOf(figureCard(core.fact(fact.key), edition)).properties ?? {};
    expect(props.Paragraph).toEqual({ type: "Double", basicValue: fact.paragraph });
    expect(text(props.Qualifier)).toBe(fact.qualifier);
  });

  it("tells derived, forced and contradicted figures from printed ones", () => {
    // A sum of cells printed apart; a cell of the proved tables of each status (the solver's
    // finding comes first: a lost cell the totals force is "forced").
    const sum = core.movements("Kenya", null, "North America");
    expect(sum.provenance.kind).toBe("sum");
    expect(figureCard(sum, edition).status).toBe("derived");
    for (const status of ["forced", "contradicted"] as const) {
      const table = edition.tables.find((t) => t.proved?.some((p) => p.status === status));
      const cell = table?.proved?.find((p) => p.status === status);
      // The bundled edition's movement tables hold cells of both kinds.
      if (!table || !cell) throw new Error(`no ${status} cell in the edition`);
      const answer = core.index.cell(core.index.ref(table.id, cell.row, cell.column));
      const props = cellValueOf(figureCard(answer, edition)).properties ?? {};
      expect(text(props.Status)).toBe(status);
      expect(text(props.Discrepancy)).not.toBe("");
    }
  });

  it("words its sections and the source line in the reader's language, its property names in English", () => {
    const fr = cellValueOf(figureCard(core.staff("P-4", "F"), edition, "fr"));
    expect(Object.keys(fr.properties ?? {})).toEqual(
      Object.keys(cellValueOf(figureCard(core.staff("P-4", "F"), edition)).properties ?? {}),
    );
    expect(fr.layouts?.card.sections[0]?.title).toBe("Où dans le rapport");
    expect(text(fr.properties?.Source)).toContain("Tableau 5");
  });
});

describe("a country's card (=IOM.COUNTRY, EntityCellValue)", () => {
  const props = (v: EntityJson): Record<string, PropertyJson> => v.properties;

  it("gives the movements to Kenya (46,200), by programme, with each figure's own source", () => {
    const v = cellValueOf(countryCard(core, "Kenya", "en"));
    expect(v.type).toBe("Entity");
    expect(v.text).toBe("Kenya");
    const movements = props(v).Movements as DoubleJson;
    expect(movements.basicValue).toBe(core.movements("Kenya").value);
    expect(movements.basicValue).toBe(46200);
    expect(text(movements.properties?.Source)).toContain("Table 2");
    const programmes = core.list("programme").filter((p) => p in props(v));
    expect(programmes.length).toBeGreaterThan(0);
    for (const p of programmes) expect(props(v)[p]?.basicValue).toBe(core.movements("Kenya", p).value);
    expect(shapeProblems(v)).toEqual([]);
  });

  it("gives its nationals on IOM staff and the departures the report leaves undetermined", () => {
    const p = props(cellValueOf(countryCard(core, "Kenya", "en")));
    expect(p.Officials?.basicValue).toBe(core.staff("Officials", null, null, "Kenya").value);
    expect(p.Employees?.basicValue).toBe(core.staff("Employees", null, null, "Kenya").value);
    expect(text(p["Undetermined departures"])).toContain("Africa");
  });

  it("lists the narrative figures that name the country, each with its paragraph", () => {
    const facts = core.facts("Canada");
    const p = props(cellValueOf(countryCard(core, "Canada", "en")));
    for (const f of facts) {
      const figure = p[f.key] as DoubleJson;
      expect(figure.basicValue).toBe(core.fact(f.key).value);
      expect(figure.properties?.Paragraph?.basicValue).toBe(f.paragraph);
    }
  });

  it("resolves any name of the country, and refuses a region or an unknown name", () => {
    expect(countryCard(core, "KE", "fr").text).toBe("Kenya");
    expect(() => countryCard(core, "East Africa", "en")).toThrow(/not a country of the report/);
    expect(() => countryCard(core, "Kenyaa", "en")).toThrow(/Kenya/);
  });

  it("puts a figure's source in its sublabel where numbers cannot carry properties (ExcelApi 1.19)", () => {
    const v = cellValueOf(countryCard(core, "Kenya", "en"), { basicProperties: false });
    const movements = v.properties.Movements as DoubleJson & PropertyJson;
    expect(movements.properties).toBeUndefined();
    expect(movements.propertyMetadata?.sublabel).toContain("Table 2");
    expect(shapeProblems(v)).toEqual([]);
  });
});

describe("the functions: cards where the host shows data types, plain values elsewhere", () => {
  /** An Office global as a host that supports `sets` gives it, with the workbook's settings. */
  function host(sets: Record<string, string>, settings: Record<string, unknown> = {}): void {
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            sets[name] !== undefined && version <= (sets[name] ?? ""),
        },
        document: { settings: { get: (k: string) => settings[k] } },
      },
    };
  }

  it("answer plain numbers outside Office (the CLI, tests, scripts)", () => {
    expect(fns.staff("P-4", "F", null, null, null)).toBe(55);
    expect(fns.country("Kenya", null)).toBe("Kenya");
  });

  it("answer a Double card, and a country's entity, where Excel supports data types", () => {
    host({ CustomFunctionsRuntime: "1.4", ExcelApi: "1.19" });
    const v = fns.staff("P-4", "F", null, null, null) as DoubleJson;
    expect(v.basicValue).toBe(55);
    expect(text(v.properties?.Source)).toContain("Table 5");
    expect((fns.country("Kenya", null) as EntityJson).type).toBe("Entity");
  });

  it("answer plain numbers where numbers cannot carry properties, a country's entity still", () => {
    host({ CustomFunctionsRuntime: "1.4", ExcelApi: "1.18" });
    expect(fns.staff("P-4", "F", null, null, null)).toBe(55);
    const kenyaValue = fns.country("Kenya", null) as EntityJson;
    expect((kenyaValue.properties.Movements as PropertyJson).propertyMetadata?.sublabel).toContain("Table 2");
  });

  it("answer plain values in an Excel without data types, or a workbook that turned cards off", () => {
    host({ ExcelApi: "1.12" });
    expect(fns.staff("P-4", "F", null, null, null)).toBe(55);
    expect(fns.country("Kenya", null)).toBe("Kenya");
    host({ CustomFunctionsRuntime: "1.4", ExcelApi: "1.19" }, { [CARDS_SETTING]: "off" });
    expect(fns.movements("Kenya", null, null, null)).toBe(46200);
    expect(fns.country("Kenya", null)).toBe("Kenya");
  });

  it("answer plain values while office.js cannot say what the host supports", () => {
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("Office.context is not ready");
          },
        },
      },
    };
    expect(fns.staff("P-4", "F", null, null, null)).toBe(55);
  });

  it("keep errors as errors either way", () => {
    forceDataTypes(true);
    expect(() => fns.staff("P-44", null, null, null, null)).toThrow(/category "P-44" not found/);
    expect(() => fns.country("Atlantis", null)).toThrow(/not found/);
    // A misspelt country is named as COUNTRY's own argument, with the closest countries.
    expect(() => fns.country("Kenyaa", null)).toThrow(/^country "Kenyaa" not found — did you mean "Kenya"/);
  });
});

describe("data types as arguments: resolved by their text or basic value", () => {
  const geography = {
    type: "LinkedEntity",
    text: "Kenya",
    id: { entityId: "kenya", domainId: "Geography", serviceId: 268, culture: "en-US" },
  } as const satisfies Excel.LinkedEntityCellValue;
  const entity: Excel.EntityCellValue = { type: "Entity", text: "Kenya", properties: {} };
  const formatted: Excel.FormattedNumberCellValue = {
    type: "FormattedNumber",
    basicValue: 2010,
    numberFormat: "0",
  };
  const double: Excel.DoubleCellValue = { type: "Double", basicValue: 2010 };
  const string: Excel.StringCellValue = { type: "String", basicValue: "P-4" };
  const boolean: Excel.BooleanCellValue = { type: "Boolean", basicValue: false };
  const empty: Excel.EmptyCellValue = { type: "Empty" };
  const image: Excel.WebImageCellValue = { type: "WebImage", address: "https://example.org/flag.png" };

  it.each([
    ["a Geography (linked entity)", geography],
    ["an entity", entity],
    ["this add-in's country card", cellValueOf(countryCard(core, "Kenya", "en"))],
    ["the country card in French", cellValueOf(countryCard(core, "Kenya", "fr"))],
  ])("%s where a place goes", (_, v) => {
    expect(fns.movements(v, null, null, null)).toBe(46200);
    expect(fns.staff("Officials", null, null, v, null)).toBe(
      core.staff("Officials", null, null, "Kenya").value,
    );
    expect(fns.country(v, null)).toBe("Kenya");
  });

  it.each([
    ["a formatted number", formatted],
    ["a Double", double],
    ["a figure's card", { ...cellValueOf(figureCard(core.staff("P-4", "F"), edition)), basicValue: 2010 }],
  ])("%s where a number goes", (_, v) => {
    expect(fns.expenditure("Europe", v, null)).toBe(162.1);
  });

  it("a String, a Boolean and an empty value as the text, TRUE/FALSE and omitted argument they hold", () => {
    expect(fns.staff(string, "F", null, null, null)).toBe(55);
    expect(fns.table("Table 5", boolean, null)[0]).toEqual(core.table("Table 5", false)[0]);
    expect(fns.movements(empty, null, null, null)).toBe(core.movements().value);
  });

  it("#VALUE! for a data type with nothing to use, and for a number where a name goes", () => {
    const error = (f: () => unknown): unknown => {
      try {
        return f();
      } catch (e) {
        return isExcelError(e) ? { code: e.code, message: e.message } : e;
      }
    };
    expect(error(() => fns.movements(image, null, null, null))).toEqual({
      code: "#VALUE!",
      message: "expected a name or a number, got a WebImage data type without a text or a value to use",
    });
    expect(error(() => fns.movements(double, null, null, null))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("iom eval --cell-values", () => {
  it("prints the Double Excel receives for IOM.STAFF: 55 with its source", async () => {
    const io = bufferIo();
    expect(await run(["eval", "--cell-values", '=IOM.STAFF("P-4","F")'], io)).toBe(0);
    const v = JSON.parse(io.stdout()) as DoubleJson;
    expect(v).toMatchObject({ type: "Double", basicValue: 55 });
    expect(text(v.properties?.Source)).toBe(core.source("STAFF", "P-4", "F"));
    expect(shapeProblems(v)).toEqual([]);
  });

  it("prints IOM.COUNTRY's entity, whose properties hold the 46,200 movements to Kenya", async () => {
    const io = bufferIo();
    expect(await run(["eval", "--cell-values", '=IOM.COUNTRY("Kenya")'], io)).toBe(0);
    const v = JSON.parse(io.stdout()) as EntityJson;
    expect(v.type).toBe("Entity");
    expect(v.properties.Movements?.basicValue).toBe(46200);
  });

  it("prints spills as their matrix and errors as Excel's error values, with the exit code of the first", async () => {
    const io = bufferIo();
    expect(await run(["eval", "--cell-values", '=IOM.LIST("gender")', '=IOM.STAFF("P-44")'], io)).toBe(4);
    const [list, error] = JSON.parse(io.stdout()) as [unknown, unknown];
    expect(list).toEqual(core.list("gender").map((g) => [g]));
    expect(error).toMatchObject({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" });
    expect(io.stderr()).toContain("P-44");
  });

  it("leaves plain eval (and refresh, which uses it) with plain values, even right after", () => {
    expect("error" in evaluateCellValues('=IOM.STAFF("P-4","F")')).toBe(false);
    expect(evaluate('=IOM.STAFF("P-4","F")')).toEqual({ value: 55 });
    expect(evaluate('=IOM.COUNTRY("Kenya")')).toEqual({ value: "Kenya" });
  });
});

describe("functions.json", () => {
  it("declares the value functions' and COUNTRY's result as any, so Excel takes their data types", async () => {
    const result = await generateCustomFunctionsMetadata(
      join(__dirname, "../../src/functions/functions.ts"),
      false,
    );
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as {
      allowCustomDataForDataTypeAny?: boolean;
      functions: { id: string; result: { type?: string } }[];
    };
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    for (const id of ["MOVEMENTS", "MIGRANTS", "STAFF", "EXPENDITURE", "PROJECTS", "FACT", "COUNTRY"])
      expect({ id, type: metadata.functions.find((f) => f.id === id)?.result.type }).toEqual({
        id,
        type: undefined,
      });
  });
});

// Referenced so the compile-time checks above are not unused.
void asCellValue;
void staffResult;
void countryResult;
void notADouble;
