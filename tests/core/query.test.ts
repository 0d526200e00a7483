/** The query core: forgiving name resolution that never guesses, answers with provenance. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Iom, iom, type Edition } from "../../src/core";
import { iomErrorFrom as err } from "../support/iom-error";

const core = iom();
const sourceLines = readFileSync(join(__dirname, "../../data/source/MC2346-report-2011.txt"), "utf8").split(
  "\n",
);

describe("name resolution", () => {
  it("ignores case, accents, spacing and punctuation", () => {
    const kenya = core.movements("Kenya").value;
    for (const n of ["kenya", "  KENYA ", "Kénya"]) expect(core.movements(n).value).toBe(kenya);
    const ci = core.movements("Côte d'Ivoire").value;
    for (const n of ["Cote d'Ivoire", "cote divoire", "COTE D IVOIRE", "Ivory Coast"])
      expect(core.movements(n).value).toBe(ci);
  });

  it("accepts the report's long names by their common aliases and ISO codes", () => {
    const usa = core.movements("United States of America").value;
    for (const n of ["United States", "USA", "US", "us", "USA ", "U.S.A."])
      expect(core.movements(n).value).toBe(usa);
    expect(core.movements("KE").value).toBe(core.movements("Kenya").value);
    expect(core.movements("KEN").value).toBe(core.movements("Kenya").value);
    expect(core.movements("UK").value).toBe(core.movements("United Kingdom").value);
    expect(core.movements("North Macedonia").value).toBe(
      core.movements("The former Yugoslav Rep. of Macedonia").value,
    );
    expect(core.movements("MK").value).toBe(core.movements("North Macedonia").value);
    expect(core.staff("Officials", null, null, "FR").value).toBe(
      core.staff("Officials", null, null, "France").value,
    );
    expect(core.staff("Officials", null, null, "GBR").value).toBe(
      core.staff("Officials", null, null, "United Kingdom").value,
    );
  });

  it("knows the report's abbreviations: HQ, AE, HASM, AVRR", () => {
    expect(core.staff("Officials", null, "HQ").value).toBe(
      core.staff("Officials", null, "Headquarters").value,
    );
    expect(core.staff("AE").value).toBe(core.staff("Associate Experts").value);
    expect(core.movements(null, "HASM").value).toBe(
      core.movements(null, "Humanitarian Assistance for Stranded Migrants").value,
    );
    expect(core.movements(null, "AVRR").value).toBe(
      core.movements(null, "Return Assistance for Migrants and Governments").value,
    );
  });

  it("treats null, undefined, empty and 'All' alike as everything", () => {
    const total = core.movements().value;
    for (const blank of [null, undefined, "", "  ", "All", "total"])
      expect(core.movements(blank).value).toBe(total);
    expect(core.staff("All", null, null, null).value).toBe(core.staff("All", "", "All", undefined).value);
  });

  it("an unknown name names the argument and suggests the closest valid names", () => {
    const e = err(() => core.staff("P-4", "Femal"));
    expect(e.kind).toBe("not_found");
    expect(e.argument).toBe("gender");
    expect(e.suggestions).toContain("F");
    // "Kenia" is Kenya's Spanish name (accepted), so the typo here is another one.
    expect(err(() => core.movements("Kenyia")).suggestions).toContain("Kenya");
    expect(err(() => core.expenditure("Eruope")).suggestions).toContain("Europe");
  });

  it("never guesses: an ambiguous name is an error listing both meanings", () => {
    // "Africa" is a Table 2 region of departure and a Table 3 budgetary region: the latter needs its qualifier.
    expect(core.movements(null, "Resettlement Assistance", "Africa").value).not.toBe(
      core.movements(null, "Resettlement Assistance", "Africa (budgetary region)").value,
    );
    const a = err(() => core.movements(null, null, "Af"));
    expect(a.kind).toBe("not_found");
  });

  it("a real country the tables don't list is 'no figure', not 'not found'", () => {
    const e = err(() => core.movements("France"));
    expect(e.kind).toBe("no_figure");
    expect(e.message).toMatch(/Other countries in/);
  });

  it("a number where a name is expected is a bad argument", () => {
    expect(err(() => core.movements(7)).kind).toBe("bad_argument");
    expect(err(() => core.staff(true)).kind).toBe("bad_argument");
    expect(err(() => core.expenditure("Total", "last year")).kind).toBe("bad_argument");
  });
});

describe("answers", () => {
  it("every table cell answer cites a line that prints it", () => {
    const cases = [
      core.staff("P-4", "F"),
      core.movements("Kenya"),
      core.migrants("18-29", "M"),
      core.expenditure("Europe", 2010),
      core.projects("Europe", "Regulating Migration"),
      core.staff("Employees", "F", "Field"),
    ];
    for (const a of cases) {
      expect(a.provenance.lines).toHaveLength(1);
      const line = sourceLines[(a.provenance.lines[0] ?? 0) - 1] ?? "";
      expect(line.replace(/ (?=\d{3}\b)/g, "")).toContain(String(a.value));
    }
  });

  it("sums the report implies, citing every part", () => {
    const hq = core.staff("Officials", null, "HQ");
    expect(hq.value).toBe(
      core.staff("Officials", "F", "HQ").value + core.staff("Officials", "M", "HQ").value,
    );
    const p4field = core.staff("P-4", null, "Field");
    expect(p4field.provenance.kind).toBe("sum");
    expect(p4field.value).toBe(41 + 76);
    expect(p4field.provenance.notes.filter((n) => typeof n === "string").join(" ")).toMatch(/sum of 2 cells/);
  });

  it("the same figure printed twice answers with the more precise and cites both", () => {
    const total = core.expenditure("Total", 2011);
    expect(total.value).toBe(1309.7);
    expect(total.provenance.alsoIn).toEqual([
      expect.objectContaining({ where: "Annex I, section 1", value: 1309 }),
    ]);
    expect(total.provenance.discrepancies.length).toBeGreaterThan(0);
  });

  it("facts carry their paragraph, line and qualifier", () => {
    const f = core.fact("libya.migrants_repatriated");
    expect(f.value).toBe(218000);
    expect(f.provenance.paragraph).toBe(209);
    expect(f.provenance.qualifier).toBe("more than");
  });

  it("a footnoted row carries its footnote", () => {
    expect(core.movements(null, "Resettlement Assistance").provenance.footnotes.join(" ")).toMatch(
      /resettled to a third country/,
    );
  });

  it("answers the same from a fresh core (no hidden state)", () => {
    const edition = JSON.parse(
      readFileSync(join(__dirname, "../../data/2011/edition.json"), "utf8"),
    ) as Edition;
    const fresh = new Iom(edition);
    for (const [fn, args] of [
      ["STAFF", ["P-4", "F"]],
      ["MOVEMENTS", ["Kenya", "Resettlement Assistance"]],
      ["EXPENDITURE", ["Total", 2007]],
    ] as const) {
      expect(fresh.answerOf(fn, args)).toEqual(core.answerOf(fn, args));
    }
  });
});

describe("provenance of repaired and unprinted figures", () => {
  it("says when a value was derived from totals rather than printed, citing the fix", () => {
    const a = core.movements("West Africa", null, "Southern Africa");
    expect(a.value).toBe(9);
    expect(a.provenance.fixes).toEqual([{ id: "table1-southern_africa-west_africa", derived: true }]);
    // The cited line really lacks the 9: that is why the source line must say it was derived.
    expect(sourceLines[793]?.split("\t")).not.toContain("9");
    expect(core.source("MOVEMENTS", "West Africa", null, "Southern Africa")).toMatch(
      /not printed: .* derived from the report's printed totals \(manual fix table1-southern_africa-west_africa, reasoning in data\/2011\/DISCREPANCIES\.md\)/,
    );
  });

  it("carries a fix into the sums that include the fixed cell", () => {
    // Europe → Ethiopia under Emergency (3,611) is one of the cells the text lost (fix table2-em-880).
    const sum = core.movements(
      "Ethiopia",
      "Movement, Emergency and Post-crisis Migration Management",
      "Europe",
    );
    expect(sum.provenance.kind).toBe("sum");
    expect(sum.provenance.fixes).toEqual([{ id: "table2-em-880", derived: true }]);
  });

  it("attaches a table's general notes (Table 5's 'Excluding:' lines) to its cells", () => {
    const p = core.staff("P-4", "F").provenance;
    expect(p.footnotes).toEqual([
      "Excluding: Interns, consultants and staff on special leave without pay.",
      "Excluding: Seconded/loaned Officials.",
    ]);
    // Lettered footnotes still go only to the rows that carry the letter.
    expect(core.movements("Kenya").provenance.footnotes).toEqual([]);
  });

  it("answers a chart whose numbers were lost with #N/A and the reason, not 'not found'", () => {
    for (const name of ["Figure 9", "figure_9", "Annex I, section 2"]) {
      const e = err(() => core.table(name));
      expect(e.kind).toBe("no_figure");
      expect(e.message).toMatch(
        /is the chart ".*", whose figures are not available: .*lost in the PDF-to-text conversion/,
      );
    }
    expect(err(() => core.table("Figure 11")).kind).toBe("not_found");
  });

  it("lists only real programmes (no 'Grand' from the Grand total row)", () => {
    const programmes = core.list("programme");
    expect(programmes).not.toContain("Grand");
    expect(programmes).toContain("Resettlement Assistance");
    expect(err(() => core.movements(null, "Grand")).kind).toBe("not_found");
  });
});
