/**
 * The workbook's zip package, through @zip.js/zip.js: read the central directory from the file
 * (random access, never the whole file in memory), stream one part's decompressed bytes, and write
 * a new package in which every entry that is not replaced is copied as it is stored, local header
 * and compressed bytes included (zip.js's appendZip: no inflate, no deflate, same CRC).
 */
import { configure, Reader, ZipReader, ZipWriter, type Entry, type FileEntry } from "@zip.js/zip.js";
import { kMaxLength } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { pipeline, Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import {
  constants,
  crc32,
  createDeflateRaw,
  createInflateRaw,
  inflateRawSync,
  type DeflateRaw,
  type ZlibOptions,
} from "node:zlib";

// Node has no Web Workers for zip.js; it uses Node's own CompressionStream (zlib) in process.
configure({ useWebWorkers: false });

/**
 * The size of the pieces a part is inflated in. 1 MiB for a part of up to 32 MiB: fewer turns of
 * the event loop, and a sheet scanner's text of a piece is past the size (about 1,000,000 bytes)
 * from which Node keeps a latin1 string outside V8's heap, which the collector does not copy
 * (side by side: refresh ×0.92 literal, ×1.03 references). But those strings are freed only when
 * the collector gets to them: tens of megabytes of them piled up over a larger part (peak memory
 * refreshing a million cells 245–260 MB in 256 KiB pieces, 286–294 MB in 1 MiB ones).
 */
const inflateChunk = (size: number): number => (size <= 32 * 1024 ** 2 ? 1024 ** 2 : 256 * 1024);

/** Up to `length` bytes of an open file from `position` (fewer at its end). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const got = readSync(fd, buf, done, length - done, position + done);
    if (got === 0) break;
    done += got;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** Reads byte ranges of an open file: zip.js asks for the central directory, then entry data. */
class FileRangeReader extends Reader<number> {
  constructor(private readonly fd: number) {
    super(fd);
    this.size = fstatSync(fd).size;
  }

  // zip.js's typings declare readUint8Array as async; a positional read is all it needs.
  readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return Promise.resolve(readAt(this.fd, index, Math.max(0, Math.min(length, this.size - index))));
  }
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const c = chunks[i++];
      if (c === undefined) controller.close();
      else controller.enqueue(c);
    },
  });
}

/** Throws unless the entry is stored as deflate or uncompressed, the methods a workbook uses. */
function checkMethod(e: FileEntry): void {
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw new UnsupportedCompression(e.filename);
}

/** True when a part's decompressed size and CRC-32 are what its entry records. */
const matchesEntry = (e: FileEntry, size: number, crc: number): boolean =>
  size === e.uncompressedSize && (e.crc32 === undefined || crc >>> 0 === e.crc32 >>> 0);

/** Parts stored in at most this many bytes are read whole by `text`, not streamed. */
const WHOLE_READ_MAX = 1024 ** 2;
const LOCAL_HEADER = 30;
const LOCAL_SIGNATURE = 0x04034b50;

/** Thrown when a part decompresses to more bytes than allowed (a zip bomb, or a lying header). */
export class PartTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`${part} expands beyond ${limit} bytes`);
  }
}

/** A part whose bytes don't match its recorded size or checksum. */
export class DamagedPart extends Error {
  constructor(readonly part: string) {
    super(`${part} does not match its size or checksum`);
  }
}

/** A part stored with a compression method other than deflate (or none). */
export class UnsupportedCompression extends Error {
  constructor(readonly part: string) {
    super(`${part} uses an unsupported compression method`);
  }
}

export interface PackageEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  directory: boolean;
  /** 0 stored, 8 deflated. */
  compressionMethod: number;
}

/** A part's new content, already deflated (raw deflate), with what its zip entry records. */
export interface DeflatedPart {
  chunks: Uint8Array[];
  uncompressedSize: number;
  crc32: number;
}

/** A replaced part: a stream of its new bytes (deflated as the package is written), or its bytes deflated already. */
export type Replacement = (() => ReadableStream<Uint8Array>) | DeflatedPart;

// zlib passes stream options on to its Transform (the typings leave them out): room for a few
// chunks, so the scan goes on while zlib deflates the previous ones.
const DEFLATE_OPTIONS: ZlibOptions & { writableHighWaterMark: number } = {
  level: constants.Z_DEFAULT_COMPRESSION,
  writableHighWaterMark: 1 << 20,
};

/**
 * Deflates a part's new bytes as they are produced, on zlib's thread pool, at the level the
 * package writer uses (zlib's default, 6, as CompressionStream has), keeping the compressed bytes
 * in memory up to `limit`; past it, or when `abort` is called, they are dropped.
 */
