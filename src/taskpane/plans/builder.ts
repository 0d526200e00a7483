/**
 * The formula builder's model: each value function's arguments, the valid names for each (from the
 * core's dimensions), the formula for a choice of arguments, and its live value and source.
 */
import {
  type Arg,
  isIomError,
  type Iom,
  type ValueFunction,
  VALUE_FUNCTIONS,
  describeProvenance,
} from "../../core";
import type { Lang } from "../../i18n/lang";
import type { StringKey } from "../../i18n/pane";
import { type Call, formulaOf } from "../../sheets/formulas";

export interface ArgSpec {
  /** The parameter's name in the function's signature. */
  name: string;
  /** The core dimension listing its valid values (IOM.LIST). */
  dimension: string;
  label: StringKey;
  /** Years are numbers in the formula; everything else is text. */
  numeric?: boolean;
  required?: boolean;
}

export const BUILDER_FUNCTIONS: readonly ValueFunction[] = VALUE_FUNCTIONS;

export const ARGS: Record<ValueFunction, ArgSpec[]> = {
  MOVEMENTS: [
    { name: "place", dimension: "place", label: "argPlace" },
    { name: "programme", dimension: "programme", label: "argProgramme" },
    { name: "from", dimension: "from", label: "argFrom" },
  ],
  MIGRANTS: [
    { name: "age_group", dimension: "age_group", label: "argAgeGroup" },
    { name: "gender", dimension: "gender", label: "argGender" },
  ],
  STAFF: [
    { name: "category", dimension: "category", label: "argCategory" },
    { name: "gender", dimension: "gender", label: "argGender" },
    { name: "location", dimension: "location", label: "argLocation" },
    { name: "nationality", dimension: "nationality", label: "argNationality" },
  ],
  EXPENDITURE: [
    { name: "item", dimension: "item", label: "argItem" },
    { name: "year", dimension: "year", label: "argYear", numeric: true },
  ],
  PROJECTS: [
    { name: "region", dimension: "region", label: "argRegion" },
    { name: "service", dimension: "service", label: "argService" },
  ],
  FACT: [{ name: "key", dimension: "key", label: "argKey", required: true }],
};

/** The valid values of an argument, as IOM.LIST gives them. */
export const optionsFor = (spec: ArgSpec, core: Iom): string[] => core.list(spec.dimension);

/** The call for chosen values ("" = left empty). */
export function callFor(fn: ValueFunction, values: readonly string[]): Call {
  const args: Arg[] = ARGS[fn].map((spec, i) => {
    const v = values[i] ?? "";
    if (v === "") return null;
    return spec.numeric && /^\d+$/.test(v) ? Number(v) : v;
  });
  return { fn, args };
}

export type Preview =
  | { ok: true; formula: string; value: number; source: string }
  | {
      ok: false;
      formula: string;
      /** Why there is no value, in the pane's language. */
      message: string;
      /** The closest valid names for `argument`, the argument at fault (its dimension). */
      suggestions: string[];
      argument?: string;
    };

export function previewFormula(
  fn: ValueFunction,
  values: readonly string[],
  core: Iom,
  lang: Lang = "en",
): Preview {
  const call = callFor(fn, values);
  const formula = formulaOf(call);
  try {
    const answer = core.answerOf(fn, call.args);
    return { ok: true, formula, value: answer.value, source: describeProvenance(answer, core.edition) };
  } catch (e) {
    if (!isIomError(e)) throw e;
    return {
      ok: false,
      formula,
      message: e.text(lang),
      suggestions: [...e.suggestions],
      ...(e.argument ? { argument: e.argument } : {}),
    };
  }
}
