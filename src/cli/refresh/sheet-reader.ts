/**
 * The first pass over one worksheet: finds every cell a refresh may rewrite (=IOM.* formulas,
 * the cells their array formulas spill into, the number cells of IOM_<table> tables) and records
 * where its value is in the bytes; keeps the values of the cells those formulas refer to.
 * Formulas whose arguments are all literals are evaluated right away, and a cell already up to
 * date is only counted, so memory grows with the stale formulas alone.
 */
import { cachedValue, sameValue, type CellValue } from "./cell-values";
import type { Arg } from "../../core";
import { evaluateCall, type CallResult } from "./evaluate";
import { mentionsIom, parseTemplate, templateKey, type Template } from "./formulas";
import {
  formulaText,
  type CellInfo,
  type FormulaInfo,
  type RowInfo,
  type SheetEvents,
} from "./sheet-scanner";
import { HAS_T, HAS_V, INSERTED, Kind, SELF_CLOSING, Status, type Targets } from "./targets";
import type { SKIP_REASON } from "./messages";
import { decodeOoxmlEscapes } from "./xml-text";

// Per-cell code reads these as module constants: under tsx, every use of an imported binding is a getter call.
const T_FLAG = HAS_T;
const V_FLAG = HAS_V;
const SELF_CLOSING_FLAG = SELF_CLOSING;
const CURRENT = Status.Current;
const CHANGED = Status.Changed;
const FORMULA = Kind.Formula;
const SPILL = Kind.Spill;
const TABLE = Kind.Table;

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;
/** A formula that mentions no IOM function. */
export const NOT_IOM = -2;

const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** A character that continues a name: then letters and digits before it are no reference. */
const isNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2e;

/** Length of the quote at `i`: `"` (1), or `&quot;` (6) in text still XML-escaped; 0 when none. */
function quoteAt(text: string, i: number, escaped: boolean): number {
  const ch = text.charCodeAt(i);
  if (ch === 0x22) return 1;
  return escaped && ch === 0x26 && text.startsWith("&quot;", i) ? 6 : 0;
}

/**
 * A key equal for a formula and the same formula copied to another cell (R1C1-like): A1
 * references outside quoted text become offsets from the cell. One pass over the text.
 * `escaped`: the text as the XML holds it, its five predefined entities not decoded (a quote may
 * be `&quot;`; an entity is copied whole); numeric character references are not allowed then.
 */
