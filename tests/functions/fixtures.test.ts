/**
 * Runs every case of tests/fixtures/formulas.json (an independent reading of the report text;
 * tests/fixtures/lines.test.ts proves each expected value is printed on its line) through the
 * very function code Excel runs, via `iom eval`'s evaluator.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../../src/cli/commands/eval";

interface Case {
  formula: string;
  expected?: number;
  error?: string;
  /** For the spilling and text functions: a number or text the result must contain. */
  contains?: number | string;
  line?: number;
}

const cases = JSON.parse(readFileSync(join(__dirname, "../fixtures/formulas.json"), "utf8")) as Case[];
const values = cases.filter((c) => c.expected !== undefined);
const errors = cases.filter((c) => c.error !== undefined);
const contained = cases.filter((c) => c.contains !== undefined);

describe("tests/fixtures/formulas.json through the functions", () => {
  it("has at least 300 value cases", () => {
    expect(values.length).toBeGreaterThanOrEqual(300);
  });

  it.each(values.map((c) => [c.formula, c.expected, c.line] as const))(
    "%s → %d (line %d)",
    (formula, expected) => {
      expect(evaluate(formula)).toEqual({ value: expected });
    },
  );

  it.each(contained.map((c) => [c.formula, c.contains] as const))("%s contains %s", (formula, wanted) => {
    const r = evaluate(formula);
    if (!("value" in r)) throw new Error(`${formula} gave ${r.error.code}: ${r.error.message ?? ""}`);
    const v = r.value;
    if (Array.isArray(v)) expect(v.flat()).toContain(wanted);
    else if (typeof v === "string") expect(v).toContain(String(wanted));
    else throw new Error(`${formula} gave ${typeof v}, expected a spill or a text`);
  });

  it.each(errors.map((c) => [c.formula, c.error] as const))("%s → %s with a message", (formula, code) => {
    const r = evaluate(formula);
    expect("error" in r && r.error.code).toBe(code);
    expect("error" in r && (r.error.message ?? "").length).toBeGreaterThan(10);
  });
});
