/**
 * The report's argument values in French and Spanish: regions, service classifications,
 * programmes, staff categories, locations, genders, age groups, expenditure items, tables. The
 * first name of each language is the one shown (IOM.LIST, suggestions, messages); every name is
 * accepted, in every language, whatever the display language. Country names come from
 * i18n-iso-countries and the UN's names (src/core/countries.ts).
 *
 * Names follow IOM's French and Spanish documents (Programme and Budget, Report of the Director
 * General) where they are known, UN terminology otherwise; README.md ("English, French and Spanish") lists the
 * deliberate choices (gender letters, "All").
 */
import { countryNameIn } from "../core/countries";
import { normalizeName } from "../core/normalize";
import type { Lang } from "./lang";
import { ARGUMENT_NAMES, FUNCTION_NAMES } from "./names";

/** A value's French and Spanish names: the first is displayed, all are accepted. */
interface Names {
  fr: readonly string[];
  es: readonly string[];
}
type Glossary = Record<string, Names>;

const n = (fr: string | string[], es: string | string[]): Names => ({
  fr: typeof fr === "string" ? [fr] : fr,
  es: typeof es === "string" ? [es] : es,
});

/** Budgetary regions (Table 3, Annex I, section V.B) and continents. */
const REGIONS: Glossary = {
  Africa: n("Afrique", "África"),
  "Asia and Oceania": n("Asie et Océanie", "Asia y Oceanía"),
  Europe: n("Europe", "Europa"),
  "Latin America and the Caribbean": n(
    ["Amérique latine et Caraïbes", "Amérique latine et les Caraïbes", "Amérique latine"],
    ["América Latina y el Caribe", "América Latina"],
  ),
  "Middle East": n("Moyen-Orient", ["Oriente Medio", "Medio Oriente"]),
  "North America": n("Amérique du Nord", ["América del Norte", "Norteamérica"]),
  "Middle East and North Africa": n("Moyen-Orient et Afrique du Nord", [
    "Oriente Medio y África del Norte",
    "Oriente Medio y Norte de África",
  ]),
  "Global activities": n(
    ["Activités mondiales", "Activités globales"],
    ["Actividades mundiales", "Actividades globales"],
  ),
  "Global Support/Services": n(
    ["Soutien et services mondiaux", "Soutien/services mondiaux"],
    ["Apoyo y servicios mundiales", "Apoyo/servicios mundiales"],
  ),
};

/** Table 1's regions and areas of departure and destination. */
const AREAS: Glossary = {
  "Central Africa": n("Afrique centrale", "África Central"),
  "East Africa": n(["Afrique de l'Est", "Afrique orientale"], ["África Oriental", "África del Este"]),
  "Horn of Africa": n("Corne de l'Afrique", "Cuerno de África"),
  "North Africa": n(["Afrique du Nord", "Afrique septentrionale"], ["África del Norte", "Norte de África"]),
  "Southern Africa": n("Afrique australe", ["África Meridional", "África Austral"]),
  "West Africa": n(["Afrique de l'Ouest", "Afrique occidentale"], ["África Occidental", "África del Oeste"]),
  "Africa and the Middle East": n("Afrique et Moyen-Orient", "África y Oriente Medio"),
  "Andean countries": n("Pays andins", "Países andinos"),
  Caribbean: n("Caraïbes", "Caribe"),
  "Central America and Mexico": n("Amérique centrale et Mexique", [
    "Centroamérica y México",
    "América Central y México",
  ]),
  "South America, other": n("Amérique du Sud, autres", "América del Sur, otros"),
  "Southern Cone": n("Cône Sud", "Cono Sur"),
  Americas: n("Amériques", "Américas"),
  "Australia and New Zealand": n("Australie et Nouvelle-Zélande", "Australia y Nueva Zelandia"),
  "Central Asia": n("Asie centrale", "Asia Central"),
  "Far East": n("Extrême-Orient", "Lejano Oriente"),
  Melanesia: n("Mélanésie", "Melanesia"),
  Micronesia: n("Micronésie", "Micronesia"),
  Polynesia: n("Polynésie", "Polinesia"),
  "South Asia": n("Asie du Sud", ["Asia Meridional", "Asia del Sur"]),
  "South-East Asia": n("Asie du Sud-Est", "Asia Sudoriental"),
  "South-Western Asia": n("Asie du Sud-Ouest", "Asia Sudoccidental"),
  "Baltic States": n("États baltes", "Estados bálticos"),
  Caucasus: n("Caucase", "Cáucaso"),
  "Central Europe": n("Europe centrale", "Europa Central"),
  "Eastern Europe": n(["Europe de l'Est", "Europe orientale"], ["Europa Oriental", "Europa del Este"]),
  "Nordic countries": n("Pays nordiques", "Países nórdicos"),
  "South-Eastern Europe": n("Europe du Sud-Est", "Europa Sudoriental"),
  "Southern Europe": n(["Europe du Sud", "Europe méridionale"], ["Europa Meridional", "Europa del Sur"]),
  "Western Europe": n(["Europe de l'Ouest", "Europe occidentale"], ["Europa Occidental", "Europa del Oeste"]),
};

