import { localName } from "../i18n/glossary";
import type { Lang } from "../i18n/lang";
import { msg } from "../i18n/messages";
import { closestFunctions, FUNCTION_NAMES, functionIdOf } from "../i18n/names";
import { PROVENANCE_WORDS, fixNote, noteIn, proofNote } from "../i18n/provenance";
import type { Answer, Provenance } from "./answer";
import { flagArg, isBlank, nameArg, type Arg } from "./args";
import { Dimension } from "./dimension";
import { EditionIndex } from "./edition";
import { IomError } from "./errors";
import { parseFormula } from "./formula";
import { tableGrid, type Grid } from "./grid";
import type { Call } from "./cell-calls";
import { presentationOf } from "./presentations";
import type { Edition, Fact, Presentation, Table } from "./model";
import { normalizeName } from "./normalize";
import { FinanceQuery } from "./queries/finance";
import { MigrantsQuery } from "./queries/migrants";
import { MovementsQuery } from "./queries/movements";
import { StaffQuery } from "./queries/staff";

/** The value-returning functions, by their Excel name. */
export const VALUE_FUNCTIONS = ["MOVEMENTS", "MIGRANTS", "STAFF", "EXPENDITURE", "PROJECTS", "FACT"] as const;
export type ValueFunction = (typeof VALUE_FUNCTIONS)[number];

/** How many report arguments each value function takes; an optional `edition` argument follows them. */
export const ARITY: Record<ValueFunction, number> = {
  MOVEMENTS: 3,
  MIGRANTS: 2,
  STAFF: 4,
  EXPENDITURE: 2,
  PROJECTS: 2,
  FACT: 1,
};

const isValueFunction = (name: string): name is ValueFunction => name in ARITY;

/** What the registry tells a core about the other editions. */
export interface EditionLinks {
  /** Every edition's id, the latest first. */
  editions: () => string[];
  /** The core of the edition an `edition` argument names (blank: the latest). */
  core: (edition: Arg) => Iom;
}

/**
 * The query core: one edition of the report, indexed once, answering every =IOM.* question
 * with a value and its provenance, or a typed IomError. No Office globals: the custom
 * functions, the task pane, the CLI and scripts are thin clients of this class.
 */
export class Iom {
  readonly index: EditionIndex;
  // Each query builds its indexes on first use, so a sheet's first answer doesn't wait for the others'.
  private movements_: MovementsQuery | undefined;
  private staff_: StaffQuery | undefined;
  private migrants_: MigrantsQuery | undefined;
  private finance_: FinanceQuery | undefined;
  get movementsQuery(): MovementsQuery {
    return (this.movements_ ??= new MovementsQuery(this.index));
  }
  get staffQuery(): StaffQuery {
    return (this.staff_ ??= new StaffQuery(this.index));
  }
  get migrantsQuery(): MigrantsQuery {
    return (this.migrants_ ??= new MigrantsQuery(this.index));
  }
  get financeQuery(): FinanceQuery {
    return (this.finance_ ??= new FinanceQuery(this.index));
  }
  /** Each fact's searchable text, normalised once on the first search. */
  private haystacks: string[] | undefined;
  private readonly dimensions: Dimension<(lang: Lang) => string[]>;
  /** The lookup behind each dimension that has one (all but year and function). */
  private readonly lookups: Record<string, () => Dimension<unknown>>;

  private readonly links: EditionLinks;

