/**
 * The =IOM.* custom functions: the acceptance examples through the function code and
 * through `iom eval`, their errors, and the functions.json Excel reads (generated from JSDoc).
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { evaluate } from "../../src/cli/commands/eval";
import { run } from "../../src/cli/program";
import { bufferIo } from "../../src/cli/io";
import { registerEdition, unregisterEdition } from "../../src/core";
import * as fns from "../../src/functions/functions";
import { buildEdition } from "../../src/import/build";
import * as importer from "../fixtures/edition-2099/importer";

const FUNCTIONS_SOURCE = join(__dirname, "../../src/functions/functions.ts");

/** The acceptance examples: formula → exact value. */
const ACCEPTANCE: [string, number][] = [
  ['=IOM.STAFF("P-4","F")', 55],
  ['=IOM.STAFF("P-4","F","Field")', 41],
  ['=IOM.STAFF("Employees","F","Field")', 3418],
  ['=IOM.STAFF("All")', 8503],
  ['=IOM.MOVEMENTS("Kenya")', 46200],
  ['=IOM.MOVEMENTS("United States of America","Resettlement Assistance")', 52094],
  ['=IOM.MOVEMENTS("USA","Resettlement Assistance")', 52094],
  ["=IOM.MOVEMENTS()", 444673],
  ['=IOM.MOVEMENTS("Libya")', 218000],
  ['=IOM.MIGRANTS("18-29","M")', 104641],
  ['=IOM.EXPENDITURE("Europe",2010)', 162.1],
  ['=IOM.EXPENDITURE("Total",2007)', 784],
  ['=IOM.PROJECTS("Europe","Regulating Migration")', 528],
];

describe("acceptance examples", () => {
  it.each(ACCEPTANCE)("%s → %d through iom eval's evaluator", (formula, expected) => {
    expect(evaluate(formula)).toEqual({ value: expected });
  });

  it("hold through the function code called as Excel calls it (null for omitted arguments)", () => {
    expect(fns.staff("P-4", "F", null, null)).toBe(55);
    expect(fns.staff("P-4", "F", "Field", null)).toBe(41);
    expect(fns.staff("Employees", "F", "Field", null)).toBe(3418);
    expect(fns.staff("All", null, null, null)).toBe(8503);
    expect(fns.movements("Kenya", null, null)).toBe(46200);
    expect(fns.movements("USA", "Resettlement Assistance", null)).toBe(52094);
    expect(fns.movements(null, null, null)).toBe(444673);
    expect(fns.movements("Libya", null, null)).toBe(218000);
    expect(fns.migrants("18-29", "M")).toBe(104641);
    expect(fns.expenditure("Europe", 2010)).toBe(162.1);
    expect(fns.expenditure("Total", 2007)).toBe(784);
    expect(fns.projects("Europe", "Regulating Migration")).toBe(528);
  });

  it("total expenditure 2011 is the more precise V.B figure, citing Annex I too", () => {
    expect(fns.expenditure("Total", null)).toBe(1309.7);
    const source = fns.source("EXPENDITURE", "Total", 2011, null, null);
    expect(source).toContain("Section V.B");
    expect(source).toMatch(/also printed in Annex I, section 1 \(line \d+\) as 1309/);
  });

  it("IOM.SOURCE says Libya is not a destination and gives the qualifier", () => {
    const s = fns.source("MOVEMENTS", "Libya", null, null, null);
    expect(s).toMatch(/not a destination in Tables 1–2/);
    expect(s).toContain('"more than"');
    expect(s).toContain("¶209");
    expect(s).toMatch(/line \d+/);
  });
});

