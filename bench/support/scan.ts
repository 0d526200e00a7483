/**
 * The fair baseline of the functions' first pass: a straightforward implementation without indexes
 * that normalises the arguments (as any implementation must), then finds the figure by walking the
 * tables' rows and columns, comparing labels normalised once beforehand. Which labels a cell's
 * arguments stand for is worked out from the core's answer before the timing (a recipe), which
 * flatters the scan: it gets the mapping from names to labels for free.
 */
import {
  describeProvenance,
  isMissing,
  normalizeName,
  tableGrid,
  type Answer,
  type Arg,
  type Edition,
  type Grid,
  type Iom,
  type Table,
} from "../../src/core";
import type { Cell } from "./workload";

/** A printed cell, by its table, its row and column labels (paths) and which of equal labels. */
interface PrintedCell {
  table: string;
  row: string;
  column: string;
  /** How many earlier rows of the table carry the same labels (a block split over two pages). */
  nth: number;
}

/** How the scan answers one cell; plain data, so a fresh process can be handed it. */
export type Recipe =
  | { kind: "cells"; args: Arg[]; parts: PrintedCell[] }
  | { kind: "fact"; args: Arg[]; key: string }
  | { kind: "table"; arg: Arg; headers: boolean }
  | { kind: "facts"; search: string; headers: boolean }
  /** LIST and EDITION: the answer itself (flatters the scan further). */
  | { kind: "constant"; args: Arg[]; value: string[] }
  /** SOURCE: the value found by the scan, the line of text given (flatters). */
  | { kind: "source"; args: Arg[]; parts: PrintedCell[] | string; line: string };

const pathText = (path: readonly string[]): string => path.join(" › ");

/** Every printed cell by a sum note's text for it ("row path / column path"). */
const printedByText = new WeakMap<Edition, Map<string, PrintedCell[]>>();

function cellsByText(edition: Edition): Map<string, PrintedCell[]> {
  let byText = printedByText.get(edition);
  if (byText) return byText;
  byText = new Map();
  for (const t of edition.tables) {
    const seen = new Map<string, number>();
    for (const r of t.rows) {
      const row = pathText(r.path);
      const nth = seen.get(row) ?? 0;
      seen.set(row, nth + 1);
      for (const c of t.columns) {
        const column = pathText(c.path);
        const text = `${row} / ${column}`;
        byText.set(text, [...(byText.get(text) ?? []), { table: t.id, row, column, nth }]);
      }
    }
  }
  printedByText.set(edition, byText);
  return byText;
}

/** The printed cells a value answer comes from (one, or the parts of a sum), or a fact's key. */
function partsOf(edition: Edition, answer: Answer): PrintedCell[] | string | undefined {
  const p = answer.provenance;
  if (p.kind === "fact") return p.id;
  if (p.kind === "table" && p.row !== undefined && p.column !== undefined)
    return [{ table: p.id, row: p.row, column: p.column, nth: 0 }];
  // A sum: its note lists the cells as "row path / column path + …", in the answer's table first.
  const note = p.notes.find((n): n is string => typeof n === "string" && n.includes("the sum of"));
  const listed = note && / prints separately \((.*)\); the report does not print this total$/.exec(note)?.[1];
  if (!listed) return undefined;
  const byText = cellsByText(edition);
  const used = new Set<PrintedCell>();
  const parts: PrintedCell[] = [];
  for (const part of listed.split(" + ")) {
    const candidates = byText.get(part) ?? [];
    const hit =
      candidates.find((c) => c.table === p.id && !used.has(c)) ?? candidates.find((c) => !used.has(c));
    if (!hit) return undefined;
    used.add(hit);
    parts.push(hit);
  }
  return parts;
}

/** The recipe of a valid cell, checked to give the core's value; undefined when none does. */
export function recipeOf(core: Iom, cell: Cell): Recipe | undefined {
  const [a, b] = cell.args;
  const scanner = scannerOf(core.edition);
  let recipe: Recipe | undefined;
  switch (cell.fn) {
    case "EDITION":
      return { kind: "constant", args: cell.args, value: [core.editionLabel()] };
    case "LIST":
      return { kind: "constant", args: cell.args, value: core.list(a) };
    case "TABLE":
      return { kind: "table", arg: a ?? null, headers: b !== false };
    case "FACTS":
      return { kind: "facts", search: String(a ?? ""), headers: b === true };
    case "SOURCE": {
      const [fn, ...args] = cell.args;
      const answer = core.answerOf(String(fn), args);
      const parts = partsOf(core.edition, answer);
      if (parts === undefined) return undefined;
      recipe = { kind: "source", args: cell.args, parts, line: describeProvenance(answer, core.edition) };
      return scanner.value(recipe) === answer.value ? recipe : undefined;
    }
    default: {
      const answer = core.answerOf(cell.fn, cell.args);
      const parts = partsOf(core.edition, answer);
      if (parts === undefined) return undefined;
      recipe =
        typeof parts === "string"
          ? { kind: "fact", args: cell.args, key: parts }
          : { kind: "cells", args: cell.args, parts };
      return scanner.value(recipe) === answer.value ? recipe : undefined;
    }
  }
}

