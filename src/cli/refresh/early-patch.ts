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
import { copyBytes } from "./sheet-scanner";

// Per-cell code reads these as module constants: under tsx, every use of an imported binding is a getter call.
const INSERTED_FLAG = INSERTED;
const PENDING = Status.Pending;
const CHANGED = Status.Changed;

/** At most this many compressed bytes are kept per sheet; a larger sheet is patched in a second pass. */
export const EARLY_PATCH_LIMIT = 64 * 1024 ** 2;

/** From this size a sheet is deflated in a worker thread (starting one costs tens of milliseconds). */
export const WORKER_DEFLATE_FROM = 4 * 1024 ** 2;

export class EarlyPatch {
  private readonly deflater: PartDeflater | WorkerDeflater;
  /** Absolute offset up to which the bytes are handed on. */
  private emitted = 0;
  private next: number;

  /**
   * @param decide gives a pending target its value now if it can (true), or leaves it (false)
   * @param inWorker deflate in a worker thread (a large sheet: WORKER_DEFLATE_FROM)
   */
  constructor(
    private readonly targets: Targets,
    private readonly read: SheetRead,
    private readonly decide: (t: number) => boolean,
    inWorker: boolean,
  ) {
    this.next = read.from;
    this.deflater = inWorker ? new WorkerDeflater(EARLY_PATCH_LIMIT) : new PartDeflater(EARLY_PATCH_LIMIT);
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
    const starts = this.starts;
    const ends = this.ends;
    const texts = this.texts;
    starts.length = ends.length = texts.length = 0;
    for (; this.next < targets.length; this.next++) {
      const t = this.next;
      if (targets.status[t] === PENDING && !this.decide(t)) return void this.deflater.abort();
      if (targets.status[t] !== CHANGED || (targets.flags[t] as number) & INSERTED_FLAG) continue;
      forEachSplice(targets, t, forms, this.collect);
    }
    // One buffer for the chunk: the original bytes between the splices, and the splices' texts.
    let size = settled - this.emitted;
    for (let i = 0; i < starts.length; i++)
      size += (texts[i] as Buffer).length - ((ends[i] as number) - (starts[i] as number));
    if (size === 0) return undefined;
    const out = Buffer.allocUnsafe(size);
    let w = 0;
    let at = this.emitted;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] as number;
      if (start > at) w += scanner.copy(out, w, at, start);
      w += copyBytes(texts[i] as Buffer, 0, out, w, (texts[i] as Buffer).length);
      at = ends[i] as number;
    }
    if (settled > at) w += scanner.copy(out, w, at, settled);
    this.emitted = settled;
    return this.deflater.write(out);
  }

  private forms: ValueForms | undefined;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: Buffer[] = [];
  private readonly collect = (start: number, end: number, text: Buffer): void => {
    this.starts.push(start);
    this.ends.push(end);
    this.texts.push(text);
  };

  /** The patched sheet deflated, or undefined when the early patch was dropped. */
  finish(): Promise<DeflatedPart | undefined> {
    return this.deflater.finish();
  }

  abort(): void {
    this.deflater.abort();
  }
}
