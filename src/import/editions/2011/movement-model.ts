import type { ManualFix, Table } from "../../../core/model";
import { LinearModel } from "../../solver/linear";
import type { CellKey, EvidenceModel, ModelEvidence } from "../../solver/proof";
import type { LineEvidence } from "./table2";

/**
 * The constraint model of the movement tables (Tables 1, 2 and 3 count the same 444 673
 * movements), built from the parsed tables and the lines the importers read, never from typed
 * numbers:
 * - every cell of Tables 1, 2 and 3 is a non-negative integer variable;
 * - every printed total is an equality with its parts (each column with `sumOf`, across every
 *   row; each row with `sumOf`, down every column);
 * - the tables are linked where the report's names relate them (links-movements.json): the grand
 *   totals, Table 3's service totals and Table 2's programme subtotals, and Table 2's departure
 *   regions × destination columns against Table 1's departure areas × destination regions
 *   (equalities) and areas (inequalities, as some destinations of an area are "other");
 * - every printed line is evidence: its numbers, in printed order, stand in the columns of its
 *   half within WINDOW fields of where they are printed (binary choices), and every cell no number
 *   lands on is blank (0). Garbled lines are read by their manual fixes: the numbers a fix places
 *   are evidence at those cells, the cells it leaves undetermined or derives are free.
 * Each evidence cell has slack variables (held at 0 unless the proof relaxes that cell), so where
 * the text contradicts its own totals the proof can name the printed figures that cannot all stand.
 */

/**
 * How far (in fields) a number may stand from the column it belongs to. The readings the importers
 * settled by hand shift numbers by at most 2 fields (tests/import/movement-model.test.ts).
 */
export const WINDOW = 2;

export interface MovementLinks {
  departures: Record<string, string[]>;
  rowDepartures: { row: string; departures: string; discrepancy: string }[];
  destinationRegions: Record<string, string[]>;
  destinationAreas: Record<string, string[]>;
}

const cellKey = (table: string, row: string, column: string): CellKey => `${table}|${row}|${column}`;

/** A row as constraint names cite it: Table 2's programme rows without their service (the programme names it). */
const rowName = (r: { path: string[] }): string =>
  (r.path.length === 3 ? r.path.slice(1) : r.path).join(" › ");
const BIG = 444673;