export function relativeKey(
  text: string,
  row: number,
  col: number,
  escaped = false,
  spans?: number[],
): string {
  let out = "";
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    const q = quoteAt(text, i, escaped);
    if (q > 0) {
      // Quoted text (a doubled quote inside is a quote): copied as it is.
      for (i += q; i < n;) {
        const c = quoteAt(text, i, escaped);
        if (c === 0) i++;
        else if (quoteAt(text, i + c, escaped) > 0) i += c + quoteAt(text, i + c, escaped);
        else {
          i += c - 1;
          break;
        }
      }
      continue;
    }
    if (escaped && ch === 0x26) {
      const semi = text.indexOf(";", i);
      if (semi > 0) i = semi;
      continue;
    }
    if (
      !(isLetter(ch) || ch === 0x24) ||
      (i > 0 && (isNameChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x24))
    )
      continue;
    let k = i;
    const colAbs = text.charCodeAt(k) === 0x24;
    if (colAbs) k++;
    let c = 0;
    const letters = k;
    while (k < n && k - letters < 4 && isLetter(text.charCodeAt(k)))
      c = c * 26 + ((text.charCodeAt(k++) | 0x20) - 0x60);
    if (k === letters || k - letters > 3) continue;
    const rowAbs = text.charCodeAt(k) === 0x24;
    if (rowAbs) k++;
    let r = 0;
    const digits = k;
    while (k < n && isDigit(text.charCodeAt(k))) r = r * 10 + (text.charCodeAt(k++) - 0x30);
    if (k === digits || (k < n && (isNameChar(text.charCodeAt(k)) || text.charCodeAt(k) === 0x28))) continue;
    spans?.push(digits, k, rowAbs ? 1 : 0, r);
    out +=
      text.slice(from, i) +
      (colAbs ? "C" + c : "C[" + (c - col) + "]") +
      (rowAbs ? "R" + r : "R[" + (r - row) + "]");
    from = k;
    i = k - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A formula with references, as the text around its references' row numbers. */
interface ColumnFormula {
  row: number;
  id: number;
  /** The text before each reference's row number, then the text after the last one (flat copies). */
  pieces: string[];
  /** Per reference: its row number, and whether it is absolute. */
  rows: number[];
  absolute: boolean[];
}

/** A copy of `s` that holds no view of the chunk it was cut from (so that chunk can go). */
const flatCopy = (s: string): string => Buffer.from(s, "utf16le").toString("utf16le");

function columnFormula(raw: string, row: number, id: number, spans: number[]): ColumnFormula {
  const f: ColumnFormula = { row, id, pieces: [], rows: [], absolute: [] };
  let at = 0;
  for (let k = 0; k < spans.length; k += 4) {
    f.pieces.push(flatCopy(raw.slice(at, spans[k])));
    f.absolute.push(spans[k + 2] === 1);
    f.rows.push(spans[k + 3] as number);
    at = spans[k + 1] as number;
  }
  f.pieces.push(flatCopy(raw.slice(at)));
  return f;
}

/**
 * True when `raw`, in row `row` of the same column, is `prev` copied down: the same text but for
 * the row numbers of its references, each moved by the rows between them (absolute ones kept).
 * Then it is the same template, found without making its key. The text is compared by native
 * string searches, not a character at a time.
 */
function copiedDown(prev: ColumnFormula, raw: string, row: number): boolean {
  const { pieces, rows, absolute } = prev;
  const moved = row - prev.row;
  const last = pieces.length - 1;
  let at = 0;
  for (let k = 0; k < last; k++) {
    const piece = pieces[k] as string;
    if (!raw.startsWith(piece, at)) return false;
    at += piece.length;
    const digits = at;
    let m = 0;
    while (at < raw.length && isDigit(raw.charCodeAt(at))) m = m * 10 + (raw.charCodeAt(at++) - 0x30);
    const n = rows[k] as number;
    if (at === digits || m !== (absolute[k] ? n : n + moved)) return false;
  }
  const rest = pieces[last] as string;
  return raw.length - at === rest.length && raw.endsWith(rest);
}

export const cellKey = (row: number, col: number): number => row * MAX_COL + (col - 1);

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B4:I17" (or "B4") → 1-based box clamped to the sheet's limits. */
export function parseBox(ref: string | undefined): Box | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec((ref ?? "").trim());
  if (!m) return undefined;
  const col = (s: string): number =>
    [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1] ?? "A");
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? col(m[3]) : left;
  if (top < 1 || left < 1) return undefined;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.min(MAX_ROW, Math.max(top, bottom)),
    right: Math.min(MAX_COL, Math.max(left, right)),
  };
}

export const isSst = (v: CellValue | { sst: number }): v is { sst: number } =>
  v !== null && typeof v === "object" && "sst" in v;

const inBox = (b: Box, row: number, col: number): boolean =>
  row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

/** A formula cell that is left alone, and why. */
export interface SkippedFormula {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  reason: keyof typeof SKIP_REASON;
  detail?: string;
}

/** A missing cell to add: where, and how the bytes there change. */
export interface InsertSlot {
  /** Offset to insert at (for "row-open" and "sheetdata-open": of the "/>" to replace). */
  pos: number;
  mode: "cell" | "row" | "row-open" | "sheetdata-open";
  row: number;
  col: number;
  target: number;
}

