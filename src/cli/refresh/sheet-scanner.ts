/**
 * A streaming scanner of worksheet XML that reports every row and cell of <sheetData> with the
 * exact byte offsets of its parts, so a refresh can splice new values into the original bytes.
 *
 * Why not a general SAX parser: saxes, htmlparser2 and sax-wasm all run at about 80 MB/s or less
 * on sheet XML (measured here), which alone costs more than unzipping and re-zipping the sheet;
 * this scanner jumps from markup to markup with Buffer.indexOf and looks inside only the elements
 * of cells. It is still a lexer of the whole document (comments, CDATA, processing instructions
 * and quoted attribute values are skipped as XML defines them, a DTD is refused, every end tag
 * must close the element it ends), and tests check it against saxes on every workbook they make.
 */
import { isAscii } from "node:buffer";
import { decodeEntities, XmlSyntaxError } from "./xml-text";

const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const LT = 0x3c;
const C = 0x63;
const F = 0x66;
const V = 0x76;

/** True when `str` has the end tag of the one-letter, unprefixed element `name` at `at` ("</c>"). */
const closesAt = (str: string, at: number, name: number): boolean =>
  str.charCodeAt(at) === LT &&
  str.charCodeAt(at + 1) === SLASH &&
  str.charCodeAt(at + 2) === name &&
  str.charCodeAt(at + 3) === GT;

const NON_ASCII = /[\u0080-\uffff]/;

/** 10^0 … 10^15, each made by exact multiplications. */
const POWERS_OF_TEN: number[] = [1];
for (let k = 1; k < 16; k++) POWERS_OF_TEN.push((POWERS_OF_TEN[k - 1] as number) * 10);

/**
 * Copies `length` bytes; a short run (most runs between two splices are a few bytes) by a loop,
 * which costs less than the call into Buffer's native copy.
 */
export function copyBytes(from: Buffer, start: number, to: Buffer, at: number, length: number): number {
  if (length > 48) return from.copy(to, at, start, start + length);
  for (let i = 0; i < length; i++) to[at + i] = from[start + i] as number;
  return length;
}

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

