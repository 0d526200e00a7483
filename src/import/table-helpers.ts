import type { ManualFix, Table } from "../core/model";
import type { SourceText } from "./source-text";

/** The fields of line `n`, which must number exactly `count` (a changed layout fails the import). */
export function fieldsOf(src: SourceText, n: number, count: number): string[] {
  const fields = src.fields(n);
  if (fields.length !== count) {
    throw new Error(`line ${n}: expected ${count} tab-separated fields, found ${fields.length}`);
  }
  return fields;
}

/** Fails the import when a label is not where the layout puts it. */
export function expectText(actual: string | undefined, expected: string, n: number): void {
  if (actual !== expected) throw new Error(`line ${n}: expected "${expected}", found "${actual ?? ""}"`);
}

/** Sets the cells that manual fixes establish for `table`; a fix naming an unknown cell fails the import. */
export function applyFixes(table: Table, fixes: ManualFix[]): Table {
  for (const fix of fixes.filter((f) => f.table === table.id)) {
    for (const cell of fix.cells) {
      const row = table.rows.find((r) => r.key === cell.row);
      const ci = table.columns.findIndex((c) => c.key === cell.column);
      if (!row || ci < 0) throw new Error(`fix ${fix.id}: no cell ${cell.row}/${cell.column} in ${table.id}`);
      row.cells[ci] = cell.value;
    }
  }
  return table;
}
