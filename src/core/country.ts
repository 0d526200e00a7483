/**
 * A country's card (=IOM.COUNTRY): what the report says of one country, each figure with its own
 * provenance: movements to it (in total and by programme), by region of departure where the
 * report's totals determine them, its nationals on IOM staff, and the narrative figures naming it.
 */
import { UNDETERMINED_WORDS, sectionTitle, type CardSectionId } from "../i18n/cards";
import { localName } from "../i18n/glossary";
import type { Lang } from "../i18n/lang";
import { msg } from "../i18n/messages";
import type { Answer } from "./answer";
import { nameArg, type Arg } from "./args";
import { figureCard, providerOf, type CardField, type CardSection, type EntityCard } from "./card";
import { isoCodeOf } from "./countries";
import { IomError, isIomError } from "./errors";
import type { Iom } from "./iom";

/** The answer `get` gives, or undefined where the report has none (a typed #N/A or #VALUE!). */
function tryAnswer(get: () => Answer): Answer | IomError {
  try {
    return get();
  } catch (e) {
    if (isIomError(e)) return e;
    throw e;
  }
}

/** The card of the country `name` denotes (any language, ISO codes), in `lang`. */
export function countryCard(core: Iom, countryArg: Arg, lang: Lang): EntityCard {
  const input = nameArg(countryArg, "country", "Kenya");
  if (input === undefined)
    throw new IomError("bad_argument", msg("not_a_country", notCountry(core, "")), "country");
  const place = core.movementsQuery.countryNamed(input);
  const nationality = core.staffQuery.nationality.find(input)?.name;
  if (!place && !nationality) {
    // A name that is no country at all: the closest nationalities (the longest list of countries),
    // offered for this function's own argument; with none close, the nationalities' own message
    // points at their list.
    if (!core.movementsQuery.place.find(input)) {
      const suggestions = core.staffQuery.nationality.suggest(input);
      if (suggestions.length === 0) core.staffQuery.nationality.resolve(input);
      throw new IomError(
        "not_found",
        msg("not_found", { argument: "country", input, suggestions }),
        "country",
        suggestions,
      );
    }
    throw new IomError("bad_argument", msg("not_a_country", notCountry(core, input)), "country");
  }
  const name = place ?? nationality ?? input;
  const edition = core.edition;
  const figure = (field: string, a: Answer | IomError, label?: string): CardField[] =>
    a instanceof IomError
      ? []
      : [
          {
            name: field,
            ...(label ? { label } : {}),
            value: a.value,
            figure: figureCard(a, edition, lang),
          },
        ];
  const nonZero = (field: string, a: Answer | IomError, label?: string): CardField[] =>
    a instanceof IomError || a.value === 0 ? [] : figure(field, a, label);

  const movements: CardField[] = [];
  const departures: CardField[] = [];
  if (place) {
    movements.push(
      ...figure(
        "Movements",
        tryAnswer(() => core.movements(place)),
      ),
    );
    for (const p of core.movementsQuery.programmeNames())
      movements.push(
        ...nonZero(
          p,
          tryAnswer(() => core.movements(place, p)),
        ),
      );
    const undetermined: string[] = [];
    for (const from of core.movementsQuery.departureRegions()) {
      const a = tryAnswer(() => core.movements(place, null, from));
      if (a instanceof IomError && a.code === "undetermined") undetermined.push(from);
      departures.push(...nonZero(`From ${from}`, a, localName("from", from, lang)));
    }
    if (undetermined.length > 0) {
      const names = undetermined.map((r) => localName("from", r, lang)).join(", ");
      departures.push({
        name: "Undetermined departures",
        value: `${names}: ${UNDETERMINED_WORDS[lang]}`,
      });
    }
  }

  const staff: CardField[] = [];
  if (nationality) {
    for (const [field, category] of [
      ["Staff", "All"],
      ["Officials", "Officials"],
      ["Employees", "Employees"],
    ] as const)
      staff.push(
        ...figure(
          field,
          tryAnswer(() => core.staff(category, null, null, nationality)),
        ),
      );
    for (const g of core.staffQuery.gradeNames())
      staff.push(
        ...nonZero(
          `Officials ${g}`,
          tryAnswer(() => core.staff(g, null, null, nationality)),
        ),
      );
  }

  const facts: CardField[] = [];
  for (const f of factsNaming(core, name))
    facts.push(
      ...figure(
        f.key,
        tryAnswer(() => core.fact(f.key)),
      ),
    );

  const shown = localName("nationality", name, lang);
  const iso = isoCodeOf(name);
  const about: CardField[] = [
    { name: "Name", value: shown },
    ...(shown !== name ? [{ name: "Name in the report", value: name }] : []),
    { name: "ISO code", value: iso ?? "", ...(iso ? {} : { empty: true }) },
    { name: "Edition", value: core.editionLabel() },
  ];
  const section = (id: CardSectionId, fields: CardField[]): CardSection[] =>
    fields.length > 0 ? [{ id, title: sectionTitle(id, lang), fields }] : [];
  return {
    kind: "entity",
    text: shown,
    title: shown,
    provider: providerOf(edition),
    sections: [
      ...section("movements", movements),
      ...section("departures", departures),
      ...section("staff", staff),
      ...section("facts", facts),
      ...section("about", about),
    ],
  };
}

/** The narrative figures whose text names the country (none is no error). */
function factsNaming(core: Iom, name: string) {
  try {
    return core.facts(name);
  } catch (e) {
    if (isIomError(e) && e.code === "no_fact_match") return [];
    throw e;
  }
}

function notCountry(core: Iom, input: string) {
  const t2 = core.index.role("movementsByService");
  const nationalities = (["officialsByNationality", "employeesByNationality"] as const)
    .map((r) => core.index.role(r)?.number)
    .filter((n): n is string => n !== undefined);
  return { input, nationalities, ...(t2 ? { destinations: t2.number } : {}) };
}
