/**
 * The cells the refresh's sheet scanner reports for a sheet's XML, fed in chunks of a given size,
 * with a check that each reported offset points at what it says.
 */
import { formulaText, SheetScanner, type CellInfo } from "../../../src/cli/refresh/sheet-scanner";

export interface Seen {
  address: string;
  type?: string;
  formula?: string;
  formulaType?: string;
  value?: string;
  inline?: string;
  protected?: boolean;
}

const letters = (col: number): string => {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The cells the scanner reports, feeding `xml` in chunks of `chunk` bytes. */
export function scan(xml: string | Buffer, chunk = 1 << 16): Seen[] {
  const bytes = typeof xml === "string" ? Buffer.from(xml) : xml;
  const out: Seen[] = [];
  const s = new SheetScanner({
    cell: (c: CellInfo) => {
      const seen: Seen = { address: `${letters(c.col)}${c.row}` };
      if (c.type !== undefined) seen.type = c.type;
      if (c.formula) {
        seen.formula = formulaText(c.formula);
        seen.formulaType = c.formula.type;
      }
      if (c.value !== undefined) seen.value = c.value;
      if (c.inline !== undefined) seen.inline = c.inline;
      // Offsets point where they say (plain checks: this runs for every cell of every sheet).
      const bad = (what: string): never => {
        throw new Error(`${seen.address}: ${what} offsets point elsewhere`);
      };
      if (!/^<\w/.test(bytes.toString("latin1", c.start, c.start + 2))) bad("cell");
      if (
        c.vStart >= 0 &&
        !/^<(\w+:)?v(\/>|[\s>][\s\S]*v>)$/.test(bytes.toString("latin1", c.vStart, c.vEnd))
      )
        bad("<v>");
      if (c.typeStart >= 0 && bytes.toString("utf8", c.typeStart, c.typeEnd) !== c.type) bad("t");
      // A number read without its text is the number its text says.
      if (!Number.isNaN(c.number) && (c.value === undefined || !Object.is(c.number, Number(c.value))))
        bad("number");
      out.push(seen);
    },
    protectedSheet: () => out.push({ address: "-", protected: true }),
  });
  for (let i = 0; i < bytes.length; i += chunk) s.write(bytes.subarray(i, i + chunk));
  s.end();
  return out;
}
