/**
 * Patches and deflates a large sheet in a worker thread. zlib's own streams run on the thread
 * pool, but each step of theirs needs a turn of the main thread's event loop to go on, and the main
 * thread is busy scanning the sheet between chunks: the deflater waited for the scan, and the scan
 * then waited for the deflater (bench/refresh.bench.ts; docs/performance.md, "Refresh"). A worker
 * has an event loop of its own, so the deflate runs beside the scan. It also applies the splices
 * to the original bytes and takes the CRC-32, which the main thread did between its scans.
 */
import { Worker } from "node:worker_threads";
import { constants } from "node:zlib";
import { applySplices } from "./splice-bytes";
import type { DeflatedPart } from "./zip-package";

/**
 * The worker's code, run as a script (`eval`): no file to find beside the compiled library, and
 * the same applySplices as the main thread's.
 */
const WORKER_SOURCE = `
${applySplices.toString()}
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const z = zlib.createDeflateRaw({ level: workerData.level, chunkSize: 1 << 20 });
const chunks = [];
let compressed = 0, size = 0, crc = 0, over = false;
z.on("data", (c) => {
  compressed += c.length;
  if (compressed > workerData.limit) {
    if (!over) parentPort.postMessage({ over: true });
    over = true;
    chunks.length = 0;
  } else chunks.push(c);
});
z.on("end", () => parentPort.postMessage({ done: Buffer.concat(chunks), size, crc: crc >>> 0 }));
z.on("error", (e) => { throw e; });
const texts = [];
parentPort.on("message", (m) => {
  if (m === "end") return void z.end();
  if (m.resetTexts) texts.length = 0;
  for (const t of m.texts) texts.push(t);
  const out = applySplices(m.bytes, m.splices, texts);
  const chunk = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  size += chunk.length;
  crc = zlib.crc32(chunk, crc);
  z.write(chunk, () => parentPort.postMessage(m.bytes.length));
});
`;

const NO_SPLICES = new Int32Array(0);

/** A view of shared memory (Buffer's small-allocation pool) is copied, not moved. */
const owns = (b: ArrayBufferView): boolean => b.byteOffset === 0 && b.buffer.byteLength === b.byteLength;

/** Bytes handed to the worker and not yet deflated, past which `write` asks the caller to wait. */
const IN_FLIGHT_MAX = 8 * 1024 ** 2;

/**
 * The same contract as PartDeflater (zip-package.ts): bytes in, the deflated part out, dropped
 * when its compressed size passes `limit` or on `abort`. A worker that fails drops the part too,
 * and the refresh patches the sheet in a second pass, as for any dropped early patch.
 */
export class WorkerDeflater {
  private readonly worker: Worker;
  private inFlight = 0;
  private dropped = false;
  private resume: (() => void) | undefined;
  private readonly result: Promise<DeflatedPart | undefined>;

  constructor(limit: number) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Not the parent's flags: a loader it runs under (tsx, a test runner's) costs every worker
      // tens of milliseconds to start, and this code needs none.
      execArgv: [],
      workerData: { limit, level: constants.Z_DEFAULT_COMPRESSION },
    });
    this.result = new Promise((resolve) => {
      let settled = false;
      const settle = (part: DeflatedPart | undefined): void => {
        if (settled) return;
        settled = true;
        if (!part) this.dropped = true;
        this.wake();
        void this.worker.terminate();
        resolve(part);
      };
      const fail = (): void => settle(undefined);
      this.worker.on(
        "message",
        (m: number | { over: true } | { done: Uint8Array; size: number; crc: number }) => {
          if (typeof m === "number") {
            this.inFlight -= m;
            if (this.inFlight <= IN_FLIGHT_MAX / 2) this.wake();
          } else if ("over" in m) fail();
          else settle({ chunks: [m.done], uncompressedSize: m.size, crc32: m.crc });
        },
      );
      this.worker.on("error", fail);
      this.worker.on("exit", fail);
    });
  }

  private wake(): void {
    const r = this.resume;
    this.resume = undefined;
    r?.();
  }

  get aborted(): boolean {
    return this.dropped;
  }

  /**
   * Adds bytes, which it takes over (their memory is moved to the worker when they own it); the
   * promise, when one comes back, says when to go on.
   */
  write(bytes: Buffer): Promise<void> | undefined {
    return this.writeSpliced(bytes, NO_SPLICES, [], false);
  }

  /**
   * Adds original bytes with their splices (applySplices' form), applied in the worker; `texts` are
   * the splice texts new since the last call (after the ones it was given, or in place of them all
   * when `resetTexts`). Takes over `bytes` and `splices` as `write` does.
   */
  writeSpliced(
    bytes: Buffer,
    splices: Int32Array,
    texts: Uint8Array[],
    resetTexts: boolean,
  ): Promise<void> | undefined {
    if (this.dropped || (bytes.length === 0 && splices.length === 0)) return undefined;
    this.inFlight += bytes.length;
    const transfer: ArrayBuffer[] = [];
    for (const b of [bytes, splices]) if (b.length > 0 && owns(b)) transfer.push(b.buffer as ArrayBuffer);
    this.worker.postMessage({ bytes, splices, texts, resetTexts }, transfer);
    if (this.inFlight <= IN_FLIGHT_MAX) return undefined;
    return new Promise((resolve) => (this.resume = resolve));
  }

  abort(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.wake();
    void this.worker.terminate();
  }

  /** The deflated part, or undefined when it was dropped. */
  async finish(): Promise<DeflatedPart | undefined> {
    if (!this.dropped) this.worker.postMessage("end");
    return this.result;
  }
}
