/**
 * The README's examples are run: every "=IOM.…(…) → number" line and every row of the function
 * reference whose result is a number must give that number through the functions' own code, so a
 * user who copies an example gets what the README promises.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../src/cli/commands/eval";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");

/** [formula, expected] pairs: arrow lines in code blocks, and the reference table's Example | Result cells. */
function examples(): [string, number][] {
  const out: [string, number][] = [];
  for (const m of readme.matchAll(/^(=IOM\.[^\n→]*?\))\s*→\s*([\d.]+)\s*$/gmu))
    out.push([m[1]!, Number(m[2])]);
  for (const m of readme.matchAll(/\|\s*`(=IOM\.[^`]+)`\s*\|\s*([\d.]+)\s*\|/g))
    out.push([m[1]!, Number(m[2])]);
  return out;
}

describe("README examples", () => {
  const cases = examples();

  it("are found (the arrow examples, French and Spanish ones included, and the reference table)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(cases.map(([f]) => f)).toEqual(
      expect.arrayContaining(['=IOM.STAFF("P-4","F")', '=IOM.GASTOS("Europa";2010)']),
    );
  });

  it.each(examples())("%s gives %d", (formula, expected) => {
    expect(evaluate(formula, { localized: true })).toEqual({ value: expected });
  });
});
