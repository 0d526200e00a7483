/**
 * Formulas as French and Spanish Excel write them: localized function names, ";" between
 * arguments, decimal commas, VRAI/FAUX and VERDADERO/FALSO. A workbook file stores the English
 * ids, so `evaluate` reads localized names only when asked to (iom eval), never in `refresh`.
 */
import { evaluate } from "../../src/cli/commands/eval";
import { parseFormula } from "../../src/core/formula";

describe("parseFormula", () => {
  it("reads the function's id from a name in any language, and keeps the name as written", () => {
    expect(parseFormula('=IOM.PERSONNEL("P-4";"Femmes")')).toEqual({
      name: "STAFF",
      written: "PERSONNEL",
      args: ["P-4", "Femmes"],
    });
    expect(parseFormula("=IOM.Dépenses()")).toMatchObject({ name: "EXPENDITURE", written: "DÉPENSES" });
    expect(parseFormula('=IOM.STAFF("P-4","F")')).toMatchObject({ name: "STAFF", written: "STAFF" });
  });

  it("splits at ';' when the formula uses it, with a decimal comma in numbers", () => {
    expect(parseFormula('=IOM.DEPENSES("Europe";2010,5;;VRAI;faux)')).toMatchObject({
      args: ["Europe", 2010.5, null, true, false],
    });
    expect(parseFormula('=IOM.GASTOS("Europa";VERDADERO;FALSO)')).toMatchObject({
      args: ["Europa", true, false],
    });
  });

  it("keeps ',' as the separator when ';' only appears inside text", () => {
    expect(parseFormula('=IOM.FACTS("a;b",TRUE)')).toMatchObject({ args: ["a;b", true] });
    expect(parseFormula('=IOM.FACTS("a,b";VRAI)')).toMatchObject({ args: ["a,b", true] });
  });

  it("reports a bad separator with the separator the formula uses", () => {
    expect(parseFormula('=IOM.PERSONNEL("P-4";"F" "x")')).toMatchObject({
      error: 'expected ; or ) after argument 2 in =IOM.PERSONNEL("P-4";"F" "x")',
    });
  });
});

describe("evaluate", () => {
  it("runs localized names for iom eval, and leaves them to Excel's #NAME? otherwise (workbook files)", () => {
    expect(evaluate('=IOM.PERSONNEL("P-4";"F")', { localized: true })).toEqual({ value: 55 });
    const stored = evaluate('=IOM.PERSONNEL("P-4";"F")');
    expect(stored).toMatchObject({ error: { code: "#NAME?" } });
    expect("error" in stored && stored.error.message).toMatch(/^unknown function IOM\.PERSONNEL/);
    expect(evaluate('=IOM.STAFF("P-4";"Femmes")')).toEqual({ value: 55 });
  });
});
