/**
 * The calls the functions bench makes: 10,000 distinct valid cells across the eleven functions
 * (as a worksheet would hold them), 10,000 distinct erroneous ones (misspelt names, arguments of
 * the wrong kind), and how a scan without indexes would answer each valid cell.
 */
import type { Arg } from "../../src/core";
import type { Iom } from "../../src/core";
import { prng } from "../../tests/support/prng";
import { recipeOf, type Recipe } from "./scan";

export const FUNCTION_NAMES = [
  "MOVEMENTS",
  "MIGRANTS",
  "STAFF",
  "EXPENDITURE",
  "PROJECTS",
  "FACT",
  "FACTS",
  "TABLE",
  "LIST",
  "SOURCE",
  "EDITION",
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** The functions answering one number. */
export const VALUE_NAMES: ReadonlySet<FunctionName> = new Set<FunctionName>([
  "MOVEMENTS",
  "MIGRANTS",
  "STAFF",
  "EXPENDITURE",
  "PROJECTS",
  "FACT",
]);

/** One cell: the function and its arguments as the worksheet gives them (the rest are omitted). */
export interface Cell {
  fn: FunctionName;
  args: Arg[];
}

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every combination of the given argument values. */
const product = (...axes: Arg[][]): Arg[][] =>
  axes.reduce<Arg[][]>((acc, axis) => acc.flatMap((prefix) => axis.map((v) => [...prefix, v])), [[]]);

const orBlank = (xs: Arg[]): Arg[] => [null, ...xs];

/** True when the call answers (no error) on the core. */
export function answers(core: Iom, fn: FunctionName, args: readonly Arg[]): boolean {
  const [a, b, c, d, e] = args;
  try {
    switch (fn) {
      case "FACTS":
        return core.factsGrid(a, b).length > 0;
      case "TABLE":
        return core.table(a ?? null, b).length > 0;
      case "LIST":
        return core.list(a).length > 0;
      case "SOURCE":
        return core.source(a ?? null, b, c, d, e).length > 0;
      case "EDITION":
        return true;
      default:
        return Number.isFinite(core.answerOf(fn, args).value);
    }
  } catch {
    return false;
  }
}

export const CELLS = 10_000;

/**
 * 10,000 distinct valid cells: every valid LIST, FACT, MIGRANTS, EXPENDITURE and PROJECTS cell, 60
 * TABLE, 100 FACTS, 1,000 SOURCE and 1 EDITION cells, the rest split between STAFF and MOVEMENTS (a
 * seeded sample of all combinations of their valid names, kept when they answer). Each comes with the
 * recipe of the scan that answers it the same.
 */
export function validCells(core: Iom): { cells: Cell[]; recipes: Recipe[]; counts: Record<string, number> } {
  const rnd = prng(20240601);
  const names = (d: string): Arg[] => core.list(d);
  const counts: Record<string, number> = {};
  const cells: Cell[] = [];
  const recipes: Recipe[] = [];
  const seen = new Set<string>();
  /** Adds up to `quota` candidates that answer and that the scan reproduces, in a shuffled order. */
  const take = (fn: FunctionName, candidates: Arg[][], quota: number): void => {
    let kept = 0;
    for (const args of shuffled(candidates, rnd)) {
      if (kept >= quota) break;
      const key = JSON.stringify([fn, args]);
      if (seen.has(key) || !answers(core, fn, args)) continue;
      const recipe = recipeOf(core, { fn, args });
      if (!recipe) continue;
      seen.add(key);
      kept++;
      cells.push({ fn, args });
      recipes.push(recipe);
    }
    counts[fn] = kept;
  };

  const tables = core.edition.tables;
  take("EDITION", [[]], 1);
  const dimensions = [...core.list(null), "age", "grade", "sex", "country", "program", "departure"];
  take("LIST", [[null], ...dimensions.map((d) => [d])], Infinity);
  take(
    "TABLE",
    product([...tables.flatMap((t) => [t.number, t.id]), 1, 2, 3, 4, 5, 6, 7], [null, false]),
    60,
  );
  const factKeys = core.edition.facts.map((f) => f.key);
  take("FACTS", product(["", ...factKeys], [null, true]), 100);
  take(
    "FACT",
    factKeys.map((k) => [k]),
    Infinity,
  );
  take("MIGRANTS", product(orBlank(names("age_group")), orBlank(names("gender"))), Infinity);
  take("EXPENDITURE", product(names("item"), orBlank(names("year").map(Number))), Infinity);
  take("PROJECTS", product(orBlank(names("region")), orBlank(names("service"))), Infinity);
  const movements = product(orBlank(names("place")), orBlank(names("programme")), orBlank(names("from")));
  const staff = product(
    names("category"),
    orBlank(names("gender")),
    orBlank(names("location")),
    orBlank(names("nationality")),
  );
  // IOM.SOURCE traces a sample of the value cells, named as in a worksheet: ("STAFF", "P-4", "F").
  const traced = cells.filter((c) => VALUE_NAMES.has(c.fn));
  const valueCandidates = [
    ...traced.map((c) => [c.fn, ...c.args]),
    ...shuffled(movements, rnd)
      .slice(0, 2000)
      .map((a) => ["MOVEMENTS", ...a]),
    ...shuffled(staff, rnd)
      .slice(0, 2000)
      .map((a) => ["STAFF", ...a]),
  ];
  take("SOURCE", valueCandidates, 1000);
  take("STAFF", staff, Math.floor((CELLS - cells.length) / 2));
  take("MOVEMENTS", movements, CELLS - cells.length);
  if (cells.length !== CELLS) throw new Error(`only ${cells.length} distinct valid cells, expected ${CELLS}`);
  return { cells, recipes, counts };
}

/** A name misspelt: a letter dropped, doubled or changed, deterministically from `seed`. */
export function misspelt(name: string, seed: number): string {
  const rnd = prng(seed);
  const i = Math.floor(rnd() * name.length);
  const mode = Math.floor(rnd() * 3);
  if (mode === 0 && name.length > 3) return name.slice(0, i) + name.slice(i + 1);
  if (mode === 1) return name.slice(0, i + 1) + name.slice(i);
  return `${name.slice(0, i)}${"xqz"[Math.floor(rnd() * 3)] ?? "x"}${name.slice(i + 1)}`;
}

/**
 * 10,000 distinct erroneous cells, built from the valid value cells: half with one argument
 * misspelt (up to three misspellings of each name, each in many cells, as a typo copied down a column), half
 * with a number where a name goes (#VALUE!).
 */
export function errorCells(core: Iom, valid: readonly Cell[]): Cell[] {
  const rnd = prng(7);
  const values = valid.filter((c) => VALUE_NAMES.has(c.fn) && c.args.some((a) => typeof a === "string"));
  const typos = new Map<string, string[]>();
  const out: Cell[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < CELLS; i++) {
    const cell = values[Math.floor(rnd() * values.length)] as Cell;
    const named = cell.args.flatMap((a, j) => (typeof a === "string" ? [j] : []));
    const j = named[Math.floor(rnd() * named.length)] as number;
    const args = [...cell.args];
    if (i % 2 === 0) {
      const name = args[j] as string;
      const pool = typos.get(name) ?? [];
      if (pool.length < 3) pool.push(misspelt(name, i));
      typos.set(name, pool);
      args[j] = pool[Math.floor(rnd() * pool.length)] ?? name;
    } else args[j] = i;
    const key = JSON.stringify([cell.fn, args]);
    if (seen.has(key) || answers(core, cell.fn, args)) continue;
    seen.add(key);
    out.push({ fn: cell.fn, args });
  }
  return out;
}

/** `name` with the case of its letters flipped by the bits of `k`: another spelling of the same name. */
export function caseVariant(name: string, k: number): string {
  let bit = 0;
  let out = "";
  for (const ch of name) {
    const letter = ch.toLowerCase() !== ch.toUpperCase();
    const flip = letter && bit < 31 && (k >>> bit++) % 2 === 1;
    out += flip ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch;
  }
  return out;
}
