/**
 * Which =IOM.* call returns each printed cell of a table: what lets a table be inserted "live",
 * every figure a formula. A table's role (its part in the queries, meta.json) says how its rows and
 * columns become arguments; a proposed call is kept only if the core answers it with the printed
 * figure, or fails on exactly that undetermined cell. Cells no value function returns (ranks,
 * increases, duplicate labels) have none and stay static values.
 */
import type { Arg } from "./args";
import type { EditionIndex } from "./edition";
import { isIomError } from "./errors";
import type { Iom, ValueFunction } from "./iom";
import type { Column, EditionRoles, Row, Table } from "./model";

/** One =IOM.* value-function call; `negate` writes =-IOM.X(…) (the male side of a pyramid). */
export interface Call {
  fn: ValueFunction;
  args: Arg[];
  negate?: boolean;
  /** The edition the call must answer from, when it is not the latest (written as the last argument). */
  edition?: string;
}

/** Why a printed cell has no formula. */
export type StaticReason = "no_function" | "mismatch";

export type CellSource = { call: Call } | { static: StaticReason };

const last = (path: readonly string[]): string => path[path.length - 1] ?? "";
const withoutTotal = (label: string): string => label.replace(/\s+total$/i, "");
const isGrandTotal = (r: Row): boolean => /^(grand )?total$/i.test(r.label);

const gender = (key: string): string | null =>
  /(^|_)f$|^female$/.test(key) ? "F" : /(^|_)m$|^male$/.test(key) ? "M" : null;
const yearOf = (key: string): number | undefined => {
  const m = /^y(\d{4})$/.exec(key);
  return m ? Number(m[1]) : undefined;
};

type Mapper = (row: Row, column: Column, core: Iom) => Call | undefined;

/** A grade's name as STAFF takes it ("Officials" for the total row). */
function gradeName(key: string, core: Iom): string | undefined {
  return core.categoryOfGrade(key);
}

/** Expenditure tables: a year column of an item row; the total row names `total`. */
function expenditure(row: Row, column: Column, total: string): Call | undefined {
  const y = yearOf(column.key);
  if (y === undefined) return undefined;
  return { fn: "EXPENDITURE", args: [row.sumOf || /^total/i.test(row.label) ? total : row.label, y] };
}

