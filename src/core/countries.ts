/**
 * Country names and codes from i18n-iso-countries' data (English, French, Spanish, ISO 3166 codes).
 * The data files are read directly: the package's runtime (and the diacritics table it pulls in)
 * would add some 4 KiB gzipped to the functions bundle for the four look-ups used here, and
 * normalizeName already ignores accents.
 */
import codes from "i18n-iso-countries/codes.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import { normalizeName } from "./normalize";

/** The languages a country may be named in. */
const LANGUAGES = ["en", "fr", "es"] as const;
type Language = (typeof LANGUAGES)[number];

/** The package's names per language: alpha-2 → its names, the official one first. */
const NAMES: Record<Language, Record<string, string | string[]>> = {
  en: en.countries,
  fr: fr.countries,
  es: es.countries,
};

/** alpha-2 → alpha-3, and alpha-3 → alpha-2 (codes.json rows start alpha-2, alpha-3; the build keeps only those two columns). */
const ALPHA3 = new Map(codes.map(([a2, a3]) => [a2 ?? "", a3 ?? ""]));
const ALPHA2 = new Map([...ALPHA3].map(([a2, a3]) => [a3, a2]));

/** Every name the package gives a country in a language (alpha-2), the official one first. */
const allNames = (code: string, lang: Language): string[] => {
  const n = NAMES[lang][code];
  return n === undefined ? [] : typeof n === "string" ? [n] : n;
};

/**
 * Names the report prints that the ISO package does not know in that form. Each maps
 * to the ISO alpha-2 code it denotes; everything else comes from i18n-iso-countries.
 */
const REPORT_NAMES: Record<string, string> = {
  "former yugoslav rep of macedonia": "MK",
  "former yugoslav republic of macedonia": "MK",
  "united kingdom of great britain and northern ireland": "GB",
  "kosovo unsc 1244": "XK",
  "china including hong kong special administrative region": "CN",
  swaziland: "SZ",
  "viet nam": "VN",
  "holy see": "VA",
  // The report's "Congo" (beside "Democratic Republic of the Congo") is the Republic of the Congo.
  congo: "CG",
};

/**
 * The United Nations' French and Spanish names (UNTERM, as IOM's French and Spanish documents of
 * of the time print them) where they differ from i18n-iso-countries' common names. They are the
 * names shown in French and Spanish; the package's names stay accepted as well.
 */
const UN_NAMES: Record<string, { fr?: string; es?: string }> = {
  BO: { fr: "Bolivie (État plurinational de)", es: "Bolivia (Estado Plurinacional de)" },
  BY: { fr: "Bélarus", es: "Belarús" },
  CD: { es: "República Democrática del Congo" },
  CG: { fr: "Congo" },
  CI: { fr: "Côte d'Ivoire", es: "Côte d'Ivoire" },
  CZ: { fr: "République tchèque" },
  CF: { fr: "République centrafricaine" },
  DJ: { es: "Djibouti" },
  DO: { fr: "République dominicaine" },
  FM: { fr: "Micronésie (États fédérés de)", es: "Micronesia (Estados Federados de)" },
  IQ: { fr: "Iraq" },
  IR: { fr: "Iran (République islamique d')", es: "Irán (República Islámica del)" },
  KE: { es: "Kenya" },
  KR: { fr: "République de Corée" },
  KZ: { es: "Kazajstán" },
  LA: { fr: "République démocratique populaire lao", es: "República Democrática Popular Lao" },
  LS: { es: "Lesotho" },
  MD: { fr: "République de Moldova", es: "República de Moldova" },
  MK: { fr: "ex-République yougoslave de Macédoine", es: "ex República Yugoslava de Macedonia" },
  NZ: { es: "Nueva Zelandia" },
  QA: { es: "Qatar" },
  RU: { fr: "Fédération de Russie", es: "Federación de Rusia" },
  RW: { es: "Rwanda" },
  SA: { fr: "Arabie saoudite" },
  ST: { fr: "Sao Tomé-et-Principe" },
  SY: { fr: "République arabe syrienne" },
  SZ: { fr: "Swaziland", es: "Swazilandia" },
  TZ: { fr: "République-Unie de Tanzanie", es: "República Unida de Tanzanía" },
  US: { es: "Estados Unidos de América" },
  VA: { fr: "Saint-Siège" },
  VE: { fr: "Venezuela (République bolivarienne du)", es: "Venezuela (República Bolivariana de)" },
  VN: { fr: "Viet Nam", es: "Viet Nam" },
  XK: { fr: "Kosovo/RCSNU 1244", es: "Kosovo/RCSNU 1244" },
  ZW: { es: "Zimbabwe" },
};