describe("errors", () => {
  const errorOf = (formula: string): { code: string; message?: string } => {
    const r = evaluate(formula);
    if (!("error" in r)) throw new Error(`${formula} gave ${JSON.stringify(r.value)}, expected an error`);
    return r.error;
  };

  it("an unknown name is #N/A naming the argument and suggesting the closest names", () => {
    expect(errorOf('=IOM.MOVEMENTS("Lybia")')).toMatchObject({
      code: "#N/A",
      message: 'place "Lybia" not found — did you mean "Libya" or "Liberia"?',
    });
    expect(errorOf('=IOM.STAFF("P-44")').message).toMatch(/^category "P-44" not found — did you mean "P-4"/);
    expect(evaluate('=IOM.STAFF("p4","f")')).toEqual({ value: 55 });
  });

  it("a valid combination the report has no figure for is #N/A saying why", () => {
    expect(errorOf('=IOM.STAFF("P-4","F",,"France")')).toMatchObject({
      code: "#N/A",
      message:
        "the report does not break down officials by both nationality and gender (Table 6 has no gender, Table 5 no nationality)",
    });
    expect(errorOf('=IOM.EXPENDITURE("Europe",2009)').message).toBe(
      "the report gives expenditure for Europe for 2010 and 2011 only, not 2009",
    );
  });

  it("an undetermined cell is #N/A with the reason and the certain combined figure", () => {
    const e = errorOf('=IOM.MOVEMENTS("Kenya","Return Assistance for Migrants and Governments","Africa")');
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/undetermined/);
    expect(e.message).toMatch(/certain combined figure .* is \d+ \(line \d+\)/);
  });

  it("an argument of the wrong kind is #VALUE!", () => {
    expect(errorOf('=IOM.EXPENDITURE("Total",2005)')).toMatchObject({
      code: "#VALUE!",
      message: "year: the report covers 2007 to 2011; got 2005",
    });
    expect(errorOf("=IOM.MOVEMENTS(42)").code).toBe("#VALUE!");
    expect(errorOf("=IOM.STAFF(TRUE)").code).toBe("#VALUE!");
  });

  it("an unknown function is #NAME?", () => {
    expect(errorOf('=IOM.STAF("P-4")').code).toBe("#NAME?");
  });
});

describe("spilled functions", () => {
  it("IOM.TABLE spills Table 5 with its labels, and only numbers without headers", () => {
    const t = fns.table("Table 5", null);
    expect(t[0]?.[0]).toBe("Table 5");
    const p4 = t.find((r) => r[0] === "P-4");
    expect(p4?.slice(1)).toEqual([14, 11, 41, 76, 55, 87, 142]);
    const bare = fns.table(5, false);
    expect(bare.every((r) => r.length === 7)).toBe(true);
  });

  it("IOM.TABLE shows undetermined cells as #N/A errors inside the spill", () => {
    const t = fns.table("Table 1", false);
    const errors = t.flat().filter((c) => typeof c === "object");
    expect(errors).toHaveLength(4);
  });

  it("IOM.FACTS spills key, label, value and unit in base units, the printed value and unit, paragraph", () => {
    const rows = fns.facts("Canada resettled", null);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toHaveLength(7);
    const visits = fns.facts("website visits", null).find((r) => r[0] === "media.website_visits");
    expect(visits?.slice(2, 6)).toEqual([1740000, "visits", 1.74, "million visits"]);
    expect(fns.facts(null, null).length).toBeGreaterThanOrEqual(300);
    expect(fns.facts(null, true)[0]).toEqual([
      "key",
      "label",
      "value",
      "unit",
      "printed value",
      "printed unit",
      "paragraph",
    ]);
  });

  it("IOM.LIST spills valid names down a column", () => {
    const categories = fns.list("category").map((r) => r[0]);
    expect(categories).toEqual(
      expect.arrayContaining([
        "P-4",
        "D-1",
        "UG",
        "Short-term Officials",
        "Associate Experts",
        "Officials",
        "Employees",
        "All",
      ]),
    );
    expect(fns.list(null).length).toBeGreaterThan(10);
  });

  it("IOM.EDITION names the report's latest edition, or the one its argument names", () => {
    expect(fns.edition()).toBe("MC/2346 (2011)");
    expect(fns.edition(2011)).toBe("MC/2346 (2011)");
    expect(fns.edition("MC/2346")).toBe("MC/2346 (2011)");
    expect(() => fns.edition("2012")).toThrow(/edition "2012" not found/);
    expect(fns.list("edition")).toEqual([["2011"]]);
  });

  it("every value function takes the edition as its last argument", () => {
    expect(fns.staff("P-4", "F", null, null, "2011")).toBe(55);
    expect(fns.movements("Kenya", null, null, 2011)).toBe(46200);
    expect(() => fns.staff("P-4", "F", null, null, "1999")).toThrow(/edition "1999" not found/);
    expect(fns.source("STAFF", "P-4", "F", null, null, "2011")).toMatch(/MC\/2346, 2011 edition/);
  });

  it("remember nothing across a change of editions: a blank edition means the latest at each call", async () => {
    expect(fns.staff("P-4", "F", null, null)).toBe(55); // remembered from the report's edition
    const fake = (
      await buildEdition(join(__dirname, "../.."), "2099", {
        dataDir: "tests/fixtures/edition-2099",
        importer,
      })
    ).edition;
    registerEdition(fake);
    try {
      expect(fns.staff("P-4", "F", null, null)).toBe(5); // the synthetic edition is now the latest
      expect(fns.staff("P-4", "F", null, null, 2011)).toBe(55);
    } finally {
      unregisterEdition("2099");
    }
    expect(fns.staff("P-4", "F", null, null)).toBe(55);
  });
});