  constructor(edition: Edition, links?: EditionLinks) {
    this.links = links ?? { editions: () => [edition.edition], core: () => this };
    this.index = new EditionIndex(edition);
    const names =
      (d: () => Dimension<unknown>) =>
      (lang: Lang): string[] =>
        d().names(lang);
    const named = (dimension: string, list: () => readonly string[]) => (lang: Lang) =>
      list().map((n) => localName(dimension, n, lang));
    this.lookups = {
      place: () => this.movementsQuery.place,
      programme: () => this.movementsQuery.programme,
      from: () => this.movementsQuery.from,
      age_group: () => this.migrantsQuery.ageGroup,
      gender: () => this.staffQuery.gender,
      category: () => this.staffQuery.category,
      location: () => this.staffQuery.location,
      nationality: () => this.staffQuery.nationality,
      item: () => this.financeQuery.item,
      region: () => this.financeQuery.region,
      service: () => this.financeQuery.service,
      table: () => this.index.tables,
      key: () => this.index.facts,
    };
    this.dimensions = new Dimension("dimension", [
      { name: "place", aliases: ["destination", "places"], value: names(() => this.movementsQuery.place) },
      {
        name: "programme",
        aliases: ["program", "programmes", "service classification"],
        value: names(() => this.movementsQuery.programme),
      },
      {
        name: "from",
        aliases: ["departure", "region of departure"],
        value: names(() => this.movementsQuery.from),
      },
      {
        name: "age_group",
        aliases: ["age", "age group", "age groups"],
        value: names(() => this.migrantsQuery.ageGroup),
      },
      { name: "gender", aliases: ["sex", "genders"], value: names(() => this.staffQuery.gender) },
      {
        name: "category",
        aliases: ["grade", "grades", "categories"],
        value: names(() => this.staffQuery.category),
      },
      { name: "location", aliases: ["locations"], value: names(() => this.staffQuery.location) },
      {
        name: "nationality",
        aliases: ["nationalities", "country"],
        value: names(() => this.staffQuery.nationality),
      },
      { name: "item", aliases: ["items", "expenditure"], value: names(() => this.financeQuery.item) },
      { name: "year", aliases: ["years"], value: () => this.financeQuery.years.map(String) },
      { name: "region", aliases: ["regions"], value: names(() => this.financeQuery.region) },
      { name: "service", aliases: ["services"], value: names(() => this.financeQuery.service) },
      {
        name: "table",
        aliases: ["tables"],
        value: named("table", () => edition.tables.map((t) => t.number)),
      },
      { name: "key", aliases: ["fact", "facts", "keys"], value: () => edition.facts.map((f) => f.key) },
      {
        name: "function",
        aliases: ["functions"],
        value: named("function", () => [...VALUE_FUNCTIONS, "FACTS", "TABLE", "LIST", "SOURCE", "EDITION"]),
      },
      { name: "edition", aliases: ["editions", "report", "reports"], value: () => this.links.editions() },
    ]);
  }

  get edition(): Edition {
    return this.index.edition;
  }

  /** How the edition is shown in a workbook: translated titles, stub headings, chart templates. */
  get presentation(): Presentation {
    return this.index.edition.presentation ?? presentationOf(this.edition.edition);
  }

  /** A table by its id, its number ("Table 5") or its title; unknown names throw with suggestions. */
  tableById(id: string): Table {
    return this.resolveTable(id);
  }

  /** True when this is the latest edition: its calls need not name it. */
  get isLatest(): boolean {
    return this.links.editions()[0] === this.edition.edition;
  }

  /** A call pinned to this edition when it is not the latest, so a workbook keeps its figures when a new one ships. */
  pinned<T extends Call>(call: T): T {
    return this.isLatest ? call : { ...call, edition: this.edition.edition };
  }

  /** The role a table plays in the queries (meta.json), when it plays one. */
  roleOf(tableId: string): string | undefined {
    for (const [role, v] of Object.entries(this.edition.meta.roles))
      if (v === tableId || (Array.isArray(v) && v.some((x: { table: string }) => x.table === tableId)))
        return role;
    return undefined;
  }

  /** The category name STAFF takes for a grade row or column of the officials tables ("P-4", "Officials"). */
  categoryOfGrade(key: string): string | undefined {
    return this.staffQuery.category.entries.find((e) => e.value.kind === "officials" && e.value.row === key)
      ?.name;
  }

  /** The age group MIGRANTS takes for a row of the age table (">90" for the "> 90" row). */
  ageGroupOfRow(key: string): string | undefined {
    return this.migrantsQuery.ageGroup.entries.find((e) => e.value === key)?.name;
  }

  // Answers are computed on every call: the custom functions keep their outcomes in their one memo
  // (src/functions), and the other callers (task pane, CLI, scripts) ask for few of them.
  movements(place?: Arg, programme?: Arg, from?: Arg): Answer {
    return this.movementsQuery.answer(place, programme, from);
  }

  migrants(ageGroup?: Arg, gender?: Arg): Answer {
    return this.migrantsQuery.answer(ageGroup, gender);
  }

  staff(category?: Arg, gender?: Arg, location?: Arg, nationality?: Arg): Answer {
    return this.staffQuery.answer(category, gender, location, nationality);
  }

  expenditure(item?: Arg, year?: Arg): Answer {
    return this.financeQuery.expenditure(item, year);
  }

  projects(region?: Arg, service?: Arg): Answer {
    return this.financeQuery.projects(region, service);
  }

  fact(key: Arg): Answer {
    const k = nameArg(key, "key", "legal.contracts_reviewed");
    if (k === undefined)
      throw new IomError("bad_argument", msg("key_required", { count: this.edition.facts.length }), "key");
    return this.index.fact(k);
  }

