import { localName, translations } from "../i18n/glossary";
import type { Lang } from "../i18n/lang";
import { msg } from "../i18n/messages";
import { IomError } from "./errors";
import { CallMemo } from "./memo";
import { editDistance, normalizeName } from "./normalize";

export interface Named<T> {
  /** The canonical name, as the report prints it. */
  name: string;
  /** Other accepted spellings: abbreviations, ISO codes, common names (French and Spanish names are added). */
  aliases?: readonly string[];
  value: T;
}

type Keys<T> = { index: Map<string, Named<T>[]>; compact: Map<string, Named<T>[]> };

/**
 * The valid names of one argument (place, category, gender…) and their forgiving
 * lookup: a normalised hash lookup that never guesses. An unknown name is an error
 * with the closest valid names; a name that could mean two things is an error too.
 *
 * Names are accepted in English, French and Spanish whatever the user's language. The French and
 * Spanish names (src/i18n/glossary.ts, or `foreign` for countries) are indexed apart and only
 * when a name is not found in English: loading the functions costs no more than in English, and
 * an English name always means what it means in English.
 */
export class Dimension<T> {
  private readonly english: Keys<T> = { index: new Map(), compact: new Map() };
  private foreignKeys: Keys<T> | undefined;
  /**
   * Suggestions by normalised input: ranking them compares the input with every name (most of a
   * millisecond for countries), and one misspelt name recurs in many calls, each its own memo entry.
   */
  private readonly suggested = new CallMemo<readonly string[]>({ budgetBytes: 256 * 1024 });
  readonly entries: readonly Named<T>[];

  constructor(
    /** The argument's name in messages ("place"). */
    readonly argument: string,
    entries: readonly Named<T>[],
    /** The French and Spanish names of the entry named `name`; by default the glossary's for this argument. */
    private readonly foreign: (name: string) => readonly string[] = (name) => translations(argument, name),
  ) {
    this.entries = entries;
    for (const e of entries) add(this.english, e, [e.name, ...(e.aliases ?? [])]);
  }

  /** The French and Spanish keys, built on first need. */
  private foreignIndex(): Keys<T> {
    if (!this.foreignKeys) {
      const keys: Keys<T> = { index: new Map(), compact: new Map() };
      for (const e of this.entries) add(keys, e, this.foreign(e.name));
      this.foreignKeys = keys;
    }
    return this.foreignKeys;
  }

  /** The canonical names, or their French or Spanish names (each resolves to the same entry). */
  names(lang: Lang = "en"): string[] {
    return this.entries.map((e) => localName(this.argument, e.name, lang));
  }

  /** The entry for `input`, or undefined when nothing matches (ambiguity still throws). */
  find(input: string): Named<T> | undefined {
    const key = normalizeName(input);
    const hits = lookup(this.english, key) ?? lookup(this.foreignIndex(), key);
    if (!hits) return undefined;
    if (hits.length > 1) {
      const names = hits.map((h) => h.name);
      throw new IomError(
        "not_found",
        msg("ambiguous", { argument: this.argument, input, names }),
        this.argument,
        names,
      );
    }
    return hits[0];
  }

  resolve(input: string): Named<T> {
    const hit = this.find(input);
    if (hit) return hit;
    const suggestions = this.suggest(input);
    throw new IomError(
      "not_found",
      msg("not_found", { argument: this.argument, input, suggestions }),
      this.argument,
      suggestions,
    );
  }

  /** Up to three canonical names closest to `input` (typos, partial names), ranked once per distinct name. */
  suggest(input: string, limit = 3): readonly string[] {
    const q = normalizeName(input);
    if (q === "") return [];
    return this.suggested.through(`${limit}:${q}`, () => Object.freeze(this.closest(q, limit)));
  }

  private closest(q: string, limit: number): string[] {
    const scored: { name: string; score: number }[] = [];
    for (const index of [this.english.index, this.foreignIndex().index])
      for (const [key, hits] of index) {
        const max = Math.max(1, Math.ceil(Math.max(q.length, key.length) / 3));
        let score = editDistance(q, key, max);
        if (score > max) {
          // A word-prefix or containment match ("united" → "United Kingdom") ranks after typos.
          if (q.length >= 3 && (key.startsWith(q) || key.includes(` ${q}`))) score = max + 0.5;
          else continue;
        }
        for (const h of hits) scored.push({ name: h.name, score });
      }
    scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
    return [...new Set(scored.map((s) => s.name))].slice(0, limit);
  }
}

/** Indexes an entry under each of `names`, normalised, with and without spaces. */
function add<T>(keys: Keys<T>, e: Named<T>, names: readonly string[]): void {
  for (const alias of names) {
    const key = normalizeName(alias);
    if (key === "") continue;
    for (const [map, k] of [
      [keys.index, key],
      [keys.compact, key.replace(/ /g, "")],
    ] as const) {
      const list = map.get(k) ?? [];
      if (!list.includes(e)) list.push(e);
      map.set(k, list);
    }
  }
}

const lookup = <T>(keys: Keys<T>, key: string): Named<T>[] | undefined =>
  keys.index.get(key) ?? keys.compact.get(key.replace(/ /g, ""));
