/**
 * The patched sheet made while the sheet is read, so the common refresh inflates and scans each
 * sheet once: as each chunk is scanned, the bytes before the scanner's settled offset go to a
 * deflater (on zlib's thread pool, alongside the scan) with the new values of the cells in them
 * spliced in. Every cell there must be decided by then: literal arguments, or references to cells
 * already read. At the first one that is not (a reference ahead, a table cell, a cell to add),
 * the early patch is dropped and the sheet is patched after the plan, as a second pass.
 */
import type { DeflatedPart } from "./zip-package";
import { PartDeflater } from "./zip-package";
import { WorkerDeflater } from "./worker-deflater";
import type { SheetRead } from "./sheet-reader";
import type { SheetScanner } from "./sheet-scanner";
import { forEachSplice, ValueForms } from "./sheet-patcher";
import { INSERTED, Status, type Targets } from "./targets";
import { applySplices } from "./splice-bytes";

// Per-cell code reads these as module constants: under tsx, every use of an imported binding is a getter call.
const INSERTED_FLAG = INSERTED;
const PENDING = Status.Pending;
const CHANGED = Status.Changed;

/** At most this many compressed bytes are kept per sheet; a larger sheet is patched in a second pass. */
export const EARLY_PATCH_LIMIT = 64 * 1024 ** 2;

/** From this size a sheet is deflated in a worker thread (starting one costs tens of milliseconds). */
export const WORKER_DEFLATE_FROM = 4 * 1024 ** 2;

export class EarlyPatch {
  /** How many distinct splice texts are kept before their table starts again (a test lowers it). */
  static textsMax = 4096;

  private readonly deflater: PartDeflater | WorkerDeflater;
  /** Absolute offset up to which the bytes are handed on. */
  private emitted = 0;
  private next: number;

  /**
   * @param decide gives a pending target its value now if it can (true), or leaves it (false)
   * @param worker a worker deflater to use (a large sheet: WORKER_DEFLATE_FROM, started by the
   *   caller, which may start it early), or undefined to deflate on zlib's thread pool
   */
  constructor(
    private readonly targets: Targets,
    private readonly read: SheetRead,
    private readonly decide: (t: number) => boolean,
    worker: WorkerDeflater | undefined,
  ) {
    this.next = read.from;
    this.deflater = worker ?? new PartDeflater(EARLY_PATCH_LIMIT);
  }

  /** The earliest offset still to be handed on: the scanner keeps its bytes from there. */
  get retainFrom(): number {
    return this.deflater.aborted ? Infinity : this.emitted;
  }

  get aborted(): boolean {
    return this.deflater.aborted;
  }

  /** Hands on the bytes up to `settled` (every cell before it read whole). */
  advance(scanner: SheetScanner, settled: number): Promise<void> | undefined {
    if (this.deflater.aborted) return undefined;
    if (this.read.inserts.length > 0) return void this.deflater.abort();
    const targets = this.targets;
    const forms = (this.forms ??= new ValueForms(targets, this.read.prefix));
    this.count = 0;
    // Values that never repeat: the table of texts starts again rather than grow with the sheet.
    if (this.texts.length >= EarlyPatch.textsMax) {
      this.texts = [];
      this.textIds = new Map();
      this.sent = 0;
    }
    for (; this.next < targets.length; this.next++) {
      const t = this.next;
      if (targets.status[t] === PENDING && !this.decide(t)) return void this.deflater.abort();
      if (targets.status[t] !== CHANGED || (targets.flags[t] as number) & INSERTED_FLAG) continue;
      forEachSplice(targets, t, forms, this.collect);
    }
    if (settled === this.emitted && this.count === 0) return undefined;
    // The original bytes, one copy; the splices are applied where the bytes are deflated.
    const bytes = Buffer.allocUnsafe(settled - this.emitted);
    scanner.copy(bytes, 0, this.emitted, settled);
    this.emitted = settled;
    const splices = this.splices.slice(0, this.count);
    if (this.deflater instanceof PartDeflater)
      return this.deflater.write(applySplices(bytes, splices, this.texts) as Buffer);
    const fresh = this.texts.slice(this.sent);
    const reset = this.sent === 0;
    this.sent = this.texts.length;
    return this.deflater.writeSpliced(bytes, splices, fresh, reset);
  }

  private forms: ValueForms | undefined;
  /** The splices of the bytes being handed on: start and end (from `emitted`), text index. */
  private splices = new Int32Array(3 * 4096);
  private count = 0;
  /** The splice texts (a few distinct values for many cells), and how many the worker has. */
  private texts: Buffer[] = [];
  private textIds = new Map<Buffer, number>();
  private sent = 0;
  private readonly collect = (start: number, end: number, text: Buffer): void => {
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.textIds.set(text, id);
    }
    if (this.count + 3 > this.splices.length) {
      const bigger = new Int32Array(this.splices.length * 2);
      bigger.set(this.splices);
      this.splices = bigger;
    }
    this.splices[this.count++] = start - this.emitted;
    this.splices[this.count++] = end - this.emitted;
    this.splices[this.count++] = id;
  };

  /** The patched sheet deflated, or undefined when the early patch was dropped. */
  finish(): Promise<DeflatedPart | undefined> {
    return this.deflater.finish();
  }

  abort(): void {
    this.deflater.abort();
  }
}