/** An IOM_<table> body on this sheet, as the reader needs it. */
export interface TableWatch {
  index: number;
  /** The number cells the refresh writes (already checked to have the report's size). */
  body: Box;
  /** Header row and label columns, whose values the checks need. */
  labelBox: Box;
  labels: Map<number, CellValue | { sst: number }>;
}

export interface ArrayAnchor {
  target: number;
  box: Box;
  /** Known at once when the formula's arguments are literals. */
  result: CallResult | undefined;
}

/** A rectangle whose missing cells must be added, watched as rows and cells go by. */
class BoxWatch {
  private lastRow = 0;
  private lastCol = 0;
  private rowOpen = false;

  constructor(
    readonly box: Box,
    private readonly missing: (row: number, col: number, pos: number, mode: InsertSlot["mode"]) => void,
  ) {}

  row(r: RowInfo): void {
    const b = this.box;
    for (let k = Math.max(this.lastRow + 1, b.top); k < r.row && k <= b.bottom; k++)
      for (let c = b.left; c <= b.right; c++) this.missing(k, c, r.start, "row");
    this.lastRow = r.row;
    this.lastCol = 0;
    this.rowOpen = r.row >= b.top && r.row <= b.bottom;
    if (this.rowOpen && r.selfClosing) {
      for (let c = b.left; c <= b.right; c++) this.missing(r.row, c, r.tagEnd - 2, "row-open");
      this.rowOpen = false;
    }
  }

  cell(c: CellInfo): void {
    if (!this.rowOpen) return;
    const b = this.box;
    for (let k = Math.max(this.lastCol + 1, b.left); k < c.col && k <= b.right; k++)
      this.missing(c.row, k, c.start, "cell");
    this.lastCol = c.col;
  }

  rowEnd(row: number, closeStart: number): void {
    if (!this.rowOpen || closeStart < 0) return;
    for (let k = Math.max(this.lastCol + 1, this.box.left); k <= this.box.right; k++)
      this.missing(row, k, closeStart, "cell");
    this.rowOpen = false;
  }

  end(closeStart: number, mode: "row" | "sheetdata-open"): void {
    const b = this.box;
    for (let k = Math.max(this.lastRow + 1, b.top); k <= b.bottom; k++)
      for (let c = b.left; c <= b.right; c++) this.missing(k, c, closeStart, mode);
    this.lastRow = b.bottom;
  }
}

/** Shared between the sheets of one workbook: templates, their constant results, the references asked for. */
export class ReaderState {
  readonly templates: Template[] = [];
  private readonly byKey = new Map<string, number>();
  /** Relative formula key → template id (-1: not one IOM call, NOT_IOM: not ours). */
  private readonly byText = new Map<string, number>();
  /** Formula text → template id, for texts that mean the same in any cell. */
  private readonly byRaw = new Map<string, number>();
  /** Column → the last formula with references read in it. */
  private readonly byColumn = new Map<number, ColumnFormula>();
  readonly constantResults: (CallResult | undefined)[] = [];
  private readonly callMemo = new Map<number, { single: number; results: Map<unknown, CallResult> }>();
  /** Lower-case sheet name → keys of cells some formula refers to. */
  readonly wanted = new Map<string, Set<number>>();
  readonly skipped: SkippedFormula[] = [];
  skippedCount = 0;
  formulaCount = 0;
  currentCount = 0;

  constructor(readonly targets: Targets) {}

