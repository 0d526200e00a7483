import { IomError } from "./errors";
import { editDistance, normalizeName } from "./normalize";

export interface Named<T> {
  /** The canonical name, as the report prints it. */
  name: string;
  /** Other accepted spellings: abbreviations, ISO codes, common names. */
  aliases?: readonly string[];
  value: T;
}

/**
 * The valid names of one argument (place, category, gender…) and their forgiving
 * lookup: a normalised hash lookup that never guesses. An unknown name is an error
 * with the closest valid names; a name that could mean two things is an error too.
 */
export class Dimension<T> {
  private readonly index = new Map<string, Named<T>[]>();
  /** The same keys without spaces: "cote d ivoire" finds "cote divoire" (the apostrophe case). */
  private readonly compact = new Map<string, Named<T>[]>();
  readonly entries: readonly Named<T>[];

  constructor(
    /** The argument's name in messages ("place"). */
    readonly argument: string,
    entries: readonly Named<T>[],
  ) {
    this.entries = entries;
    for (const e of entries) {
      for (const alias of [e.name, ...(e.aliases ?? [])]) {
        const key = normalizeName(alias);
        if (key === "") continue;
        for (const [map, k] of [
          [this.index, key],
          [this.compact, key.replace(/ /g, "")],
        ] as const) {
          const list = map.get(k) ?? [];
          if (!list.includes(e)) list.push(e);
          map.set(k, list);
        }
      }
    }
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The entry for `input`, or undefined when nothing matches (ambiguity still throws). */
  find(input: string): Named<T> | undefined {
    const key = normalizeName(input);
    const hits = this.index.get(key) ?? this.compact.get(key.replace(/ /g, ""));
    if (!hits) return undefined;
    if (hits.length > 1) {
      const names = hits.map((h) => `"${h.name}"`).join(" or ");
      throw new IomError(
        "not_found",
        `${this.argument} "${input}" is ambiguous: it could be ${names}`,
        this.argument,
        hits.map((h) => h.name),
      );
    }
    return hits[0];
  }

  resolve(input: string): Named<T> {
    const hit = this.find(input);
    if (hit) return hit;
    const suggestions = this.suggest(input);
    const hint =
      suggestions.length > 0
        ? ` — did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?`
        : ` — valid names: see IOM.LIST("${this.argument}")`;
    throw new IomError(
      "not_found",
      `${this.argument} "${input}" not found${hint}`,
      this.argument,
      suggestions,
    );
  }

  /** Up to three canonical names closest to `input` (typos, partial names). */
  suggest(input: string, limit = 3): string[] {
    const q = normalizeName(input);
    if (q === "") return [];
    const scored: { name: string; score: number }[] = [];
    for (const [key, hits] of this.index) {
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
