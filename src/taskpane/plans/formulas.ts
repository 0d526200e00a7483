/**
 * Live formulas for report tables: for each printed cell, the =IOM.* value-function call that returns
 * it. A mapper proposes a call from the table's row and column labels; the call is kept only if the
 * core answers it with the printed figure (or reports it as the same undetermined cell). Cells no
 * value function returns (ranks, increases, duplicate labels) stay static values in live mode.
 */
import {
  type Arg,
  isIomError,
  type Iom,
  type ValueFunction,
  type Column,
  type Row,
  type Table,
} from "../../core";
import { decimalsOf } from "./block";

/** One =IOM.* value-function call; `negate` writes =-IOM.X(…) (the male side of a pyramid). */
export interface Call {
  fn: ValueFunction;
  args: Arg[];
  negate?: boolean;
}

const argText = (a: Arg): string => {
  if (a === null || a === undefined) return "";
  if (typeof a === "string") return `"${a.replace(/"/g, '""')}"`;
  if (typeof a === "boolean") return a ? "TRUE" : "FALSE";
  return String(a);
};

/** `=IOM.STAFF("P-4","F")`: trailing empty arguments are left out, inner ones left empty. */
export function formulaOf(call: Call): string {
  const args = [...call.args];
  while (args.length > 0 && (args[args.length - 1] === null || args[args.length - 1] === undefined))
    args.pop();
  return `=${call.negate ? "-" : ""}IOM.${call.fn}(${args.map(argText).join(",")})`;
}

const last = (path: readonly string[]): string => path[path.length - 1] ?? "";
const withoutTotal = (label: string): string => label.replace(/\s+total$/i, "");
const isGrandTotal = (r: Row): boolean => /^(grand )?total$/i.test(r.label);

type Mapper = (row: Row, column: Column, i: Iom) => Call | undefined;

const gender = (key: string): string | null =>
  /(^|_)f$|^female$/.test(key) ? "F" : /(^|_)m$|^male$/.test(key) ? "M" : null;
const year = (key: string): number | undefined => {
  const m = /^y(\d{4})$/.exec(key);
  return m ? Number(m[1]) : undefined;
};

/** Table 5's grade rows and Table 6's grade columns by the name STAFF takes ("Officials" for the total). */
function gradeName(key: string, i: Iom): string | undefined {
  const hit = i.staffQuery.category.entries.find((e) => e.value.kind === "officials" && e.value.row === key);
  return hit?.name;
}

