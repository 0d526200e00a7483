/**
 * Argument values in English, French and Spanish: every name IOM.LIST shows in a
 * language is accepted and means what its English name means; every French and Spanish alias
 * resolves to its own entry; the deliberate choices (M, H, F; "All" words) hold; English names
 * keep their English meaning.
 */
import { iom } from "../../src/core";
import { IomError } from "../../src/core/errors";
import { countryAliases, countryNamed, countryTranslations } from "../../src/core/countries";
import { localName, translations } from "../../src/i18n/glossary";
import { LANGS, langOf } from "../../src/i18n/lang";
import { FUNCTION_NAMES, functionIdOf } from "../../src/i18n/names";

const core = iom();
/** Dimensions with names to resolve (year is a number; function names are checked apart). */
const NAMED = core.list(null).filter((d) => d !== "year" && d !== "function");

describe("IOM.LIST in French and Spanish", () => {
  it.each(LANGS.filter((l) => l !== "en"))(
    "%s: every name listed means the English name at its place",
    (lang) => {
      for (const d of NAMED) {
        const english = core.list(d);
        const local = core.list(d, lang);
        expect(local).toHaveLength(english.length);
        for (const [i, name] of local.entries())
          expect({ d, name, means: core.canonicalName(d, name) }).toEqual({ d, name, means: english[i] });
      }
    },
  );

  it("translates what IOM documents name in French and Spanish, and keeps codes and keys", () => {
    const fr = (d: string): string[] => core.list(d, "fr");
    const es = (d: string): string[] => core.list(d, "es");
    expect(fr("location")).toEqual(["Siège", "Terrain"]);
    expect(es("location")).toEqual(["Sede", "Terreno"]);
    expect(fr("gender")).toEqual(["Femmes", "Hommes"]);
    expect(es("gender")).toEqual(["Mujeres", "Hombres"]);
    expect(fr("category")).toEqual(
      expect.arrayContaining(["P-4", "UG", "Fonctionnaires", "Employés", "Tous"]),
    );
    expect(es("category")).toEqual(expect.arrayContaining(["P-4", "Funcionarios", "Empleados", "Todos"]));
    expect(fr("region")).toContain("Amérique latine et Caraïbes");
    expect(es("service")).toContain("Regulación de la migración");
    expect(fr("table")).toContain("Tableau 5");
    expect(es("table")).toContain("Cuadro 5");
    expect(fr("nationality")).toEqual(
      expect.arrayContaining(["Allemagne", "Fédération de Russie", "Côte d'Ivoire"]),
    );
    expect(es("place")).toEqual(
      expect.arrayContaining(["Estados Unidos de América", "Otros países de África"]),
    );
    expect(fr("key")).toEqual(core.list("key"));
    expect(core.list(null, "fr")).toEqual(
      expect.arrayContaining(["destination", "sexe", "lieu_d_affectation"]),
    );
    expect(core.list(null, "es")).toEqual(expect.arrayContaining(["destino", "sexo", "lugar_de_destino"]));
    expect(fr("function")).toEqual(expect.arrayContaining(["PERSONNEL", "MOUVEMENTS", "LISTE"]));
  });

  it("lists function names every language's formula reader knows", () => {
    for (const lang of LANGS)
      for (const [i, name] of core.list("function", lang).entries())
        expect(functionIdOf(name)).toBe(core.list("function")[i]);
  });

  it("accepts a dimension named in any language", () => {
    expect(core.list("sexe")).toEqual(core.list("gender"));
    expect(core.list("sexo")).toEqual(core.list("gender"));
    expect(core.list("lieu_d_affectation")).toEqual(core.list("location"));
    expect(core.list("nacionalidad", "es")).toEqual(core.list("nationality", "es"));
  });
});

