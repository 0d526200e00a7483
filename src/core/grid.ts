import type { Table } from "./model";

/** A cell the report has no certain figure for (undetermined): shown as #N/A with the reason. */
export interface Missing {
  missing: string;
}
export type GridCell = string | number | Missing;
export type Grid = GridCell[][];

export const isMissing = (c: GridCell): c is Missing => typeof c === "object";

export interface TableGrid {
  cells: Grid;
  /** How many leading rows hold column labels (one per level of the report's header). */
  headerRows: number;
  /** How many leading columns hold row labels (one per level of the report's stub). */
  labelColumns: number;
}

/**
 * A column's header path over `levels` rows: its groups on the top rows, its own label on the last
 * row, blanks between. A group's total ("Africa total" under "Region of destination") so stays in
 * its group's band, under the group label, instead of breaking the band.
 */
export function padPath(path: readonly string[], levels: number): string[] {
  const leaf = path[path.length - 1] ?? "";
  return [...path.slice(0, -1), ...Array<string>(Math.max(0, levels - path.length)).fill(""), leaf];
}

/**
 * A table laid out as the report prints it: nested column headers over several rows, nested
 * row labels over several columns, each label shown once where its group starts; blank
 * cells stay blank. Without headers, only the numbers.
 */
export function tableGrid(table: Table, headers: boolean): TableGrid {
  const numbers: Grid = table.rows.map((r) =>
    r.cells.map((c, i): GridCell => {
      if (c === null) return "";
      if (c !== "undetermined") return c;
      const col = table.columns[i];
      const u = table.undetermined.find((x) => x.row === r.key && x.column === col?.key);
      return {
        missing: `undetermined: ${u?.reason ?? "the conversion lost this cell"} Certain combined figure: ${u?.combined?.value ?? "none"}.`,
      };
    }),
  );
  if (!headers) return { cells: numbers, headerRows: 0, labelColumns: 0 };
  const headerRows = Math.max(...table.columns.map((c) => c.path.length));
  const labelColumns = Math.max(...table.rows.map((r) => r.path.length));
  const cells: Grid = [];
  for (let level = 0; level < headerRows; level++) {
    const row: GridCell[] = Array.from({ length: labelColumns }, (_, i) =>
      level === 0 && i === 0 ? table.number : "",
    );
    table.columns.forEach((c, ci) => {
      const path = padPath(c.path, headerRows);
      const prev = ci > 0 ? table.columns[ci - 1] : undefined;
      const prevPath = prev ? padPath(prev.path, headerRows) : [];
      const same = prev !== undefined && path.slice(0, level + 1).every((p, i) => p === prevPath[i]);
      row.push(same ? "" : (path[level] ?? ""));
    });
    cells.push(row);
  }
  table.rows.forEach((r, ri) => {
    const prev = ri > 0 ? table.rows[ri - 1] : undefined;
    const labels: GridCell[] = Array.from({ length: labelColumns }, (_, level) => {
      const same =
        prev !== undefined &&
        r.path.slice(0, level + 1).every((p, i) => p === prev.path[i]) &&
        level < r.path.length - 1;
      return same ? "" : (r.path[level] ?? "");
    });
    cells.push([...labels, ...(numbers[ri] ?? [])]);
  });
  return { cells, headerRows, labelColumns };
}