export class PartDeflater {
  private readonly z: DeflateRaw = createDeflateRaw(DEFLATE_OPTIONS);
  private readonly chunks: Buffer[] = [];
  private compressed = 0;
  private size = 0;
  private crc = 0;
  private failure: unknown;
  private dropped = false;
  private readonly done: Promise<void>;
  /** Resolves the promise of a write waiting for zlib's buffer to drain. */
  private resume: (() => void) | undefined;

  constructor(private readonly limit: number) {
    const wake = (): void => {
      const r = this.resume;
      this.resume = undefined;
      r?.();
    };
    this.z.on("drain", wake);
    this.z.on("close", wake);
    this.z.on("data", (c: Buffer) => {
      this.compressed += c.length;
      if (this.compressed > this.limit) this.abort();
      else this.chunks.push(c);
    });
    this.done = new Promise((resolve) => {
      this.z.on("end", resolve);
      this.z.on("close", resolve);
      this.z.on("error", (e) => {
        this.failure = e;
        resolve();
      });
    });
  }

  get aborted(): boolean {
    return this.dropped;
  }

  /** Adds bytes; the promise, when one comes back, says when to go on (zlib's buffer is full). */
  write(bytes: Buffer): Promise<void> | undefined {
    if (this.dropped || bytes.length === 0) return undefined;
    this.size += bytes.length;
    this.crc = crc32(bytes, this.crc);
    if (this.z.write(bytes)) return undefined;
    return new Promise((resolve) => (this.resume = resolve));
  }

  abort(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.chunks.length = 0;
    this.z.destroy();
  }

  /** The deflated part, or undefined when it was dropped. */
  async finish(): Promise<DeflatedPart | undefined> {
    if (!this.dropped) this.z.end();
    await this.done;
    if (this.dropped || this.failure !== undefined) return undefined;
    return { chunks: this.chunks, uncompressedSize: this.size, crc32: this.crc >>> 0 };
  }
}

/** An open package: its entries in file order, and a way to stream any one of them. */
export class ZipPackage {
  private constructor(
    private readonly fd: number,
    private readonly reader: ZipReader<number>,
    private readonly raw: Entry[],
  ) {}