const MAPPERS: Record<string, Mapper> = {
  table1: (row, column) => {
    const place = column.key === "total_migrants" ? null : withoutTotal(last(column.path));
    const from = row.key === "grand_total" ? null : withoutTotal(last(row.path));
    return { fn: "MOVEMENTS", args: [place, null, from] };
  },
  table2: (row, column) => {
    const place =
      column.key === "total"
        ? null
        : column.key.startsWith("other.")
          ? `Other countries in ${column.label}`
          : column.label;
    if (isGrandTotal(row)) return { fn: "MOVEMENTS", args: [place] };
    const [service, programme, region] = row.path;
    if (row.path.length === 1) return { fn: "MOVEMENTS", args: [place, withoutTotal(service ?? "")] };
    if (region === "Subtotal" || region === undefined)
      return { fn: "MOVEMENTS", args: [place, programme ?? null] };
    return { fn: "MOVEMENTS", args: [place, programme ?? null, region] };
  },
  table3: (row) => {
    if (isGrandTotal(row)) return { fn: "MOVEMENTS", args: [] };
    const region = withoutTotal(row.path[0] ?? "");
    const from = `${region} (budgetary region)`;
    if (row.path.length === 1) return { fn: "MOVEMENTS", args: [null, null, from] };
    return { fn: "MOVEMENTS", args: [null, last(row.path), from] };
  },
  table4: (row, column, i) => {
    const age =
      row.key === "total" ? null : i.migrantsQuery.ageGroup.entries.find((e) => e.value === row.key)?.name;
    if (age === undefined) return undefined;
    return { fn: "MIGRANTS", args: [age, column.key === "total" ? null : gender(column.key)] };
  },
  vb_expenditure: (row, column) => expenditure(row, column, "Total"),
  vb_by_region: (row, column) => expenditure(row, column, "Operational"),
  vb_by_service: (row, column) => expenditure(row, column, "Operational"),
  annex1_s1: (row, column) => expenditure(row, column, "Total"),
  table5: (row, column, i) => {
    const grade = gradeName(row.key, i);
    if (!grade) return undefined;
    const location = column.key.startsWith("hq_")
      ? "Headquarters"
      : column.key.startsWith("field_")
        ? "Field"
        : null;
    return { fn: "STAFF", args: [grade, column.key === "total" ? null : gender(column.key), location] };
  },
  table6: (row, column, i) => {
    const grade = column.key === "total" ? "Officials" : gradeName(column.key, i);
    if (!grade) return undefined;
    return { fn: "STAFF", args: [grade, null, null, isGrandTotal(row) ? null : row.label] };
  },
  table7: (row, column) => {
    const nationality = isGrandTotal(row) ? null : row.label;
    if (column.key === "total") return { fn: "STAFF", args: ["Employees", null, null, nationality] };
    const m = /^(hq|field_gs|field_no)_([fm])$/.exec(column.key);
    if (!m) return undefined;
    const category =
      m[1] === "hq" ? "Employees" : m[1] === "field_gs" ? "General Service" : "National Officers";
    return {
      fn: "STAFF",
      args: [category, m[2] === "f" ? "F" : "M", m[1] === "hq" ? "Headquarters" : "Field", nationality],
    };
  },
  annex1_s5: (row, column) => {
    const total = row.key === "total";
    if (column.key === "number_of_projects") return { fn: "PROJECTS", args: total ? [] : [row.label] };
    return { fn: "EXPENDITURE", args: [total ? "Operational" : row.label, 2011] };
  },
  annex1_s6: (row, column) => {
    const total = row.key === "total";
    if (column.key === "number_of_projects") return { fn: "PROJECTS", args: total ? [] : [null, row.label] };
    return { fn: "EXPENDITURE", args: [total ? "Operational" : row.label, 2011] };
  },
  annex1_s8: (row, column) => ({ fn: "PROJECTS", args: [column.label, row.label] }),
  annex1_s12: (row, column) => {
    const g = row.key === "total" ? null : gender(row.key);
    if (column.key === "total") return { fn: "STAFF", args: ["All", g] };
    const m = /^(field|hq)_(employees|officials)$/.exec(column.key);
    if (!m) return undefined;
    return {
      fn: "STAFF",
      args: [m[2] === "employees" ? "Employees" : "Officials", g, m[1] === "hq" ? "Headquarters" : "Field"],
    };
  },
};

/** Expenditure tables: a year column of an item row; the total row names `total`. */
function expenditure(row: Row, column: Column, total: string): Call | undefined {
  const y = year(column.key);
  if (y === undefined) return undefined;
  return { fn: "EXPENDITURE", args: [row.sumOf || /^total/i.test(row.label) ? total : row.label, y] };
}

/** Why a printed cell has no formula, in the words the footnote line uses. */
export type StaticReason = "no_function" | "mismatch";

export type CellSource = { call: Call } | { static: StaticReason };

/**
 * The formula source of every cell of a table (rows × columns, aligned with table.cells); null for
 * the cells the report leaves blank (they stay blank in both modes).
 */
export function tableCellSources(table: Table, i: Iom): (CellSource | null)[][] {
  const mapper = MAPPERS[table.id];
  return table.rows.map((row) =>
    table.columns.map((column, ci): CellSource | null => {
      const printed = row.cells[ci];
      if (printed === null || printed === undefined) return null;
      const call = mapper?.(row, column, i);
      if (!call) return { static: "no_function" };
      return verifies(table, row, column, printed, call, i) ? { call } : { static: "mismatch" };
    }),
  );
}

/** True when the call answers the printed figure, or fails on exactly this undetermined cell. */
function verifies(
  table: Table,
  row: Row,
  column: Column,
  printed: number | "undetermined",
  call: Call,
  i: Iom,
): boolean {
  try {
    const answer = i.answerOf(call.fn, call.args);
    if (printed === "undetermined") return false;
    if (Math.abs(answer.value - printed) < 1e-9) return true;
    // The same figure printed more precisely elsewhere (V.B's one decimal vs Annex I's whole numbers):
    // only when it rounds to the printed one, so the cell shows what the report shows.
    return (
      answer.provenance.alsoIn.some((a) => a.where === table.number && a.value === printed) &&
      Math.abs(answer.value - printed) <= 0.5 * 10 ** -decimalsOf(printed) + 1e-9
    );
  } catch (e) {
    if (!isIomError(e) || printed !== "undetermined") return false;
    return (
      e.kind === "no_figure" &&
      e.message.startsWith(`${table.number}, ${row.path.join(" › ")} / ${column.label}: undetermined`)
    );
  }
}

/** Whether a mapper exists: every extracted table should have one (a test checks). */
export const hasMapper = (tableId: string): boolean => tableId in MAPPERS;
