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

/** Every splice of one sheet, in offset order: the targets' (already in document order) merged with the inserts'. */
export function sheetSplices(
  targets: Targets,
  from: number,
  to: number,
  slots: InsertSlot[],
  prefix: string,
): Splice[] {
  const own: Splice[] = [];
  for (let t = from; t < to; t++)
    if (targets.status[t] === Status.Changed && !((targets.flags[t] as number) & INSERTED))
      for (const s of targetSplices(targets, t, prefix)) own.push(s);
  const inserts = insertSplices(
    targets,
    [...slots].sort((a, b) => a.pos - b.pos),
    prefix,
  );
  if (inserts.length === 0) return own;
  const out: Splice[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < inserts.length) {
    const a = own[i];
    const b = inserts[j];
    if (b === undefined || (a !== undefined && a.start <= b.start)) {
      out.push(a as Splice);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

/**
 * A stream transform that applies `splices` (sorted, not overlapping) to the bytes passing
 * through, one output chunk per input chunk (streams and the deflater pay per chunk, not per byte).
 */
export function splicer(splices: Splice[]): TransformStream<Uint8Array, Uint8Array> {
  let offset = 0;
  let next = 0;
  let skipUntil = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const end = offset + chunk.length;
      if (next >= splices.length || (splices[next] as Splice).start >= end) {
        // Nothing to change in this chunk (the common case between edits).
        if (skipUntil <= offset) controller.enqueue(chunk);
        else if (skipUntil < end) controller.enqueue(chunk.subarray(skipUntil - offset));
        offset = end;
        return;
      }
      // Two walks over this chunk's splices: the size, then the bytes into one buffer.
      const first = next;
      const startAt = Math.max(offset, Math.min(skipUntil, end));
      let size = 0;
      let at = startAt;
      let k = first;
      for (; k < splices.length && (splices[k] as Splice).start < end; k++) {
        const s = splices[k] as Splice;
        if (s.start > at) size += s.start - at;
        size += Buffer.byteLength(s.text, "utf8");
        at = Math.max(at, s.start, Math.min(s.end, end));
        if (s.end > end) {
          k++;
          break;
        }
      }
      if (at < end) size += end - at;
      const out = Buffer.allocUnsafe(size);
      const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      let w = 0;
      at = startAt;
      for (let m = first; m < k; m++) {
        const s = splices[m] as Splice;
        if (s.start > at) w += input.copy(out, w, at - offset, s.start - offset);
        w += out.write(s.text, w, "utf8");
        skipUntil = s.end;
        at = Math.max(at, s.start, Math.min(s.end, end));
      }
      if (at < end) w += input.copy(out, w, at - offset, end - offset);
      next = k;
      controller.enqueue(out);
      offset = end;
    },
  });
}