/**
 * Normalised name → alpha-2, for English names (the report's) and, built only when an English
 * look-up fails, French and Spanish ones: the index is built when the functions load, and the
 * report names every country in English.
 */
const indexes: { en?: Map<string, string>; others?: Map<string, string> } = {};

function nameIndex(which: "en" | "others"): Map<string, string> {
  const built = indexes[which];
  if (built) return built;
  const index = new Map<string, string>();
  const add = (name: string, code: string): void => void index.set(normalizeName(name), code);
  for (const lang of which === "en" ? (["en"] as const) : (["fr", "es"] as const)) {
    for (const code of Object.keys(NAMES[lang])) {
      for (const n of allNames(code, lang)) {
        add(n, code);
        // ISO prints "Moldova, Republic of"; the report prints "Republic of Moldova".
        const [head, tail] = n.split(", ");
        if (head && tail) add(`${tail} ${head}`, code);
      }
    }
  }
  if (which === "others")
    for (const [code, names] of Object.entries(UN_NAMES)) for (const n of Object.values(names)) add(n, code);
  indexes[which] = index;
  return index;
}

/** An English name first: a French or Spanish name never takes over an English one. */
const codeNamed = (normalized: string): string | undefined =>
  nameIndex("en").get(normalized) ?? nameIndex("others").get(normalized);

/** The ISO alpha-2 code of a country as the report (or a French/Spanish user) names it, or undefined. */
export function isoCodeOf(reportName: string): string | undefined {
  const n = normalizeName(reportName);
  const known = REPORT_NAMES[n] ?? nameIndex("en").get(n);
  if (known) return known;
  // "Bolivia (Plurinational State of)" → "Bolivia": the ISO package lists the short form.
  const short = normalizeName(reportName.replace(/\(.*\)/, ""));
  return nameIndex("en").get(short) ?? codeNamed(n) ?? codeNamed(short);
}

/** A country's names in one language: the UN name first where it differs, then the package's. */
function namesIn(code: string, lang: Language): string[] {
  const un = lang === "en" ? undefined : UN_NAMES[code]?.[lang];
  return [...(un ? [un] : []), ...allNames(code, lang)];
}

let primaryNames: Map<string, string> | undefined;

/** Each country's main name in each language, lower case → alpha-2 (the package's own spellings). */
function primaryNameIndex(): Map<string, string> {
  if (primaryNames) return primaryNames;
  const index = new Map<string, string>();
  for (const lang of LANGUAGES)
    for (const code of Object.keys(NAMES[lang])) {
      const main = allNames(code, lang)[0];
      if (main) index.set(main.toLowerCase(), code);
    }
  primaryNames = index;
  return index;
}

/** A country's names in `langs`, less any that is another country's main name (see below). */
function namesOf(code: string, langs: readonly Language[]): string[] {
  const names = new Set(langs.flatMap((l) => namesIn(code, l)));
  for (const n of names) {
    const owner = primaryNameIndex().get(n.toLowerCase());
    if (owner !== undefined && owner !== code) names.delete(n);
  }
  return [...names];
}

/**
 * Aliases for a report country: ISO alpha-2, alpha-3 and every English name the package knows —
 * except another country's main name: the package lists "Congo" among the Democratic Republic of
 * the Congo's names, and "Congo" is the Republic's.
 */
export function countryAliases(reportName: string): string[] {
  const code = isoCodeOf(reportName);
  if (!code) return [];
  const alpha3 = ALPHA3.get(code);
  return [code, ...(alpha3 ? [alpha3] : []), ...namesOf(code, ["en"])];
}

/** A report country's French and Spanish names: the UN's and the package's. */
export function countryTranslations(reportName: string): string[] {
  const code = isoCodeOf(reportName);
  return code ? namesOf(code, ["fr", "es"]) : [];
}

/** The English name of the country `input` denotes (a name in any language or an ISO code), or undefined. */
export function countryNamed(input: string): string | undefined {
  const t = input.trim().toUpperCase();
  const byCode = ALPHA3.has(t) ? t : ALPHA2.get(t);
  const code = byCode ?? isoCodeOf(input.trim());
  return code ? allNames(code, "en")[0] : undefined;
}

/**
 * The name of a country (named in English, as the report or countryNamed names it) in French or
 * Spanish, or undefined when it is no country. English names are returned unchanged.
 */
export function countryNameIn(englishName: string, lang: Language): string | undefined {
  if (lang === "en") return englishName;
  const code = isoCodeOf(englishName);
  return code ? namesIn(code, lang)[0] : undefined;
}
