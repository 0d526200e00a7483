/**
 * functions-fr.json and functions-es.json, made at build time from the English functions.json
 * (itself generated from the JSDoc of src/functions/functions.ts) and the translations: function
 * and parameter names from names.ts, descriptions from functions.fr.json / functions.es.json.
 * Everything else (ids, types, optional flags, dimensionality) is copied from the English file, so
 * the three can never disagree on anything but words. A translation that is missing, or left over
 * for a function or parameter that no longer exists, is a problem that fails the build.
 */
import es from "./functions.es.json";
import fr from "./functions.fr.json";
import { ARGUMENT_NAMES, FUNCTION_NAMES } from "./names";

/** The languages Excel gets localized metadata for (English is functions.json itself). */
export const METADATA_LANGS = ["fr", "es"] as const;
export type MetadataLang = (typeof METADATA_LANGS)[number];

export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: ParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** One language's descriptions: per function id, its description and its parameters' (by English name). */
export interface Translation {
  description: string;
  parameters: Record<string, string>;
}
export type Translations = Record<string, Translation>;

export const TRANSLATIONS: Record<MetadataLang, Translations> = { fr, es };

/**
 * The Office display languages the manifest overrides for each metadata language: Office's own
 * French and Spanish language packs. Office matches overrides by exact locale, so each is listed.
 */
export const OFFICE_LOCALES: Record<MetadataLang, readonly string[]> = {
  fr: ["fr-FR", "fr-CA"],
  es: ["es-ES", "es-MX"],
};

/** The file name Excel is pointed at for a language (see the manifest's locale overrides). */
export const metadataFile = (lang: MetadataLang): string => `functions-${lang}.json`;

export interface Localized {
  metadata: FunctionsMetadata;
  /** Missing or left-over translations; the metadata is only usable when there are none. */
  problems: string[];
}

export function localizeMetadata(
  english: FunctionsMetadata,
  lang: MetadataLang,
  translations: Translations = TRANSLATIONS[lang],
): Localized {
  const problems: string[] = [];
  const where = `src/i18n/functions.${lang}.json`;
  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(translations))
    if (!ids.has(id)) problems.push(`${where}: "${id}" is no function of functions.json (left over?)`);

  const functions = english.functions.map((f): FunctionMetadata => {
    const t = translations[f.id];
    const name = (FUNCTION_NAMES as Record<string, Record<MetadataLang, string>>)[f.id]?.[lang];
    if (!name) problems.push(`src/i18n/names.ts: FUNCTION_NAMES has no ${lang} name for ${f.id}`);
    if (!t?.description.trim()) problems.push(`${where}: no description for ${f.id}`);
    const params = new Set((f.parameters ?? []).map((p) => p.name));
    for (const p of Object.keys(t?.parameters ?? {}))
      if (!params.has(p)) problems.push(`${where}: ${f.id} has no parameter "${p}" (left over?)`);
    const parameters = (f.parameters ?? []).map((p): ParameterMetadata => {
      const pName = ARGUMENT_NAMES[p.name]?.[lang];
      const pDescription = t?.parameters[p.name];
      if (!pName) problems.push(`src/i18n/names.ts: ARGUMENT_NAMES has no ${lang} name for "${p.name}"`);
      if (!pDescription?.trim())
        problems.push(`${where}: no description for ${f.id}'s parameter "${p.name}"`);
      return { ...p, name: pName ?? p.name, description: pDescription ?? p.description ?? "" };
    });
    const localNames = parameters.map((p) => p.name);
    if (new Set(localNames).size !== localNames.length)
      problems.push(`${f.id}: two parameters share a ${lang} name (${localNames.join(", ")})`);
    return {
      ...f,
      name: name ?? f.name,
      description: t?.description ?? f.description ?? "",
      ...(f.parameters ? { parameters } : {}),
    };
  });
  const names = functions.map((f) => f.name);
  for (const [i, n] of names.entries())
    if (names.indexOf(n) !== i) problems.push(`two functions are both named ${n} in ${lang}`);
  return { metadata: { ...english, functions }, problems };
}
