/**
 * Adds native charts to a finished .xlsx package (exceljs writes none): for each sheet that gets
 * charts, a drawing part with one anchor per chart, a chart part per chart, the relationships
 * sheet → drawing → charts, the sheet's <drawing r:id> element at its place in the worksheet
 * schema's order, and the parts' content types.
 */
import JSZip from "jszip";
import { posix } from "node:path";
import { chartXml, type ChartData } from "./chart-xml";
import {
  REL_TYPES,
  addRelationships,
  drawingXml,
  relsXml,
  type CellCorner,
  type ChartAnchor,
  type Relationship,
} from "./drawing-xml";

export interface SheetChart {
  /** The worksheet's name, as the workbook lists it. */
  sheet: string;
  /** The chart object's name (Excel's Selection pane). */
  name: string;
  /** Top-left corner, and the corner the chart's bottom-right edge runs to (both 0-based). */
  from: CellCorner;
  to: CellCorner;
  chart: ChartData;
}

const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/**
 * Worksheet children that CT_Worksheet puts after <drawing> (ECMA-376 Part 1, 18.3.1.99): the
 * drawing element goes before the first of them that the sheet has.
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

const attributes = (tag: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out.set(m[1] ?? "", unescapeXml(m[2] ?? ""));
  return out;
};

const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()] ?? "";
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`the workbook has no part ${path}`);
  return f.async("string");
}

/** The relationships of a .rels part. */
function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "" };
  });
}

/** A relationship's target as a package path, relative to the part that owns the .rels. */
const resolveTarget = (ownerDir: string, target: string): string =>
  target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(ownerDir, target));

/** Where each worksheet's part is, by sheet name. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = new Map(relationships(await text(zip, "xl/_rels/workbook.xml.rels")).map((r) => [r.id, r]));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rel = rels.get(a.get("r:id") ?? "");
    const name = a.get("name");
    if (rel && name !== undefined) parts.set(name, resolveTarget("xl", rel.target));
  }
  return parts;
}

/** The smallest n ≥ 1 such that no part is named prefix + n + ".xml". */
function nextNumber(zip: JSZip, dir: string, stem: string, taken: Set<number>): number {
  const re = new RegExp(`^${dir}/${stem}(\\d+)\\.xml$`);
  for (const name of Object.keys(zip.files)) {
    const m = re.exec(name);
    if (m) taken.add(Number(m[1]));
  }
  let n = 1;
  while (taken.has(n)) n++;
  taken.add(n);
  return n;
}

const freeRelId = (existing: Relationship[]): string => {
  const ids = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
};

/** Index of the first top-level child of <worksheet> that must follow <drawing>, else of </worksheet>. */
function drawingPosition(sheet: string): number {
  let depth = 0;
  for (const m of sheet.matchAll(/<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, , local, selfClosing] = m;
    if (closing) {
      depth--;
      if (depth === 0 && local === "worksheet") return m.index;
      continue;
    }
    if (depth === 1 && local === "drawing") throw new Error("the sheet already has a drawing");
    if (depth === 1 && local !== undefined && AFTER_DRAWING.has(local)) return m.index;
    if (!selfClosing) depth++;
  }
  throw new Error("not a worksheet part");
}

/** The worksheet XML with a <drawing r:id> element where the schema wants it. */
export function withDrawingElement(sheet: string, relId: string): string {
  const at = drawingPosition(sheet.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, (s) => " ".repeat(s.length)));
  let xml = `${sheet.slice(0, at)}<drawing r:id="${relId}"/>${sheet.slice(at)}`;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (root && !/\sxmlns:r\s*=/.test(root[0]))
    xml = xml.replace(
      root[0],
      root[0].replace(
        /<worksheet\b/,
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      ),
    );
  return xml;
}

function withOverrides(types: string, parts: [string, string][]): string {
  const added = parts
    .filter(([part]) => !types.includes(`PartName="/${part}"`))
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join("");
  const end = types.lastIndexOf("</Types>");
  if (end < 0) throw new Error("[Content_Types].xml is not a content types part");
  return types.slice(0, end) + added + types.slice(end);
}

/** The package with every chart added to its sheet. */
export async function addCharts(xlsx: Buffer, charts: SheetChart[]): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const bySheet = new Map<string, SheetChart[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const drawingNumbers = new Set<number>();
  const chartNumbers = new Set<number>();
  const overrides: [string, string][] = [];
  for (const [sheet, list] of bySheet) {
    const sheetPart = parts.get(sheet);
    if (!sheetPart) throw new Error(`the workbook has no sheet named "${sheet}"`);
    const d = nextNumber(zip, "xl/drawings", "drawing", drawingNumbers);
    const drawingPart = `xl/drawings/drawing${d}.xml`;
    const relTo = (from: string, to: string): string => posix.relative(posix.dirname(from), to);
    const rels: Relationship[] = [];
    const anchors: ChartAnchor[] = list.map((c, i) => {
      const chartPart = `xl/charts/chart${nextNumber(zip, "xl/charts", "chart", chartNumbers)}.xml`;
      zip.file(chartPart, chartXml(c.chart));
      overrides.push([chartPart, CONTENT_TYPES.chart]);
      const relId = `rId${i + 1}`;
      rels.push({ id: relId, type: REL_TYPES.chart, target: relTo(drawingPart, chartPart) });
      return { from: c.from, to: c.to, name: c.name, relId };
    });
    zip.file(drawingPart, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(rels));
    overrides.push([drawingPart, CONTENT_TYPES.drawing]);

    const relsPath = posix.join(posix.dirname(sheetPart), "_rels", `${posix.basename(sheetPart)}.rels`);
    const existing = zip.file(relsPath) ? await text(zip, relsPath) : undefined;
    const relId = freeRelId(existing ? relationships(existing) : []);
    const rel: Relationship = { id: relId, type: REL_TYPES.drawing, target: relTo(sheetPart, drawingPart) };
    zip.file(relsPath, existing ? addRelationships(existing, [rel]) : relsXml([rel]));
    zip.file(sheetPart, withDrawingElement(await text(zip, sheetPart), relId));
  }
  zip.file("[Content_Types].xml", withOverrides(await text(zip, "[Content_Types].xml"), overrides));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
