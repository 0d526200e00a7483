/**
 * Proof that a refresh changed nothing but the values of IOM cells: every zip entry of the
 * refreshed package has the same name, order and content as the original, and the same
 * compressed bytes when it was not rewritten; a rewritten sheet is byte-identical to the original
 * once the listed cells' value and t attribute are masked in both. Cells are found with saxes,
 * independently of the scanner the refresh uses.
 */
import * as zip from "@zip.js/zip.js";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";

zip.configure({ useWebWorkers: false });

export interface PackageEntry {
  name: string;
  raw: Buffer;
  content: Buffer;
}

/** Every entry: raw compressed bytes (zip.js) and decompressed content (JSZip, another reader). */
export async function readPackage(path: string): Promise<PackageEntry[]> {
  const bytes = readFileSync(path);
  const reader = new zip.ZipReader(new zip.Uint8ArrayReader(bytes));
  const jszip = await JSZip.loadAsync(bytes);
  const out: PackageEntry[] = [];
  for (const e of await reader.getEntries()) {
    if (e.directory) continue;
    const raw = Buffer.from(await e.getData(new zip.Uint8ArrayWriter(), { passThrough: true }));
    const file = jszip.file(e.filename);
    if (!file) throw new Error(`JSZip does not see ${e.filename}`);
    out.push({ name: e.filename, raw, content: await file.async("nodebuffer") });
  }
  await reader.close();
  return out;
}

const attr = (v: unknown): string => (typeof v === "string" ? v : "");

/** The rows and cells a sheet has. */
export function presentCells(xml: Buffer): { rows: Set<string>; cells: Set<string> } {
  const rows = new Set<string>();
  const cells = new Set<string>();
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    if (local === "row") rows.add(attr(tag.attributes.r));
    if (local === "c") cells.add(attr(tag.attributes.r));
  });
  parser.write(xml.toString("latin1")).close();
  return { rows, cells };
}

/**
 * The sheet XML with the listed cells normalised: no t attribute, no "/>", their <v> (or <is>)
 * element left out and a mark just before </c>. Everything else is left byte for byte. With
 * `original` (the sheet before the refresh), listed cells it did not have are left out whole, and
 * so are new rows holding nothing else: a refresh may add the missing cells of an IOM range.
 */
export function maskCells(
  xml: Buffer,
  cells: Set<string>,
  original?: { rows: Set<string>; cells: Set<string> },
): string {
  // latin1: one char per byte, so saxes's positions are byte offsets.
  const text = xml.toString("latin1");
  const spans: [number, number, string][] = [];
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let current: { start: number; tagEnd: number; tag: string } | undefined;
  let dropping: number | undefined;
  let newRow: { start: number; onlyNew: boolean } | undefined;
  let vStart = -1;
  parser.on("opentag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    const end = parser.position;
    const start = text.lastIndexOf("<", end - 1);
    if (local === "row" && original && !original.rows.has(attr(tag.attributes.r)))
      newRow = { start, onlyNew: true };
    if (local === "c" && stack[stack.length - 1]?.replace(/^.*:/, "") === "row") {
      const r = attr(tag.attributes.r);
      if (cells.has(r) && original && !original.cells.has(r)) {
        dropping = start;
        if (tag.isSelfClosing) {
          spans.push([start, end, ""]);
          dropping = undefined;
        }
      } else {
        if (newRow) newRow.onlyNew = false;
        if (cells.has(r)) {
          current = { start, tagEnd: end, tag: text.slice(start, end) };
          if (tag.isSelfClosing) {
            spans.push([start, end, normaliseTag(current.tag) + "⟨v⟩</c>"]);
            current = undefined;
          }
        }
      }
    } else if (
      current &&
      (local === "v" || local === "is") &&
      stack[stack.length - 1]?.replace(/^.*:/, "") === "c"
    ) {
      vStart = start;
      if (tag.isSelfClosing) {
        spans.push([start, end, ""]);
        vStart = -1;
      }
    }
    if (!tag.isSelfClosing) stack.push(tag.name);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
    const local = tag.name.replace(/^.*:/, "");
    if (dropping !== undefined && local === "c") {
      spans.push([dropping, parser.position, ""]);
      dropping = undefined;
    } else if (current && vStart >= 0 && (local === "v" || local === "is")) {
      spans.push([vStart, parser.position, ""]);
      vStart = -1;
    } else if (current && local === "c") {
      spans.push([current.start, current.tagEnd, normaliseTag(current.tag)]);
      // Wherever the value was (or was not), the mark stands just before </c>.
      const close = text.lastIndexOf("<", parser.position - 1);
      spans.push([close, close, "⟨v⟩"]);
      current = undefined;
    } else if (newRow && local === "row") {
      const row = newRow;
      if (row.onlyNew) {
        // The whole new row goes, with the cell spans inside it.
        for (let k = spans.length - 1; k >= 0; k--)
          if ((spans[k] as [number, number, string])[0] >= row.start) spans.splice(k, 1);
        spans.push([row.start, parser.position, ""]);
      }
      newRow = undefined;
    }
  });
  parser.write(text).close();
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [s, e, t] of spans) {
    out += text.slice(at, s) + t;
    at = e;
  }
  return out + text.slice(at);
}

