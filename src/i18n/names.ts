/**
 * The names a French or Spanish user types and reads for the functions and their arguments. One
 * table each, used everywhere: the localized functions-fr.json / functions-es.json (function and
 * parameter names), the formula reader (=IOM.PERSONNEL(…)), IOM.LIST("sexe") and the messages
 * ("sexe "X" introuvable").
 *
 * Function names follow Excel's own French and Spanish function names: upper case, French without
 * accents (Excel's ANNEE, ECARTYPE), Spanish keeping Ñ (Excel's AÑO) but no accents. Parameter names
 * follow Excel's argument names (valeur_cherchée, valor_buscado): lower case, accents, underscores.
 */
import type { Lang } from "./lang";
import { editDistance, normalizeName } from "../core/normalize";

type Translated = { fr: string; es: string };

/** The functions by id (the English name, which Excel stores in the workbook). */
export const FUNCTION_NAMES = {
  MOVEMENTS: { fr: "MOUVEMENTS", es: "MOVIMIENTOS" },
  MIGRANTS: { fr: "MIGRANTS", es: "MIGRANTES" },
  STAFF: { fr: "PERSONNEL", es: "PERSONAL" },
  EXPENDITURE: { fr: "DEPENSES", es: "GASTOS" },
  PROJECTS: { fr: "PROJETS", es: "PROYECTOS" },
  // A "fact" is one of the report's narrative figures: a figure, not a fact, in French and Spanish.
  FACT: { fr: "CHIFFRE", es: "CIFRA" },
  FACTS: { fr: "CHIFFRES", es: "CIFRAS" },
  // The French and Spanish editions of UN documents say "Tableau 5" and "Cuadro 5".
  TABLE: { fr: "TABLEAU", es: "CUADRO" },
  LIST: { fr: "LISTE", es: "LISTA" },
  SOURCE: { fr: "SOURCE", es: "FUENTE" },
  EDITION: { fr: "EDITION", es: "EDICION" },
  COUNTRY: { fr: "PAYS", es: "PAIS" },
} as const satisfies Record<string, Translated>;

export type FunctionId = keyof typeof FUNCTION_NAMES;

/**
 * Argument names: the core's argument names (messages, IOM.LIST dimensions) and the parameter
 * names of functions.json (SOURCE's `func`, `arg1`…) in French and Spanish.
 */
export const ARGUMENT_NAMES: Record<string, Translated> = {
  place: { fr: "destination", es: "destino" },
  programme: { fr: "programme", es: "programa" },
  from: { fr: "provenance", es: "origen" },
  age_group: { fr: "tranche_d_âge", es: "grupo_de_edad" },
  gender: { fr: "sexe", es: "sexo" },
  category: { fr: "catégorie", es: "categoría" },
  // A duty station: lieu d'affectation / lugar de destino in UN French and Spanish.
  location: { fr: "lieu_d_affectation", es: "lugar_de_destino" },
  nationality: { fr: "nationalité", es: "nacionalidad" },
  item: { fr: "poste", es: "partida" },
  year: { fr: "année", es: "año" },
  region: { fr: "région", es: "región" },
  service: { fr: "service", es: "servicio" },
  key: { fr: "clé", es: "clave" },
  search: { fr: "recherche", es: "búsqueda" },
  headers: { fr: "en_têtes", es: "encabezados" },
  table: { fr: "tableau", es: "cuadro" },
  dimension: { fr: "dimension", es: "dimensión" },
  function: { fr: "fonction", es: "función" },
  func: { fr: "fonction", es: "función" },
  arg1: { fr: "arg1", es: "arg1" },
  arg2: { fr: "arg2", es: "arg2" },
  arg3: { fr: "arg3", es: "arg3" },
  arg4: { fr: "arg4", es: "arg4" },
  arg5: { fr: "arg5", es: "arg5" },
  edition: { fr: "édition", es: "edición" },
  country: { fr: "pays", es: "país" },
};

/** A function's name in `lang` ("STAFF" → "PERSONNEL"); unknown ids are returned unchanged. */
export function functionName(id: string, lang: Lang): string {
  if (lang === "en") return id;
  return (FUNCTION_NAMES as Record<string, Translated>)[id]?.[lang] ?? id;
}

/** An argument's name in `lang` ("gender" → "sexe"); unknown names are returned unchanged. */
export function argumentName(argument: string, lang: Lang): string {
  if (lang === "en") return argument;
  return ARGUMENT_NAMES[argument]?.[lang] ?? argument;
}

let functionIds: Map<string, FunctionId> | undefined;
/** The names exactly as written in upper case: the common case needs no normalising (IOM.SOURCE is hot). */
let exactIds: Map<string, FunctionId> | undefined;

/**
 * The function id a name in any of the three languages denotes ("PERSONNEL", "personal",
 * "DÉPENSES" → "STAFF", "STAFF", "EXPENDITURE"), or undefined. Accents and case do not matter.
 */
export function functionIdOf(name: string): FunctionId | undefined {
  if (!functionIds || !exactIds) {
    functionIds = new Map();
    exactIds = new Map();
    for (const [id, t] of Object.entries(FUNCTION_NAMES) as [FunctionId, Translated][])
      for (const n of [id, t.fr, t.es]) {
        functionIds.set(normalizeName(n), id);
        exactIds.set(n, id);
      }
  }
  const bare = name.replace(/^=?IOM\./i, "");
  return exactIds.get(bare.toUpperCase()) ?? functionIds.get(normalizeName(bare));
}

/**
 * The functions a misspelt name most likely means (=IOM.MOVMENTS → MOVEMENTS), closest first, one
 * name per function: names of any language within a third of their length in edits, or that start
 * with the input. Each is named as it was matched (=IOM.PERSONEL → PERSONNEL in French); on a tie,
 * in `lang`, then in English.
 */
export function closestFunctions(written: string, lang: Lang = "en", limit = 3): string[] {
  const q = normalizeName(written.replace(/^=?IOM\./i, ""));
  if (q === "") return [];
  const best = new Map<FunctionId, { name: string; d: number }>();
  for (const [id, t] of Object.entries(FUNCTION_NAMES) as [FunctionId, Translated][]) {
    const names = lang === "en" ? [id, t.fr, t.es] : [t[lang], id, lang === "fr" ? t.es : t.fr];
    for (const n of names) {
      const key = normalizeName(n);
      const max = Math.max(2, Math.floor(key.length / 3));
      const d = q.length >= 3 && key.startsWith(q) ? 0.5 : editDistance(q, key, max);
      if (d <= max && d < (best.get(id)?.d ?? Infinity)) best.set(id, { name: n, d });
    }
  }
  return [...best.values()]
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .map((b) => b.name)
    .slice(0, limit);
}
