/**
 * Draws the add-in icons (assets/icon-16.png ... icon-80.png): a blue rounded square with three white
 * bars. Generated rather than drawn by hand so every size is consistent and the script documents them.
 * Run: npx tsx scripts/make-icons.ts   (the PNGs are committed; the build only copies them)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80] as const;

const BLUE: Rgba = [0, 51, 160, 255];
const WHITE: Rgba = [255, 255, 255, 255];
type Rgba = [number, number, number, number];

/** Fraction-of-icon rectangles (x0, y0, x1, y1) of the three bars, shortest first. */
const BARS: [number, number, number, number][] = [
  [0.2, 0.58, 0.34, 0.8],
  [0.43, 0.4, 0.57, 0.8],
  [0.66, 0.2, 0.8, 0.8],
];

function colourAt(x: number, y: number): Rgba | undefined {
  const r = 0.18; // corner radius, as a fraction of the side
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return undefined; // outside the rounded square
  return BARS.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1) ? WHITE : BLUE;
}

/** RGBA pixels of a size×size icon, 4×4 supersampled for smooth edges. */
export function drawIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i] = (sum[i] ?? 0) + (c[i] ?? 0) * (c[3] / 255);
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      }
      const alpha = (sum[3] ?? 0) / (n * n);
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++)
        pixels[offset + i] = alpha ? Math.round((sum[i] ?? 0) / (n * n) / (alpha / 255)) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(join(__dirname, "..", "assets"))) console.log(`wrote ${file}`);
}
