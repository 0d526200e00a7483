/**
 * A card (card.ts) as the JSON Excel takes for a data type (Excel.CellValue): a figure becomes a
 * DoubleCellValue whose basic value is the number (arithmetic on the cell is unchanged) and whose
 * properties carry its provenance; an entity an EntityCellValue. Plain objects, no Office global:
 * tests/functions/cell-values.types.test.ts checks them against @types/office-js at compile time.
 */
import type { Card, CardField, EntityCard, FigureCard } from "./card";

/** What a card's property may hold: a text, a number, or a figure with its own card. */
export type PropertyJson = (StringJson | DoubleJson) & { propertyMetadata?: PropertyMetadataJson };

export interface PropertyMetadataJson {
  sublabel?: string;
  excludeFrom?: { cardView?: boolean };
}

export interface StringJson {
  type: "String";
  basicValue: string;
}

export interface CardLayoutJson {
  title: string;
  sections: { layout: "List"; title: string; properties: string[]; collapsed?: boolean }[];
}

export interface DoubleJson {
  type: "Double";
  basicValue: number;
  properties?: Record<string, PropertyJson>;
  layouts?: { card: CardLayoutJson };
  provider?: { description: string };
}

export interface EntityJson {
  type: "Entity";
  text: string;
  properties: Record<string, PropertyJson>;
  layouts: { card: CardLayoutJson; compact: { icon: string } };
  provider: { description: string };
}

export type CellValueJson = DoubleJson | EntityJson;

export interface CellValueOptions {
  /**
   * Whether a number may carry properties (ExcelApi 1.19). Without, a figure is a bare Double and
   * a property's provenance is its card sublabel (ExcelApi 1.16); an entity works either way.
   */
  basicProperties: boolean;
}

const WITH_PROPERTIES: CellValueOptions = { basicProperties: true };

/** The layout and properties of a card's sections, each property once. */
function body(card: Card, options: CellValueOptions) {
  const properties: Record<string, PropertyJson> = {};
  const sections: CardLayoutJson["sections"] = [];
  for (const s of card.sections) {
    const shown: string[] = [];
    for (const f of s.fields) {
      if (f.name in properties) continue;
      properties[f.name] = propertyOf(f, options);
      if (!f.empty) shown.push(f.name);
    }
    // A figure's "How certain" and an entity's later sections start folded: the first says enough.
    if (shown.length > 0)
      sections.push({
        layout: "List",
        title: s.title,
        properties: shown,
        ...(sections.length > 0 ? { collapsed: true } : {}),
      });
  }
  return {
    properties,
    layouts: { card: { title: card.title, sections } },
    provider: { description: card.provider },
  };
}

function propertyOf(f: CardField, options: CellValueOptions): PropertyJson {
  if (f.figure) {
    const value = cellValueOf(f.figure, options);
    const source = f.figure.sections[0]?.fields.find((x) => x.name === "Source")?.value;
    return options.basicProperties || source === undefined
      ? value
      : { ...value, propertyMetadata: { sublabel: String(source) } };
  }
  const value: PropertyJson =
    typeof f.value === "number"
      ? { type: "Double", basicValue: f.value }
      : { type: "String", basicValue: f.value };
  return f.empty ? { ...value, propertyMetadata: { excludeFrom: { cardView: true } } } : value;
}

/** A figure's card as a DoubleCellValue (bare without basic properties). */
export function cellValueOf(card: FigureCard, options?: CellValueOptions): DoubleJson;
/** An entity's card as an EntityCellValue. */
export function cellValueOf(card: EntityCard, options?: CellValueOptions): EntityJson;
export function cellValueOf(card: Card, options?: CellValueOptions): CellValueJson;
export function cellValueOf(card: Card, options: CellValueOptions = WITH_PROPERTIES): CellValueJson {
  if (card.kind === "figure") {
    return options.basicProperties
      ? { type: "Double", basicValue: card.value, ...body(card, options) }
      : { type: "Double", basicValue: card.value };
  }
  const b = body(card, options);
  return { type: "Entity", text: card.text, ...b, layouts: { ...b.layouts, compact: { icon: "Globe" } } };
}