describe("iom eval", () => {
  it("prints values, spills as tab-separated rows, errors as the cell shows them with their message on stderr", async () => {
    const io = bufferIo();
    expect(await run(["eval", '=IOM.STAFF("P-4","F")', '=IOM.LIST("gender")'], io)).toBe(0);
    expect(io.stdout()).toBe("55\nF\nM\n");
    const bad = bufferIo();
    // A name that matches nothing exits 4, as under iom source and iom table.
    expect(await run(["eval", '=IOM.MOVEMENTS("Lybia")'], bad)).toBe(4);
    expect(bad.stdout()).toBe("#N/A\n");
    expect(bad.stderr()).toMatch(
      /^iom: =IOM\.MOVEMENTS\("Lybia"\): place "Lybia" not found — did you mean "Libya"/,
    );
  });

  it("runs in-process through the command line parser", async () => {
    const io = bufferIo();
    expect(await run(["eval", '=IOM.STAFF("P-4","F")', "=IOM.MOVEMENTS()"], io)).toBe(0);
    expect(io.stdout()).toBe("55\n444673\n");
  });

  it("accepts string and number literals and empty arguments", () => {
    expect(evaluate('=IOM.STAFF("P-4",,"Field")')).toEqual({ value: 117 });
    expect(evaluate('=IOM.EXPENDITURE("Europe", 2010)')).toEqual({ value: 162.1 });
    expect(evaluate('IOM.MIGRANTS("18-29","M")')).toEqual({ value: 104641 });
  });
});

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}

describe("functions.json generated from the JSDoc", () => {
  let functions: FunctionMetadata[];
  let associate: { id: string; functionName: string }[];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
    expect(result.errors).toEqual([]);
    functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
    associate = result.associate;
  });

  it("declares every function of the issue", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(
      [
        "COUNTRY",
        "EDITION",
        "EXPENDITURE",
        "FACT",
        "FACTS",
        "LIST",
        "MIGRANTS",
        "MOVEMENTS",
        "PROJECTS",
        "SOURCE",
        "STAFF",
        "TABLE",
      ].sort(),
    );
    expect(associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it("describes every function and every parameter", () => {
    for (const f of functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(10);
      for (const p of f.parameters)
        expect({ fn: f.id, p: p.name, d: (p.description?.length ?? 0) > 5 }).toEqual({
          fn: f.id,
          p: p.name,
          d: true,
        });
    }
  });

  it("is synchronous: no function is declared as streaming or async", () => {
    const raw = JSON.stringify(functions);
    expect(raw).not.toMatch(/"stream"|"cancelable"/);
  });
});