const scanners = new WeakMap<Edition, Scanner>();
const scannerOf = (edition: Edition): Scanner => {
  let s = scanners.get(edition);
  if (!s) scanners.set(edition, (s = new Scanner(edition)));
  return s;
};

interface ScanTable {
  table: Table;
  id: string;
  /** Its number, id and title, normalised. */
  names: string[];
  rows: string[];
  columns: string[];
}

/** The scan: labels normalised once (setup), arguments normalised on every call. */
export class Scanner {
  private readonly tables: ScanTable[];
  private readonly factKeys: string[];
  private readonly haystacks: string[];

  constructor(private readonly edition: Edition) {
    this.tables = edition.tables.map((t) => ({
      table: t,
      id: normalizeName(t.id),
      names: [t.number, t.id, t.title].map(normalizeName),
      rows: t.rows.map((r) => normalizeName(pathText(r.path))),
      columns: t.columns.map((c) => normalizeName(pathText(c.path))),
    }));
    this.factKeys = edition.facts.map((f) => normalizeName(f.key));
    this.haystacks = edition.facts.map(
      (f) => ` ${normalizeName(`${f.key} ${f.label} ${f.unit} ${f.text} ${f.paragraph}`)} `,
    );
  }

  /** A recipe's labels normalised beforehand, as the scan compares them (setup, not timed). */
  static prepared(recipe: Recipe): Recipe {
    const norm = (parts: PrintedCell[]): PrintedCell[] =>
      parts.map((p) => ({
        table: normalizeName(p.table),
        row: normalizeName(p.row),
        column: normalizeName(p.column),
        nth: p.nth,
      }));
    if (recipe.kind === "cells") return { ...recipe, parts: norm(recipe.parts) };
    if (recipe.kind === "fact") return { ...recipe, key: normalizeName(recipe.key) };
    if (recipe.kind === "source") {
      const parts = recipe.parts;
      return { ...recipe, parts: typeof parts === "string" ? normalizeName(parts) : norm(parts) };
    }
    return recipe;
  }

  private cell(p: PrintedCell): number {
    let skip = p.nth;
    for (const t of this.tables) {
      if (t.id !== p.table) continue;
      for (let r = 0; r < t.rows.length; r++) {
        if (t.rows[r] !== p.row || skip-- > 0) continue;
        for (let c = 0; c < t.columns.length; c++) {
          if (t.columns[c] === p.column) {
            const v = t.table.rows[r]?.cells[c];
            return typeof v === "number" ? v : 0;
          }
        }
      }
    }
    return NaN;
  }

  private fact(key: string): number {
    for (let i = 0; i < this.factKeys.length; i++)
      if (this.factKeys[i] === key) return this.edition.facts[i]?.value ?? NaN;
    return NaN;
  }

  private sum(parts: PrintedCell[] | string): number {
    if (typeof parts === "string") return this.fact(parts);
    let sum = 0;
    for (const p of parts) sum += this.cell(p);
    return parts.length === 1 ? sum : Math.round(sum * 1e6) / 1e6;
  }

  /** The value a cells, fact or source recipe finds (with its labels as they are; see prepared()). */
  value(recipe: Recipe): number {
    const r = Scanner.prepared(recipe);
    if (r.kind === "cells" || r.kind === "source") return this.sum(r.parts);
    if (r.kind === "fact") return this.fact(r.key);
    return NaN;
  }

  /** One call: the arguments normalised, then the scan. Recipes must be prepared(). */
  run(r: Recipe): unknown {
    switch (r.kind) {
      case "cells":
        return normalised(r.args) + this.sum(r.parts);
      case "fact":
        return normalised(r.args) + this.fact(r.key);
      case "source":
        return normalised(r.args) + this.sum(r.parts) + r.line.length;
      case "constant":
        return normalised(r.args) + r.value.map((v) => [v]).length;
      case "table": {
        const q = normalizeName(typeof r.arg === "number" ? `Table ${r.arg}` : String(r.arg));
        const t = this.tables.find((x) => x.names.includes(q));
        if (!t) return undefined;
        const grid: Grid = tableGrid(t.table, r.headers).cells;
        return grid.map((row) => row.map((c) => (isMissing(c) ? { code: "#N/A", message: c.missing } : c)));
      }
      case "facts": {
        const words = normalizeName(r.search)
          .split(" ")
          .filter((w) => w !== "");
        const rows: Grid = [];
        for (let i = 0; i < this.haystacks.length; i++) {
          const hay = this.haystacks[i] as string;
          const f = this.edition.facts[i];
          if (f && words.every((w) => hay.includes(w)))
            rows.push([f.key, f.label, f.value, f.unit, f.paragraph]);
        }
        return r.headers ? [["key", "label", "value", "unit", "paragraph"], ...rows] : rows;
      }
    }
  }
}

/** The arguments normalised, as any implementation must before comparing names (its total length). */
function normalised(args: readonly Arg[]): number {
  let n = 0;
  for (const a of args) if (typeof a === "string") n += normalizeName(a).length;
  return n;
}