/** A cell start tag without its t attribute, always as an open tag. */
function normaliseTag(tag: string): string {
  return tag.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, "").replace(/\s*\/>$/, ">");
}

/** The differences found, as readable lines; [] when only the listed cells' values differ. */
export async function packageDifferences(
  before: string,
  after: string,
  iomCells: Record<string, string[]>,
): Promise<string[]> {
  const a = await readPackage(before);
  const b = await readPackage(after);
  const problems: string[] = [];
  const names = (x: PackageEntry[]): string => x.map((e) => e.name).join("\n");
  if (names(a) !== names(b)) problems.push(`entries differ:\n${names(a)}\n---\n${names(b)}`);
  for (const ea of a) {
    const eb = b.find((e) => e.name === ea.name);
    if (!eb) continue;
    const cells = iomCells[ea.name];
    if (!cells) {
      if (!ea.content.equals(eb.content)) problems.push(`${ea.name}: content changed`);
      else if (!ea.raw.equals(eb.raw)) problems.push(`${ea.name}: compressed bytes changed`);
      continue;
    }
    const set = new Set(cells);
    const ma = maskCells(ea.content, set);
    const mb = maskCells(eb.content, set, presentCells(ea.content));
    if (ma !== mb) {
      let i = 0;
      while (i < ma.length && ma[i] === mb[i]) i++;
      problems.push(
        `${ea.name}: differs outside IOM cells at byte ${i}: …${ma.slice(Math.max(0, i - 80), i + 80)}… vs …${mb.slice(Math.max(0, i - 80), i + 80)}…`,
      );
    }
  }
  return problems;
}

/** Every address in a range "B2:D4". */
export function addresses(range: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const name = (c: number): string => {
    let s = "";
    for (let k = c; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  };
  const out: string[] = [];
  const r1 = Number(m[2]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c1 = col(m[1] ?? "A");
  const c2 = m[3] ? col(m[3]) : c1;
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${name(c)}${r}`);
  return out;
}

export interface CellXml {
  formula?: string;
  type?: string;
  value?: string;
}

/** The cells of one sheet as the file stores them (formula, t and <v> text), read with saxes. */
export async function readCells(path: string, part: string): Promise<Map<string, CellXml>> {
  const entry = (await readPackage(path)).find((e) => e.name === part);
  if (!entry) throw new Error(`no ${part} in ${path}`);
  return cellsOf(entry.content);
}

/** The cells of a sheet's XML (formula, t and <v> text), read with saxes. */
export function cellsOf(xml: Buffer): Map<string, CellXml> {
  const cells = new Map<string, CellXml>();
  const parser = new SaxesParser();
  let cell: CellXml | undefined;
  let text: "f" | "v" | undefined;
  parser.on("opentag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    if (local === "c") {
      cell = {};
      const t = tag.attributes.t;
      if (typeof t === "string") cell.type = t;
      cells.set(attr(tag.attributes.r), cell);
    } else if (cell && (local === "f" || local === "v")) {
      text = local;
      if (local === "f") cell.formula = "";
      else cell.value = "";
    }
  });
  const onText = (s: string): void => {
    if (cell && text === "f") cell.formula += s;
    if (cell && text === "v") cell.value += s;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    const local = tag.name.replace(/^.*:/, "");
    if (local === "c") cell = undefined;
    if (local === "f" || local === "v") text = undefined;
  });
  parser.write(xml.toString("utf8")).close();
  return cells;
}

/** A cell's value as its XML says: a number, a string, a boolean or { error }. */
export function xmlValue(c: CellXml | undefined): unknown {
  if (!c || c.value === undefined) return null;
  if (c.type === "e") return { error: c.value };
  if (c.type === "b") return c.value === "1";
  if (c.type === "str" || c.type === "inlineStr" || c.type === "s") return c.value;
  return Number(c.value);
}