/** Table 2's "Other countries in …" columns and the grand total. */
const PLACES: Glossary = {
  All: n(["Tous", "Toutes destinations", "Monde"], ["Todos", "Todos los destinos", "Mundo"]),
  "Other countries in Africa": n("Autres pays d'Afrique", "Otros países de África"),
  "Other countries in Asia and Oceania": n(
    "Autres pays d'Asie et d'Océanie",
    "Otros países de Asia y Oceanía",
  ),
  "Other countries in Europe": n("Autres pays d'Europe", "Otros países de Europa"),
  "Other countries in Latin America and the Caribbean": n(
    "Autres pays d'Amérique latine et des Caraïbes",
    "Otros países de América Latina y el Caribe",
  ),
  "Other countries in Middle East": n("Autres pays du Moyen-Orient", "Otros países de Oriente Medio"),
};

/** IOM's service classifications and the programmes of Table 2. */
const SERVICES: Glossary = {
  "Movement, Emergency and Post-crisis Migration Management": n(
    [
      "Gestion des mouvements, des situations d'urgence et des situations consécutives à une crise",
      "Mouvements, situations d'urgence et gestion des migrations après une crise",
    ],
    [
      "Movimientos, emergencias y gestión de la migración posterior a crisis",
      "Gestión de movimientos, emergencias y migración posterior a crisis",
    ],
  ),
  "Migration Health": n(
    ["Migration et santé", "Santé et migration"],
    ["Migración y salud", "Salud y migración"],
  ),
  "Migration and Development": n("Migration et développement", "Migración y desarrollo"),
  "Regulating Migration": n(
    ["Régulation des migrations", "Réglementation des migrations"],
    ["Regulación de la migración", "Reglamentación de la migración"],
  ),
  "Facilitating Migration": n("Facilitation des migrations", "Facilitación de la migración"),
  "Migration Policy and Research": n(
    ["Politiques et recherche en matière de migrations", "Politique migratoire et recherche"],
    ["Políticas e investigación sobre migración", "Política migratoria e investigación"],
  ),
  "Reparation Programmes": n("Programmes de réparation", [
    "Programas de reparación",
    "Programas de indemnización",
  ]),
  "General Programme Support": n("Soutien général aux programmes", "Apoyo general a los programas"),
  "General Programme Support/Services": n(
    ["Soutien et services généraux aux programmes", "Soutien général aux programmes"],
    ["Apoyo y servicios generales a los programas", "Apoyo general a los programas"],
  ),
  "Resettlement Assistance": n(
    ["Aide à la réinstallation", "Réinstallation"],
    ["Asistencia para el reasentamiento", "Reasentamiento"],
  ),
  "Repatriation Assistance": n(
    ["Aide au rapatriement", "Rapatriement"],
    ["Asistencia para la repatriación", "Repatriación"],
  ),
  "Emergency and Post-emergency Operations Assistance": n(
    "Aide aux opérations d'urgence et d'après-urgence",
    "Asistencia en operaciones de emergencia y posteriores a emergencias",
  ),
  "Return Assistance for Migrants and Governments": n(
    ["Aide au retour pour les migrants et les gouvernements", "Retour volontaire assisté", "Aide au retour"],
    [
      "Asistencia para el retorno de migrantes y gobiernos",
      "Retorno voluntario asistido",
      "Asistencia para el retorno",
    ],
  ),
  "Counter-trafficking": n(
    ["Lutte contre la traite", "Lutte contre la traite des personnes"],
    ["Lucha contra la trata", "Lucha contra la trata de personas"],
  ),
  "Immigration and Border Management": n(
    "Gestion de l'immigration et des frontières",
    "Gestión de la inmigración y de fronteras",
  ),
  "Labour Migration": n(
    ["Migration de main-d'œuvre", "Migration de main-d'oeuvre", "Migrations de travail"],
    ["Migración laboral", "Migración de mano de obra"],
  ),
  "Migrant Processing and Integration": n(
    "Traitement des dossiers et intégration des migrants",
    "Tramitación e integración de migrantes",
  ),
  "Migration and Economic Community Development": n(
    "Migration et développement économique et communautaire",
    "Migración y desarrollo económico y comunitario",
  ),
  "Humanitarian Assistance for Stranded Migrants": n(
    "Aide humanitaire aux migrants bloqués",
    "Asistencia humanitaria a migrantes desamparados",
  ),
};

