/**
 * The second pass over a worksheet: its original bytes stream through unchanged except at the
 * planned edits (a cell's t attribute value, its <v> element, a missing cell added), which are
 * spliced in by offset. No XML is parsed here: the first pass recorded every offset.
 */
import { storedForm, type CellValue } from "./cell-values";
import type { InsertSlot } from "./sheet-reader";
import { HAS_T, HAS_V, INSERTED, SELF_CLOSING, Status, type Targets } from "./targets";

/** Replace bytes [start, end) by `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

const columnName = (col: number): string => {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The XML of a new cell holding `v`. */
function newCell(prefix: string, row: number, col: number, v: CellValue): string {
  const { type, text } = storedForm(v);
  return `<${prefix}c r="${columnName(col)}${row}"${type === "n" ? "" : ` t="${type}"`}><${prefix}v>${text}</${prefix}v></${prefix}c>`;
}

/** The splices that give target `t` its new value, in offset order. */
export function targetSplices(targets: Targets, t: number, prefix: string): Splice[] {
  const v = targets.nextValue(t);
  const flags = targets.flags[t] as number;
  const { type, text } = storedForm(v);
  const out: Splice[] = [];
  const tPos = targets.tPos[t] as number;
  const tEnd = targets.tEnd[t] as number;
  // A blank is t="n" (or no t) and no <v>.
  const blank = v === null;
  if (flags & HAS_T) out.push({ start: tPos, end: tEnd, text: blank ? "n" : type });
  else if (!blank && type !== "n") out.push({ start: tPos, end: tPos, text: ` t="${type}"` });
  const vPos = targets.vPos[t] as number;
  const vEnd = targets.vEnd[t] as number;
  const element = `<${prefix}v>${text}</${prefix}v>`;
  if (flags & SELF_CLOSING) {
    if (!blank) out.push({ start: vPos, end: vEnd, text: `>${element}</${prefix}c>` });
  } else if (flags & HAS_V) out.push({ start: vPos, end: vEnd, text: blank ? "" : element });
  else if (!blank) out.push({ start: vPos, end: vPos, text: element });
  return out;
}

/** The splices that add the missing cells of `slots` (sorted by offset), grouped where they share a place. */
export function insertSplices(targets: Targets, slots: InsertSlot[], prefix: string): Splice[] {
  const out: Splice[] = [];
  let i = 0;
  while (i < slots.length) {
    const first = slots[i] as InsertSlot;
    let j = i;
    while (
      j < slots.length &&
      (slots[j] as InsertSlot).pos === first.pos &&
      (slots[j] as InsertSlot).mode === first.mode
    )
      j++;
    const group = slots
      .slice(i, j)
      .filter((s) => targets.status[s.target] === Status.Changed && targets.nextValue(s.target) !== null)
      .sort((a, b) => a.row - b.row || a.col - b.col);
    i = j;
    if (group.length === 0) continue;
    const cells = (from: number, to: number): string =>
      group
        .slice(from, to)
        .map((s) => newCell(prefix, s.row, s.col, targets.nextValue(s.target)))
        .join("");
    const rows = (): string => {
      let xml = "";
      for (let k = 0; k < group.length;) {
        let m = k;
        while (m < group.length && (group[m] as InsertSlot).row === (group[k] as InsertSlot).row) m++;
        xml += `<${prefix}row r="${(group[k] as InsertSlot).row}">${cells(k, m)}</${prefix}row>`;
        k = m;
      }
      return xml;
    };
    if (first.mode === "cell") out.push({ start: first.pos, end: first.pos, text: cells(0, group.length) });
    else if (first.mode === "row") out.push({ start: first.pos, end: first.pos, text: rows() });
    else if (first.mode === "row-open")
      out.push({ start: first.pos, end: first.pos + 2, text: `>${cells(0, group.length)}</${prefix}row>` });
    else out.push({ start: first.pos, end: first.pos + 2, text: `>${rows()}</${prefix}sheetData>` });
  }
  return out;
}

/** Every splice of one sheet, in offset order. */
export function sheetSplices(
  targets: Targets,
  from: number,
  to: number,
  slots: InsertSlot[],
  prefix: string,
): Splice[] {
  const edits: Splice[] = [];
  for (let t = from; t < to; t++)
    if (targets.status[t] === Status.Changed && !((targets.flags[t] as number) & INSERTED))
      edits.push(...targetSplices(targets, t, prefix));
  edits.push(
    ...insertSplices(
      targets,
      [...slots].sort((a, b) => a.pos - b.pos),
      prefix,
    ),
  );
  // Stable: a t attribute added at a self-closing cell's "/>" stays before the "/>" replacement.
  return edits
    .map((e, k) => ({ e, k }))
    .sort((a, b) => a.e.start - b.e.start || a.k - b.k)
    .map((x) => x.e);
}

/** A stream transform that applies `splices` (sorted, not overlapping) to the bytes passing through. */
export function splicer(splices: Splice[]): TransformStream<Uint8Array, Uint8Array> {
  let offset = 0;
  let next = 0;
  let skipUntil = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const end = offset + chunk.length;
      let at = offset;
      if (skipUntil > at) at = Math.min(skipUntil, end);
      while (next < splices.length && (splices[next] as Splice).start < end) {
        const s = splices[next] as Splice;
        if (s.start > at) controller.enqueue(chunk.subarray(at - offset, s.start - offset));
        controller.enqueue(Buffer.from(s.text, "utf8"));
        next++;
        skipUntil = s.end;
        at = Math.max(at, Math.min(s.end, end), s.start);
        if (s.end > end) break;
      }
      if (at < end && skipUntil <= end) controller.enqueue(chunk.subarray(at - offset));
      offset = end;
    },
  });
}
