/**
 * The report's own words resolve: every label and heading the report prints for a thing a function
 * takes as an argument (a place, a departure region, a programme, a staff category, a location…)
 * resolves, in every table that prints it, through the functions' name resolution.
 */
import { iom } from "../../src/core";
import type { Table } from "../../src/core/model";

/** Which argument each level of a table's row and column paths names (null: a heading of the layout). */
const LEVELS: Record<string, { rows: (string | null)[]; columns: (string | null)[] }> = {
  table1: { rows: ["from", "from"], columns: [null, "place", "place"] },
  table2: { rows: ["programme", "programme", "from"], columns: [null, null, "place"] },
  table3: { rows: ["from", "programme"], columns: [null] },
  table4: { rows: ["age_group"], columns: [null, "gender"] },
  vb_expenditure: { rows: ["item"], columns: [null] },
  vb_by_region: { rows: ["region"], columns: [null, null] },
  vb_by_service: { rows: ["service"], columns: [null, null] },
  table5: { rows: ["category"], columns: ["location", "gender"] },
  table6: { rows: [null, "nationality"], columns: [null, "category"] },
  table7: { rows: [null, "nationality"], columns: ["location", "category", "gender"] },
  annex1_s1: { rows: ["item"], columns: [null] },
  annex1_s5: { rows: ["region"], columns: [null] },
  annex1_s6: { rows: ["service"], columns: [null] },
  annex1_s8: { rows: [null, null], columns: [null, null] },
  annex1_s12: { rows: ["gender"], columns: ["location", "category"] },
};

/** Labels of sums and layout that name no single thing ("Subtotal", "Grand total", "Total migrants"). */
const LAYOUT =
  /^(sub)?total\b|\btotal$|^grand total$|^total migrants$|^rank$|^\d{4}( usd million)?$|^increase/i;

function unresolved(t: Table): string[] {
  const levels = LEVELS[t.id];
  if (!levels) return [`${t.id}: no levels listed`];
  const out = new Set<string>();
  const check = (path: string[], dims: (string | null)[]): void =>
    path.forEach((label, i) => {
      // The innermost label takes the last level when a path is shorter than the table's deepest.
      const dim = i === path.length - 1 ? dims[dims.length - 1] : dims[i];
      if (!dim || LAYOUT.test(label.trim())) return;
      // A label under a group heading may need it: "Other countries in" › "Africa".
      const names = [label, ...path.slice(0, i).map((_, j) => path.slice(j, i + 1).join(" "))];
      if (names.every((n) => iom().resolves(dim, n) === undefined)) out.add(`${t.id} ${dim} "${label}"`);
    });
  for (const r of t.rows) check(r.path, levels.rows);
  for (const c of t.columns) check(c.path, levels.columns);
  return [...out];
}

describe("every label the report prints resolves", () => {
  it.each(iom().edition.tables.map((t) => [t.id, t] as const))("%s", (_id, t) => {
    expect(unresolved(t)).toEqual([]);
  });
});
