import type { CellValue, Column, Footnote, ManualFix, Row, Table } from "../../../core/model";
import { keyOf, parseNumber, SourceText } from "../../source-text";
import { applyFixes, expectText, fieldsOf } from "../../table-helpers";

/**
 * The staff tables of section V.C (Human resources management): Table 5 (Officials by
 * grade, location and gender), Table 6 (Officials by grade and nationality), Table 7
 * (Employees by nationality, location and gender), and Annex I, section 12 (all staff by
 * location and gender). Each is located by its title line and parsed from its fields.
 */

const SECTION = "V.C";
const PERIOD = "31 December 2011";

// ---------------------------------------------------------------- shared helpers

const num = (field: string | undefined): CellValue => parseNumber(field ?? "");

const isTableLine = (text: string): boolean => text.includes("\t");

/** The title after "Table N: ", without the "**" bold marks or the "(continued)" suffix. */
function titleOf(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/^Table \d+:\s*/, "")
    .trim();
}

/** Each printed group label applies to the empty header fields after it (merged header cells). */
function spanGroups(groups: string[]): string[] {
  let current = "";
  return groups.map((g) => (current = g === "" ? current : g));
}

/** Keys like "hq_f": the group's short name, then the column label. */
function groupedColumn(groupKey: Record<string, string>, group: string, label: string, n: number): Column {
  const prefix = groupKey[group];
  if (prefix === undefined) throw new Error(`line ${n}: unexpected column group "${group}"`);
  const key = label === "Total" ? "total" : `${prefix}_${keyOf(label)}`;
  return { key, label, path: group === label ? [label] : [group, label] };
}

function assertUniqueKeys(id: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`${id}: duplicate key "${k}"`);
    seen.add(k);
  }
}

// ---------------------------------------------------------------- Table 5

const T5_GROUPS: Record<string, string> = {
  Headquarters: "hq",
  Field: "field",
  "Total IOM Officials": "total",
};

/** Headquarters F/M, Field F/M, Total IOM Officials F/M/Total, from the two header lines. */
function table5Columns(src: SourceText, groupLine: number): Column[] {
  const groups = spanGroups(fieldsOf(src, groupLine, 8).slice(1));
  const labels = fieldsOf(src, groupLine + 1, 8).slice(1);
  const columns = labels.map((label, i) => groupedColumn(T5_GROUPS, groups[i] ?? "", label, groupLine));
  expectText(
    columns.map((c) => c.key).join(","),
    "hq_f,hq_m,field_f,field_m,total_f,total_m,total",
    groupLine,
  );
  const sums: Record<string, string[]> = {
    total_f: ["hq_f", "field_f"],
    total_m: ["hq_m", "field_m"],
    total: ["total_f", "total_m"],
  };
  return columns.map((c) => (sums[c.key] ? { ...c, sumOf: sums[c.key] } : c));
}

/** The "Excluding:" notes under Table 5: one footnote per "- …" item. */
function exclusionNotes(src: SourceText, from: number): Footnote[] {
  const head = src.find(/^Excluding:\s*$/, from);
  const notes: Footnote[] = [];
  for (let n = src.find(/\S/, head + 1); /^- /.test(src.line(n)); n++) {
    notes.push({ mark: "Excluding:", text: src.line(n).replace(/^- /, "").trim(), line: n });
  }
  if (notes.length === 0) throw new Error(`line ${head}: no "- …" items under "Excluding:"`);
  return notes;
}

export function importTable5(src: SourceText, fixes: ManualFix[]): Table {
  const head = src.find(/^Table 5: /);
  const groupLine = src.find(/^Category\/Grade\t/, head);
  const columns = table5Columns(src, groupLine);
  const rows: Row[] = [];
  for (let n = groupLine + 2; rows[rows.length - 1]?.label !== "Total"; n++) {
    const [label = "", ...values] = fieldsOf(src, n, columns.length + 1);
    rows.push({ key: keyOf(label), label, path: [label], line: n, cells: values.map(num) });
  }
  const total = rows[rows.length - 1] as Row;
  total.sumOf = rows.slice(0, -1).map((r) => r.key);
  return applyFixes(
    {
      id: "table5",
      number: "Table 5",
      title: titleOf(src.line(head)),
      section: SECTION,
      unit: "officials",
      period: PERIOD,
      lines: [head, total.line],
      columns,
      rows,
      footnotes: exclusionNotes(src, total.line),
      undetermined: [],
    },
    fixes,
  );
}