const columnLetters = (col: number): string => {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

export interface FormulaInfo {
  /**
   * A key of the formula text: the same key, the same text. Read the text with `formulaText`
   * (decoding is left until a formula is new, since most texts repeat).
   */
  raw: string;
  /** t attribute: "normal" (absent), "shared", "array" or "dataTable". */
  type: string;
  ref: string | undefined;
  si: string | undefined;
}

/** A cell of <sheetData>, with absolute byte offsets into the part. */
/** The text of a formula (entities decoded), "" for a shared formula's dependent cell. */
export function formulaText(f: FormulaInfo): string {
  return f.raw.charCodeAt(0) === 0 ? f.raw.slice(1) : decodeEntities(f.raw);
}

export interface CellInfo {
  row: number;
  col: number;
  /** Offset of "<c", and just after the start tag's ">" (or "/>"). */
  start: number;
  tagEnd: number;
  selfClosing: boolean;
  /** The element prefix with its colon ("" in the default namespace), for elements written into the cell. */
  prefix: string;
  /** The t attribute's value, and the offsets of that value (inside its quotes); -1 when absent. */
  type: string | undefined;
  typeStart: number;
  typeEnd: number;
  formula: FormulaInfo | undefined;
  /** Just after the <f> element; -1 without one. */
  fEnd: number;
  /** The <v> text, and the offsets of the whole <v> element; -1 without one. */
  readonly value: string | undefined;
  /**
   * The <v> text as a number when it is written plainly (see `plainNumber`), else NaN: then the
   * number needs no text. Whether it is one depends on the t attribute, as for `value`.
   */
  number: number;
  vStart: number;
  vEnd: number;
  /** The text of an inline string (<is>), and the offsets of that element. */
  inline: string | undefined;
  isStart: number;
  isEnd: number;
  /** Just after "</c>" (or after the start tag when self-closing). */
  end: number;
}

export interface RowInfo {
  row: number;
  start: number;
  tagEnd: number;
  selfClosing: boolean;
}

export interface SheetEvents {
  sheetData?(info: { prefix: string; start: number; tagEnd: number; selfClosing: boolean }): void;
  row?(row: RowInfo): void;
  cell?(cell: CellInfo): void;
  /** At "</row>": the row number and the offset of that end tag's "<". */
  rowEnd?(row: number, closeStart: number): void;
  /** At "</sheetData>", with the offset of its "<". */
  sheetDataEnd?(closeStart: number): void;
  /** A <sheetProtection> element with sheet="1" or sheet="true". */
  protectedSheet?(): void;
}

/**
 * The cell the scanner reports: one object, filled again for each cell, so it is good only while
 * the event that gives it runs. Its <v> text is cut from the chunk when first asked for: most
 * readers of a number cell want `number` alone.
 */
class ScannedCell implements CellInfo {
  row = 0;
  col = 0;
  start = 0;
  tagEnd = 0;
  selfClosing = false;
  prefix = "";
  type: string | undefined = undefined;
  typeStart = -1;
  typeEnd = -1;
  formula: FormulaInfo | undefined = undefined;
  fEnd = -1;
  vStart = -1;
  vEnd = -1;
  number = NaN;
  inline: string | undefined = undefined;
  isStart = -1;
  isEnd = -1;
  end = 0;
  private text: string | undefined = undefined;
  /** Offsets (in the scanner's buffer) of a <v> text not cut yet; -1 when `text` holds it. */
  private textFrom = -1;
  private textTo = -1;

  constructor(private readonly cut: (from: number, to: number) => string) {}

  get value(): string | undefined {
    if (this.textFrom >= 0) {
      this.text = this.cut(this.textFrom, this.textTo);
      this.textFrom = -1;
    }
    return this.text;
  }

  setValue(text: string | undefined): void {
    this.text = text;
    this.textFrom = -1;
  }

  /** The <v> text is bytes [from, to) of the scanner's buffer, cut (and decoded) when asked for. */
  deferValue(from: number, to: number): void {
    this.text = undefined;
    this.textFrom = from;
    this.textTo = to;
  }
}

const enum Capture {
  None,
  Formula,
  Value,
  Inline,
}

/** Streams one worksheet part; `write` chunks in order, then `end`. */
export class SheetScanner {
  private buf: Buffer = Buffer.alloc(0);
  /** The buffer `buf` begins, and the other one: taken in turn, so a chunk needs no new memory. */
  private current: Buffer = Buffer.alloc(0);
  private spare: Buffer = Buffer.alloc(0);
  /** The same bytes as a latin1 string: one char per byte, so string offsets are byte offsets. */
  private str = "";
  /** No byte of the buffer is ≥ 0x80: every text is its latin1 view. */
  private ascii = true;
  /** Absolute offset of buf[0]. */
  private base = 0;
  private pos = 0;
  private readonly stack: string[] = [];
  private sheetDataDepth = -1;
  private currentRow = 0;
  private lastCol = 0;
  private capture = Capture.None;
  private text = "";
  private inIs = false;
  private inRow = false;

  /**
   * @param events what to call for rows and cells
   * @param retainFrom the earliest absolute offset the caller may still ask `bytes` for
   */
  constructor(
    private readonly events: SheetEvents,
    private readonly retainFrom: () => number = () => Infinity,
  ) {}

  /**
   * Copies the original bytes between two absolute offsets (retained: see `retainFrom`) into `out`
   * at `at`, before the next `write`; returns their length.
   */
  copy(out: Buffer, at: number, from: number, to: number): number {
    return copyBytes(this.buf, from - this.base, out, at, to - from);
  }

  /** Everything before this absolute offset is final: no later event refers to it. */
  get settled(): number {
    return this.inCell ? this.cell.start : this.base + this.pos;
  }

  write(chunk: Uint8Array): void {
    const keep = Math.max(
      0,
      Math.min(this.base + this.pos, this.inCell ? this.cell.start : Infinity, this.retainFrom()) - this.base,
    );
    const rest = this.buf.subarray(keep);
    this.base += keep;
    this.pos -= keep;
    // The bytes kept and the chunk, copied into the buffer not in use (a copy: the producer may
    // reuse its chunk).
    const size = rest.length + chunk.length;
    let next = this.spare;
    if (next.length < size) next = Buffer.allocUnsafeSlow(size + (size >> 1));
    rest.copy(next, 0);
    next.set(chunk, rest.length);
    this.spare = this.current;
    this.current = next;
    this.buf = next.subarray(0, size);
    this.str = this.buf.toString("latin1");
    this.ascii = isAscii(this.buf);
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.stack.length > 0)
      throw new XmlSyntaxError(`the document ends inside <${this.stack[this.stack.length - 1] ?? ""}>`);
  }

  private fail(what: string, at: number): never {
    throw new XmlSyntaxError(`${what} at byte ${this.base + at}`);
  }

  /** Text of bytes [from, to) of the buffer: UTF-8, with a fast path for ASCII. */
  private utf8(from: number, to: number): string {
    const s = this.str.slice(from, to);
    return !this.ascii && NON_ASCII.test(s) ? this.buf.toString("utf8", from, to) : s;
  }

  private scan(final: boolean): void {
    const str = this.str;
    const n = str.length;
    while (this.pos < n) {
      const lt = str.indexOf("<", this.pos);
      if (lt < 0) {
        // Text up to the end of what we have. Text nobody reads is dropped at once (a sheet may
        // hold megabytes of whitespace); text being read is kept whole until its end.
        if (final || this.capture === Capture.None) this.pos = n;
        return;
      }
      if (lt > this.pos) {
        if (this.capture !== Capture.None) this.text += this.utf8(this.pos, lt);
        // Consumed: if the tag after it is cut by the chunk's end, the text is not read twice.
        this.pos = lt;
      }
      const next = str.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return this.waitOrFail(final, lt, "a tag");
      let end: number;
      if (next === QUESTION) {
        const close = str.indexOf("?>", lt + 2);
        if (close < 0) return this.waitOrFail(final, lt, "a processing instruction");
        end = close + 2;
      } else if (next === BANG) {
        if (n - lt < 9 && !final) return;
        if (str.startsWith("<!--", lt)) {
          const close = str.indexOf("-->", lt + 4);
          if (close < 0) return this.waitOrFail(final, lt, "a comment");
          end = close + 3;
        } else if (str.startsWith("<![CDATA[", lt)) {
          const close = str.indexOf("]]>", lt + 9);
          if (close < 0) return this.waitOrFail(final, lt, "a CDATA section");
          if (this.capture !== Capture.None) this.text += this.utf8(lt + 9, close);
          end = close + 3;
        } else {
          return this.fail("a document type declaration (not allowed in a workbook)", lt);
        }
      } else {
        // Most cells are <c …><f>…</f><v>…</v></c> with nothing else: one native match reads them whole.
        if (next === 0x63 && this.inRow && !this.inCell) {
          const whole = this.fastCell(lt);
          if (whole > 0) {
            this.pos = whole;
            continue;
          }
        }
        end = this.tagEnd(lt);
        if (end < 0) return this.waitOrFail(final, lt, "a tag");
        if (next === SLASH) this.closeTag(lt, end);
        else this.openTag(lt, end);
      }
      this.pos = end;
    }
  }

  /**
   * Reads a whole plain cell at `lt` (no prefix, no whitespace or markup between its elements, no
   * <is>) and returns the offset after it, or -1 to let the general path read it. Its shape is
   * checked whole before anything is recorded, with native searches for the markup.
   */
  private fastCell(lt: number): number {
    const str = this.str;
    // The start tag's attributes, read as its end is found; incomplete, self-closing or anything
    // unusual in it: the general path reads it.
    const tagEnd = this.plainAttributes(lt + 2);
    if (tagEnd < 0) return -1;
    let at = tagEnd;
    // <f>…</f>, <f …>…</f> or <f …/>
    let fTagEnd = -1;
    let fText = -1;
    let fClose = -1;
    // Markup is matched by character codes: startsWith is a call into the runtime, about 40 ns
    // each on this machine against under 10 for the inlined comparisons (measured), on every cell.
    if (str.charCodeAt(at) === LT && str.charCodeAt(at + 1) === F) {
      const c = str.charCodeAt(at + 2);
      if (c === GT) fTagEnd = at + 3;
      else if (c === 0x20) fTagEnd = this.tagEnd(at);
      if (fTagEnd < 0) return -1;
      if (str.charCodeAt(fTagEnd - 2) === SLASH) at = fTagEnd;
      else {
        fText = fTagEnd;
        fClose = str.indexOf("<", fTagEnd);
        if (fClose < 0 || !closesAt(str, fClose, F)) return -1;
        at = fClose + 4;
      }
    }
    let vClose = -1;
    const vStart = at;
    if (str.charCodeAt(at) === LT && str.charCodeAt(at + 1) === V && str.charCodeAt(at + 2) === GT) {
      vClose = str.indexOf("<", at + 3);
      if (vClose < 0 || !closesAt(str, vClose, V)) return -1;
      at = vClose + 4;
    }
    if (!closesAt(str, at, C)) return -1;
    const end = at + 4;
    this.nEnd = lt + 2;
    this.openCell("", this.base + lt, this.base + tagEnd, false, tagEnd, lt);
    const cell = this.cell;
    if (fTagEnd >= 0) {
      const f = this.formulaInfo;
      if (fTagEnd === tagEnd + 3) {
        f.type = "normal";
        f.ref = f.si = undefined;
      } else {
        this.attributes(tagEnd + 2, fTagEnd);
        f.type = this.aT ?? "normal";
        f.ref = this.aRef;
        f.si = this.aSi;
      }
      f.raw = fText < 0 ? "" : this.utf8(fText, fClose);
      cell.formula = f;
      cell.fEnd = this.base + (fClose < 0 ? fTagEnd : fClose + 4);
    }
    if (vClose >= 0) {
      cell.vStart = this.base + vStart;
      // A plain number is cut only if asked for; any other text is cut and decoded now, so that
      // a malformed one (a bare "&") fails here whoever reads it.
      const n = this.plainNumber(vStart + 3, vClose);
      cell.number = n;
      if (n === n) cell.deferValue(vStart + 3, vClose);
      else cell.setValue(decodeEntities(this.utf8(vStart + 3, vClose)));
      cell.vEnd = this.base + vClose + 4;
    }
    this.closeCell(this.base + end);
    return end;
  }

  private waitOrFail(final: boolean, at: number, what: string): void {
    if (final) this.fail(`the document ends inside ${what}`, at);
  }

  /** Offset just after the ">" that ends the tag starting at `lt` (quoted values may hold ">"), or -1. */
  private tagEnd(lt: number): number {
    const str = this.str;
    let gt = str.indexOf(">", lt + 1);
    if (gt < 0) return -1;
    // Only a quote before the ">" can hide it inside a value.
    let i = lt + 1;
    for (;;) {
      let q = -1;
      for (let k = i; k < gt; k++) {
        const b = str.charCodeAt(k);
        if (b === QUOT || b === APOS) {
          q = k;
          break;
        }
      }
      if (q < 0) return gt + 1;
      const close = str.indexOf(str[q] as string, q + 1);
      if (close < 0) return -1;
      i = close + 1;
      if (close > gt) {
        gt = str.indexOf(">", close + 1);
        if (gt < 0) return -1;
      }
    }
  }

  // The name just read by nameAt: prefix (with its colon, "" when none), local name, offset after it.
  private nPrefix = "";
  private nLocal = "";
  private nEnd = 0;

  /** Reads the element name starting at `from`; common names come back without allocating. */
  private nameAt(from: number, end: number): void {
    const str = this.str;
    let i = from;
    let colon = -1;
    while (i < end) {
      const b = str.charCodeAt(i);
      if (isSpace(b) || b === SLASH || b === GT) break;
      if (b === 0x3a) colon = i;
      i++;
    }
    if (i === from) this.fail("a tag without a name", from);
    this.nEnd = i;
    const l = colon + 1 || from;
    this.nPrefix = colon < 0 ? "" : str.slice(from, l);
    const len = i - l;
    const c0 = str.charCodeAt(l);
    this.nLocal =
      len === 1 && c0 === 0x63
        ? "c"
        : len === 1 && c0 === 0x76
          ? "v"
          : len === 1 && c0 === 0x66
            ? "f"
            : len === 3 && c0 === 0x72 && str.startsWith("row", l)
              ? "row"
              : str.slice(l, i);
  }

  // Attributes read by `attributes`, by what the element is.
  private aR: string | undefined;
  private aT: string | undefined;
  private aTStart = -1;
  private aTEnd = -1;
  private aRef: string | undefined;
  private aSi: string | undefined;
  private aSheet: string | undefined;

  private clearAttributes(): void {
    this.aR = this.aT = this.aRef = this.aSi = this.aSheet = undefined;
    this.aCol = this.aRow = 0;
    this.aTStart = this.aTEnd = -1;
  }

  /** Keeps the attribute named at `nameStart` (`len` long) whose value is [open, close), if it is one read. */
  private attribute(nameStart: number, len: number, open: number, close: number): void {
    const str = this.str;
    const c0 = str.charCodeAt(nameStart);
    // SpreadsheetML's own attributes are unprefixed: a prefixed one (x14ac:dyDescent) belongs to an extension.
    if (len === 1 && c0 === 0x72) this.readR(open, close);
    else if (len === 1 && c0 === 0x74) {
      this.aT = this.typeValue(open, close);
      this.aTStart = this.base + open;
      this.aTEnd = this.base + close;
    } else if (len === 3 && str.startsWith("ref", nameStart)) this.aRef = this.value(open, close);
    else if (len === 2 && str.startsWith("si", nameStart)) this.aSi = this.value(open, close);
    else if (len === 5 && str.startsWith("sheet", nameStart)) this.aSheet = this.value(open, close);
  }

  /** Reads the attributes of a tag into the fields above (only unprefixed ones: r, t, ref, si, sheet). */
  private attributes(from: number, to: number): void {
    this.clearAttributes();
    const str = this.str;
    let i = from;
    for (;;) {
      while (i < to && isSpace(str.charCodeAt(i))) i++;
      const c = str.charCodeAt(i);
      if (i >= to || c === SLASH || c === GT) return;
      const nameStart = i;
      while (i < to && str.charCodeAt(i) !== EQ && !isSpace(str.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < to && isSpace(str.charCodeAt(i))) i++;
      if (str.charCodeAt(i) !== EQ) this.fail("an attribute without a value", i);
      i++;
      while (i < to && isSpace(str.charCodeAt(i))) i++;
      const q = str.charCodeAt(i);
      if (q !== QUOT && q !== APOS) this.fail("an attribute value without quotes", i);
      const close = str.indexOf(q === QUOT ? '"' : "'", i + 1);
      if (close < 0 || close >= to) this.fail("an attribute value not closed", i);
      this.attribute(nameStart, nameEnd - nameStart, i + 1, close);
      i = close + 1;
    }
  }

  /**
   * Reads the attributes of a start tag written plainly (each one space, a name, `="`, a value,
   * `"`) from `from`, just after its name, into the same fields as `attributes`, and returns the
   * offset after its ">"; -1 for anything else (other spacing, single quotes, "/>", the end of the
   * chunk), which the general path reads. Never fails: the general path reports what is wrong.
   */
  private plainAttributes(from: number): number {
    this.clearAttributes();
    const str = this.str;
    let i = from;
    for (;;) {
      const c = str.charCodeAt(i);
      if (c === GT) return i + 1;
      if (c !== 0x20) return -1;
      const nameStart = ++i;
      for (;;) {
        const b = str.charCodeAt(i);
        if (b === EQ) break;
        // A space, a quote, a tag's end or the end of the chunk inside a name.
        if (b <= 0x20 || b === QUOT || b === APOS || b === GT || b === SLASH || Number.isNaN(b)) return -1;
        i++;
      }
      const len = i - nameStart;
      if (len === 0 || str.charCodeAt(i + 1) !== QUOT) return -1;
      const open = i + 2;
      const close = str.indexOf('"', open);
      if (close < 0) return -1;
      this.attribute(nameStart, len, open, close);
      i = close + 1;
    }
  }

  // An r attribute read as numbers: "B12" → column 2, row 12 (column 0 for a row's "12").
  private aCol = 0;
  private aRow = 0;

  /** Reads an r value without making a string when it is a plain address (the common case). */
  private readR(from: number, to: number): void {
    const str = this.str;
    let k = from;
    let col = 0;
    for (; k < to && k - from < 3; k++) {
      const c = str.charCodeAt(k) | 0x20;
      if (c < 0x61 || c > 0x7a) break;
      col = col * 26 + (c - 0x60);
    }
    let row = 0;
    const digits = k;
    for (; k < to; k++) {
      const d = str.charCodeAt(k) - 0x30;
      if (d < 0 || d > 9) break;
      row = row * 10 + d;
    }
    if (k === to && k > digits && k - digits <= 7) {
      this.aCol = col;
      this.aRow = row;
      this.aR = "";
    } else {
      // Something else (entities, spaces): read as text, and judged by whoever needs it.
      this.aCol = -1;
      this.aR = this.value(from, to);
    }
  }

  private value(from: number, to: number): string {
    return decodeEntities(this.utf8(from, to));
  }

  /**
   * A cell's t value: the common ones are the constants themselves, found by character codes (a
   * cut of one to three characters is a new string, and every switch on it compares text).
   */
  private typeValue(from: number, to: number): string {
    const str = this.str;
    const c = str.charCodeAt(from);
    if (to - from === 1) {
      if (c === 0x65) return "e";
      if (c === 0x73) return "s";
      if (c === 0x6e) return "n";
      if (c === 0x62) return "b";
    } else if (
      to - from === 3 &&
      c === 0x73 &&
      str.charCodeAt(from + 1) === 0x74 &&
      str.charCodeAt(from + 2) === 0x72
    )
      return "str";
    return this.value(from, to);
  }

  /**
   * The number a <v> text [from, to) writes plainly (an optional minus, at most 15 digits with an
   * optional point inside or before them), or NaN for anything else (exponents, spaces, entities,
   * more digits), which is read as text. Up to 15 digits the integer is exact and so is the power
   * of ten, so their quotient is the correctly rounded value, the same as Number() gives.
   */
  private plainNumber(from: number, to: number): number {
    const str = this.str;
    let i = from;
    const negative = str.charCodeAt(i) === 0x2d;
    if (negative) i++;
    let m = 0;
    let digits = 0;
    let scale = -1;
    for (; i < to; i++) {
      const d = str.charCodeAt(i) - 0x30;
      if (d >= 0 && d <= 9) {
        m = m * 10 + d;
        digits++;
        if (scale >= 0) scale++;
      } else if (d === -2 && scale < 0) scale = 0;
      else return NaN;
    }
    if (digits === 0 || digits > 15 || scale === 0) return NaN;
    const v = scale > 0 ? m / (POWERS_OF_TEN[scale] as number) : m;
    return negative ? -v : v;
  }

  private openTag(lt: number, end: number): void {
    const selfClosing = this.str.charCodeAt(end - 2) === SLASH;
    this.nameAt(lt + 1, end);
    const name = this.nLocal;
    const prefix = this.nPrefix;
    const depth = this.stack.length;
    const abs = this.base + lt;
    const tagEnd = this.base + end;
    if (this.inCell) {
      this.openInCell(name, abs, tagEnd, selfClosing, end);
    } else if (this.sheetDataDepth >= 0 && depth === this.sheetDataDepth + 1 && name === "row") {
      this.attributes(this.nEnd, end);
      let r = this.aR === undefined ? this.currentRow + 1 : this.aCol === 0 ? this.aRow : NaN;
      if (!Number.isInteger(r) || r < 1 || r > 1048576) this.fail(`a row numbered "${this.aR ?? ""}"`, lt);
      if (r <= this.currentRow) this.fail(`row ${r} out of order (after row ${this.currentRow})`, lt);
      this.currentRow = r;
      this.lastCol = 0;
      this.inRow = !selfClosing;
      const row = this.rowInfo;
      row.row = r;
      row.start = abs;
      row.tagEnd = tagEnd;
      row.selfClosing = selfClosing;
      this.events.row?.(row);
      if (selfClosing) this.events.rowEnd?.(r, -1);
      r = 0;
    } else if (this.sheetDataDepth >= 0 && depth === this.sheetDataDepth + 2 && name === "c" && this.inRow) {
      this.attributes(this.nEnd, end);
      this.openCell(prefix, abs, tagEnd, selfClosing, end, lt);
      if (selfClosing) this.closeCell(tagEnd);
    } else if (depth === 1 && name === "sheetData") {
      this.sheetDataDepth = selfClosing ? -1 : depth;
      this.events.sheetData?.({ prefix, start: abs, tagEnd, selfClosing });
    } else if (depth === 1 && name === "sheetProtection") {
      this.attributes(this.nEnd, end);
      const v = this.aSheet;
      if (v !== undefined && (v === "1" || v.toLowerCase() === "true")) this.events.protectedSheet?.();
    }
    if (!selfClosing) this.stack.push(prefix === "" ? name : prefix + name);
  }

  private readonly rowInfo: RowInfo = { row: 0, start: 0, tagEnd: 0, selfClosing: false };
  private readonly formulaInfo: FormulaInfo = { raw: "", type: "normal", ref: undefined, si: undefined };
  private readonly cell = new ScannedCell((from, to) => decodeEntities(this.utf8(from, to)));
  private inCell = false;

  /** Starts the cell whose start tag's attributes were just read (by `attributes` or `plainAttributes`). */
  /** The address just read, as text: only for a message (a string for every cell costs). */
  private address(): string {
    return this.aR || `${columnLetters(this.aCol)}${this.aRow}`;
  }

  private openCell(
    prefix: string,
    abs: number,
    tagEnd: number,
    selfClosing: boolean,
    end: number,
    lt: number,
  ): void {
    const row = this.currentRow;
    let col = this.lastCol + 1;
    if (this.aR !== undefined) {
      if (!(this.aCol > 0 && this.aRow >= 1 && this.aRow <= 1048576 && this.aCol <= 16384))
        this.fail(`a cell with the address "${this.aR || this.str.slice(this.nEnd, end)}"`, lt);
      if (this.aRow !== row) this.fail(`cell ${this.address()} inside row ${row}`, lt);
      col = this.aCol;
    }
    if (col <= this.lastCol)
      this.fail(`cell ${this.aR !== undefined ? this.address() : col} out of order in row ${row}`, lt);
    if (col > 16384) this.fail(`a cell past column XFD in row ${row}`, lt);
    this.lastCol = col;
    const cell = this.cell;
    cell.row = row;
    cell.col = col;
    cell.start = abs;
    cell.tagEnd = tagEnd;
    cell.selfClosing = selfClosing;
    cell.prefix = prefix;
    cell.type = this.aT;
    cell.typeStart = this.aTStart;
    cell.typeEnd = this.aTEnd;
    cell.formula = undefined;
    cell.fEnd = cell.vStart = cell.vEnd = cell.isStart = cell.isEnd = -1;
    cell.setValue(undefined);
    cell.number = NaN;
    cell.inline = undefined;
    cell.end = tagEnd;
    this.inCell = true;
  }

  private openInCell(name: string, abs: number, tagEnd: number, selfClosing: boolean, end: number): void {
    const cell = this.cell;
    const depth = this.stack.length - this.sheetDataDepth;
    // depth 3: a child of <c>; inside <is>, <t> (depth 4) and <r><t> (depth 5) hold its text.
    if (depth === 3) {
      if (name === "f") {
        this.attributes(this.nEnd, end);
        const f = this.formulaInfo;
        f.raw = "";
        f.type = this.aT ?? "normal";
        f.ref = this.aRef;
        f.si = this.aSi;
        cell.formula = f;
        if (selfClosing) cell.fEnd = tagEnd;
        else this.startCapture(Capture.Formula);
      } else if (name === "v") {
        cell.vStart = abs;
        if (selfClosing) {
          cell.vEnd = tagEnd;
          cell.setValue("");
        } else this.startCapture(Capture.Value);
      } else if (name === "is") {
        cell.isStart = abs;
        cell.inline = "";
        if (selfClosing) cell.isEnd = tagEnd;
        else this.inIs = true;
      }
    } else if (this.inIs && name === "t" && !selfClosing) {
      const parent = this.stack[this.stack.length - 1] ?? "";
      // Phonetic runs (<rPh><t>) are not part of the text.
      if (!parent.endsWith("rPh")) this.startCapture(Capture.Inline);
    }
  }

  private startCapture(what: Capture): void {
    this.capture = what;
    this.text = "";
  }

  private closeTag(lt: number, end: number): void {
    this.nameAt(lt + 2, end);
    const name = this.nLocal;
    const full = this.nPrefix === "" ? name : this.nPrefix + name;
    const open = this.stack.pop();
    if (open !== full) this.fail(`</${full}> where </${open ?? "(nothing)"}> was expected`, lt);
    const abs = this.base + lt;
    const after = this.base + end;
    const cell = this.cell;
    if (this.inCell) {
      const depth = this.stack.length - this.sheetDataDepth;
      if (depth === 2 && name === "c") return this.closeCell(after);
      if (depth === 3 && this.capture === Capture.Formula && name === "f") {
        // Text read piece by piece (maybe with CDATA) is decoded here; the key marks it as such.
        (cell.formula as FormulaInfo).raw = `\u0000${decodeEntities(this.text)}`;
        cell.fEnd = after;
        this.capture = Capture.None;
      } else if (depth === 3 && this.capture === Capture.Value && name === "v") {
        cell.setValue(decodeEntities(this.text));
        cell.vEnd = after;
        this.capture = Capture.None;
      } else if (depth === 3 && name === "is") {
        cell.isEnd = after;
        this.inIs = false;
      } else if (this.capture === Capture.Inline && name === "t") {
        cell.inline = (cell.inline ?? "") + decodeEntities(this.text);
        this.capture = Capture.None;
      }
      return;
    }
    if (this.sheetDataDepth >= 0) {
      if (this.stack.length === this.sheetDataDepth + 1 && name === "row") {
        this.inRow = false;
        this.events.rowEnd?.(this.currentRow, abs);
      } else if (this.stack.length === this.sheetDataDepth && name === "sheetData") {
        this.sheetDataDepth = -1;
        this.events.sheetDataEnd?.(abs);
      }
    }
  }

  private closeCell(after: number): void {
    const cell = this.cell;
    cell.end = after;
    this.inCell = false;
    this.capture = Capture.None;
    this.inIs = false;
    this.events.cell?.(cell);
  }
}
