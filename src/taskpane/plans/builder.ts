/**
 * The formula builder's model: each value function's arguments, the valid names for each (from the
 * core's dimensions), the formula for a choice of arguments, and its live value and source.
 */
import {
  type Arg,
  countryCard,
  isIomError,
  type Iom,
  type ValueFunction,
  VALUE_FUNCTIONS,
  describeProvenance,
} from "../../core";
import type { Lang } from "../../i18n/lang";
import type { StringKey } from "../../i18n/pane";
import { countryFieldLabel } from "../../i18n/card-labels";
import { formatNumber } from "../../i18n/lang";
import { type Call, callText, formulaOf } from "../../sheets/formulas";

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

/** The functions the builder offers: the value functions, and COUNTRY (a country's card). */
export type BuilderFunction = ValueFunction | "COUNTRY";
export const BUILDER_FUNCTIONS: readonly BuilderFunction[] = [...VALUE_FUNCTIONS, "COUNTRY"];

export const ARGS: Record<BuilderFunction, ArgSpec[]> = {
  // Every nationality is a country of the report; destinations are nearly all among them.
  COUNTRY: [{ name: "country", dimension: "nationality", label: "argCountry", required: true }],
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
  /** `value`: the figure, or what a COUNTRY cell shows (the name; its card holds the figures). */
  | { ok: true; formula: string; value: number | string; source: string }
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
  fn: BuilderFunction,
  values: readonly string[],
  core: Iom,
  lang: Lang = "en",
): Preview {
  if (fn === "COUNTRY") return previewCountry(values[0] ?? "", core, lang);
  const call = callFor(fn, values);
  const formula = formulaOf(call);
  try {
    const answer = core.answerOf(fn, call.args);
    return { ok: true, formula, value: answer.value, source: describeProvenance(answer, core.edition) };
  } catch (e) {
    return failed(e, formula, lang);
  }
}

/** A country's card: its name, and the first section's figures (the movements to it, or its staff). */
function previewCountry(name: string, core: Iom, lang: Lang): Preview {
  const formula = `=${callText("COUNTRY", [name === "" ? null : name])}`;
  try {
    const card = countryCard(core, name, lang);
    const first = card.sections[0]?.fields ?? [];
    const source = first
      .map(
        (f) =>
          `${countryFieldLabel(f.name, lang) ?? f.label ?? f.name}: ${typeof f.value === "number" ? formatNumber(f.value, lang) : f.value}`,
      )
      .join(" · ");
    return { ok: true, formula, value: card.text, source };
  } catch (e) {
    return failed(e, formula, lang);
  }
}

/** Why a call has no value, in the pane's language, with the names meant; anything but an IomError is a bug. */
function failed(e: unknown, formula: string, lang: Lang): Preview {
  if (!isIomError(e)) throw e;
  return {
    ok: false,
    formula,
    message: e.text(lang),
    suggestions: [...e.suggestions],
    ...(e.argument ? { argument: e.argument } : {}),
  };
}
