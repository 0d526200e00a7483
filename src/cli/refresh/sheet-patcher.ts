/**
 * The second pass over a worksheet: its original bytes stream through unchanged except at the
 * planned edits (a cell's t attribute value, its <v> element, a missing cell added), which are
 * spliced in by offset. No XML is parsed here: the first pass recorded every offset.
 */
import { storedForm, type CellValue } from "./cell-values";
import type { InsertSlot } from "./sheet-reader";
import { HAS_T, HAS_V, INSERTED, SELF_CLOSING, Status, type Targets } from "./targets";

// Per-cell code reads these as module constants: under tsx, every use of an imported binding is a getter call.
const CHANGED = Status.Changed;
const T_FLAG = HAS_T;
const V_FLAG = HAS_V;
const SELF_CLOSING_FLAG = SELF_CLOSING;

/** Replace bytes [start, end) by `text` (UTF-8). */
export interface Splice {
  start: number;
  end: number;
  text: Buffer;
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

/** The texts that write one new value, as UTF-8 bytes. */
interface ValueForm {
  type: Buffer;
  /** ` t="…"`, to add to a start tag. */
  tAttr: Buffer;
  /** `<v>…</v>`. */
  element: Buffer;
  /** `>` `<v>…</v></c>`, to replace the `/>` of a self-closing cell. */
  selfClosing: Buffer;
  numeric: boolean;
}

const N = Buffer.from("n");
const EMPTY = Buffer.alloc(0);

/** How each new value is written (a few distinct values for many cells): made once per value and prefix. */
export class ValueForms {
  private readonly forms = new Map<number, ValueForm>();

  constructor(
    private readonly targets: Targets,
    private readonly prefix: string,
  ) {}

  /** The texts of the splices that give target `t` its new value. */
  of(t: number): ValueForm {
    const id = this.targets.next[t] as number;
    let f = this.forms.get(id);
    if (!f) {
      const { type, text } = storedForm(this.targets.nextValue(t));
      const p = this.prefix;
      const element = `<${p}v>${text}</${p}v>`;
      f = {
        type: Buffer.from(type),
        tAttr: Buffer.from(` t="${type}"`),
        element: Buffer.from(element, "utf8"),
        selfClosing: Buffer.from(`>${element}</${p}c>`, "utf8"),
        numeric: type === "n",
      };
      if (this.forms.size > 10_000) this.forms.clear();
      this.forms.set(id, f);
    }
    return f;
  }
}

/** Calls `splice(start, end, text)` for each splice that gives target `t` its new value, in offset order. */
export function forEachSplice(
  targets: Targets,
  t: number,
  forms: ValueForms,
  splice: (start: number, end: number, text: Buffer) => void,
): void {
  const flags = targets.flags[t] as number;
  const f = forms.of(t);
  const tPos = targets.tPos[t] as number;
  // A blank is t="n" (or no t) and no <v>.
  const blank = targets.nextValue(t) === null;
  if (flags & T_FLAG) splice(tPos, targets.tEnd[t] as number, blank ? N : f.type);
  else if (!blank && !f.numeric) splice(tPos, tPos, f.tAttr);
  const vPos = targets.vPos[t] as number;
  const vEnd = targets.vEnd[t] as number;
  if (flags & SELF_CLOSING_FLAG) {
    if (!blank) splice(vPos, vEnd, f.selfClosing);
  } else if (flags & V_FLAG) splice(vPos, vEnd, blank ? EMPTY : f.element);
  else if (!blank) splice(vPos, vPos, f.element);
}

/** The splices that add the missing cells of `slots` (sorted by offset), grouped where they share a place. */
function insertSplices(targets: Targets, slots: InsertSlot[], prefix: string): Splice[] {
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
      .filter((s) => targets.status[s.target] === CHANGED && targets.nextValue(s.target) !== null)
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
    const add = (start: number, end: number, text: string): number =>
      out.push({ start, end, text: Buffer.from(text, "utf8") });
    if (first.mode === "cell") add(first.pos, first.pos, cells(0, group.length));
    else if (first.mode === "row") add(first.pos, first.pos, rows());
    else if (first.mode === "row-open")
      add(first.pos, first.pos + 2, `>${cells(0, group.length)}</${prefix}row>`);
    else add(first.pos, first.pos + 2, `>${rows()}</${prefix}sheetData>`);
  }
  return out;
}

