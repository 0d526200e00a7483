/**
 * The library: every figure of IOM's 2011 report for Node scripts, with the same semantics
 * as the =IOM.* functions. Each call returns { value, provenance } or throws an IomError
 * (kind "not_found" | "no_figure" | "bad_argument", with `argument` and `suggestions`).
 *
 *   import { movements, staff } from "iom-report-excel";
 *   movements("Kenya").value; // 46200
 */
import type { Answer } from "./core/answer";
import type { Arg } from "./core/args";
import { iom } from "./core";
import type { Grid } from "./core/grid";
import type { Fact, Table } from "./core/model";

export { IomError, isIomError, type IomErrorKind } from "./core/errors";
export type { Answer, Provenance } from "./core/answer";
export type { Arg } from "./core/args";
export type { Grid, GridCell, Missing } from "./core/grid";
export type * from "./core/model";
export { Iom, describeProvenance } from "./core/iom";
export { iom } from "./core";

/** Persons moved in 2011 (Tables 1–3), like =IOM.MOVEMENTS. */
export const movements = (place?: Arg, programme?: Arg, from?: Arg): Answer =>
  iom().movements(place, programme, from);
/** Migrants by age group and gender (Table 4), like =IOM.MIGRANTS. */
export const migrants = (ageGroup?: Arg, gender?: Arg): Answer => iom().migrants(ageGroup, gender);
/** Staff head-count at 31 December 2011 (Tables 5–7, Annex I §12), like =IOM.STAFF. */
export const staff = (category?: Arg, gender?: Arg, location?: Arg, nationality?: Arg): Answer =>
  iom().staff(category, gender, location, nationality);
/** Expenditure in USD million, like =IOM.EXPENDITURE. */
export const expenditure = (item?: Arg, year?: Arg): Answer => iom().expenditure(item, year);
/** Active projects, like =IOM.PROJECTS. */
export const projects = (region?: Arg, service?: Arg): Answer => iom().projects(region, service);
/** One narrative figure by key, like =IOM.FACT. */
export const fact = (key: Arg): Answer => iom().fact(key);
/** The narrative figures matching every word of `search` (all for ""), like =IOM.FACTS. */
export const facts = (search?: Arg): Fact[] => iom().facts(search);
/** A report table as data (rows, columns, provenance lines), by number, id or title. */
export const tableData = (table: Arg): Table => iom().resolveTable(table);
/** A report table laid out as printed, like =IOM.TABLE. */
export const table = (t: Arg, headers?: Arg): Grid => iom().table(t, headers);
/** The valid names of an argument, like =IOM.LIST. */
export const list = (dimension?: Arg): string[] => iom().list(dimension);
/** Where a value comes from, as text, like =IOM.SOURCE. */
export const source = (fn: Arg, ...args: Arg[]): string => iom().source(fn, ...args);
