/**
 * The committed icons are exactly what scripts/make-icons.ts draws (compared pixel by pixel, so a
 * different zlib cannot make the test fail).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { ICON_SIZES, drawIcon } from "../../scripts/make-icons";

/** RGBA pixels of a PNG written by make-icons (one IDAT chunk, filter 0 on every row). */
function decode(png: Buffer): { size: number; rgba: Buffer } {
  const size = png.readUInt32BE(16);
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    if (type === "IDAT") idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const start = y * (size * 4 + 1);
    expect(rows[start]).toBe(0);
    rows.copy(rgba, y * size * 4, start + 1, start + 1 + size * 4);
  }
  return { size, rgba };
}

describe("assets/icon-*.png", () => {
  it.each(ICON_SIZES.map((s) => [s]))("icon-%i.png is the generated icon", (size) => {
    const png = readFileSync(join(__dirname, "../../assets", `icon-${size}.png`));
    const decoded = decode(png);
    expect(decoded.size).toBe(size);
    expect(decoded.rgba.equals(drawIcon(size))).toBe(true);
  });
});
