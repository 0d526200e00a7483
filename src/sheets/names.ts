/**
 * The names and styles a workbook's IOM content is recognised by, shared by the pane, the export,
 * refresh and the Office Scripts: one definition each.
 */

/** Excel table names: letters, digits, "_" and "."; at most 255 characters (a few kept for a suffix). */
export const tableNameFor = (templateId: string): string =>
  `IOM_${templateId.replace(/[^A-Za-z0-9_.]/g, "_")}`.slice(0, 250);

/** The Excel table of the narrative figures in an exported workbook. */
export const FACTS_TABLE = "IOM_facts";

/** Every IOM table's style: light, with a bold first column for the report's labels. */
export const TABLE_STYLE = "TableStyleLight9";

/** One font family everywhere, set explicitly so no application substitutes its default (a serif, often). */
export const FONT_FAMILY = "Calibri";

/** Excel limits a sheet name to 31 characters. */
export const SHEET_NAME_MAX = 31;

/** `base`, else base_2, base_3… — the first name no table of the workbook has (case-insensitive). */
export function uniqueName(base: string, taken: readonly string[], join = "_"): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${join}${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A valid, unused sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function newSheetName(wanted: string, taken: readonly string[]): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/^'+|'+$/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, SHEET_NAME_MAX)
      .trim() || "IOM";
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table's number, short: "Table 5" → "T5", "Annex I, section 12" → "A-I 12", "Section V.B, …" → "V.B". */
export function shortNumber(number: string): string {
  const table = /^Table (\d+)$/i.exec(number);
  if (table) return `T${table[1]}`;
  const annex = /^Annex (\w+), section (\d+)$/i.exec(number);
  if (annex) return `A-${annex[1]} ${annex[2]}`;
  const section = /^Section ([\w.]+),/i.exec(number);
  if (section) return section[1] ?? number;
  return number;
}

/**
 * A sheet name from a template's title, as a reader finds a sheet by its tab: the short number
 * first ("T5 Officials by category-grade"), cut at a word so it fits 31 characters, unique.
 */
export function sheetNameFromTitle(prefix: string, title: string, taken: readonly string[]): string {
  const words = `${prefix} ${title}`
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ");
  let name = words[0] ?? "IOM";
  for (const w of words.slice(1)) {
    if (`${name} ${w}`.length > SHEET_NAME_MAX) break;
    name = `${name} ${w}`;
  }
  // A cut title should not end on "of", "and", "by"… (in any of the three languages).
  const dangling = /\s+(of|and|by|the|in|for|at|to|de|du|des|et|par|la|le|les|y|por|del|el|en)$/i;
  let cut = name.replace(/[,;.–-]+$/, "").trim();
  while (dangling.test(cut))
    cut = cut
      .replace(dangling, "")
      .replace(/[,;.–-]+$/, "")
      .trim();
  return newSheetName(cut, taken);
}
