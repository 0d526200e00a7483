/**
 * The cells a refresh may rewrite, in document order, as columns of typed arrays: a few dozen
 * bytes per cell, so a million stale formulas cost tens of megabytes, not a workbook model.
 */
import type { CellValue } from "./cell-values";

export const enum Kind {
  /** A cell with an =IOM.* formula. */
  Formula = 1,
  /** A cell an IOM array formula spills into. */
  Spill = 2,
  /** A number cell of an IOM_<table> table. */
  Table = 3,
}

export const enum Status {
  Pending = 0,
  Current = 1,
  Changed = 2,
  Skipped = 3,
}

/** Where the patch goes: `tPos..tEnd` is the t attribute's value (or, when `HAS_T` is unset, where to add one). */
export const HAS_T = 1;
/** `vPos..vEnd` is a <v> or <is> element to replace; unset: a place to insert one. */
export const HAS_V = 2;
/** The cell is `<c .../>`: `vPos..vEnd` is its "/>". */
export const SELF_CLOSING = 4;
/** A cell the file does not have: added through an insert slot. */
export const INSERTED = 8;

/** Interned values: numbers are stored inline; every other value once in `values`. */
export class ValueTable {
  readonly values: CellValue[] = [];
  private readonly ids = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  /** Error values by identity: the memos hand out the same object for the same result. */
  private readonly objects = new Map<object, number>();

  id(v: CellValue): number {
    if (typeof v === "number") {
      let n = this.numbers.get(v);
      if (n === undefined) {
        n = this.values.length;
        this.values.push(v);
        this.numbers.set(v, n);
      }
      return n;
    }
    const isObject = typeof v === "object" && v !== null;
    if (isObject) {
      const known = this.objects.get(v);
      if (known !== undefined) return known;
    }
    const key = isObject ? `e${v.error}\u0000${v.why ?? ""}` : `${typeof v}:${String(v)}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(key, id);
    }
    if (isObject && this.objects.size < 100_000) this.objects.set(v, id);
    return id;
  }
}

const GROW = 1.5;

function grow<T extends Uint32Array | Int32Array | Float64Array | Uint8Array | Uint16Array>(
  a: T,
  n: number,
): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, Math.ceil(a.length * GROW)));
  b.set(a);
  return b;
}

export class Targets {
  length = 0;
  sheet = new Uint16Array(64);
  row = new Uint32Array(64);
  col = new Uint16Array(64);
  kind = new Uint8Array(64);
  status = new Uint8Array(64);
  flags = new Uint8Array(64);
  /** Formula: template id. Spill: the anchor's target index. Table: the table's index. */
  link = new Int32Array(64);
  /** Cached value: the number itself (ckind 0), a value table id (1) or a shared string index (2). */
  cached = new Float64Array(64);
  ckind = new Uint8Array(64);
  /** New value's id in the value table (once Changed). */
  next = new Int32Array(64);
  tPos = new Uint32Array(64);
  tEnd = new Uint32Array(64);
  vPos = new Uint32Array(64);
  vEnd = new Uint32Array(64);

  constructor(readonly values: ValueTable) {}

  /**
   * Room for `n` targets in all (an estimate made before a sheet is read), so they are not copied
   * again and again as the arrays grow. Untouched room costs address space, not memory.
   */
  reserve(n: number): void {
    if (n > this.row.length) this.resize(n);
  }

  private resize(n: number): void {
    this.sheet = grow(this.sheet, n);
    this.row = grow(this.row, n);
    this.col = grow(this.col, n);
    this.kind = grow(this.kind, n);
    this.status = grow(this.status, n);
    this.flags = grow(this.flags, n);
    this.link = grow(this.link, n);
    this.cached = grow(this.cached, n);
    this.ckind = grow(this.ckind, n);
    this.next = grow(this.next, n);
    this.tPos = grow(this.tPos, n);
    this.tEnd = grow(this.tEnd, n);
    this.vPos = grow(this.vPos, n);
    this.vEnd = grow(this.vEnd, n);
  }

  add(sheet: number, row: number, col: number, kind: Kind, link: number): number {
    const i = this.length++;
    if (i >= this.row.length) this.resize(i + 1);
    this.sheet[i] = sheet;
    this.row[i] = row;
    this.col[i] = col;
    this.kind[i] = kind;
    this.status[i] = Status.Pending;
    this.flags[i] = 0;
    this.link[i] = link;
    this.next[i] = -1;
    return i;
  }

  setCached(i: number, v: CellValue | { sst: number }): void {
    if (typeof v === "number") {
      this.cached[i] = v;
      this.ckind[i] = 0;
    } else if (v !== null && typeof v === "object" && "sst" in v) {
      this.cached[i] = v.sst;
      this.ckind[i] = 2;
    } else {
      this.cached[i] = this.values.id(v);
      this.ckind[i] = 1;
    }
  }

  /** The cached value, with shared strings looked up in `sst`. */
  cachedValue(i: number, sst: Map<number, string>): CellValue {
    const c = this.cached[i] as number;
    const k = this.ckind[i];
    if (k === 0) return c;
    if (k === 2) return sst.get(c) ?? "";
    return this.values.values[c] ?? null;
  }

  /** The shared string index of a cached value, or -1. */
  sstIndex(i: number): number {
    return this.ckind[i] === 2 ? (this.cached[i] as number) : -1;
  }

  setNext(i: number, v: CellValue): void {
    this.next[i] = this.values.id(v);
  }

  nextValue(i: number): CellValue {
    return this.values.values[this.next[i] as number] ?? null;
  }

  /** The target at (sheet, row, col), by binary search (targets of a sheet are in document order). */
  find(from: number, to: number, row: number, col: number): number {
    let lo = from;
    let hi = to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.row[mid] as number;
      const c = this.col[mid] as number;
      if (r === row && c === col) return mid;
      if (r < row || (r === row && c < col)) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
