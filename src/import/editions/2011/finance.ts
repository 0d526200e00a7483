import type { CellValue, Column, Footnote, ManualFix, Row, Table } from "../../../core/model";
import { keyOf, parseNumber, parseValueWithRank, SourceText } from "../../source-text";
import { applyFixes, expectText, fieldsOf } from "../../table-helpers";

/**
 * The expenditure and project tables: the three untitled tables of section V.B (Financial
 * highlights) and the tables of Annex I, sections 1, 5, 6 and 8. All are intact in the
 * source text; each is located by its title line and parsed from its tab-separated fields.
 */
export function importFinanceTables(src: SourceText, fixes: ManualFix[]): Table[] {
  const tables = [
    vbExpenditure(src),
    vbOperational(src, "by region", "vb_by_region", "Section V.B, operational expenditure by region table"),
    vbOperational(
      src,
      "by service classification",
      "vb_by_service",
      "Section V.B, operational expenditure by service classification table",
    ),
    annexTotalExpenditures(src),
    annexProjects(src, 5, "annex1_s5"),
    annexProjects(src, 6, "annex1_s6"),
    annexActiveProjects(src),
  ];
  return tables.map((t) => applyFixes(t, fixes));
}

// ---------------------------------------------------------------- source navigation

const isBlank = (text: string): boolean => text.trim() === "";

/** The first non-blank line from `from` on (the PDF conversion leaves lines holding a lone space). */
function nextNonBlank(src: SourceText, from: number): number {
  return src.find(/\S/, from);
}

/** The consecutive non-blank lines starting at `first`: one table body. */
function block(src: SourceText, first: number): number[] {
  const out: number[] = [];
  for (let n = first; n <= src.lines.length && !isBlank(src.line(n)); n++) out.push(n);
  return out;
}

/** The line of an Annex I section title ("5. Breakdown of …"), searched from the Annex's heading. */
function annexSection(src: SourceText, section: number): number {
  return src.find(new RegExp(`^${section}\\. \\S`), src.find(/^Annex I\s*$/));
}

const stripNumber = (title: string): string => title.replace(/^\d+\.\s*/, "");

/** A "* Source: …" note: its mark, then the text. */
function footnoteAt(src: SourceText, n: number): Footnote {
  const m = /^(\*)\s*(.*)$/.exec(src.line(n).trim());
  if (!m?.[1] || !m[2]) throw new Error(`line ${n}: not a footnote`);
  return { mark: m[1], text: m[2], line: n };
}

// ---------------------------------------------------------------- rows

const num = (field: string | undefined): CellValue => parseNumber(field ?? "");

function row(label: string, line: number, cells: CellValue[]): Row {
  return { key: keyOf(label), label, path: [label], line, cells };
}

/** The closing "Total…" row is the printed sum of every row above it. */
function withTotal(rows: Row[]): Row[] {
  const last = rows[rows.length - 1];
  if (!last || !/^Total\b/.test(last.label)) throw new Error(`expected a closing Total row`);
  last.sumOf = rows.slice(0, -1).map((r) => r.key);
  return rows;
}

/** Rows of label + plain numbers, one per line. */
function numberRows(src: SourceText, lines: number[], columns: number): Row[] {
  return lines.map((n) => {
    const [label = "", ...values] = fieldsOf(src, n, columns + 1);
    return row(label, n, values.map(num));
  });
}

// ---------------------------------------------------------------- section V.B

/** "Expenditure (excluding exchange rate differences) | 2011 USD million | 2010 USD million". */
function vbExpenditure(src: SourceText): Table {
  const head = src.find(/^Expenditure \(excluding exchange rate differences\)\t/);
  const [title = "", ...labels] = fieldsOf(src, head, 3);
  const columns: Column[] = labels.map((label) => ({
    key: yearKey(label, head),
    label,
    path: [label],
  }));
  const body = block(src, head + 1);
  return {
    id: "vb_expenditure",
    number: "Section V.B, expenditure table",
    title,
    section: "V.B",
    unit: "USD million",
    period: "2011 and 2010",
    lines: [head, body[body.length - 1] ?? head],
    columns,
    rows: withTotal(numberRows(src, body, columns.length)),
    footnotes: [],
    undetermined: [],
  };
}

function yearKey(label: string, n: number): string {
  const m = /^(\d{4})\b/.exec(label);
  if (!m?.[1]) throw new Error(`line ${n}: column "${label}" does not start with a year`);
  return `y${m[1]}`;
}

const INCREASE = "Increase/ (decrease)";

/** 2011 and 2010 values each followed by a rank ("310.5 (2)"), then 2011 − 2010. */
function vbOperationalColumns(): Column[] {
  const year = (y: string): Column[] => [
    { key: `y${y}`, label: y, path: ["USD million", y] },
    { key: `y${y}_rank`, label: "Rank", path: [y, "Rank"], unit: "rank" },
  ];
  // The change is a difference of the year columns, not a sum: the test proves it row by row.
  return [
    ...year("2011"),
    ...year("2010"),
    { key: keyOf(INCREASE), label: INCREASE, path: ["USD million", INCREASE] },
  ];
}

