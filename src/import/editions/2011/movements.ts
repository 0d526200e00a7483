import type { CellValue, Column, ManualFix, Row, Table, UndeterminedCell } from "../../../core/model";
import { keyOf, parseNumber, SourceText } from "../../source-text";
import { applyFixes, fieldsOf } from "../../table-helpers";
import type { LineEvidence } from "./table2";

/**
 * The movement tables of section IV.D (Movement, emergency and post-crisis migration
 * management): Table 1 (Movements by region of departure and destination), Table 3
 * (Movements by budgetary region and service classification) and Table 4 (Statistics by
 * gender and age group). Each is located by its title line and parsed from its fields.
 */

const SECTION = "IV.D";
const PERIOD = "2011";
const UNIT = "persons";

// ---------------------------------------------------------------- shared helpers

const titleOf = (text: string): string => text.replace(/^Table \d+:?\s*/, "").trim();

const isNumberField = (field: string): boolean => /^\d[\d ]*$/.test(field);

function assertUniqueKeys(id: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`${id}: duplicate key "${k}"`);
    seen.add(k);
  }
}

// ---------------------------------------------------------------- Table 1: layout

/**
 * The destination areas of one region and their total column, as one printed half of
 * Table 1 lays them out: fields `from`..`to` of that half's data lines.
 */
interface Block {
  region: string;
  areas: string[];
  totalLabel: string;
  from: number;
  to: number;
  half: 1 | 2;
}

const isTotalLabel = (label: string): boolean => label.endsWith(" total");

/**
 * The blocks of one half's header. `groups` names each region over its first area and
 * "<region> total" over its total column; `labels` names the areas. The second half prints
 * "Western Europe" after the blank Europe-total field; every data line prints the total
 * last (it is the sum of the numbers before it), so a block's areas are its labels in
 * printed order and its total is the last number of its span.
 */
function headerBlocks(groups: string[], labels: string[], from: number, half: 1 | 2): Block[] {
  const blocks: Block[] = [];
  for (let i = from; i < Math.max(groups.length, labels.length); i++) {
    const group = groups[i] ?? "";
    const label = labels[i] ?? "";
    if (group !== "" && !isTotalLabel(group)) {
      blocks.push({ region: group, areas: [], totalLabel: "", from: i, to: i, half });
    }
    const block = blocks[blocks.length - 1];
    if (!block) throw new Error(`header field ${i} ("${label}") precedes the first region`);
    if (label !== "") block.areas.push(label);
    else if (group === `${block.region} total`) block.totalLabel = group;
    else throw new Error(`header field ${i}: neither an area of ${block.region} nor its total`);
    block.to = i;
  }
  const open = blocks.find((b) => b.totalLabel === "");
  if (open) throw new Error(`header: no total column for ${open.region}`);
  return blocks;
}

function blockColumns(block: Block): Column[] {
  const head = "Region/Area of destination";
  const areas = block.areas.map((label) => ({ key: keyOf(label), label, path: [head, block.region, label] }));
  const total = {
    key: keyOf(block.totalLabel),
    label: block.totalLabel,
    path: [head, block.totalLabel],
    sumOf: areas.map((a) => a.key),
  };
  return [...areas, total];
}

// ---------------------------------------------------------------- Table 1: rows

/** One departure row: its labels and the fields of its line in each half. */
interface DepartureRow {
  key: string;
  label: string;
  path: string[];
  region: string;
  kind: "area" | "total" | "grand";
  lines: [number, number];
  fields: [string[], string[]];
}

/**
 * A first-half line whose area label lost its leading empty field prints the label first,
 * every number one field early and an empty field last ("South-Western Asia\t3 670\t…\t").
 * Putting the empty field back realigns the numbers; the row and column sums prove it.
 */
function realignLabel(fields: string[], n: number): string[] {
  if (fields[0] === "" || !isNumberField(fields[1] ?? "")) return fields;
  if (fields[fields.length - 1] !== "")
    throw new Error(`line ${n}: shifted label without a trailing empty field`);
  return ["", ...fields.slice(0, -1)];
}

/**
 * The rows, from the first half's first data line to "Grand total". The second half lost
 * its row labels: its data lines follow the first half's rows one for one (each row's
 * Total migrants equals the sum of its four region totals across the two halves, which
 * the sum check proves for every row).
 */