  /** Facts whose key, label, unit or printed text contain every word of `search`. */
  facts(search?: Arg): Fact[] {
    const q = isBlank(search) ? "" : normalizeName(String(search));
    const words = q.split(" ").filter((w) => w !== "");
    this.haystacks ??= this.edition.facts.map(
      (f) => ` ${normalizeName(`${f.key} ${f.label} ${f.unit} ${f.text} ${f.paragraph}`)} `,
    );
    const hay = this.haystacks;
    const hits = this.edition.facts.filter((_, i) => words.every((w) => (hay[i] as string).includes(w)));
    if (hits.length === 0) {
      throw new IomError(
        "not_found",
        msg("no_fact_match", { search: String(search) }),
        "search",
        this.index.facts.suggest(String(search)),
      );
    }
    return hits;
  }

  factsGrid(search?: Arg, headers?: Arg): Grid {
    // The value in base units (what IOM.FACT returns), then the figure as printed with its scale.
    const rows: Grid = this.facts(search).map((f) => [
      f.key,
      f.label,
      f.base?.value ?? f.value,
      f.base?.unit ?? f.unit,
      f.value,
      f.unit,
      f.paragraph,
    ]);
    return flagArg(headers ?? null, "headers", false)
      ? [["key", "label", "value", "unit", "printed value", "printed unit", "paragraph"], ...rows]
      : rows;
  }

  resolveTable(table: Arg): Table {
    if (typeof table === "number" && Number.isInteger(table))
      return this.index.tables.resolve(`Table ${table}`).value;
    const name = nameArg(table, "table", "Table 5");
    if (name === undefined) throw new IomError("bad_argument", msg("table_required", {}), "table");
    const hit = this.index.tables.find(name);
    if (hit) return hit.value;
    const chart = this.index.unavailable(name);
    if (chart) {
      throw new IomError(
        "no_figure",
        msg("chart_unavailable", { input: name, title: chart.title, reason: chart.reason }),
        "table",
      );
    }
    return this.index.tables.resolve(name).value;
  }

  table(table: Arg, headers?: Arg): Grid {
    return tableGrid(this.resolveTable(table), flagArg(headers ?? null, "headers", true)).cells;
  }

  /**
   * The canonical (English) name a name in any language denotes in a dimension: "Femmes" and
   * "Mujeres" are gender "F", "Terrain" location "Field". Throws like the functions do (not found,
   * ambiguous); a dimension without names to resolve (year, function) gives the input back.
   */
  canonicalName(dimension: Arg, input: string): string {
    const d = this.dimensions.resolve(nameArg(dimension, "dimension", "place") ?? "dimension").name;
    const lookup = d === "dimension" ? this.dimensions : this.lookups[d]?.();
    return lookup ? lookup.resolve(input).name : input;
  }

  /**
   * The valid names of a dimension (its canonical English names, or their French or Spanish
   * names: each is accepted in every language), or the dimensions' names when `dimension` is blank.
   */
  list(dimension: Arg, lang: Lang = "en"): string[] {
    const name = nameArg(dimension, "dimension", "place");
    if (name === undefined) return this.dimensions.names(lang);
    return this.dimensions.resolve(name).value(lang);
  }

  /** The canonical name `name` resolves to in a function argument's dimension ("category", "place"…), if any. */
  resolves(dimension: string, name: string): string | undefined {
    return this.lookups[dimension]?.().find(name)?.name;
  }

  /** The core of the edition an `edition` argument names: this one when blank or when it names this one. */
  inEdition(edition: Arg): Iom {
    return isBlank(edition) ? this : this.links.core(edition);
  }

  /**
   * Answers `=IOM.NAME(args)` for a value function (the same code the cells run). An argument
   * after the function's own ones names the edition (=IOM.STAFF("P-4","F",,,"1999")).
   */
  answerOf(fn: string, args: readonly Arg[]): Answer {
    return this.route(fn, args).answer;
  }

  /** The core that answers a call (its edition argument's, or this one) and its answer. */
  route(fn: string, args: readonly Arg[]): { core: Iom; answer: Answer } {
    // "PERSONNEL" and "PERSONAL" are STAFF: the function names of every language.
    const name = functionIdOf(fn) ?? fn.toUpperCase().replace(/^=?IOM\./, "");
    if (isValueFunction(name)) {
      const arity = ARITY[name];
      const core = this.inEdition(args[arity]);
      return { core, answer: core.answerHere(name, args.slice(0, arity), fn) };
    }
    return { core: this, answer: this.answerHere(name, args, fn) };
  }