  static async open(path: string): Promise<ZipPackage> {
    const fd = openSync(path, "r");
    try {
      const reader = new ZipReader(new FileRangeReader(fd), { checkCrc32: true });
      return new ZipPackage(fd, reader, await reader.getEntries());
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  get entries(): PackageEntry[] {
    return this.raw.map((e) => ({
      name: e.filename,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      encrypted: e.encrypted,
      directory: e.directory,
      compressionMethod: e.compressionMethod,
    }));
  }

  has(name: string): boolean {
    return this.raw.some((e) => e.filename === name);
  }

  private file(name: string): FileEntry {
    const e = this.raw.find((x) => x.filename === name);
    if (!e || e.directory) throw new Error(`no part ${name} in the package`);
    return e;
  }

  /** A part's stored (compressed) bytes, as zip.js reads them without inflating. */
  private rawStream(name: string): ReadableStream<Uint8Array> {
    let control: TransformStreamDefaultController<Uint8Array> | undefined;
    const pipe = new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        control = controller;
      },
    });
    this.file(name)
      .getData(pipe.writable, { passThrough: true })
      .catch((e: unknown) => control?.error(e));
    return pipe.readable;
  }

  /**
   * A part's decompressed bytes as a Node stream: the stored bytes inflated by Node's zlib (much
   * faster than inflating through web streams), counted against `limit` and checked against the
   * entry's size and CRC-32 at the end.
   */
  private inflated(name: string, limit: number): Readable {
    const e = this.file(name);
    checkMethod(e);
    let total = 0;
    let crc = 0;
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        total += chunk.length;
        if (total > limit) return done(new PartTooLarge(name, limit));
        crc = crc32(chunk, crc);
        done(null, chunk);
      },
      flush(done) {
        done(matchesEntry(e, total, crc) ? null : new DamagedPart(name));
      },
    });
    const raw = Readable.fromWeb(this.rawStream(name) as NodeReadableStream<Uint8Array>);
    const stages: (Readable | Transform)[] = [raw];
    if (e.compressionMethod === 8)
      stages.push(createInflateRaw({ chunkSize: inflateChunk(e.uncompressedSize) }));
    stages.push(check);
    pipeline(stages, () => undefined);
    return check;
  }

  /**
   * Streams a part's decompressed bytes to `sink`, stopping with PartTooLarge past `limit` bytes;
   * a promise the sink returns holds the next chunk back until it settles.
   */
  async read(
    name: string,
    sink: (chunk: Uint8Array) => Promise<void> | undefined | void,
    limit: number,
  ): Promise<void> {
    for await (const chunk of this.inflated(name, limit)) {
      const wait = sink(chunk as Buffer);
      if (wait) await wait;
    }
  }

  /** A part's decompressed bytes as a stream (for a part rewritten while the package is written). */
  stream(name: string, limit: number): ReadableStream<Uint8Array> {
    return Readable.toWeb(this.inflated(name, limit)) as ReadableStream<Uint8Array>;
  }

  /** A part's stored bytes, read from the file just after its local header. */
  private storedBytes(e: FileEntry): Buffer {
    const header = readAt(this.fd, e.offset, LOCAL_HEADER);
    if (header.length < LOCAL_HEADER || header.readUInt32LE(0) !== LOCAL_SIGNATURE)
      throw new DamagedPart(e.filename);
    const start = e.offset + LOCAL_HEADER + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = readAt(this.fd, start, e.compressedSize);
    if (data.length !== e.compressedSize) throw new DamagedPart(e.filename);
    return data;
  }

  /**
   * A small part's decompressed bytes, read and inflated at once: a few web streams per part cost
   * milliseconds, which a refresh pays for each relationship and workbook part it reads.
   */
  private wholeBytes(e: FileEntry, limit: number): Buffer {
    if (e.uncompressedSize > limit) throw new PartTooLarge(e.filename, limit);
    checkMethod(e);
    const stored = this.storedBytes(e);
    let data = stored;
    if (e.compressionMethod === 8)
      try {
        data = inflateRawSync(stored, { maxOutputLength: Math.min(limit + 1, kMaxLength) });
      } catch (err) {
        // By its code: an error from Node's internals may come from another realm (a test's vm).
        if ((err as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE")
          throw new PartTooLarge(e.filename, limit);
        throw new DamagedPart(e.filename);
      }
    if (data.length > limit) throw new PartTooLarge(e.filename, limit);
    if (!matchesEntry(e, data.length, crc32(data))) throw new DamagedPart(e.filename);
    return data;
  }

  /** A part's whole text (for the small parts: workbook, relationships, tables). */
  async text(name: string, limit: number): Promise<string> {
    const e = this.file(name);
    if (e.compressedSize <= WHOLE_READ_MAX && !e.encrypted) return this.wholeBytes(e, limit).toString("utf8");
    const chunks: Uint8Array[] = [];
    await this.read(name, (c) => void chunks.push(c), limit);
    return Buffer.concat(chunks).toString("utf8");
  }

  /**
   * Writes the package to `fd`: entries in their original order, each copied as its original
   * compressed bytes unless `replace` gives it new content (a stream of its new bytes, or those
   * bytes deflated already, written as they are).
   */
  async write(fd: number, replace: Map<string, Replacement>): Promise<void> {
    const out = new WritableStream<Uint8Array>({
      write(chunk) {
        let done = 0;
        while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
      },
    });
    // No extra timestamp fields the original entries did not have; names stay as they were stored.
    const writer = new ZipWriter(out, { extendedTimestamp: false, keepOrder: true });
    // Runs of untouched entries go through appendZip: each is copied from its local header to the
    // end of its data, byte for byte; a replaced entry is added between two runs, in its place.
    for (let i = 0; i < this.raw.length;) {
      const e = this.raw[i] as Entry;
      const content = replace.get(e.filename);
      if (content && !e.directory && typeof content !== "function" && e.compressionMethod === 8) {
        await writer.add(e.filename, streamOf(content.chunks), {
          entry: e,
          passThrough: true,
          uncompressedSize: content.uncompressedSize,
          crc32: content.crc32,
        });
        i++;
        continue;
      }
      if (content && !e.directory) {
        if (typeof content !== "function") throw new Error(`${e.filename} is not stored deflated`);
        await writer.add(e.filename, content(), { entry: e, level: e.compressionMethod === 0 ? 0 : 6 });
        i++;
        continue;
      }
      const run = new Set<string>();
      for (; i < this.raw.length && !replace.has((this.raw[i] as Entry).filename); i++)
        run.add((this.raw[i] as Entry).filename);
      await writer.appendZip(new FileRangeReader(this.fd), { filter: (x) => run.has(x.filename) });
    }
    await writer.close();
  }

  async close(): Promise<void> {
    try {
      await this.reader.close();
    } finally {
      closeSync(this.fd);
    }
  }
}
