/**
 * What exceljs would silently drop when it rewrites a workbook. exceljs reads and writes cells,
 * styles, sheets, tables, defined names, comments, pictures, merges, validations and conditional
 * formats; every other part of the package (charts, pivot tables, macros, slicers, the add-in's
 * own web-extension settings…) is lost on save. `iom refresh` lists these parts and refuses to
 * rewrite such a workbook unless told to (--force), so a refresh never loses a chart unnoticed.
 */
import JSZip from "jszip";

/** Parts exceljs reads back and writes again. */
const KEPT: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/theme\/[^/]+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/media\/[^/]+$/,
  /^xl\/drawings\/drawing\d+\.xml$/,
  /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/tables\/table\d+\.xml$/,
  // Excel rebuilds the calculation chain when it is missing: dropping it loses nothing.
  /^xl\/calcChain\.xml$/,
];

/** What a lost part is, for the message. */
const KINDS: [RegExp, string][] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivot(Tables|Cache)\//, "pivot tables"],
  [/^xl\/vbaProject\.bin$/, "macros (VBA)"],
  [/^xl\/slicer/, "slicers"],
  [/^xl\/timeline/, "timelines"],
  [/^xl\/externalLinks\//, "links to other workbooks"],
  [/^xl\/webextensions\//, "add-in settings (web extensions)"],
  [/^xl\/metadata\.xml$/, "dynamic-array metadata (spilled formulas would become legacy array formulas)"],
  [/^xl\/(threadedComments|persons)\//, "threaded comments"],
  [/^xl\/(connections\.xml|queryTables\/)/, "data connections and queries"],
  [/^customXml\//, "custom XML parts"],
  [/^docProps\/custom\.xml$/, "custom document properties"],
  [/^xl\/printerSettings\//, "printer settings"],
  [/^xl\/(ctrlProps|activeX)\//, "form controls"],
  [/^xl\/richData\//, "rich data types"],
];

export interface LostPart {
  part: string;
  kind: string;
  /** Lost without harm to what the workbook shows or computes (printer settings): not a reason to refuse. */
  minor: boolean;
}

const MINOR = /^xl\/printerSettings\//;

/** The package parts exceljs would not write back, with what each one is. */
export async function partsExceljsDrops(bytes: Buffer): Promise<LostPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name.replace(/^\//, ""))
    .filter((name) => !KEPT.some((re) => re.test(name)))
    .sort()
    .map((part) => ({
      part,
      kind: KINDS.find(([re]) => re.test(part))?.[1] ?? "other content",
      minor: MINOR.test(part),
    }));
}

/** "3 parts: charts (xl/charts/chart1.xml, …), …" for messages. */
export function describeLost(lost: LostPart[]): string {
  const byKind = new Map<string, string[]>();
  for (const l of lost) byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), l.part]);
  return [...byKind]
    .map(
      ([kind, parts]) =>
        `${kind} (${parts.slice(0, 3).join(", ")}${parts.length > 3 ? `, +${parts.length - 3} more` : ""})`,
    )
    .join("; ");
}
