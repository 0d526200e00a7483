/**
 * The worker-thread deflater that large sheets are patched into while they are read: the bytes it
 * hands back inflate to exactly what it was given, with the right size and CRC-32; past its limit,
 * or aborted, it gives nothing (and the refresh patches the sheet in a second pass). A refresh
 * deflating in the worker writes the same package as one deflating on zlib's thread pool.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { crc32, inflateRawSync } from "node:zlib";
import { runRefresh } from "../../src/cli/commands/refresh";
import { bufferIo, EXIT } from "../../src/cli/io";
import { EarlyPatch } from "../../src/cli/refresh/early-patch";
import { applySplices } from "../../src/cli/refresh/splice-bytes";
import { WorkerDeflater } from "../../src/cli/refresh/worker-deflater";
import type { DeflatedPart } from "../../src/cli/refresh/zip-package";
import { writeBigWorkbook } from "../support/big-workbook";
import { tempDir } from "./helpers";
import { packageDifferences, readPackage } from "./support/package-diff";

jest.setTimeout(60_000);

const tmp = tempDir("iom-refresh-worker-");
afterAll(() => tmp.cleanup());

/** Sheet-like bytes: repetitive XML with some variety, `n` bytes. */
function sheetBytes(n: number): Buffer {
  const parts: string[] = [];
  let size = 0;
  for (let r = 1; size < n; r++) {
    const s = `<row r="${r}"><c r="B${r}"><f>IOM.STAFF("P-${r % 5}","F")</f><v>${(r * 7919) % 1000}</v></c></row>`;
    parts.push(s);
    size += s.length;
  }
  return Buffer.from(parts.join("")).subarray(0, n);
}

/** `bytes` cut into pieces of varied sizes: small ones share Buffer's pool, large ones own their memory. */
function pieces(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const sizes = [17, 3000, 200_000, 1, 70_000, 1_500_000];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.min(sizes[i % sizes.length] as number, bytes.length - at);
    const piece = Buffer.allocUnsafe(n);
    bytes.copy(piece, 0, at, at + n);
    out.push(piece);
    at += n;
  }
  return out;
}

describe("the worker deflater", () => {
  it("gives back the bytes it was given, deflated, with their size and CRC-32", async () => {
    const bytes = sheetBytes(12 * 1024 ** 2);
    const d = new WorkerDeflater(64 * 1024 ** 2);
    let waits = 0;
    for (const p of pieces(bytes)) {
      const wait = d.write(p);
      if (wait) {
        waits++;
        await wait;
      }
    }
    const part = await d.finish();
    expect(part).toBeDefined();
    if (!part) return;
    expect(inflateRawSync(Buffer.concat(part.chunks)).equals(bytes)).toBe(true);
    expect(part.uncompressedSize).toBe(bytes.length);
    expect(part.crc32).toBe(crc32(bytes) >>> 0);
    // 12 MiB handed on faster than it deflates: the caller was asked to wait at least once.
    expect(waits).toBeGreaterThan(0);
    expect(d.aborted).toBe(false);
  });

  it("an empty part deflates to an empty stream", async () => {
    const d = new WorkerDeflater(1024);
    expect(d.write(Buffer.alloc(0))).toBeUndefined();
    const part = await d.finish();
    expect(part && inflateRawSync(Buffer.concat(part.chunks)).length).toBe(0);
    expect(part?.crc32).toBe(0);
  });

  it("gives nothing past its limit of compressed bytes", async () => {
    // Bytes that do not compress: 1 MiB of them can't fit in 64 KiB.
    const noise = randomBytes(1024 ** 2);
    const d = new WorkerDeflater(64 * 1024);
    await d.write(noise);
    expect(await d.finish()).toBeUndefined();
    expect(d.aborted).toBe(true);
  });

  it("gives nothing once aborted, and takes no more bytes", async () => {
    const d = new WorkerDeflater(64 * 1024 ** 2);
    void d.write(sheetBytes(100_000));
    d.abort();
    expect(d.aborted).toBe(true);
    expect(d.write(sheetBytes(1000))).toBeUndefined();
    expect(await d.finish()).toBeUndefined();
  });
});

/** Splices applied the plain way: a reference for applySplices. */
function spliced(src: Buffer, splices: [number, number, string][]): Buffer {
  let out = "";
  let at = 0;
  for (const [start, end, text] of splices) {
    out += src.toString("latin1", at, start) + Buffer.from(text).toString("latin1");
    at = end;
  }
  return Buffer.from(out + src.toString("latin1", at), "latin1");
}

/** A few hundred splices over `src`: replacements, insertions, deletions, at the ends too. */
function someSplices(src: Buffer, texts: string[], seed: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  let at = 0;
  for (let x = seed; at <= src.length;) {
    x = (x * 48271) % 2147483647;
    const start = at + (x % 200 < 10 ? 0 : x % 150);
    const end = Math.min(src.length, start + (x % 7 === 0 ? 0 : x % 90));
    if (start > src.length) break;
    out.push([start, end, x % texts.length]);
    at = end;
    if (end === src.length) break;
  }
  return out;
}

