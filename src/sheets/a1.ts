/** A1 addresses: the only way plans name cells, so adapters never compute positions themselves. */

/** A rectangle of cells; rows and columns are 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet name as Excel quotes it in addresses: 'My sheet'!A1, with ' doubled. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "B2" or "B2:D9" for a rectangle (no sheet). */
export function rectAddress(r: Rect): string {
  const first = `${columnName(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${columnName(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** Shifts a block-relative rectangle to the block's anchor. */
export const at = (anchor: { row: number; col: number }, r: Rect): Rect => ({
  row: anchor.row + r.row,
  col: anchor.col + r.col,
  rows: r.rows,
  cols: r.cols,
});

/** Parses "Sheet1!B2:D9", "'My sheet'!B2" or "B2:D9" (sheet "" when absent). */
export function parseAddress(address: string): { sheet: string; rect: Rect } {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
    address.trim(),
  );
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  const c1 = columnIndex(m[3] ?? "A");
  const r1 = Number(m[4]) - 1;
  const c2 = m[5] ? columnIndex(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) - 1 : r1;
  return {
    sheet,
    rect: {
      row: Math.min(r1, r2),
      col: Math.min(c1, c2),
      rows: Math.abs(r2 - r1) + 1,
      cols: Math.abs(c2 - c1) + 1,
    },
  };
}