  /** The template id of a formula; NOT_IOM when it mentions no IOM function, -1 when it can't be refreshed. */
  template(f: FormulaInfo, row: number, col: number): number {
    const raw = f.raw;
    // The formula above, copied down (a column of formulas each written out): no key to make.
    const above = this.byColumn.get(col);
    if (above !== undefined && copiedDown(above, raw, row)) return above.id;
    // A text seen before whose meaning does not depend on the cell (no references, or not ours).
    const same = this.byRaw.get(raw);
    if (same !== undefined) return same;
    // The same formula filled down a column is one text per cell but one relative key. The key is
    // made from the text as the XML holds it (no decoding); text read in pieces is decoded already,
    // and text with numeric character references is decoded first, its key marked apart.
    const decoded = raw.charCodeAt(0) === 0 || raw.includes("&#");
    const spans: number[] = [];
    const key = decoded
      ? `\u0001${relativeKey(formulaText(f), row, col)}`
      : relativeKey(raw, row, col, true, spans);
    const cached = this.byText.get(key);
    if (cached !== undefined) {
      this.rememberColumn(col, raw, row, cached, spans);
      return this.rememberRaw(raw, cached);
    }
    const text = formulaText(f);
    if (!mentionsIom(text)) {
      this.remember(key, NOT_IOM);
      return this.rememberRaw(raw, NOT_IOM);
    }
    const t = parseTemplate(text, row, col);
    let id = -1;
    if (t) {
      const k = templateKey(t);
      id = this.byKey.get(k) ?? -1;
      if (id < 0) {
        id = this.templates.length;
        this.templates.push(t);
        this.byKey.set(k, id);
      }
    }
    this.remember(key, id);
    this.rememberColumn(col, raw, row, id, spans);
    return this.rememberRaw(raw, id);
  }

  /** Keeps a formula with references (found in its raw text) as the one above the next cells of its column. */
  private rememberColumn(col: number, raw: string, row: number, id: number, spans: number[]): void {
    if (id < 0 || spans.length === 0 || this.templates[id]?.constant) return;
    if (this.byColumn.size > 16_384) this.byColumn.clear();
    this.byColumn.set(col, columnFormula(raw, row, id, spans));
  }

  private remember(key: string, id: number): void {
    if (this.byText.size > 100_000) this.byText.clear();
    this.byText.set(key, id);
  }

  private rememberRaw(text: string, id: number): number {
    if (id < 0 || this.templates[id]?.constant) {
      if (this.byRaw.size > 100_000) this.byRaw.clear();
      this.byRaw.set(text, id);
    }
    return id;
  }

  constantResult(id: number): CallResult {
    let r = this.constantResults[id];
    if (!r) {
      const t = this.templates[id] as Template;
      r = evaluateCall(
        t.name,
        t.args.map((a) => ("literal" in a ? a.literal : null)),
      );
      this.constantResults[id] = r;
    }
    return r;
  }

  private memo(id: number): { single: number; results: Map<unknown, CallResult> } {
    let m = this.callMemo.get(id);
    if (!m) {
      const tpl = this.templates[id] as Template;
      const refs = tpl.args.flatMap((a, i) => ("ref" in a ? [i] : []));
      this.callMemo.set(
        id,
        (m = { single: refs.length === 1 ? (refs[0] as number) : -1, results: new Map() }),
      );
    }
    return m;
  }

  /** Calls repeat with the same arguments (one label per row, many cells): a memo per template. */
  call(id: number, args: Arg[]): CallResult {
    const m = this.memo(id);
    // One reference: its value is the key; more: their values joined (a type mark keeps 1 and "1" apart).
    const key = m.single >= 0 ? args[m.single] : args.map((a) => `${typeof a}:${String(a)}`).join("\u0001");
    return m.results.get(key) ?? this.evaluated(m.results, key, id, args);
  }

  /** `call` for a template of one reference, given that reference's value: its arguments are made only when new. */
  callWith(id: number, value: Arg): CallResult {
    const m = this.memo(id);
    const known = m.results.get(value);
    if (known) return known;
    const args = (this.templates[id] as Template).args.map((a) => ("literal" in a ? a.literal : value));
    return this.evaluated(m.results, value, id, args);
  }

  /** Evaluates a call new to its memo, and keeps the result under `key`. */
  private evaluated(results: Map<unknown, CallResult>, key: unknown, id: number, args: Arg[]): CallResult {
    const r = evaluateCall((this.templates[id] as Template).name, args);
    if (results.size > 10_000) results.clear();
    results.set(key, r);
    return r;
  }