export function buildMovementModel(
  tables: { t1: Table; t2: Table; t3: Table },
  readings: LineEvidence[],
  fixes: ManualFix[],
  links: MovementLinks,
): EvidenceModel {
  const lp = new LinearModel();
  const cells = new Map<CellKey, number>();
  const evidence: ModelEvidence[] = [];
  const choices: EvidenceModel["choices"] = [];
  const all = [tables.t1, tables.t2, tables.t3];
  const byId = new Map(all.map((t) => [t.id, t]));
  const x = (table: string, row: string, column: string): number => {
    const v = cells.get(cellKey(table, row, column));
    if (v === undefined) throw new Error(`movement model: no cell ${table} ${row}/${column}`);
    return v;
  };
  const label = (table: string, row: string, column: string): string => {
    const t = byId.get(table) as Table;
    const r = t.rows.find((q) => q.key === row);
    const c = t.columns.find((q) => q.key === column);
    return `${t.number}, ${r ? rowName(r) : row} / ${c?.label ?? column}`;
  };

  for (const t of all)
    for (const r of t.rows)
      for (const c of t.columns)
        cells.set(cellKey(t.id, r.key, c.key), lp.addVar(`${t.id}|${r.key}|${c.key}`, 0, BIG, true));

  // Printed totals: each is the sum of its parts.
  for (const t of all) {
    for (const col of t.columns.filter((c) => c.sumOf)) {
      for (const r of t.rows) {
        lp.addConstraint(
          `${t.number}, ${rowName(r)}: ${col.label} = the sum across (line ${r.line})`,
          [
            [x(t.id, r.key, col.key), 1],
            ...(col.sumOf ?? []).map((p): [number, number] => [x(t.id, r.key, p), -1]),
          ],
          0,
          0,
        );
      }
    }
    for (const r of t.rows.filter((q) => q.sumOf)) {
      for (const col of t.columns) {
        lp.addConstraint(
          `${t.number}, ${rowName(r)} / ${col.label} = the sum of its ${r.sumOf?.length ?? 0} rows (line ${r.cellLines?.[col.key] ?? r.line})`,
          [
            [x(t.id, r.key, col.key), 1],
            ...(r.sumOf ?? []).map((p): [number, number] => [x(t.id, p, col.key), -1]),
          ],
          0,
          0,
        );
      }
    }
  }

  // Cells no evidence speaks for: those a manual fix leaves undetermined or derives from totals.
  const free = new Set<CellKey>();
  for (const f of fixes)
    for (const c of f.cells)
      if (c.derived === true || c.value === "undetermined") free.add(cellKey(f.table, c.row, c.column));

  const addEvidence = (
    table: string,
    row: string,
    column: string,
    printed: number | null,
    line: number,
    placed: [number, number][],
    reading: boolean,
  ): void => {
    const key = cellKey(table, row, column);
    const u = lp.addVar(`+${key}`, 0, 0, true);
    const w = lp.addVar(`-${key}`, 0, 0, true);
    const constant = placed.filter(([v]) => v < 0).reduce((s, [, n]) => s + n, 0);
    const terms: [number, number][] = [
      [x(table, row, column), 1],
      [u, -1],
      [w, 1],
      ...placed.filter(([v]) => v >= 0).map(([v, n]): [number, number] => [v, -n]),
    ];
    const constraint = lp.addConstraint(
      `${label(table, row, column)} as printed (line ${line})`,
      terms,
      constant,
      constant,
    );
    const fixedNumbers = placed.filter(([v]) => v < 0).length;
    evidence.push({ key, printed, reading, fixedNumbers, line, u, w, constraint });
  };

  // Lines: numbers in printed order, each within WINDOW fields of where it is printed.
  const read = new Set<CellKey>();
  for (const r of readings) {
    const open = r.span.map((c) => !free.has(cellKey(r.table, r.row, c)));
    const k = r.numbers.length;
    const last = r.span.length - 1;
    const options = r.numbers.map(({ at }, j) => {
      const lo = Math.max(j, at - WINDOW);
      const hi = Math.min(last - (k - 1 - j), at + WINDOW);
      const ps: number[] = [];
      for (let p = lo; p <= hi; p++) if (open[p]) ps.push(p);
      if (ps.length === 0)
        throw new Error(`line ${r.line}: number ${r.numbers[j]?.value} has no column within reach`);
      return ps;
    });
    const at = new Map<number, [number, number][]>(); // span position → [binary or -1, value]
    const position: [number, number][][] = options.map(() => []);
    options.forEach((ps, j) => {
      const value = r.numbers[j]?.value as number;
      if (ps.length === 1) {
        const p = ps[0] as number;
        at.set(p, [...(at.get(p) ?? []), [-1, value]]);
        position[j]?.push([-1, p]);
        return;
      }
      const ys = ps.map((p) => {
        const y = lp.addVar(`y|${r.table}|${r.row}|${r.line}|${j}|${p}`, 0, 1, true);
        choices.push({
          key: cellKey(r.table, r.row, r.span[p] as string),
          value,
          v: y,
          line: r.line,
          shift: Math.abs(p - (r.numbers[j]?.at ?? p)),
        });
        at.set(p, [...(at.get(p) ?? []), [y, value]]);
        position[j]?.push([y, p]);
        return y;
      });
      lp.addConstraint(
        `line ${r.line}: number ${j + 1} stands in one column`,
        ys.map((y): [number, number] => [y, 1]),
        1,
        1,
      );
    });
    // Printed order: each number stands right of the one before.
    for (let j = 0; j + 1 < k; j++) {
      const a = position[j] as [number, number][];
      const b = position[j + 1] as [number, number][];
      const constA = a.filter(([y]) => y < 0).reduce((s, [, p]) => s + p, 0);
      const constB = b.filter(([y]) => y < 0).reduce((s, [, p]) => s + p, 0);
      const terms: [number, number][] = [
        ...b.filter(([y]) => y >= 0).map(([y, p]): [number, number] => [y, p]),
        ...a.filter(([y]) => y >= 0).map(([y, p]): [number, number] => [y, -p]),
      ];
      if (terms.length === 0) {
        if (constB - constA < 1)
          throw new Error(`line ${r.line}: numbers ${j + 1} and ${j + 2} out of order`);
        continue;
      }
      lp.addConstraint(
        `line ${r.line}: printed order of numbers ${j + 1} and ${j + 2}`,
        terms,
        1 - constB + constA,
        Infinity,
      );
    }
    r.span.forEach((c, p) => {
      if (!open[p]) return;
      const cell = cellKey(r.table, r.row, c);
      if (read.has(cell)) throw new Error(`movement model: ${cell} is read from two lines`);
      read.add(cell);
      const placed = at.get(p) ?? [];
      addEvidence(r.table, r.row, c, null, r.line, placed, true);
    });
  }

  // Every other cell: its value as the importer read it (Total migrants, Table 3, the cells of
  // garbled lines a fix places); free where a fix leaves it open.
  for (const t of all) {
    for (const r of t.rows) {
      t.columns.forEach((c, ci) => {
        const key = cellKey(t.id, r.key, c.key);
        if (read.has(key) || free.has(key)) return;
        const v = r.cells[ci];
        if (v === "undetermined") throw new Error(`movement model: ${key} is undetermined without a fix`);
        const value = v ?? null;
        addEvidence(
          t.id,
          r.key,
          c.key,
          value,
          r.cellLines?.[c.key] ?? r.line,
          value === null ? [] : [[-1, value]],
          false,
        );
      });
    }
  }

  linkTables(lp, tables, links, x);
  return { lp, cells, evidence, choices, free };
}