// ---------------------------------------------------------------- paged nationality tables (6, 7)

/** One printed page of a nationality table: its section heading and its data lines. */
interface Page {
  section: string;
  header: number;
  lines: number[];
}

/**
 * Splits a table that runs over several pages into its pages. A page starts at a heading
 * line whose second field is `headerMark` (its first field names the section); further
 * header lines have an empty first field; lines without a tab are titles or blank.
 */
function pagesOf(src: SourceText, from: number, to: number, headerMark: string): Page[] {
  const pages: Page[] = [];
  for (let n = from; n < to; n++) {
    const text = src.line(n);
    if (!isTableLine(text)) continue;
    const [first = "", second] = src.fields(n);
    if (second === headerMark) pages.push({ section: first, header: n, lines: [] });
    else if (first !== "") {
      const page = pages[pages.length - 1];
      if (!page) throw new Error(`line ${n}: data line before the first table heading`);
      page.lines.push(n);
    }
  }
  return pages;
}

/** A parsed data line: the label and the values of the table's columns, as printed. */
interface Line {
  n: number;
  label: string;
  values: string[];
}

const isBlankRow = (values: string[]): boolean => values.every((v) => v === "" || v === "0");

/**
 * A label the PDF wrapped over two lines comes out as two lines, the second starting with
 * "(": "Bolivia" (blank, Total "0") then "(Plurinational State of)" holding the numbers.
 * It is one country (Table 7 prints "Bolivia (Plurinational State of)" on one line), so the
 * two lines are one row; its numbers are those of the line that has any, and its line is
 * that line. A wrapped pair with numbers on both lines would be ambiguous and fails.
 */
function joinWrappedLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (!line.label.startsWith("(") || !prev) {
      out.push(line);
      continue;
    }
    const label = `${prev.label} ${line.label}`;
    if (isBlankRow(prev.values)) out[out.length - 1] = { ...line, label };
    else if (isBlankRow(line.values)) out[out.length - 1] = { ...prev, label };
    else throw new Error(`lines ${prev.n}-${line.n}: wrapped label "${label}" has numbers on both lines`);
  }
  return out;
}

function nationalityRow(section: string, line: Line): Row {
  return {
    key: keyOf(line.label),
    label: line.label,
    path: [section, line.label],
    line: line.n,
    cells: line.values.map(num),
  };
}

/** The closing TOTAL row, the printed sum of every country row of both sections. */
function totalRow(src: SourceText, n: number, width: number, parts: Row[]): Row {
  const [label = "", ...values] = fieldsOf(src, n, width + 1);
  expectText(label, "TOTAL", n);
  return {
    key: "total",
    label,
    path: [label],
    line: n,
    cells: values.map(num),
    sumOf: parts.map((r) => r.key),
  };
}

// ---------------------------------------------------------------- Table 6

const T6_GRADES = 12;
/** Positions of UG and Short-term Officials in a line's values (after the label), as printed on most pages. */
const UG = 9;
const STO = 10;

/**
 * Table 6 lines print label + 12 grades + Total (14 fields), but two continuation pages
 * carry a 15th, empty field that the conversion inserted among the UG and Short-term
 * Officials (STO) fields, fields 10-12 counting the label as field 0. Its place is found
 * per page from the page's own lines:
 * - field 10 blank on every line: it is the inserted field, UG and STO are fields 11 and 12
 *   (the Bulgaria-Japan page, where some lines fill both 11 and 12);
 * - otherwise UG is field 10 and each line's STO figure sits in field 11 or 12, never both
 *   (the Jordan-Sri Lanka page: Mexico and Panama in 12, the rest in 11).
 * Every line's Total equals the sum of its grades either way; what proves the placement is
 * that the realigned UG, STO and Associate Experts columns add up to the TOTAL row and to
 * Table 5's Total column (tests/import/staff.test.ts).
 */
