/**
 * The template gallery: one template per extracted report table (built from the edition, so a new
 * table is a new template) and the native chart templates. Blocks are built on demand and cached:
 * the gallery lists titles without computing any table.
 */
import { type Iom, normalizeName } from "../core";
import { tableNumber, tableTitle } from "../i18n/content";
import type { Lang } from "../i18n/lang";
import type { Block, Mode } from "./block";
import { chartBlock, chartsOf } from "./chart-block";
import { tableBlock } from "./table-block";

export interface Template {
  id: string;
  kind: "table" | "chart";
  /** "Table 5", "Annex I, section 1"… (tables); the source tables (charts). */
  number: (lang: Lang) => string;
  title: (lang: Lang) => string;
  /** The title short enough for a sheet tab (the edition's, or the title itself). */
  short: (lang: Lang) => string;
  /** Lower-case normalized words searched, in every language. */
  searchText: string;
  build: (mode: Mode, lang: Lang) => Block;
}

export class Catalog {
  readonly templates: Template[];
  private readonly byId: Map<string, Template>;
  private readonly blocks = new Map<string, Block>();

  constructor(readonly core: Iom) {
    const langs: Lang[] = ["en", "fr", "es"];
    const p = core.presentation;
    const tables = core.edition.tables.map((t): Template => ({
      id: t.id,
      kind: "table",
      number: (lang) => tableNumber(t.number, lang, p),
      title: (lang) => tableTitle(p, t.id, t.title, lang),
      short: (lang) => p.tables[t.id]?.short?.[lang] ?? tableTitle(p, t.id, t.title, lang),
      searchText: normalizeName(
        [
          t.id,
          t.section,
          t.unit,
          ...(p.sections[t.section] ?? []),
          ...langs.flatMap((l) => [tableNumber(t.number, l, p), tableTitle(p, t.id, t.title, l)]),
        ].join(" "),
      ),
      build: (mode, lang) => tableBlock(t, mode, lang, core),
    }));
    const charts = chartsOf(core).map((c): Template => ({
      id: c.id,
      kind: "chart",
      number: (lang) => c.sources.map((s) => tableNumber(s, lang, p)).join(", "),
      title: (lang) => c.title[lang],
      short: (lang) => c.short?.[lang] ?? c.title[lang],
      searchText: normalizeName(
        [
          "chart",
          "graph",
          "graphique",
          "gráfico",
          c.id,
          ...c.keywords,
          ...c.sources,
          ...Object.values(c.title),
        ].join(" "),
      ),
      build: (mode, lang) => chartBlock(c, mode, lang, core),
    }));
    this.templates = [...tables, ...charts];
    this.byId = new Map(this.templates.map((t) => [t.id, t]));
  }

  get(id: string): Template | undefined {
    return this.byId.get(id);
  }

  /** The block of a template, built once per mode and language. */
  block(id: string, mode: Mode, lang: Lang): Block {
    const key = `${id}|${mode}|${lang}`;
    let b = this.blocks.get(key);
    if (!b) {
      const t = this.byId.get(id);
      if (!t) throw new Error(`no template "${id}"`);
      b = t.build(mode, lang);
      this.blocks.set(key, b);
    }
    return b;
  }

  /** Templates whose text holds every word of `query` (accents and case ignored); all for "". */
  search(query: string, kind: "all" | "table" | "chart" = "all"): Template[] {
    const words = normalizeName(query)
      .split(" ")
      .filter((w) => w !== "");
    // Each word must start a word of the template's text: "5" finds "Table 5", not "2015".
    return this.templates.filter(
      (t) => (kind === "all" || t.kind === kind) && words.every((w) => ` ${t.searchText}`.includes(` ${w}`)),
    );
  }
}

const shared = new WeakMap<Iom, Catalog>();

/** The catalog of a core (one per edition), built once. */
export function catalog(core: Iom): Catalog {
  let c = shared.get(core);
  if (!c) shared.set(core, (c = new Catalog(core)));
  return c;
}
