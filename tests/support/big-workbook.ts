/**
 * A large workbook written directly as its parts (exceljs would need gigabytes for a million
 * cells): one sheet of `cells` stale =IOM.* formulas, ten to a row, in the shape Excel saves
 * them (row labels in column A that the formulas refer to, cached #NAME? or stale numbers).
 * `refs` makes the formulas refer to their row's label instead of spelling it out.
 */
import JSZip from "jszip";
import { writeFileSync } from "node:fs";

const GRADES = ["E-1", "E-2", "D-2", "D-1", "P-5", "P-4", "P-3", "P-2", "P-1", "UG"];
const COLS = "BCDEFGHIJK";

export function bigSheetXml(
  cells: number,
  refs: boolean,
  fresh?: (row: number, col: number) => number,
): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="A1:K${Math.ceil(cells / 10)}"/><sheetData>`,
  ];
  const rows = Math.ceil(cells / 10);
  for (let r = 1; r <= rows; r++) {
    const grade = GRADES[r % GRADES.length] as string;
    parts.push(`<row r="${r}" spans="1:11"><c r="A${r}" t="str"><v>${grade}</v></c>`);
    for (let c = 0; c < 10 && (r - 1) * 10 + c < cells; c++) {
      const who = c % 2 === 0 ? "F" : "M";
      const f = refs
        ? `IOM.STAFF(A${r},&quot;${who}&quot;)`
        : `IOM.STAFF(&quot;${grade}&quot;,&quot;${who}&quot;)`;
      const v = fresh
        ? `<v>${fresh(r, c)}</v>`
        : (r + c) % 3 === 0
          ? "<v>#NAME?</v>"
          : `<v>${(r * 7 + c) % 1000}</v>`;
      const t = !fresh && (r + c) % 3 === 0 ? ' t="e"' : "";
      parts.push(`<c r="${COLS[c] ?? "B"}${r}" s="1"${t}><f>${f}</f>${v}</c>`);
    }
    parts.push("</row>");
  }
  parts.push(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  return parts.join("");
}

/** Writes the workbook; returns its size in bytes. */
export function writeBigWorkbook(path: string, cells: number, refs = false): Promise<number> {
  return writeOneSheetWorkbook(path, bigSheetXml(cells, refs));
}

/** A minimal workbook whose only sheet ("Model") is `sheetXml`, as given. */
export async function writeOneSheetWorkbook(path: string, sheetXml: string): Promise<number> {
  const z = new JSZip();
  z.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  z.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  z.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Model" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
  );
  z.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  z.file(
    "xl/styles.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  z.file("xl/worksheets/sheet1.xml", sheetXml);
  const bytes = await z.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  writeFileSync(path, bytes);
  return bytes.length;
}