function departureRows(
  src: SourceText,
  first: number,
  second: number,
  width: [number, number],
): DepartureRow[] {
  const rows: DepartureRow[] = [];
  let region = "";
  for (let i = 0; rows[rows.length - 1]?.kind !== "grand"; i++) {
    const lines: [number, number] = [first + i, second + i];
    const fields: [string[], string[]] = [
      realignLabel(fieldsOf(src, lines[0], width[0]), lines[0]),
      fieldsOf(src, lines[1], width[1]),
    ];
    const [outer = "", area = ""] = fields[0];
    if (area !== "") {
      region = outer === "" ? region : outer;
      rows.push({ key: keyOf(area), label: area, path: [region, area], region, kind: "area", lines, fields });
      continue;
    }
    const kind = outer === "Grand total" ? "grand" : "total";
    if (kind === "total" && outer !== `${region} total`)
      throw new Error(`line ${lines[0]}: "${outer}" closes ${region}`);
    rows.push({ key: keyOf(outer), label: outer, path: [outer], region, kind, lines, fields });
  }
  return rows;
}

// ---------------------------------------------------------------- Table 1: placing values

/** A row's printed numbers in one block: the area values in order with their positions, and the total. */
interface Printed {
  values: number[];
  positions: number[];
  total: number | null;
}

/** The numbers of a block span; the last one is the block total (the header's order aside). */
function printedIn(fields: string[], block: Block): Printed {
  const values: number[] = [];
  const positions: number[] = [];
  for (let i = block.from; i <= block.to; i++) {
    const v = parseNumber(fields[i] ?? "");
    if (v === null) continue;
    values.push(v);
    positions.push(i - block.from);
  }
  const total = values.pop() ?? null;
  positions.pop();
  return { values, positions, total };
}

type Pins = Map<number, number>;

const fieldsIn = (row: DepartureRow, block: Block): string[] => row.fields[block.half === 1 ? 0 : 1];
const lineIn = (row: DepartureRow, block: Block): number => row.lines[block.half === 1 ? 0 : 1];

/** The area cells at their printed positions (with pinned fix values), or null if they cannot stand there. */
function asPrinted(p: Printed, areas: number, pins: Pins): (number | null)[] | null {
  const cells = Array.from({ length: areas }, (_, i): number | null => pins.get(i) ?? null);
  for (let i = 0; i < p.values.length; i++) {
    const pos = p.positions[i] as number;
    if (pos >= areas || pins.has(pos)) return null;
    cells[pos] = p.values[i] as number;
  }
  return cells;
}

