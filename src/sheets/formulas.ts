/**
 * An =IOM.* call as the formula text a cell holds. Which call returns which printed cell is the
 * core's knowledge (cellSources); this only writes it.
 */
import { ARITY, type Arg, type Call } from "../core";

export type { Call, CellSource, StaticReason } from "../core";

const argText = (a: Arg): string => {
  if (a === null || a === undefined) return "";
  if (typeof a === "string") return `"${a.replace(/"/g, '""')}"`;
  if (typeof a === "boolean") return a ? "TRUE" : "FALSE";
  return String(a);
};

/**
 * `=IOM.STAFF("P-4","F")`: trailing empty arguments are left out, inner ones left empty; a call
 * pinned to an edition names it last (=IOM.STAFF("P-4","F",,,1999)).
 */
export function formulaOf(call: Call): string {
  const args: Arg[] = [...call.args];
  if (call.edition !== undefined) {
    while (args.length < ARITY[call.fn]) args.push(null);
    args.push(/^\d+$/.test(call.edition) ? Number(call.edition) : call.edition);
  }
  return `=${call.negate ? "-" : ""}${callText(call.fn, args)}`;
}

/** `IOM.COUNTRY("Kenya")`: any function's call with literal arguments, trailing empty ones left out. */
export function callText(fn: string, given: readonly Arg[]): string {
  const args = [...given];
  while (args.length > 0 && (args[args.length - 1] === null || args[args.length - 1] === undefined))
    args.pop();
  return `IOM.${fn}(${args.map(argText).join(",")})`;
}