/** Expenditure lines of section V.B and Annex I, section 1. */
const ITEMS: Glossary = {
  Total: n(["Total", "Dépenses totales"], ["Total", "Gastos totales"]),
  Administrative: n(
    ["Administratif", "Partie administrative du budget", "Programme administratif", "Administration"],
    [
      "Administrativo",
      "Parte de Administración del Presupuesto",
      "Programa administrativo",
      "Administración",
    ],
  ),
  Operational: n(
    ["Opérationnel", "Partie opérationnelle du budget", "Programmes opérationnels", "Opérations"],
    [
      "Operacional",
      "Parte de Operaciones del Presupuesto",
      "Programas operacionales",
      "Operaciones",
      "Operativo",
    ],
  ),
};

/**
 * F is female in all three languages. M stays male, as in the English report (and Spanish forms'
 * Masculino); "Mujer"/"Mujeres" are spelt out, never "M". H is male (Homme, Hombre). The names
 * shown are spelt out, so no Spanish reader mistakes an "M" for Mujeres.
 */
const GENDERS: Glossary = {
  F: n(["Femmes", "Femme", "Féminin", "Féminine"], ["Mujeres", "Mujer", "Femenino", "Femenina"]),
  M: n(["Hommes", "Homme", "H", "Masculin"], ["Hombres", "Hombre", "H", "Masculino", "Varón", "Varones"]),
};

const LOCATIONS: Glossary = {
  Headquarters: n(["Siège", "Genève", "Siège de l'OIM"], ["Sede", "Ginebra", "Sede central"]),
  Field: n(
    ["Terrain", "Bureaux extérieurs", "Bureaux de pays", "Hors Siège"],
    ["Terreno", "Oficinas exteriores", "Oficinas en los países", "Fuera de la Sede"],
  ),
};

const CATEGORIES: Glossary = {
  Officials: n(
    ["Fonctionnaires", "Fonctionnaire", "Tous les fonctionnaires"],
    ["Funcionarios", "Funcionario", "Todos los funcionarios"],
  ),
  Employees: n(
    ["Employés", "Employé", "Tous les employés"],
    ["Empleados", "Empleado", "Todos los empleados"],
  ),
  "General Service": n(["Services généraux", "Service général"], ["Servicios Generales", "Servicio General"]),
  "National Officers": n(
    ["Administrateurs nationaux", "Administrateur national"],
    ["Oficiales nacionales", "Oficial nacional"],
  ),
  "Short-term Officials": n(
    ["Fonctionnaires de courte durée", "Fonctionnaires engagés pour une courte durée"],
    ["Funcionarios de corta duración", "Funcionarios con contratos de corta duración"],
  ),
  "Associate Experts": n(["Experts associés", "Expert associé"], ["Expertos asociados", "Experto asociado"]),
  // Grades keep their codes in every language; "hors classe" is what French staff rules call UG.
  UG: n(["UG", "Hors classe", "Non classé"], ["UG", "Sin categoría", "Sin grado"]),
  All: n(["Tous", "Tout le personnel", "Personnel"], ["Todos", "Todo el personal", "Personal"]),
};

const AGE_GROUPS: Glossary = {
  ">90": n([">90", "90 ans et plus", "Plus de 90 ans"], [">90", "90 años y más", "Más de 90 años"]),
  "No data": n(
    ["Pas de données", "Sans données", "Non disponible", "Inconnu"],
    ["Sin datos", "No disponible", "Desconocido"],
  ),
  Total: n("Total", "Total"),
};

