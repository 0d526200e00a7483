import type { CellValue, Table } from "./model";

/** A printed total that differs from the sum of its printed parts. */
export interface SumMismatch {
  table: string;
  code: "row_sum" | "column_sum";
  row: string;
  column: string;
  printed: number;
  computed: number;
  line: number;
}

const asNumber = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);

/** Rounds away float noise so 1.1 + 2.2 compares equal to a printed 3.3. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Recomputes every printed total of a table from its parts: each column with `sumOf`
 * (across every row) and each row with `sumOf` (down every column). A cell that is
 * undetermined, or a total whose parts include one, cannot be checked and is skipped;
 * the undetermined list records the certain combined figure instead.
 */
export function checkTableSums(table: Table): SumMismatch[] {
  const out: SumMismatch[] = [];
  const colIndex = new Map(table.columns.map((c, i) => [c.key, i]));
  const rowByKey = new Map(table.rows.map((r) => [r.key, r]));
  const lineOf = (rowKey: string, colKey: string): number => {
    const row = rowByKey.get(rowKey);
    return row?.cellLines?.[colKey] ?? row?.line ?? table.lines[0];
  };
  for (const col of table.columns) {
    if (!col.sumOf) continue;
    const ci = colIndex.get(col.key) as number;
    const parts = col.sumOf.map((k) => {
      const i = colIndex.get(k);
      if (i === undefined) throw new Error(`${table.id}: column ${col.key} sums unknown column ${k}`);
      return i;
    });
    for (const row of table.rows) {
      const printed = row.cells[ci];
      if (printed === "undetermined" || parts.some((i) => row.cells[i] === "undetermined")) continue;
      if (printed === null && parts.every((i) => row.cells[i] === null)) continue;
      const computed = round(parts.reduce((s, i) => s + asNumber(row.cells[i]), 0));
      if (round(asNumber(printed)) !== computed) {
        out.push({
          table: table.id,
          code: "row_sum",
          row: row.key,
          column: col.key,
          printed: asNumber(printed),
          computed,
          line: lineOf(row.key, col.key),
        });
      }
    }
  }
  for (const row of table.rows) {
    if (!row.sumOf) continue;
    const parts = row.sumOf.map((k) => {
      const r = rowByKey.get(k);
      if (!r) throw new Error(`${table.id}: row ${row.key} sums unknown row ${k}`);
      return r;
    });
    table.columns.forEach((col, ci) => {
      if (col.unit === "rank") return; // ranks are not additive
      const printed = row.cells[ci];
      if (printed === "undetermined" || parts.some((p) => p.cells[ci] === "undetermined")) return;
      if (printed === null && parts.every((p) => p.cells[ci] === null)) return;
      const computed = round(parts.reduce((s, p) => s + asNumber(p.cells[ci]), 0));
      if (round(asNumber(printed)) !== computed) {
        out.push({
          table: table.id,
          code: "column_sum",
          row: row.key,
          column: col.key,
          printed: asNumber(printed),
          computed,
          line: lineOf(row.key, col.key),
        });
      }
    });
  }
  return out;
}