  /**
   * The one reference of a template when it is to a cell of the formula's own row on its own
   * sheet (a relative row of 0): then `SheetReader.resultFromRow` needs no argument list. Null
   * for any other template.
   */
  rowRef(id: number): { col: number; colAbsolute: boolean } | null {
    let r = this.rowRefs[id];
    if (r === undefined) {
      const refs = (this.templates[id] as Template).args.flatMap((a) => ("ref" in a ? [a.ref] : []));
      const ref = refs[0];
      r =
        refs.length === 1 && ref && ref.sheet === undefined && !ref.rowAbsolute && ref.row === 0
          ? { col: ref.col, colAbsolute: ref.colAbsolute }
          : null;
      this.rowRefs[id] = r;
    }
    return r;
  }

  private readonly rowRefs: ({ col: number; colAbsolute: boolean } | null | undefined)[] = [];

  skip(s: SkippedFormula): void {
    this.skippedCount++;
    // Enough to show; the rest are counted.
    if (this.skipped.length < 1000) this.skipped.push(s);
  }
}

export interface SheetRead {
  index: number;
  name: string;
  from: number;
  to: number;
  protected: boolean;
  captured: Map<number, CellValue | { sst: number }>;
  inserts: InsertSlot[];
  anchors: Map<number, ArrayAnchor>;
  /** Largest result grid an anchor gave that did not fit its array range: anchor target → grid size. */
  prefix: string;
}

/** Reads one sheet's cells from the scanner's events. */
export class SheetReader implements SheetEvents {
  readonly read: SheetRead;
  private readonly arrays: ArrayAnchor[] = [];
  private readonly shared = new Map<string, number>();
  private readonly watches: BoxWatch[] = [];
  /** The cells read so far in the current row: their columns (ascending) and values. */
  private readonly rowCols: number[] = [];
  private readonly rowValues: (CellValue | { sst: number })[] = [];
  private rowLength = 0;