describe("the splices of a run of bytes", () => {
  const texts = ["", "<v>55</v>", "x".repeat(100), ' t="e"', "é—ü"];
  const src = sheetBytes(50_000);

  it("are applied as the plain way does, at any place and of any length", () => {
    const bytes = texts.map((t) => Buffer.from(t));
    for (const seed of [1, 7, 12345]) {
      const list = someSplices(src, texts, seed);
      const flat = Int32Array.from(list.flat());
      const got = Buffer.from(applySplices(src, flat, bytes));
      expect(
        got.equals(
          spliced(
            src,
            list.map(([a, b, t]) => [a, b, texts[t] as string]),
          ),
        ),
      ).toBe(true);
    }
    expect(Buffer.from(applySplices(src, new Int32Array(0), bytes)).equals(src)).toBe(true);
  });

  it("are applied in the worker, its table of texts started again when asked", async () => {
    const d = new WorkerDeflater(64 * 1024 ** 2);
    const expected: Buffer[] = [];
    for (const [i, seed] of [3, 5, 11].entries()) {
      // The first call starts the table, the second adds nothing to it and uses it, the third
      // starts it again with the texts in another order.
      const table = i === 2 ? [...texts].reverse() : texts;
      const list = someSplices(src, texts, seed);
      expected.push(
        spliced(
          src,
          list.map(([a, b, t]) => [a, b, table[t] as string]),
        ),
      );
      const flat = Int32Array.from(list.flat());
      const sent = i === 1 ? [] : table.map((t) => Buffer.from(t));
      await d.writeSpliced(Buffer.from(src), flat, sent, i !== 1);
    }
    const part = await d.finish();
    const all = Buffer.concat(expected);
    expect(part && inflateRawSync(Buffer.concat(part.chunks)).equals(all)).toBe(true);
    expect(part?.crc32).toBe(crc32(all) >>> 0);
  });
});

describe("a refresh that deflates a sheet in a worker", () => {
  afterEach(() => {
    EarlyPatch.textsMax = 4096;
  });

  it.each([
    ["literal arguments", false, 4096],
    ["references", true, 4096],
    // The table of splice texts started again at every chunk.
    ["literal arguments, few texts kept", false, 1],
  ])("writes the same package as on zlib's thread pool (%s)", async (_label, refs, textsMax) => {
    EarlyPatch.textsMax = textsMax;
    const input = tmp.path(`stale-${refs ? "refs" : "literal"}.xlsx`);
    await writeBigWorkbook(input, 20_000, refs);
    const outputs: Buffer[] = [];
    // The worker's part is what gets written (not dropped for a second pass).
    const finish = jest.spyOn(WorkerDeflater.prototype, "finish");
    for (const workerDeflateFrom of [0, Infinity]) {
      const out = tmp.path(`fresh-${refs ? "refs" : "literal"}-${workerDeflateFrom}.xlsx`);
      const io = bufferIo();
      const code = await runRefresh(input, { out, limits: { maxPartBytes: 2 ** 31, workerDeflateFrom } }, io);
      expect({ code, err: io.stderr() }).toEqual({ code: EXIT.ok, err: "" });
      expect(io.stdout()).toMatch(/formulas \(20000 mentioning IOM\.\*\)/);
      outputs.push(readFileSync(out));
    }
    expect(finish).toHaveBeenCalledTimes(1);
    const part = (await finish.mock.results[0]?.value) as DeflatedPart | undefined;
    expect(part?.uncompressedSize).toBeGreaterThan(1024 ** 2);
    finish.mockRestore();
    const [inWorker, onPool] = outputs as [Buffer, Buffer];
    expect(inWorker.equals(onPool)).toBe(true);
    // Only the values of the formula cells (B to K of every row) differ from the input.
    const formulaCells: string[] = [];
    for (let row = 1; row <= 2000; row++) for (const col of "BCDEFGHIJK") formulaCells.push(`${col}${row}`);
    const fresh = tmp.path(`fresh-${refs ? "refs" : "literal"}-0.xlsx`);
    expect(await packageDifferences(input, fresh, { "xl/worksheets/sheet1.xml": formulaCells })).toEqual([]);
    const sheet = async (path: string): Promise<string | undefined> =>
      (await readPackage(path)).find((e) => e.name === "xl/worksheets/sheet1.xml")?.content.toString();
    expect(await sheet(fresh)).not.toBe(await sheet(input));
  });
});

describe("the worker started before the sheets are read", () => {
  it("is stopped when no sheet takes it, and not started for a dry run", async () => {
    // One small sheet, and a large part named like a sheet that no relationship points to.
    const input = tmp.path("unread-sheet.xlsx");
    await writeBigWorkbook(input, 100);
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file("xl/worksheets/sheet9.xml", "<worksheet/>".padEnd(64 * 1024, " "));
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const abort = jest.spyOn(WorkerDeflater.prototype, "abort");
    const finish = jest.spyOn(WorkerDeflater.prototype, "finish");
    try {
      const limits = { maxPartBytes: 2 ** 31, workerDeflateFrom: 32 * 1024 };
      const io = bufferIo();
      const code = await runRefresh(input, { out: tmp.path("unread-out.xlsx"), limits }, io);
      expect({ code, err: io.stderr() }).toEqual({ code: EXIT.ok, err: "" });
      expect({ aborted: abort.mock.calls.length, finished: finish.mock.calls.length }).toEqual({
        aborted: 1,
        finished: 0,
      });
      abort.mockClear();
      const dry = bufferIo();
      expect(await runRefresh(input, { dryRun: true, limits }, dry)).toBe(EXIT.ok);
      expect(abort).not.toHaveBeenCalled();
    } finally {
      abort.mockRestore();
      finish.mockRestore();
    }
  });
});