const MAPPERS: Partial<Record<keyof EditionRoles, Mapper>> = {
  movementsByRegion: (row, column) => {
    const place = column.key === "total_migrants" ? null : withoutTotal(last(column.path));
    const from = row.key === "grand_total" ? null : withoutTotal(last(row.path));
    return { fn: "MOVEMENTS", args: [place, null, from] };
  },
  movementsByService: (row, column) => {
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
  movementsByBudgetaryRegion: (row) => {
    if (isGrandTotal(row)) return { fn: "MOVEMENTS", args: [] };
    const from = `${withoutTotal(row.path[0] ?? "")} (budgetary region)`;
    if (row.path.length === 1) return { fn: "MOVEMENTS", args: [null, null, from] };
    return { fn: "MOVEMENTS", args: [null, last(row.path), from] };
  },
  migrantsByAgeAndGender: (row, column, core) => {
    const age = row.key === "total" ? null : core.ageGroupOfRow(row.key);
    if (age === undefined) return undefined;
    return { fn: "MIGRANTS", args: [age, column.key === "total" ? null : gender(column.key)] };
  },
  officialsByGrade: (row, column, core) => {
    const grade = gradeName(row.key, core);
    if (!grade) return undefined;
    const location = column.key.startsWith("hq_")
      ? "Headquarters"
      : column.key.startsWith("field_")
        ? "Field"
        : null;
    return { fn: "STAFF", args: [grade, column.key === "total" ? null : gender(column.key), location] };
  },
  officialsByNationality: (row, column, core) => {
    const grade = column.key === "total" ? "Officials" : gradeName(column.key, core);
    if (!grade) return undefined;
    return { fn: "STAFF", args: [grade, null, null, isGrandTotal(row) ? null : row.label] };
  },
  employeesByNationality: (row, column) => {
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
  staffByLocationAndGender: (row, column) => {
    const g = row.key === "total" ? null : gender(row.key);
    if (column.key === "total") return { fn: "STAFF", args: ["All", g] };
    const m = /^(field|hq)_(employees|officials)$/.exec(column.key);
    if (!m) return undefined;
    return {
      fn: "STAFF",
      args: [m[2] === "employees" ? "Employees" : "Officials", g, m[1] === "hq" ? "Headquarters" : "Field"],
    };
  },
  projectsByServiceAndRegion: (row, column) => ({ fn: "PROJECTS", args: [column.label, row.label] }),
};

/** The projects-by-region and -by-service tables: projects, and the operational expenditure of the year. */
function projectsMapper(byService: boolean, year: number): Mapper {
  return (row, column) => {
    const total = row.key === "total";
    if (column.key === "number_of_projects")
      return { fn: "PROJECTS", args: total ? [] : byService ? [null, row.label] : [row.label] };
    return { fn: "EXPENDITURE", args: [total ? "Operational" : row.label, year] };
  };
}

/** The mapper for a table, from the role the edition gives it. */
function mapperOf(index: EditionIndex, table: Table): Mapper | undefined {
  const roles = index.edition.meta.roles;
  const year = index.edition.meta.year;
  const exp = roles.expenditure?.find((r) => r.table === table.id);
  if (exp) return (row, column) => expenditure(row, column, exp.totalItem ? "Operational" : "Total");
  if (roles.projectsByRegion === table.id) return projectsMapper(false, year);
  if (roles.projectsByService === table.id) return projectsMapper(true, year);
  const role = (Object.keys(MAPPERS) as (keyof EditionRoles)[]).find((r) => roles[r] === table.id);
  return role ? MAPPERS[role] : undefined;
}

/** Whether some value function can return a table's cells: every table with a role. */
export const hasCalls = (index: EditionIndex, table: Table): boolean => mapperOf(index, table) !== undefined;

const computed = new WeakMap<Iom, Map<string, (CellSource | null)[][]>>();

/**
 * For each printed cell of a table, the =IOM.* call that returns exactly it, or why there is none;
 * null where the report leaves the cell blank (it stays blank in every mode). Computed once per table.
 * A function of the core rather than a method, so the custom functions' bundle, which never inserts
 * tables, leaves it out.
 */
export function cellSources(core: Iom, tableId: string): (CellSource | null)[][] {
  let byTable = computed.get(core);
  if (!byTable) computed.set(core, (byTable = new Map<string, (CellSource | null)[][]>()));
  let s = byTable.get(tableId);
  if (!s) {
    s = tableCellSources(core, core.index, core.index.table(tableId));
    byTable.set(tableId, s);
  }
  return s;
}

/** The formula source of every cell of a table (rows × columns, aligned with table.cells). */
function tableCellSources(core: Iom, index: EditionIndex, table: Table): (CellSource | null)[][] {
  const mapper = mapperOf(index, table);
  return table.rows.map((row) =>
    table.columns.map((column, ci): CellSource | null => {
      const printed = row.cells[ci];
      if (printed === null || printed === undefined) return null;
      const call = mapper?.(row, column, core);
      if (!call) return { static: "no_function" };
      return verifies(core, table, row, column, printed, call) ? { call } : { static: "mismatch" };
    }),
  );
}

const decimalsOf = (n: number): number => {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 || s.includes("e") ? 0 : s.length - dot - 1;
};

/** True when the call answers the printed figure, or fails on exactly this undetermined cell. */
function verifies(
  core: Iom,
  table: Table,
  row: Row,
  column: Column,
  printed: number | "undetermined",
  call: Call,
): boolean {
  try {
    const answer = core.answerOf(call.fn, call.args);
    if (printed === "undetermined") return false;
    if (Math.abs(answer.value - printed) < 1e-9) return true;
    // The same figure printed more precisely elsewhere (one decimal vs whole numbers): only when it
    // rounds to the printed one, so the cell shows what the report shows.
    return (
      answer.provenance.alsoIn.some((a) => a.where === table.number && a.value === printed) &&
      Math.abs(answer.value - printed) <= 0.5 * 10 ** -decimalsOf(printed) + 1e-9
    );
  } catch (e) {
    if (!isIomError(e) || printed !== "undetermined") return false;
    const c = e.cell;
    return c !== undefined && c.table === table.id && c.row === row.key && c.column === column.key;
  }
}