  /** The value of a cell read earlier in the current row, by binary search of its column. */
  private earlierInRow(col: number): CellValue | { sst: number } | undefined {
    let lo = 0;
    let hi = this.rowLength - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.rowCols[mid] as number;
      if (c === col) return this.rowValues[mid];
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  constructor(
    private readonly state: ReaderState,
    index: number,
    name: string,
    private readonly tables: TableWatch[],
  ) {
    const t = state.targets;
    this.read = {
      index,
      name,
      from: t.length,
      to: t.length,
      protected: false,
      captured: new Map(),
      inserts: [],
      anchors: new Map(),
      prefix: "",
    };
    this.lowerName = name.toLowerCase();
    this.ownWanted = state.wanted.get(this.lowerName);
    for (const tw of tables) this.watch(tw.body, (row, col) => this.tableTarget(tw, row, col));
  }

  private watch(box: Box, add: (row: number, col: number) => number | undefined): void {
    this.watches.push(
      new BoxWatch(box, (row, col, pos, mode) => {
        const target = add(row, col);
        if (target === undefined) return;
        this.state.targets.flags[target] = INSERTED;
        this.read.inserts.push({ pos, mode, row, col, target });
      }),
    );
  }

  sheetData(info: { prefix: string; start: number; tagEnd: number; selfClosing: boolean }): void {
    this.read.prefix = info.prefix;
    if (info.selfClosing) for (const w of this.watches) w.end(info.tagEnd - 2, "sheetdata-open");
  }

  row(r: RowInfo): void {
    this.rowLength = 0;
    // Array ranges above this row are behind us.
    for (let i = this.arrays.length - 1; i >= 0; i--)
      if ((this.arrays[i] as ArrayAnchor).box.bottom < r.row) this.arrays.splice(i, 1);
    for (const w of this.watches) w.row(r);
  }

  rowEnd(row: number, closeStart: number): void {
    for (const w of this.watches) w.rowEnd(row, closeStart);
  }

  sheetDataEnd(closeStart: number): void {
    for (const w of this.watches) w.end(closeStart, "row");
  }

  protectedSheet(): void {
    this.read.protected = true;
  }

  /**
   * The result of a formula whose references all point left of it in its row, at cells read
   * already that are not refreshed themselves and hold no shared string: what the plan would
   * work out for it later, known now. Undefined for any other formula.
   */
  private resultFromRow(templateId: number, row: number, col: number): CallResult | undefined {
    // The common case (a label to the left): one reference, its value the memo's key.
    const one = this.state.rowRef(templateId);
    if (one) {
      const c = one.colAbsolute ? one.col : one.col + col;
      if (c < 1 || c >= col || this.isTarget(row, c)) return undefined;
      const v = this.earlierInRow(c) ?? null;
      if (isSst(v)) return undefined;
      if (v !== null && typeof v === "object") return { kind: "value", value: v };
      return this.state.callWith(templateId, v);
    }
    const t = this.state.templates[templateId] as Template;
    const args: Arg[] = [];
    let error: CellValue | undefined;
    for (const a of t.args) {
      if ("literal" in a) {
        args.push(a.literal);
        continue;
      }
      const ref = a.ref;
      if (
        ref.sheet !== undefined ||
        (!ref.rowAbsolute && ref.row !== 0) ||
        (ref.rowAbsolute && ref.row !== row)
      )
        return undefined;
      const c = ref.colAbsolute ? ref.col : ref.col + col;
      if (c < 1 || c >= col || this.isTarget(row, c)) return undefined;
      // Every cell of the row left of this one is read: one not there is blank.
      const v = this.earlierInRow(c) ?? null;
      if (isSst(v)) return undefined;
      // An error argument makes the call that error, as in Excel.
      if (v !== null && typeof v === "object") error ??= v;
      else args.push(v);
    }
    return error ? { kind: "value", value: error } : this.state.call(templateId, args);
  }

  /**
   * True when a cell of the current row, left of the one being read, is a target (its value may
   * change). The row's targets are the last ones added: a few steps back from the end, on every
   * formula, rather than Targets.find's search of the whole sheet.
   */
  private isTarget(row: number, col: number): boolean {
    const targets = this.state.targets;
    for (let t = targets.length - 1; t >= this.read.from && targets.row[t] === row; t--)
      if (targets.col[t] === col) return true;
    return false;
  }

  private wantRefs(templateId: number, row: number, col: number): void {
    const t = this.state.templates[templateId] as Template;
    for (const a of t.args) {
      if (!("ref" in a)) continue;
      const ref = a.ref;
      const r = ref.rowAbsolute ? ref.row : ref.row + row;
      const c = ref.colAbsolute ? ref.col : ref.col + col;
      if (r < 1 || c < 1 || r > MAX_ROW || c > MAX_COL) continue;
      const key = cellKey(r, c);
      const here = ref.sheet === undefined;
      // Left of the formula in its row: read already, so there is nothing to look out for.
      if (here && r === row && c < col) {
        const v = this.earlierInRow(c);
        if (v !== undefined) {
          this.read.captured.set(key, v);
          continue;
        }
      }
      const sheet = here ? this.lowerName : (ref.sheet as string).toLowerCase();
      let set = here ? this.ownWanted : this.state.wanted.get(sheet);
      if (!set) {
        set = new Set();
        this.state.wanted.set(sheet, set);
        if (here) this.ownWanted = set;
      }
      set.add(key);
    }
  }

  private readonly lowerName: string;
  private ownWanted: Set<number> | undefined;

  private tableTarget(tw: TableWatch, row: number, col: number): number {
    const t = this.state.targets.add(this.read.index, row, col, TABLE, tw.index);
    this.state.targets.setCached(t, null);
    return t;
  }

  cell(c: CellInfo): void {
    for (const w of this.watches) w.cell(c);
    // A plain number (no t, or t="n") is read without its text.
    const type = c.type;
    const n = c.number;
    const value = n === n && (type === undefined || type === "n") ? n : cachedValue(type, c.value, c.inline);
    const stored = typeof value === "string" ? decodeOoxmlEscapes(value) : value;
    const key = cellKey(c.row, c.col);
    // A formula may refer to a cell before it in its row (its label): kept for the row.
    this.rowCols[this.rowLength] = c.col;
    this.rowValues[this.rowLength++] = stored;
    if (this.ownWanted?.has(key)) this.read.captured.set(key, stored);
    const f = c.formula;
    if (f) {
      this.formulaCell(c, f, stored);
      return;
    }
    for (const a of this.arrays) {
      if (a.box.bottom < c.row) continue;
      if (inBox(a.box, c.row, c.col)) {
        this.spillCell(c, a, stored);
        return;
      }
    }
    for (const tw of this.tables) {
      if (inBox(tw.labelBox, c.row, c.col)) tw.labels.set(key, stored);
      if (inBox(tw.body, c.row, c.col)) {
        const t = this.state.targets.add(this.read.index, c.row, c.col, TABLE, tw.index);
        this.place(t, c, stored);
        return;
      }
    }
  }

  /** Records where the value of cell `c` is, for target `t`. */
  private place(t: number, c: CellInfo, stored: CellValue | { sst: number }): void {
    const targets = this.state.targets;
    targets.setCached(t, stored);
    let flags = 0;
    if (c.typeStart >= 0) {
      flags |= T_FLAG;
      targets.tPos[t] = c.typeStart;
      targets.tEnd[t] = c.typeEnd;
    } else {
      // A new t attribute goes just before the start tag's ">" (or "/>").
      targets.tPos[t] = targets.tEnd[t] = c.tagEnd - (c.selfClosing ? 2 : 1);
    }
    if (c.selfClosing) {
      flags |= SELF_CLOSING_FLAG;
      targets.vPos[t] = c.tagEnd - 2;
      targets.vEnd[t] = c.tagEnd;
    } else if (c.vStart >= 0) {
      flags |= V_FLAG;
      targets.vPos[t] = c.vStart;
      targets.vEnd[t] = c.vEnd;
    } else if (c.isStart >= 0) {
      flags |= V_FLAG;
      targets.vPos[t] = c.isStart;
      targets.vEnd[t] = c.isEnd;
    } else {
      targets.vPos[t] = targets.vEnd[t] = c.fEnd >= 0 ? c.fEnd : c.tagEnd;
    }
    targets.flags[t] = flags;
  }

  private formulaCell(c: CellInfo, f: FormulaInfo, stored: CellValue | { sst: number }): void {
    const state = this.state;
    const { type, ref, si } = f;
    let id: number;
    if (type === "shared" && f.raw.trim() === "") {
      const master = si === undefined ? undefined : this.shared.get(si);
      if (master === undefined) return;
      id = master;
    } else {
      id = state.template(f, c.row, c.col);
      if (id === NOT_IOM) {
        if (type === "shared" && si !== undefined) this.shared.delete(si);
        return;
      }
      if (type === "shared" && si !== undefined) {
        if (id >= 0) this.shared.set(si, id);
        else this.shared.delete(si);
      }
    }
    state.formulaCount++;
    if (id < 0) {
      state.skip({
        sheet: this.read.name,
        row: c.row,
        col: c.col,
        formula: formulaText(f),
        reason: "not_single_call",
      });
      return;
    }
    const template = state.templates[id] as Template;
    let result: CallResult | undefined;
    if (template.constant) {
      result = state.constantResult(id);
      if (result.kind === "unknown") {
        state.skip({
          sheet: this.read.name,
          row: c.row,
          col: c.col,
          formula: formulaText(f) || `(shared formula ${si ?? ""})`,
          reason: "unknown_function",
          detail: result.message,
        });
        return;
      }
    } else {
      // Its references all left of it in its row, at values known now: decided as it is read.
      result = type === "array" ? undefined : this.resultFromRow(id, c.row, c.col);
      if (result?.kind === "unknown") result = undefined;
      if (!result) this.wantRefs(id, c.row, c.col);
    }
    const isArray = type === "array" && ref !== undefined;
    const top =
      result?.kind === "grid"
        ? (result.grid[0]?.[0] ?? null)
        : result?.kind === "value"
          ? result.value
          : undefined;
    const targets = state.targets;
    const sst = isSst(stored);
    // An up-to-date cell with nothing hanging on it costs nothing more.
    if (top !== undefined && !isArray && !sst && sameValue(stored, top)) {
      state.currentCount++;
      return;
    }
    const t = targets.add(this.read.index, c.row, c.col, FORMULA, id);
    this.place(t, c, stored);
    if (top !== undefined) {
      // A shared string cached for a formula is not what Excel writes: it becomes an inline result.
      if (!sst && sameValue(stored, top)) targets.status[t] = CURRENT;
      else {
        targets.status[t] = CHANGED;
        targets.setNext(t, top);
      }
    }
    if (isArray) {
      const box = parseBox(ref);
      if (box && (box.bottom > box.top || box.right > box.left)) {
        const anchor: ArrayAnchor = { target: t, box, result };
        this.arrays.push(anchor);
        this.read.anchors.set(t, anchor);
        if (result) {
          // Literal arguments: the result's size is known, so missing cells inside it can be added.
          const rows = result.kind === "grid" ? result.grid.length : 1;
          const cols = result.kind === "grid" ? Math.max(1, ...result.grid.map((g) => g.length)) : 1;
          const within: Box = {
            top: box.top,
            left: box.left,
            bottom: Math.min(box.bottom, box.top + rows - 1),
            right: Math.min(box.right, box.left + cols - 1),
          };
          // The anchor itself is read already (the watch starts after it).
          const known = result;
          this.watch(within, (row, col) => {
            if (row === c.row && col <= c.col) return undefined;
            const v = spillValue(known, row - box.top, col - box.left);
            if (v === null) return undefined;
            const spill = targets.add(this.read.index, row, col, SPILL, t);
            targets.setCached(spill, null);
            targets.status[spill] = CHANGED;
            targets.setNext(spill, v);
            return spill;
          });
          const w = this.watches[this.watches.length - 1];
          w?.row({ row: c.row, start: c.start, tagEnd: c.start, selfClosing: false });
          w?.cell(c);
        }
      }
    }
  }

  private spillCell(c: CellInfo, a: ArrayAnchor, stored: CellValue | { sst: number }): void {
    const targets = this.state.targets;
    const t = targets.add(this.read.index, c.row, c.col, SPILL, a.target);
    this.place(t, c, stored);
    if (a.result) {
      const v = spillValue(a.result, c.row - a.box.top, c.col - a.box.left);
      if (!isSst(stored) && sameValue(stored, v)) targets.status[t] = CURRENT;
      else {
        targets.status[t] = CHANGED;
        targets.setNext(t, v);
      }
    }
  }

  finish(): SheetRead {
    this.read.to = this.state.targets.length;
    return this.read;
  }
}

/** The value an array formula's result puts in the cell (i, j) of its range: #N/A beyond the result, as Excel shows. */
export function spillValue(r: CallResult, i: number, j: number): CellValue {
  if (r.kind === "grid") {
    const row = r.grid[i];
    const v = row?.[j];
    return v === undefined ? { error: "#N/A" } : v;
  }
  if (r.kind === "value") return i === 0 && j === 0 ? r.value : { error: "#N/A" };
  return null;
}