function linkTables(
  lp: LinearModel,
  { t1, t2, t3 }: { t1: Table; t2: Table; t3: Table },
  links: MovementLinks,
  x: (table: string, row: string, column: string) => number,
): void {
  lp.addConstraint(
    "Tables 1 and 2 count the same movements (grand totals)",
    [
      [x("table1", "grand_total", "total_migrants"), 1],
      [x("table2", "grand_total", "total"), -1],
    ],
    0,
    0,
  );
  lp.addConstraint(
    "Tables 2 and 3 count the same movements (grand totals)",
    [
      [x("table3", "grand_total", "total_migrants"), 1],
      [x("table2", "grand_total", "total"), -1],
    ],
    0,
    0,
  );
  // Table 3: each service classification over the budgetary regions = Table 2's programme subtotal.
  const services = new Map<string, string[]>();
  for (const r of t3.rows.filter((q) => !q.sumOf)) {
    const service = r.key.slice(r.key.indexOf(".") + 1);
    services.set(service, [...(services.get(service) ?? []), r.key]);
  }
  for (const [service, rows] of services) {
    lp.addConstraint(
      `Table 3's ${service.replace(/_/g, " ")} over all budgetary regions = Table 2's programme subtotal`,
      [
        [x("table2", `${service}.subtotal`, "total"), -1],
        ...rows.map((r): [number, number] => [x("table3", r, "total_migrants"), 1]),
      ],
      0,
      0,
    );
  }
  // Table 2's departure regions (region rows of every programme) against Table 1's departure areas.
  const override = new Map(links.rowDepartures.map((o) => [o.row, o.departures]));
  const groups = new Map<string, string[]>();
  for (const r of t2.rows.filter((q) => q.path.length === 3 && q.label !== "Subtotal")) {
    const g = override.get(r.key) ?? r.label;
    if (!links.departures[g]) throw new Error(`links: Table 2 departure region "${g}" has no Table 1 areas`);
    groups.set(g, [...(groups.get(g) ?? []), r.key]);
  }
  const t1Cols = new Map(t1.columns.map((c) => [c.key, c]));
  const t2Label = new Map(t2.columns.map((c) => [c.key, c.path.slice(1).join(" ")]));
  const labels = (columns: string[]): string => columns.map((c) => t2Label.get(c) ?? c).join(", ");
  const regionOfArea = new Map<string, string>();
  for (const c of t1.columns)
    for (const a of c.key === "total_migrants" ? [] : (c.sumOf ?? [])) regionOfArea.set(a, c.key);
  const certainArea = new Map<string, string>();
  for (const [area, cols] of Object.entries(links.destinationAreas))
    for (const c of cols) certainArea.set(c, area);
  for (const [g, rows] of groups) {
    const from = links.departures[g] as string[];
    const t2sum = (columns: string[]): [number, number][] =>
      rows.flatMap((r) => columns.map((c): [number, number] => [x("table2", r, c), 1]));
    const t1sum = (column: string, sign: number): [number, number][] =>
      from.map((a): [number, number] => [x("table1", a, column), sign]);
    for (const [region, columns] of Object.entries(links.destinationRegions)) {
      lp.addConstraint(
        `Table 2's ${g} departures to ${t1Cols.get(region)?.label.replace(/ total$/, "") ?? region} = Table 1's`,
        [...t2sum(columns), ...t1sum(region, -1)],
        0,
        0,
      );
    }
    for (const [area, columns] of Object.entries(links.destinationAreas)) {
      const region = regionOfArea.get(area);
      const regionColumns = region ? links.destinationRegions[region] : undefined;
      if (!regionColumns) throw new Error(`links: Table 1 area ${area} is in no linked region`);
      const name = t1Cols.get(area)?.label ?? area;
      // At most Table 1's count: the area also takes "other" destinations.
      lp.addConstraint(
        `Table 2's ${g} departures to ${labels(columns)} ≤ Table 1's to ${name}`,
        [...t2sum(columns), ...t1sum(area, -1)],
        -Infinity,
        0,
      );
      // At least it: every destination of the area is a column of its region not certainly elsewhere.
      const possible = regionColumns.filter((c) => (certainArea.get(c) ?? area) === area);
      lp.addConstraint(
        `Table 1's ${g} departures to ${name} ≤ Table 2's to the destinations that can be in it`,
        [...t2sum(possible), ...t1sum(area, -1)],
        0,
        Infinity,
      );
    }
  }
}
