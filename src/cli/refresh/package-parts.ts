/**
 * The small parts of a workbook package that say where things are, read with saxes: the
 * workbook's sheets and their parts, each sheet's table parts, each table's name, range and
 * columns, and (streamed, keeping only the entries asked for) the shared strings.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { posix } from "node:path";
import { XmlSyntaxError } from "./xml-text";

const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Calls `open` for every start tag of a whole small document (saxes checks it is well-formed). */
function eachTag(xml: string, open: (name: string, attrs: Record<string, string>) => void): void {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  p.on("opentag", (t: SaxesTagPlain) => open(local(t.name), t.attributes));
  p.on("error", (e) => {
    throw new XmlSyntaxError(e.message);
  });
  p.write(xml).close();
}

export interface Relationship {
  id: string;
  type: string;
  /** The part it points at, resolved against the source part's folder (no leading "/"). */
  target: string;
  external: boolean;
}

/** The relationships part of `part` (xl/workbook.xml → xl/_rels/workbook.xml.rels). */
export const relsPartOf = (part: string): string =>
  posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  eachTag(xml, (name, a) => {
    if (name !== "Relationship" || !a.Id || !a.Target) return;
    const external = a.TargetMode === "External";
    const target = external
      ? a.Target
      : a.Target.startsWith("/")
        ? a.Target.slice(1)
        : posix.normalize(posix.join(posix.dirname(sourcePart), a.Target));
    out.push({ id: a.Id, type: a.Type ?? "", target, external });
  });
  return out;
}

/** The main part named by the package's root relationships (normally xl/workbook.xml). */
export function officeDocumentPart(rootRels: Relationship[]): string | undefined {
  return rootRels.find((r) => r.type.endsWith("/officeDocument") && !r.external)?.target;
}

export interface SheetRef {
  name: string;
  relId: string;
  /** visible, hidden or veryHidden. */
  state: string;
}

export function parseWorkbookSheets(xml: string): SheetRef[] {
  const sheets: SheetRef[] = [];
  eachTag(xml, (name, a) => {
    if (name !== "sheet") return;
    const relId = Object.entries(a).find(([k]) => local(k) === "id" && k.includes(":"))?.[1];
    if (a.name !== undefined && relId) sheets.push({ name: a.name, relId, state: a.state ?? "visible" });
  });
  return sheets;
}

export interface TablePart {
  part: string;
  name: string;
  ref: string;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

export function parseTable(xml: string, part: string): TablePart {
  const t: TablePart = { part, name: "", ref: "", headerRows: 1, totalsRows: 0, columns: [] };
  eachTag(xml, (name, a) => {
    if (name === "table") {
      t.name = a.displayName ?? a.name ?? "";
      t.ref = a.ref ?? "";
      if (a.headerRowCount !== undefined) t.headerRows = Number(a.headerRowCount) || 0;
      if (a.totalsRowCount !== undefined) t.totalsRows = Number(a.totalsRowCount) || 0;
    } else if (name === "tableColumn") t.columns.push(a.name ?? "");
  });
  return t;
}

/**
 * Streams sharedStrings.xml and keeps the text of the entries in `wanted` (rich text runs
 * joined, phonetic runs left out), so a huge string table costs only what is asked for.
 */
export class SharedStringsReader {
  readonly found = new Map<number, string>();
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  private index = -1;
  private depthInSi = 0;
  private inT = false;
  private inPhonetic = false;
  private text = "";
  private readonly decoder = new TextDecoder("utf-8");

  constructor(private readonly wanted: Set<number>) {
    const p = this.parser;
    p.on("opentag", (t: SaxesTagPlain) => {
      const n = local(t.name);
      if (n === "si" && this.depthInSi === 0) {
        this.index++;
        this.depthInSi = 1;
        this.text = "";
        return;
      }
      if (this.depthInSi > 0) {
        if (!t.isSelfClosing) this.depthInSi++;
        if (n === "rPh") this.inPhonetic = true;
        else if (n === "t" && !this.inPhonetic) this.inT = true;
      }
    });
    p.on("text", (s) => {
      if (this.inT && this.wanted.has(this.index)) this.text += s;
    });
    p.on("cdata", (s) => {
      if (this.inT && this.wanted.has(this.index)) this.text += s;
    });
    p.on("closetag", (t) => {
      if (this.depthInSi === 0) return;
      const n = local(t.name);
      this.depthInSi--;
      if (n === "t") this.inT = false;
      else if (n === "rPh") this.inPhonetic = false;
      if (this.depthInSi === 0 && this.wanted.has(this.index)) this.found.set(this.index, this.text);
    });
    p.on("error", (e) => {
      throw new XmlSyntaxError(e.message);
    });
  }

  write(chunk: Uint8Array): void {
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.parser.write(this.decoder.decode()).close();
  }
}