/** The report's unnumbered tables, as the task pane and messages name them. */
const TABLES: Glossary = {
  "Section V.B, expenditure table": n("Section V.B, tableau des dépenses", "Sección V.B, cuadro de gastos"),
  "Section V.B, operational expenditure by region table": n(
    "Section V.B, tableau des dépenses opérationnelles par région",
    "Sección V.B, cuadro de gastos operacionales por región",
  ),
  "Section V.B, operational expenditure by service classification table": n(
    "Section V.B, tableau des dépenses opérationnelles par classification des services",
    "Sección V.B, cuadro de gastos operacionales por clasificación de servicios",
  ),
};

const fromTable = (table: Record<string, { fr: string; es: string }>): Glossary =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, n(v.fr, v.es)]));

/** Which glossaries name the values of each argument, most specific first. */
const BY_ARGUMENT: Record<string, Glossary[]> = {
  place: [PLACES, AREAS, REGIONS],
  from: [AREAS, REGIONS],
  programme: [SERVICES],
  item: [ITEMS, REGIONS, SERVICES],
  region: [REGIONS],
  service: [SERVICES],
  gender: [GENDERS],
  location: [LOCATIONS],
  category: [CATEGORIES],
  age_group: [AGE_GROUPS],
  table: [TABLES],
  dimension: [fromTable(ARGUMENT_NAMES)],
  function: [fromTable(FUNCTION_NAMES)],
};

/** The glossaries with normalised keys, built on first use. */
let index: Map<string, Map<string, Names>> | undefined;

/** Arguments whose names some pattern translates (see byPattern). */
const PATTERNED = new Set(["table", "age_group", "from"]);

function lookup(argument: string, english: string): Names | undefined {
  // Most names of most dimensions (fact keys, nationalities) have no glossary: no normalising then.
  if (!(argument in BY_ARGUMENT)) return undefined;
  if (!index) {
    index = new Map();
    for (const [argument, glossaries] of Object.entries(BY_ARGUMENT)) {
      const m = new Map<string, Names>();
      // An earlier (more specific) glossary wins over a later one.
      for (const g of glossaries)
        for (const [k, v] of Object.entries(g)) if (!m.has(normalizeName(k))) m.set(normalizeName(k), v);
      index.set(argument, m);
    }
  }
  const hit = index.get(argument)?.get(normalizeName(english));
  return hit ?? (PATTERNED.has(argument) ? byPattern(argument, english) : undefined);
}

const BUDGETARY = / \(budgetary region\)$/;

/** Names built from a pattern: numbered tables, age ranges, budgetary regions. */
function byPattern(argument: string, english: string): Names | undefined {
  if (argument === "table") {
    const table = /^Table (\d+)$/.exec(english);
    if (table) return n(`Tableau ${table[1]}`, `Cuadro ${table[1]}`);
    const annex = /^Annex I, section (\d+)$/.exec(english);
    if (annex) return n(`Annexe I, section ${annex[1]}`, `Anexo I, sección ${annex[1]}`);
  }
  if (argument === "age_group") {
    const range = /^(\d+)-(\d+)$/.exec(english);
    if (range) {
      const [, a, b] = range;
      return n([english, `${a} à ${b} ans`, `${a} à ${b}`], [english, `${a} a ${b} años`, `${a} a ${b}`]);
    }
  }
  if (argument === "from" && BUDGETARY.test(english)) {
    const base = lookup(argument, english.replace(BUDGETARY, ""));
    if (base)
      return n(
        base.fr.map((x) => `${x} (région budgétaire)`),
        base.es.map((x) => `${x} (región presupuestaria)`),
      );
  }
  return undefined;
}

/** Every French and Spanish name of an argument value, for the lookup to accept. */
export function translations(argument: string, english: string): string[] {
  const names = lookup(argument, english);
  return names ? [...names.fr, ...names.es] : [];
}

/**
 * A value's name in `lang`, as shown in lists and messages: the glossary's, a country's French or
 * Spanish name, or the English name when there is no other (fact keys, grades such as "P-4").
 */
export function localName(argument: string, english: string, lang: Lang): string {
  if (lang === "en") return english;
  const names = lookup(argument, english);
  if (names) return names[lang][0] ?? english;
  if (argument === "place" || argument === "nationality" || argument === "country")
    return countryNameIn(english, lang) ?? english;
  return english;
}