/**
 * The splices of one sheet in offset order, made as they are needed (a million stale cells are
 * never a million objects at once): the targets' (already in document order) merged with the
 * inserts' (few).
 */
export class SpliceSource {
  private t: number;
  private pending: Splice[] = [];
  private readonly inserts: Splice[];
  private nextInsert = 0;
  private readonly forms: ValueForms;

  constructor(
    private readonly targets: Targets,
    from: number,
    private readonly to: number,
    slots: InsertSlot[],
    prefix: string,
  ) {
    this.t = from;
    this.forms = new ValueForms(targets, prefix);
    this.inserts = insertSplices(
      targets,
      [...slots].sort((x, y) => x.pos - y.pos),
      prefix,
    );
  }

  /** The next target's splices, into `pending`. */
  private fill(): void {
    const targets = this.targets;
    while (this.pending.length === 0 && this.t < this.to) {
      const t = this.t++;
      if (targets.status[t] === CHANGED && !((targets.flags[t] as number) & INSERTED)) {
        const out: Splice[] = [];
        forEachSplice(targets, t, this.forms, (start, end, text) => out.push({ start, end, text }));
        this.pending = out;
      }
    }
  }

  peek(): Splice | undefined {
    this.fill();
    const a = this.pending[0];
    const b = this.inserts[this.nextInsert];
    if (b === undefined) return a;
    return a !== undefined && a.start <= b.start ? a : b;
  }

  shift(): void {
    const a = this.pending[0];
    const b = this.inserts[this.nextInsert];
    if (b === undefined || (a !== undefined && a.start <= b.start)) this.pending.shift();
    else this.nextInsert++;
  }

  get empty(): boolean {
    return this.peek() === undefined;
  }
}

/**
 * A stream transform that applies the splices (sorted, not overlapping) to the bytes passing
 * through, one output chunk per input chunk (streams and the deflater pay per chunk, not per byte).
 */
export function splicer(splices: SpliceSource): TransformStream<Uint8Array, Uint8Array> {
  let offset = 0;
  let skipUntil = 0;
  const inChunk: Splice[] = [];
  return new TransformStream({
    transform(chunk, controller) {
      const end = offset + chunk.length;
      // This chunk's splices (a splice ending past the chunk also deletes into the next ones).
      inChunk.length = 0;
      for (let s = splices.peek(); s !== undefined && s.start < end; s = splices.peek()) {
        inChunk.push(s);
        splices.shift();
        if (s.end > end) break;
      }
      if (inChunk.length === 0) {
        if (skipUntil <= offset) controller.enqueue(chunk);
        else if (skipUntil < end) controller.enqueue(chunk.subarray(skipUntil - offset));
        offset = end;
        return;
      }
      // Two walks: the size, then the bytes into one buffer.
      const startAt = Math.max(offset, Math.min(skipUntil, end));
      let size = 0;
      let at = startAt;
      for (const s of inChunk) {
        if (s.start > at) size += s.start - at;
        size += s.text.length;
        at = Math.max(at, s.start, Math.min(s.end, end));
      }
      if (at < end) size += end - at;
      const out = Buffer.allocUnsafe(size);
      const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      let w = 0;
      at = startAt;
      for (const s of inChunk) {
        if (s.start > at) w += input.copy(out, w, at - offset, s.start - offset);
        w += s.text.copy(out, w);
        skipUntil = s.end;
        at = Math.max(at, s.start, Math.min(s.end, end));
      }
      if (at < end) input.copy(out, w, at - offset, end - offset);
      controller.enqueue(out);
      offset = end;
    },
  });
}
