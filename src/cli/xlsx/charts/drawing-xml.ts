/**
 * A sheet's drawing part (xl/drawings/drawingN.xml): one two-cell anchor per chart, each a
 * graphic frame pointing at its chart part through the drawing's relationships.
 */
import { xmlText } from "./chart-xml";

/** A cell corner: 0-based row and column (the chart's edge runs along the cell's top-left corner). */
export interface CellCorner {
  row: number;
  col: number;
}

export interface ChartAnchor {
  from: CellCorner;
  to: CellCorner;
  /** The relationship id, in the drawing's .rels, of the chart part. */
  relId: string;
  /** Shown in Excel's Selection pane and used by VBA/Office.js to find the chart. */
  name: string;
}

const marker = (tag: "from" | "to", c: CellCorner): string =>
  `<xdr:${tag}><xdr:col>${c.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** xdr:wsDr with a twoCellAnchor (from, to, graphicFrame, clientData) per chart. */
export function drawingXml(anchors: ChartAnchor[]): string {
  const frames = anchors.map(
    (a, i) =>
      `<xdr:twoCellAnchor>${marker("from", a.from)}${marker("to", a.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${xmlText(a.relId)}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${frames.join("")}</xdr:wsDr>`
  );
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export const REL_TYPES = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

const relationshipXml = (r: Relationship): string =>
  `<Relationship Id="${xmlText(r.id)}" Type="${xmlText(r.type)}" Target="${xmlText(r.target)}"/>`;

/** A whole .rels part. */
export const relsXml = (rels: Relationship[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map(relationshipXml).join("")}</Relationships>`;

/** An existing .rels part with more relationships. */
export function addRelationships(xml: string, rels: Relationship[]): string {
  const added = rels.map(relationshipXml).join("");
  const end = xml.lastIndexOf("</Relationships>");
  if (end >= 0) return xml.slice(0, end) + added + xml.slice(end);
  // An empty part may be written as one self-closing element.
  const empty = /<Relationships\b([^>]*?)\s*\/>/.exec(xml);
  if (!empty) throw new Error("not a relationships part");
  return xml.replace(empty[0], `<Relationships${empty[1] ?? ""}>${added}</Relationships>`);
}