describe("French and Spanish aliases", () => {
  it("each resolves to the entry it translates, in every dimension", () => {
    let checked = 0;
    for (const d of NAMED.filter((x) => x !== "key")) {
      for (const name of core.list(d)) {
        const isCountryDim = d === "place" || d === "nationality";
        const aliases = [
          ...translations(d, name),
          ...(isCountryDim ? [...countryAliases(name), ...countryTranslations(name)] : []),
        ];
        for (const alias of aliases) {
          checked++;
          expect({ d, alias, means: core.canonicalName(d, alias) }).toEqual({ d, alias, means: name });
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("never change what an English name means", () => {
    // "Congo" is the Republic of the Congo; the ISO package also lists it as a name of the Democratic Republic.
    expect(core.canonicalName("nationality", "Congo")).toBe("Congo");
    expect(core.canonicalName("nationality", "Democratic Republic of the Congo")).toBe(
      "Democratic Republic of the Congo",
    );
    expect(core.canonicalName("place", "Europe")).toBe("Europe");
    expect(core.canonicalName("item", "Total")).toBe("Total");
  });

  it("accept accents, case and spacing as loosely as English names", () => {
    expect(core.canonicalName("location", "SIEGE")).toBe("Headquarters");
    expect(core.canonicalName("category", "employes")).toBe("Employees");
    expect(core.canonicalName("region", "amerique latine et caraibes")).toBe(
      "Latin America and the Caribbean",
    );
    expect(core.canonicalName("service", "regulacion de la migracion")).toBe("Regulating Migration");
  });
});

describe("the gender letters, resolved deliberately", () => {
  const gender = (g: string): string => core.canonicalName("gender", g);
  it("F is female in every language; Femme(s), Mujer(es), Féminin, Femenino too", () => {
    for (const g of ["F", "Female", "Femme", "Femmes", "Féminin", "Mujer", "Mujeres", "Femenino"])
      expect({ g, means: gender(g) }).toEqual({ g, means: "F" });
  });

  it("M stays male, as in the English report and Spanish forms' Masculino; H is male (Homme, Hombre)", () => {
    for (const g of [
      "M",
      "Male",
      "H",
      "Homme",
      "Hommes",
      "Masculin",
      "Hombre",
      "Hombres",
      "Masculino",
      "Varón",
    ])
      expect({ g, means: gender(g) }).toEqual({ g, means: "M" });
  });

  it('so =IOM.MIGRANTS(…;"M") is the same figure in every language, and Mujeres is spelt out', () => {
    expect(core.migrants("18-29", "M").value).toBe(core.migrants("18-29", "Hombres").value);
    expect(core.migrants("18-29", "Mujeres").value).toBe(core.migrants("18-29", "F").value);
    expect(core.migrants("18-29", "Mujeres").value).not.toBe(core.migrants("18-29", "M").value);
  });
});

describe("words for everything", () => {
  it.each(["Tous", "toutes", "Ensemble", "Todos", "todas", "Total général", "Total general"])(
    "%s is every place, category and age group",
    (all) => {
      expect(core.movements(all).value).toBe(core.movements().value);
      expect(core.staff(all).value).toBe(core.staff("All").value);
      expect(core.migrants(all).value).toBe(core.migrants().value);
    },
  );

  it.each(["les deux", "ambos", "ambas"])("%s is both genders", (both) => {
    expect(core.staff("P-4", both).value).toBe(core.staff("P-4").value);
  });
});

describe("countries", () => {
  it("are named in French and Spanish by the UN's names where IOM documents use them", () => {
    expect(localName("nationality", "Republic of Korea", "fr")).toBe("République de Corée");
    expect(localName("nationality", "Russian Federation", "es")).toBe("Federación de Rusia");
    expect(localName("nationality", "Viet Nam", "fr")).toBe("Viet Nam");
    expect(localName("place", "United States of America", "es")).toBe("Estados Unidos de América");
    expect(localName("place", "Kosovo/UNSC 1244", "fr")).toBe("Kosovo/RCSNU 1244");
  });

  it("are recognised by any of their names, so a country Table 2 does not list is 'no figure'", () => {
    expect(countryNamed("Allemagne")).toBe("Germany");
    expect(countryNamed("Alemania")).toBe("Germany");
    expect(countryNamed("DEU")).toBe("Germany");
    const e = (() => {
      try {
        core.movements("Allemagne");
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(IomError);
    expect((e as IomError).kind).toBe("no_figure");
    expect((e as IomError).text("fr")).toMatch(
      /Allemagne ne fait pas partie des pays de destination du tableau 2/,
    );
  });

  it("count both spellings of one nationality together (Tables 6 and 7 spell Macedonia differently)", () => {
    const t6 = core.staff("Officials", null, null, "The former Yugoslav Rep. of Macedonia").value;
    const t7 = core.staff("Employees", null, null, "The former Yugoslav Republic of Macedonia").value;
    expect(core.staff("Officials", null, null, "The former Yugoslav Republic of Macedonia").value).toBe(t6);
    expect(core.staff("Employees", null, null, "ex-République yougoslave de Macédoine").value).toBe(t7);
    expect(core.staff("All", null, null, "MK").value).toBe(t6 + t7);
  });
});

describe("function names", () => {
  it("are read in any language, with or without the namespace, accents or case", () => {
    expect(functionIdOf("PERSONNEL")).toBe("STAFF");
    expect(functionIdOf("personal")).toBe("STAFF");
    expect(functionIdOf("=IOM.DÉPENSES")).toBe("EXPENDITURE");
    expect(functionIdOf("IOM.cuadro")).toBe("TABLE");
    expect(functionIdOf("STAFFING")).toBeUndefined();
  });

  it("are distinct: no localized name is another function's name in any language", () => {
    const all = Object.entries(FUNCTION_NAMES).flatMap(([id, t]) =>
      [id, t.fr, t.es].map((n) => [n, id] as const),
    );
    for (const [name, id] of all) expect({ name, id: functionIdOf(name) }).toEqual({ name, id });
  });
});

describe("Office's display language", () => {
  it.each([
    ["fr-FR", "fr"],
    ["fr-CA", "fr"],
    ["es-ES", "es"],
    ["es-419", "es"],
    ["en-GB", "en"],
    ["de-DE", "en"],
    [undefined, "en"],
  ] as const)("%s → %s", (tag, lang) => expect(langOf(tag)).toBe(lang));
});
