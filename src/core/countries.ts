import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { normalizeName } from "./normalize";

countries.registerLocale(en);

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
};

let byNormalName: Map<string, string> | undefined;

/** Every English name the ISO package gives any country, normalised → alpha-2. */
function isoNameIndex(): Map<string, string> {
  if (byNormalName) return byNormalName;
  byNormalName = new Map();
  for (const [code, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const n of names) {
      byNormalName.set(normalizeName(n), code);
      // ISO prints "Moldova, Republic of"; the report prints "Republic of Moldova".
      const [head, tail] = n.split(", ");
      if (head && tail) byNormalName.set(normalizeName(`${tail} ${head}`), code);
    }
  }
  return byNormalName;
}

/** The ISO alpha-2 code of a country as the report names it, or undefined (regions, "Other…"). */
export function isoCodeOf(reportName: string): string | undefined {
  const n = normalizeName(reportName);
  const known = REPORT_NAMES[n] ?? isoNameIndex().get(n);
  if (known) return known;
  // "Bolivia (Plurinational State of)" → "Bolivia": the ISO package lists the short form.
  const short = normalizeName(reportName.replace(/\(.*\)/, ""));
  return isoNameIndex().get(short);
}

/** Aliases for a report country: ISO alpha-2, alpha-3 and every English name the package knows. */
export function countryAliases(reportName: string): string[] {
  const code = isoCodeOf(reportName);
  if (!code) return [];
  const alpha3 = countries.alpha2ToAlpha3(code);
  const names = countries.getName(code, "en", { select: "all" }) ?? [];
  return [code, ...(alpha3 ? [alpha3] : []), ...names];
}

/** The English name of the country `input` denotes (a name or an ISO code), or undefined. */
export function countryNamed(input: string): string | undefined {
  const t = input.trim();
  const code =
    /^[A-Za-z]{2,3}$/.test(t) && countries.isValid(t.toUpperCase())
      ? countries.toAlpha2(t.toUpperCase())
      : isoCodeOf(t);
  return code ? countries.getName(code, "en") : undefined;
}