  private answerHere(name: string, args: readonly Arg[], fn: string): Answer {
    const [a, b, c, d] = args;
    switch (name) {
      case "MOVEMENTS":
        return this.movements(a, b, c);
      case "MIGRANTS":
        return this.migrants(a, b);
      case "STAFF":
        return this.staff(a, b, c, d);
      case "EXPENDITURE":
        return this.expenditure(a, b);
      case "PROJECTS":
        return this.projects(a, b);
      case "FACT":
        return this.fact(a);
      default:
        if (!functionIdOf(name)) throw unknownFunction(fn);
        throw new IomError(
          "not_found",
          msg("no_single_value", { fn, functions: VALUE_FUNCTIONS }),
          "function",
          this.dimensions
            .resolve("function")
            .value("en")
            .filter((f) => normalizeName(f).startsWith(normalizeName(name).slice(0, 2))),
        );
    }
  }

  /**
   * Where a value comes from, as one line of text. `fn` is a function name ("STAFF") with
   * its arguments after it, or a whole formula ('=IOM.STAFF("P-4","F")') on its own.
   */
  source(fn: Arg, ...args: Arg[]): string {
    return this.sourceIn("en", fn, ...args);
  }

  /** IOM.SOURCE's line in `lang`: its wording and the report's places (Tableau 5); the report's own text stays English. */
  sourceIn(lang: Lang, fn: Arg, ...args: Arg[]): string {
    return this.trace(lang, fn, ...args).line;
  }

  /**
   * A value with everything known of where it comes from: the answer (value and provenance), the
   * edition that gives it, and IOM.SOURCE's line in `lang`. Takes what `source` takes.
   */
  trace(lang: Lang, fn: Arg, ...args: Arg[]): { answer: Answer; edition: string; line: string } {
    const text = nameArg(fn, "function", "STAFF");
    if (text === undefined) throw new IomError("bad_argument", msg("function_required", {}), "function");
    let name = text;
    let callArgs = args;
    if (text.includes("(")) {
      const parsed = parseFormula(text);
      if ("error" in parsed)
        throw new IomError("bad_argument", msg("bad_formula", { problem: parsed.problem }), "function");
      name = parsed.name;
      callArgs = parsed.args;
    }
    const { core, answer } = this.route(name, callArgs);
    return { answer, edition: core.editionLabel(), line: describeProvenance(answer, core.edition, lang) };
  }

  editionLabel(): string {
    return `${this.edition.document} (${this.edition.edition})`;
  }
}

/** No function has this name: the closest ones, in the language it was written in. */
export function unknownFunction(written: string, lang: Lang = "en"): IomError {
  const name = written.replace(/^=?IOM\./i, "").toUpperCase();
  // A French or Spanish name where only the id counts (a workbook file stores =IOM.MOVEMENTS): the id.
  const id = functionIdOf(name);
  const suggestions = id ? [id] : closestFunctions(name, lang);
  return new IomError(
    "not_found",
    msg("unknown_function", { name, suggestions, known: Object.keys(FUNCTION_NAMES) }),
    "function",
    suggestions,
  );
}

/** A provenance as the one line of text IOM.SOURCE shows, worded in `lang`. */
export function describeProvenance(answer: Answer, edition: Edition, lang: Lang = "en"): string {
  const p: Provenance = answer.provenance;
  const w = PROVENANCE_WORDS[lang];
  const where = (place: string): string => localName("table", place, lang);
  const parts: string[] = [];
  const head = p.kind === "fact" ? w.fact(p.where, p.title, p.id) : `${where(p.where)} — ${p.title}`;
  parts.push(head);
  if (p.row || p.column) parts.push(w.rowColumn(p.row ?? "—", p.column ?? "—"));
  parts.push(
    w.lines(p.lines, edition.source.split("/").pop() ?? edition.source, edition.document, edition.edition),
  );
  if (p.qualifier) parts.push(w.qualifier(p.qualifier, answer.value));
  for (const f of p.footnotes) parts.push(`${w.footnote}${f}`);
  for (const a of p.alsoIn) parts.push(w.alsoIn(where(a.where), a.line, a.value));
  if (p.proof) parts.push(proofNote(p.proof, lang));
  for (const d of p.discrepancies) parts.push(`${w.discrepancy}${d}`);
  for (const f of p.fixes) parts.push(fixNote(f, edition.edition, lang));
  for (const n of p.notes) parts.push(`${w.note}${noteIn(n, lang)}`);
  return parts.join("; ");
}