function alignTable6Page(lines: Line[]): Line[] {
  const width = lines[0]?.values.length;
  if (lines.some((l) => l.values.length !== width))
    throw new Error(`Table 6 page at line ${lines[0]?.n}: uneven widths`);
  if (width === T6_GRADES + 1) return lines;
  if (width !== T6_GRADES + 2)
    throw new Error(`Table 6 page at line ${lines[0]?.n}: ${width} values per line`);
  if (lines.every((l) => l.values[UG] === "")) {
    return lines.map((l) => ({ ...l, values: l.values.filter((_, i) => i !== UG) }));
  }
  const both = lines.find((l) => l.values[STO] !== "" && l.values[STO + 1] !== "");
  if (both) throw new Error(`line ${both.n}: cannot place the extra field of this Table 6 page`);
  return lines.map((l) => {
    const v = l.values;
    return { ...l, values: [...v.slice(0, STO), v[STO] || (v[STO + 1] ?? ""), ...v.slice(STO + 2)] };
  });
}

/** E-1 … Associate Experts under "Category/Grade", then Total (the sum of the grades). */
function table6Columns(src: SourceText, gradeLine: number): Column[] {
  const labels = fieldsOf(src, gradeLine, T6_GRADES + 2).slice(1, T6_GRADES + 1);
  expectText(labels[0], "E-1", gradeLine);
  expectText(labels[T6_GRADES - 1], "Associate Experts", gradeLine);
  const grades: Column[] = labels.map((label) => ({
    key: keyOf(label),
    label,
    path: ["Category/Grade", label],
  }));
  return [...grades, { key: "total", label: "Total", path: ["Total"], sumOf: grades.map((c) => c.key) }];
}

function table6Lines(src: SourceText, page: Page): Line[] {
  const lines = page.lines.map((n) => {
    const [label = "", ...values] = src.fields(n);
    return { n, label, values };
  });
  return joinWrappedLabels(alignTable6Page(lines));
}

/** Table 6 over its four pages; data/2011/curated/table6-alignment.md says why each page is read as it is. */
export function importTable6(src: SourceText, fixes: ManualFix[]): Table {
  const head = src.find(/^Table 6: /);
  const last = src.find(/^TOTAL\t/, head);
  const pages = pagesOf(src, head, last, "Category/Grade");
  const columns = table6Columns(src, (pages[0]?.header ?? head) + 1);
  const rows = pages.flatMap((p) => table6Lines(src, p).map((l) => nationalityRow(p.section, l)));
  assertUniqueKeys(
    "table6",
    rows.map((r) => r.key),
  );
  rows.push(totalRow(src, last, columns.length, rows));
  return applyFixes(
    {
      id: "table6",
      number: "Table 6",
      title: titleOf(src.line(head)),
      section: SECTION,
      unit: "officials",
      period: PERIOD,
      lines: [head, last],
      columns,
      rows,
      footnotes: [],
      undetermined: [],
    },
    fixes,
  );
}

// ---------------------------------------------------------------- Table 7

const T7_GROUPS: Record<string, string> = {
  Headquarters: "hq",
  "General Services": "field_gs",
  "National Officers": "field_no",
  Total: "total",
};

/**
 * Headquarters F/M, Field General Services F/M, Field National Officers F/M, Total, from
 * the first page's three header lines (Field spans General Services and National Officers).
 */
