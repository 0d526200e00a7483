/**
 * The shipped form of an edition (data/<year>/runtime.json), smaller than the Edition it stands for
 * (it is most of the functions bundle) and expanded back to it once, when the edition is first used:
 * - tables cite everything they repeat by position (runtime-table-format.ts);
 * - facts are stored by field (one list per field), without their base-unit form, which their unit
 *   gives (units.ts), their qualifier when they have none and their year when it is the edition's;
 * - manual fixes keep their id, line and cells ([row, column, value, derived?] by index); their
 *   garbled text and reasoning stay in edition.json and DISCREPANCIES.md, which IOM.SOURCE cites;
 * - proved cells drop the printed figures of the evidence ("… as printed (line N)"), which stay in
 *   edition.json and DISCREPANCIES.md.
 * The presentation (titles, stub headings, chart templates) is left out: only the task pane and the
 * export use it, and they load it apart (data/presentations.ts), so the functions bundle stays small.
 * A runtime edition registered with one (a tool's, a test's) keeps it.
 */
import type { CellValue, Edition, Fact, ManualFix, Presentation, Qualifier } from "./model";
import { cellIndexes, cellKeys, compactTable, expandTable, type CompactTable } from "./runtime-table-format";
import { baseUnits } from "./units";

export { isPrintedFigure } from "./runtime-table-format";

/** Facts by field; `qualifier` null when there is none, `year` null when it is the edition's. */
interface CompactFacts {
  key: string[];
  label: string[];
  value: number[];
  unit: string[];
  qualifier: (Qualifier | null)[];
  year: (number | null)[];
  paragraph: number[];
  line: number[];
  text: string[];
}
type CompactFix = Omit<ManualFix, "garbled" | "reasoning" | "cells"> & {
  cells: [row: number, column: number, value: CellValue, derived?: 1][];
};
export type RuntimeEdition = Omit<Edition, "tables" | "fixes" | "facts" | "presentation"> & {
  tables: CompactTable[];
  fixes: CompactFix[];
  facts: CompactFacts;
  presentation?: Presentation;
};

function compactFacts(facts: readonly Fact[], editionYear: number): CompactFacts {
  const out: CompactFacts = {
    key: [],
    label: [],
    value: [],
    unit: [],
    qualifier: [],
    year: [],
    paragraph: [],
    line: [],
    text: [],
  };
  for (const f of facts) {
    if (JSON.stringify(f.base) !== JSON.stringify(baseUnits(f.value, f.unit)))
      throw new Error(`runtime data: fact ${f.key}'s base-unit form is not the one its unit gives`);
    out.key.push(f.key);
    out.label.push(f.label);
    out.value.push(f.value);
    out.unit.push(f.unit);
    out.qualifier.push(f.qualifier);
    out.year.push(f.year === editionYear ? null : f.year);
    out.paragraph.push(f.paragraph);
    out.line.push(f.line);
    out.text.push(f.text);
  }
  return out;
}

function expandFacts(c: CompactFacts, editionYear: number): Fact[] {
  return c.key.map((key, i) => {
    const field = <T>(list: readonly T[]): T => {
      if (i >= list.length) throw new Error(`runtime data: fact ${key} is missing a field`);
      return list[i] as T;
    };
    const value = field(c.value);
    const unit = field(c.unit);
    const base = baseUnits(value, unit);
    return {
      key,
      label: field(c.label),
      value,
      unit,
      year: field(c.year) ?? editionYear,
      qualifier: field(c.qualifier),
      paragraph: field(c.paragraph),
      line: field(c.line),
      text: field(c.text),
      ...(base ? { base } : {}),
    };
  });
}

function tableOf<T extends { id: string }>(tables: readonly T[], fix: Pick<ManualFix, "id" | "table">): T {
  const t = tables.find((x) => x.id === fix.table);
  if (!t) throw new Error(`runtime data: fix ${fix.id} is for a missing table ${fix.table}`);
  return t;
}

export function compactEdition(e: Edition): RuntimeEdition {
  const { presentation: _presentation, ...rest } = e;
  return {
    ...rest,
    fixes: e.fixes.map(({ garbled: _g, reasoning: _r, cells, ...f }) => {
      const index = cellIndexes(tableOf(e.tables, f));
      return {
        ...f,
        cells: cells.map((x): CompactFix["cells"][number] => {
          const [r, c] = index(x.row, x.column);
          return x.derived ? [r, c, x.value, 1] : [r, c, x.value];
        }),
      };
    }),
    facts: compactFacts(e.facts, Number(e.edition)),
    tables: e.tables.map(compactTable),
  };
}

/** The Edition back; cells that share a combined figure share its (read-only) object. */
export function expandEdition(r: RuntimeEdition): Edition {
  const tables = r.tables.map(expandTable);
  return {
    ...r,
    tables,
    facts: expandFacts(r.facts, Number(r.edition)),
    fixes: r.fixes.map(({ cells, ...f }) => {
      const keys = cellKeys(tableOf(tables, f));
      return {
        ...f,
        garbled: "",
        reasoning: `see DISCREPANCIES.md, fix ${f.id}`,
        cells: cells.map(([ri, ci, value, derived]) => ({
          ...keys(ri, ci),
          value,
          ...(derived ? { derived: true } : {}),
        })),
      };
    }),
  };
}