/** "310.5 (2)" → [310.5, 2]; the Total row prints its values without ranks. */
function valueAndRank(field: string): CellValue[] {
  if (!/\s\(\d+\)$/.test(field)) return [parseNumber(field), null];
  const { value, rank } = parseValueWithRank(field);
  return [value, rank];
}

function vbOperational(src: SourceText, by: string, id: string, number: string): Table {
  const title = `Operational programmes expenditure ${by}`;
  const head = src.find(`${title}\tUSD million`);
  const years = fieldsOf(src, head + 1, 4);
  ["", "2011", "2010", INCREASE].forEach((label, i) => expectText(years[i], label, head + 1));
  const body = block(src, head + 2);
  const rows = body.map((n) => {
    const [label = "", y2011 = "", y2010 = "", change = ""] = fieldsOf(src, n, 4);
    return row(label, n, [...valueAndRank(y2011), ...valueAndRank(y2010), parseNumber(change)]);
  });
  return {
    id,
    number,
    title,
    section: "V.B",
    unit: "USD million",
    period: "2011 and 2010",
    lines: [head, body[body.length - 1] ?? head],
    columns: vbOperationalColumns(),
    rows: withTotal(rows),
    footnotes: [],
    undetermined: [],
  };
}

// ---------------------------------------------------------------- Annex I

/** Section 1: a year-by-year table, then an unmarked "Source:" note. */
function annexTotalExpenditures(src: SourceText): Table {
  const titleLine = annexSection(src, 1);
  const head = nextNonBlank(src, titleLine + 1);
  const [corner, ...years] = src.fields(head);
  expectText(corner, "", head);
  const columns: Column[] = years.map((y) => ({
    key: yearKey(y, head),
    label: y,
    path: [y],
  }));
  const body = block(src, head + 1);
  const last = body[body.length - 1] ?? head;
  const sourceLine = nextNonBlank(src, last + 1);
  const note = src.line(sourceLine).trim();
  if (!note.startsWith("Source:")) throw new Error(`line ${sourceLine}: expected the section 1 source note`);
  return {
    id: "annex1_s1",
    number: "Annex I, section 1",
    title: stripNumber(src.line(titleLine).trim()),
    section: "Annex I",
    unit: "USD million",
    period: "2007–2011",
    lines: [titleLine, sourceLine],
    columns,
    rows: withTotal(numberRows(src, body, columns.length)),
    // The note carries no mark in the report.
    footnotes: [{ mark: "", text: note, line: sourceLine }],
    undetermined: [],
  };
}

/** Sections 5 and 6: number of projects and operational expenditure, with a "* Source" note. */
function annexProjects(src: SourceText, section: 5 | 6, id: string): Table {
  const titleLine = annexSection(src, section);
  const head = nextNonBlank(src, titleLine + 1);
  const [corner = "", projects = "", expenditure = ""] = fieldsOf(src, head, 3);
  expectText(corner, "", head);
  expectText(projects, "Number of projects", head);
  expectText(expenditure, "Operational expenditure (USD million)*", head);
  const body = block(src, head + 1);
  const footnote = footnoteAt(src, nextNonBlank(src, (body[body.length - 1] ?? head) + 1));
  return {
    id,
    number: `Annex I, section ${section}`,
    title: stripNumber(src.line(titleLine).trim()),
    section: "Annex I",
    unit: "projects",
    period: "2011",
    lines: [titleLine, footnote.line],
    columns: [
      { key: keyOf(projects), label: projects, path: [projects] },
      // The label keeps its printed "*": columns carry no marks, and it ties the column to the note.
      {
        key: keyOf(expenditure),
        label: expenditure,
        path: [expenditure],
        unit: "USD million",
      },
    ],
    rows: withTotal(numberRows(src, body, 2)),
    footnotes: [footnote],
    undetermined: [],
  };
}

/** Section 8: services × regions, no printed totals; blank cells are null. */
function annexActiveProjects(src: SourceText): Table {
  const titleLine = annexSection(src, 8);
  const head = nextNonBlank(src, titleLine + 1);
  const [corner, ...regions] = src.fields(head);
  expectText(corner, "Service", head);
  const body = block(src, head + 1);
  return {
    id: "annex1_s8",
    number: "Annex I, section 8",
    title: stripNumber(src.line(titleLine).trim()),
    section: "Annex I",
    unit: "projects",
    period: "2011",
    lines: [titleLine, body[body.length - 1] ?? head],
    columns: regions.map((label) => ({
      key: keyOf(label),
      label,
      path: [label],
    })),
    rows: numberRows(src, body, regions.length),
    footnotes: [],
    undetermined: [],
  };
}

// ---------------------------------------------------------------- manual fixes
