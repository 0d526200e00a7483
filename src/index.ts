/**
 * The library: every figure of IOM's report for Node scripts, with the same semantics as the =IOM.*
 * functions. Each call returns { value, provenance } or throws an IomError (kind "not_found" |
 * "no_figure" | "bad_argument", with `argument` and `suggestions`). The optional last argument names
 * the edition of the report (its year or document symbol); left out, the latest answers.
 *
 *   import { movements, staff } from "iom-report-excel";
 *   movements("Kenya").value; // 46200
 */
import { iom, type Answer, type Arg, type Fact, type Grid, type Table } from "./core";

export {
  IomError,
  isIomError,
  Iom,
  describeProvenance,
  iom,
  editions,
  registerEdition,
  type IomErrorKind,
  type Answer,
  type Provenance,
  type Arg,
  type Grid,
  type GridCell,
  type Missing,
  type EditionInfo,
} from "./core";
export type * from "./core";

const at = (edition: Arg) => iom({ edition });

/** Persons moved in the report's year (the movement tables), like =IOM.MOVEMENTS. */
export const movements = (place?: Arg, programme?: Arg, from?: Arg, edition?: Arg): Answer =>
  at(edition).movements(place, programme, from);
/** Migrants by age group and gender, like =IOM.MIGRANTS. */
export const migrants = (ageGroup?: Arg, gender?: Arg, edition?: Arg): Answer =>
  at(edition).migrants(ageGroup, gender);
/** Staff head-count at the end of the report's year, like =IOM.STAFF. */
export const staff = (
  category?: Arg,
  gender?: Arg,
  location?: Arg,
  nationality?: Arg,
  edition?: Arg,
): Answer => at(edition).staff(category, gender, location, nationality);
/** Expenditure in USD million, like =IOM.EXPENDITURE. */
export const expenditure = (item?: Arg, year?: Arg, edition?: Arg): Answer =>
  at(edition).expenditure(item, year);
/** Active projects, like =IOM.PROJECTS. */
export const projects = (region?: Arg, service?: Arg, edition?: Arg): Answer =>
  at(edition).projects(region, service);
/** One narrative figure by key, like =IOM.FACT. */
export const fact = (key: Arg, edition?: Arg): Answer => at(edition).fact(key);
/** The narrative figures matching every word of `search` (all for ""), like =IOM.FACTS. */
export const facts = (search?: Arg, edition?: Arg): Fact[] => at(edition).facts(search);
/** A report table as data (rows, columns, provenance lines), by number, id or title. */
export const tableData = (table: Arg, edition?: Arg): Table => at(edition).resolveTable(table);
/** A report table laid out as printed, like =IOM.TABLE. */
export const table = (t: Arg, headers?: Arg, edition?: Arg): Grid => at(edition).table(t, headers);
/** The valid names of an argument, like =IOM.LIST. */
export const list = (dimension?: Arg, edition?: Arg): string[] => at(edition).list(dimension);
/** Where a value comes from, as text, like =IOM.SOURCE (a value function's last argument names its edition). */
export const source = (fn: Arg, ...args: Arg[]): string => iom().source(fn, ...args);