const sumOf = (xs: (number | null)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

function columnsAddUp(grid: (number | null)[][], targets: (number | null)[]): boolean {
  return targets.every((t, c) => sumOf(grid.map((cells) => cells[c] ?? null)) === (t ?? 0));
}

/**
 * Every way to place each row's printed values, in their printed order, into the area
 * columns (pinned cells fixed) so that each column adds up to its target. The conversion
 * keeps the numbers of a line in order but can drop or misplace its empty fields, so where
 * the printed positions fail the sums the positions are settled by the sums alone.
 */
function placements(
  rows: { values: number[]; pins: Pins }[],
  targets: (number | null)[],
): (number | null)[][][] {
  const width = targets.length;
  const grid = rows.map(() => Array.from({ length: width }, (): number | null => null));
  const used = rows.map(() => 0); // how many of each row's values are placed so far
  const solutions: (number | null)[][][] = [];
  const slotsAfter = (r: number, c: number): number => {
    let free = 0;
    for (let i = c + 1; i < width; i++) if (!rows[r]?.pins.has(i)) free++;
    return free;
  };
  // Decides column c row by row (blank or the row's next value); a full column must hit its target.
  const fill = (c: number, r: number, sum: number): void => {
    if (solutions.length > 100) throw new Error("more than 100 placements: the sums settle too little");
    const target = targets[c] ?? 0;
    if (sum > target) return;
    const row = rows[r];
    const cells = grid[r];
    if (!row || !cells) {
      if (sum !== target) return;
      if (c + 1 < width) return fill(c + 1, 0, 0);
      if (used.every((u, i) => u === rows[i]?.values.length)) solutions.push(grid.map((g) => [...g]));
      return;
    }
    const pin = row.pins.get(c);
    if (pin !== undefined) {
      cells[c] = pin;
      return fill(c, r + 1, sum + pin);
    }
    const u = used[r] as number;
    if (row.values.length - u <= slotsAfter(r, c)) {
      cells[c] = null;
      fill(c, r + 1, sum);
    }
    const next = row.values[u];
    if (next !== undefined) {
      cells[c] = next;
      used[r] = u + 1;
      fill(c, r + 1, sum + next);
      used[r] = u;
    }
    cells[c] = null;
  };
  if (width > 0) fill(0, 0, 0);
  return solutions;
}

/** One departure region's rows in one block, placed: a cell per area, and what stays undetermined. */
interface Placed {
  cells: CellValue[][];
  undetermined: UndeterminedCell[];
}

/** Cells on which all placements agree; the others are undetermined, with their certain row sum. */
function merge(solutions: (number | null)[][][], rows: DepartureRow[], block: Block): Placed {
  const [first = []] = solutions;
  const undetermined: UndeterminedCell[] = [];
  const cells = first.map((cellsOfRow, r) => {
    const open = cellsOfRow.map((_, c) => solutions.some((s) => s[r]?.[c] !== cellsOfRow[c]));
    const row = rows[r] as DepartureRow;
    const keys = block.areas.map(keyOf).filter((_, c) => open[c]);
    const value = sumOf(cellsOfRow.filter((_, c) => open[c]));
    const line = lineIn(row, block);
    for (const column of keys) {
      undetermined.push({
        row: row.key,
        column,
        reason:
          `Line ${line} lost the position of an empty field among its ${block.region} destinations, so ` +
          `its numbers are placed by the printed totals; ${solutions.length} placements satisfy every row ` +
          `and column total of ${row.region} departures, and they differ in this cell.`,
        combined: { cells: keys.map((k) => ({ row: row.key, column: k })), value, line },
      });
    }
    return cellsOfRow.map((v, c): CellValue => (open[c] ? "undetermined" : v));
  });
  return { cells, undetermined };
}

/** Fix values pinned to a row's area cells of one block (values the conversion lost). */
function pinsFor(fixes: ManualFix[], row: DepartureRow, block: Block): Pins {
  const pins: Pins = new Map();
  for (const cell of fixes.filter((f) => f.table === "table1").flatMap((f) => f.cells)) {
    const c = block.areas.map(keyOf).indexOf(cell.column);
    if (cell.row !== row.key || c < 0) continue;
    if (typeof cell.value !== "number")
      throw new Error(`table1 fix ${cell.row}/${cell.column}: not a number`);
    pins.set(c, cell.value);
  }
  return pins;
}

/** Places one departure region's area rows in one block against its total row. */
function placeGroup(rows: DepartureRow[], total: DepartureRow, block: Block, fixes: ManualFix[]): Placed {
  const areas = block.areas.length;
  const targets = asPrinted(printedIn(fieldsIn(total, block), block), areas, new Map());
  if (!targets) throw new Error(`line ${lineIn(total, block)}: ${block.region} total row misaligned`);
  const inputs = rows.map((row) => {
    const printed = printedIn(fieldsIn(row, block), block);
    const pins = pinsFor(fixes, row, block);
    if (sumOf([...printed.values, ...pins.values()]) !== (printed.total ?? 0)) {
      throw new Error(`line ${lineIn(row, block)}: ${block.region} areas do not add up to their total`);
    }
    return { printed, pins, values: printed.values };
  });
  const asIs = inputs.map((i) => asPrinted(i.printed, areas, i.pins));
  if (asIs.every((cells) => cells !== null) && columnsAddUp(asIs, targets)) {
    return { cells: asIs, undetermined: [] };
  }
  const solutions = placements(inputs, targets);
  if (solutions.length === 0)
    throw new Error(`${total.label}: no placement of ${block.region} values adds up`);
  return merge(solutions, rows, block);
}

// ---------------------------------------------------------------- Table 1: assembly

/** Cells of one row across all blocks, in column order, plus the second-half cell lines. */
function assembleRow(row: DepartureRow, blocks: Block[], placed: Map<Block, CellValue[]>): Row {
  const cells: CellValue[] = [parseNumber(row.fields[0][2] ?? "")];
  const cellLines: Record<string, number> = {};
  for (const block of blocks) {
    const areas = placed.get(block);
    if (areas?.length !== block.areas.length)
      throw new Error(`${row.label}: ${block.region} cells not placed`);
    const columns = blockColumns(block);
    cells.push(...areas, printedIn(fieldsIn(row, block), block).total);
    if (block.half === 2) for (const c of columns) cellLines[c.key] = row.lines[1];
  }
  return { key: row.key, label: row.label, path: row.path, line: row.lines[0], cells, cellLines };
}

/** Region total rows add up their area rows; the grand total adds up the region totals. */
function rowSums(rows: DepartureRow[]): Map<string, string[]> {
  const sums = new Map<string, string[]>();
  const totals = rows.filter((r) => r.kind === "total");
  for (const t of totals)
    sums.set(
      t.key,
      rows.filter((r) => r.kind === "area" && r.region === t.region).map((r) => r.key),
    );
  const grand = rows.find((r) => r.kind === "grand");
  if (grand)
    sums.set(
      grand.key,
      totals.map((t) => t.key),
    );
  return sums;
}

/**
 * Where Table 1 stands in the text: its title line, the column blocks of its two printed halves
 * (the PDF split the table across two pages of columns), and its rows with their fields per half.
 */
function table1Layout(src: SourceText): {
  head: number;
  halves: [Block[], Block[]];
  rows: DepartureRow[];
} {
  const head = src.find(/^Table 1: /);
  const header1 = src.find(/^Region of departure\t/, head);
  const width1 = src.fields(header1 + 2).length;
  const grandLine = src.find(/^Grand total\t/, header1);
  const header2 = src.find(/^Region\/Area of destination\t/, grandLine);
  const width2 = src.fields(header2 + 2).length;
  return {
    head,
    halves: [
      headerBlocks(src.fields(header1 + 1), src.fields(header1 + 2), 3, 1),
      headerBlocks(src.fields(header2 + 1), src.fields(header2 + 2), 0, 2),
    ],
    rows: departureRows(src, header1 + 3, header2 + 3, [width1, width2]),
  };
}

/**
 * What each printed line of Table 1 says, for the constraint model: per row and half, the numbers
 * in printed order and the field each stands in (Total migrants, the first field, is not among them).
 */
export function table1Readings(src: SourceText): LineEvidence[] {
  const { halves, rows } = table1Layout(src);
  return rows.flatMap((row) =>
    halves.map((blocks, h): LineEvidence => {
      const from = blocks[0]?.from ?? 0;
      const to = blocks[blocks.length - 1]?.to ?? 0;
      const numbers: { value: number; at: number }[] = [];
      for (let i = from; i <= to; i++) {
        const v = parseNumber(row.fields[h]?.[i] ?? "");
        if (v !== null) numbers.push({ value: v, at: i - from });
      }
      return {
        table: "table1",
        row: row.key,
        line: row.lines[h] as number,
        span: blocks.flatMap(blockColumns).map((c) => c.key),
        numbers,
      };
    }),
  );
}

export function importTable1(src: SourceText, fixes: ManualFix[]): Table {
  const { head, halves, rows } = table1Layout(src);
  const blocks = halves.flat();
  const placed = new Map(rows.map((r) => [r.key, new Map<Block, CellValue[]>()]));
  const undetermined: UndeterminedCell[] = [];
  for (const block of blocks) {
    // Total rows are the targets and stand as printed (the grand-total sums check them).
    for (const total of rows.filter((r) => r.kind !== "area")) {
      const cells = asPrinted(printedIn(fieldsIn(total, block), block), block.areas.length, new Map());
      if (!cells) throw new Error(`line ${lineIn(total, block)}: ${block.region} total cells misaligned`);
      placed.get(total.key)?.set(block, cells);
      if (total.kind === "grand") continue;
      const group = rows.filter((r) => r.kind === "area" && r.region === total.region);
      const result = placeGroup(group, total, block, fixes);
      group.forEach((r, i) => placed.get(r.key)?.set(block, result.cells[i] ?? []));
      undetermined.push(...result.undetermined);
    }
  }
  const sums = rowSums(rows);
  const regionTotals = blocks.map((b) => keyOf(b.totalLabel));
  const columns: Column[] = [
    { key: "total_migrants", label: "Total migrants", path: ["Total migrants"], sumOf: regionTotals },
    ...blocks.flatMap(blockColumns),
  ];
  assertUniqueKeys(
    "table1 columns",
    columns.map((c) => c.key),
  );
  assertUniqueKeys(
    "table1 rows",
    rows.map((r) => r.key),
  );
  const last = rows[rows.length - 1] as DepartureRow;
  return {
    id: "table1",
    number: "Table 1",
    title: titleOf(src.line(head)),
    section: SECTION,
    unit: UNIT,
    period: PERIOD,
    lines: [head, last.lines[1]],
    columns,
    rows: rows.map((r) => {
      const row = assembleRow(r, blocks, placed.get(r.key) ?? new Map<Block, CellValue[]>());
      const parts = sums.get(r.key);
      return parts ? { ...row, sumOf: parts } : row;
    }),
    footnotes: [],
    undetermined,
  };
}

// ---------------------------------------------------------------- Table 3

/** Region | Service area classification | Total migrants, with "<region> total" rows and "Grand total". */
export function importTable3(src: SourceText, fixes: ManualFix[]): Table {
  const head = src.find(/^Table 3: /);
  const header = src.find(/^Region\tService area classification\tTotal migrants$/, head);
  const rows: Row[] = [];
  const regionTotals: string[] = [];
  let region = "";
  let parts: string[] = [];
  for (let n = header + 1; rows[rows.length - 1]?.key !== "grand_total"; n++) {
    const [outer = "", service = "", value = ""] = fieldsOf(src, n, 3);
    const cells = [parseNumber(value)];
    if (service !== "") {
      region = outer === "" ? region : outer;
      const key = `${keyOf(region)}.${keyOf(service)}`;
      parts.push(key);
      rows.push({ key, label: service, path: [region, service], line: n, cells });
    } else if (outer === "Grand total") {
      rows.push({ key: "grand_total", label: outer, path: [outer], line: n, cells, sumOf: regionTotals });
    } else {
      if (outer !== `${region} total`) throw new Error(`line ${n}: "${outer}" closes ${region}`);
      regionTotals.push(keyOf(outer));
      rows.push({ key: keyOf(outer), label: outer, path: [outer], line: n, cells, sumOf: parts });
      parts = [];
    }
  }
  assertUniqueKeys(
    "table3 rows",
    rows.map((r) => r.key),
  );
  return applyFixes(
    {
      id: "table3",
      number: "Table 3",
      title: titleOf(src.line(head)),
      section: SECTION,
      unit: UNIT,
      period: PERIOD,
      lines: [head, (rows[rows.length - 1] as Row).line],
      columns: [{ key: "total_migrants", label: "Total migrants", path: ["Total migrants"] }],
      rows,
      footnotes: [],
      undetermined: [],
    },
    fixes,
  );
}

// ---------------------------------------------------------------- Table 4

/** Age group × Female / Male / Total; the title prints no colon after "Table 4". */
export function importTable4(src: SourceText, fixes: ManualFix[]): Table {
  const head = src.find(/^Table 4:? /);
  const header = src.find(/^Age group\tGender\t\tTotal$/, head);
  const [, female = "", male = ""] = fieldsOf(src, header + 1, 4);
  const columns: Column[] = [
    { key: keyOf(female), label: female, path: ["Gender", female] },
    { key: keyOf(male), label: male, path: ["Gender", male] },
    { key: "total", label: "Total", path: ["Total"], sumOf: [keyOf(female), keyOf(male)] },
  ];
  const rows: Row[] = [];
  for (let n = header + 2; rows[rows.length - 1]?.label !== "Total"; n++) {
    const [label = "", ...values] = fieldsOf(src, n, 4);
    rows.push({ key: keyOf(label), label, path: [label], line: n, cells: values.map(parseNumber) });
  }
  const total = rows[rows.length - 1] as Row;
  total.sumOf = rows.slice(0, -1).map((r) => r.key);
  assertUniqueKeys(
    "table4 rows",
    rows.map((r) => r.key),
  );
  return applyFixes(
    {
      id: "table4",
      number: "Table 4",
      title: titleOf(src.line(head)),
      section: SECTION,
      unit: UNIT,
      period: PERIOD,
      lines: [head, total.line],
      columns,
      rows,
      footnotes: [],
      undetermined: [],
    },
    fixes,
  );
}