function table7Columns(src: SourceText, header: number): Column[] {
  const top = spanGroups(fieldsOf(src, header, 8).slice(1));
  const middle = spanGroups(fieldsOf(src, header + 1, 8).slice(1));
  const labels = fieldsOf(src, header + 2, 8).slice(1);
  const columns = labels.map((label, i) => {
    const outer = top[i] ?? "";
    const group = outer === "Field" ? (middle[i] ?? "") : outer;
    const column = groupedColumn(T7_GROUPS, group, label === "" ? outer : label, header);
    return outer === "Field" ? { ...column, path: ["Field", ...column.path] } : column;
  });
  const keys = "hq_f,hq_m,field_gs_f,field_gs_m,field_no_f,field_no_m,total";
  expectText(columns.map((c) => c.key).join(","), keys, header);
  const parts = columns.slice(0, -1).map((c) => c.key);
  return columns.map((c) => (c.key === "total" ? { ...c, sumOf: parts } : c));
}

export function importTable7(src: SourceText, fixes: ManualFix[]): Table {
  const head = src.find(/^\**Table 7: /);
  const last = src.find(/^TOTAL\t/, head);
  const pages = pagesOf(src, head, last, "Headquarters");
  const columns = table7Columns(src, pages[0]?.header ?? head);
  const rows = pages.flatMap((p) =>
    p.lines.map((n) => {
      const [label = "", ...values] = fieldsOf(src, n, columns.length + 1);
      return nationalityRow(p.section, { n, label, values });
    }),
  );
  assertUniqueKeys(
    "table7",
    rows.map((r) => r.key),
  );
  rows.push(totalRow(src, last, columns.length, rows));
  return applyFixes(
    {
      id: "table7",
      number: "Table 7",
      // The title wraps over two lines, the second ending the bold "**" span.
      title: `${titleOf(src.line(head))} ${titleOf(src.line(head + 1))}`,
      section: SECTION,
      unit: "employees",
      period: PERIOD,
      lines: [head, last],
      columns,
      rows,
      footnotes: [],
      undetermined: [],
    },
    fixes,
  );
}

// ---------------------------------------------------------------- Annex I, section 12

const S12_GROUPS: Record<string, string> = { "Field Offices": "field", Headquarters: "hq", Total: "total" };

function annex1s12Columns(src: SourceText, header: number): Column[] {
  const groups = spanGroups(fieldsOf(src, header, 6).slice(1));
  const labels = fieldsOf(src, header + 1, 6).slice(1);
  const columns = labels.map((label, i) => {
    const group = groups[i] ?? "";
    return groupedColumn(S12_GROUPS, group, label === "" ? group : label, header);
  });
  expectText(
    columns.map((c) => c.key).join(","),
    "field_employees,field_officials,hq_employees,hq_officials,total",
    header,
  );
  const parts = columns.slice(0, -1).map((c) => c.key);
  return columns.map((c) => (c.key === "total" ? { ...c, sumOf: parts } : c));
}

/** The "Note: …" line that closes Annex I right after section 12. */
function closingNote(src: SourceText, from: number): Footnote[] {
  const n = src.find(/\S/, from);
  const m = /^(Note):\s*(.+)$/.exec(src.line(n).trim());
  if (!m?.[1] || !m[2]) throw new Error(`line ${n}: expected the "Note:" after Annex I, section 12`);
  return [{ mark: m[1], text: m[2], line: n }];
}

export function importAnnex1Section12(src: SourceText, fixes: ManualFix[]): Table {
  const head = src.find(/^12\. IOM staff worldwide/, src.find(/^Annex I\s*$/));
  const header = src.find(/^Gender\t/, head);
  const columns = annex1s12Columns(src, header);
  const rows: Row[] = [header + 2, header + 3, header + 4].map((n) => {
    const [label = "", ...values] = fieldsOf(src, n, columns.length + 1);
    return { key: keyOf(label), label, path: [label], line: n, cells: values.map(num) };
  });
  const total = rows[2] as Row;
  expectText(total.label, "Total", total.line);
  total.sumOf = ["female", "male"];
  return applyFixes(
    {
      id: "annex1_s12",
      number: "Annex I, section 12",
      title: src
        .line(head)
        .replace(/^12\.\s*/, "")
        .trim(),
      section: "Annex I",
      unit: "staff",
      period: PERIOD,
      lines: [head, total.line],
      columns,
      rows,
      footnotes: closingNote(src, total.line + 1),
      undetermined: [],
    },
    fixes,
  );
}
