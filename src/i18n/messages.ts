/**
 * The query core's messages in English, French and Spanish. An error carries a code and its
 * parameters (names in their canonical English form, as the core knows them); it is put into
 * words only when shown, in the language of whoever reads it. The French and Spanish catalogs
 * are typed against the same parameters, so a missing message is a compile error.
 *
 * Parts that come from the report itself (row and column labels, footnotes, the reason a cell
 * is undetermined) stay in English: the data is the report's English edition.
 */
import { localName } from "./glossary";
import { formatNumber, type Lang, type Localized } from "./lang";
import { argumentName, functionName } from "./names";

/** The parameters of each message. Names are canonical English names of the argument noted. */
export interface MessageParams {
  not_found: { argument: string; input: string; suggestions: readonly string[] };
  ambiguous: { argument: string; input: string; names: readonly string[] };
  expected_name: { argument: string; example: string; got: number | boolean };
  too_long: { argument: string; head: string };
  year_range: { argument: string; first: number; last: number; got: string | number | boolean };
  expected_flag: { argument: string; got: string | number | boolean };
  key_required: { count: number };
  no_fact_match: { search: string };
  table_required: Record<string, never>;
  chart_unavailable: { input: string; title: string; reason: string };
  no_single_value: { fn: string; functions: readonly string[] };
  function_required: Record<string, never>;
  bad_formula: { problem: Message };
  formula_shape: { input: string };
  unknown_function: { name: string; suggestions: readonly string[]; known: readonly string[] };
  formula_unterminated: { input: string };
  formula_literal: { position: number; raw: string; input: string };
  formula_separator: { position: number; input: string; separator: string };
  undetermined: {
    table: string;
    row: string;
    column: string;
    reason: string;
    /** The exact range the report's totals allow, where the solver proved it. */
    range?: { min: number; max: number };
    /** The cells (each "row / column") that share a certain combined figure. */
    combined?: { parts: readonly string[]; value: number; line: number };
  };
  narrative_no_breakdown: { input: string; why: Message };
  edition_lacks: { edition: string; role: string };
  edition_text: { text: Localized };
  /** `table`: the number of the table listing destination countries, when the edition has one. */
  not_destination: { input: string; country: string; table?: string };
  no_programme_breakdown: { place: string; byRegion: string; byService?: string };
  from_not_t1: { from: string; place: string; table: string };
  from_not_t2: { from: string; table: string };
  t2_no_row: { from: string; programme?: string; table: string };
  t3_no_destination: { from: string; table: string };
  t3_no_programme: { from: string; programme: string; table: string };
  expenditure_years: { item: string; years: readonly number[]; year: number };
  nationality_none: { input: string; country: string; tables: readonly string[] };
  employees_split_hq: { table: string };
  officials_nationality_gender: { byNationality: string; byGrade: string };
  officials_nationality_location: { byNationality: string; byGrade: string };
  t6_no_official: { nationality: string; table: string };
  t7_no_employee: { nationality: string; table: string };
  all_staff_nationality: { by: "gender" | "location"; table: string };
  /** IOM.COUNTRY given a name that is no country of the report; `tables`: those listing countries. */
  not_a_country: { input: string; destinations?: string; nationalities: readonly string[] };
  /** A data type passed where a name or number goes, with neither a text nor a basic value to use. */
  unsupported_value: { type: string };
}

export type MessageCode = keyof MessageParams;

/** A message as data: its code and parameters, put into words by `render`. */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams[C] } }[MessageCode];

/** Builds a message, checking its parameters against its code. */
export const msg = <C extends MessageCode>(
  code: C,
  params: MessageParams[C],
): { code: C; params: MessageParams[C] } => ({
  code,
  params,
});

/** What a template needs to name things in its language. */
interface Words {
  /** An argument's name ("gender" → "sexe"). */
  arg: (argument: string) => string;
  /** A value's name in the argument's dimension ("from", "Africa" → "Afrique"). */
  v: (argument: string, english: string) => string;
  /** A function as a formula names it ("LIST" → "IOM.LISTE"). */
  fn: (id: string) => string;
  /** Quoted names joined by "or" in the language. */
  or: (argument: string, names: readonly string[]) => string;
  num: (n: number) => string;
  /** Another message, in the same language. */
  render: (m: Message) => string;
  /** A value as the user gave it: text quoted, TRUE/FALSE in the language. */
  got: (v: string | number | boolean) => string;
  /** A table's number inside a sentence: "Table 2", "tableau 2", "cuadro 2". */
  t: (number: string) => string;
  /** Several tables' numbers, joined by "and" in the language. */
  ts: (numbers: readonly string[]) => string;
}

type Catalog = { [C in MessageCode]: (p: MessageParams[C], w: Words) => string };

const q = (s: string): string => `"${s}"`;

/** What each table role holds, for "this edition has no table of …". */
const ROLE_WORDS: Record<string, Localized> = {
  movementsByRegion: {
    en: "movements by region of departure and destination",
    fr: "mouvements par région de départ et de destination",
    es: "movimientos por región de partida y de destino",
  },
  movementsByService: {
    en: "movements by service and country of destination",
    fr: "mouvements par service et pays de destination",
    es: "movimientos por servicio y país de destino",
  },
  movementsByBudgetaryRegion: {
    en: "movements by budgetary region",
    fr: "mouvements par région budgétaire",
    es: "movimientos por región presupuestaria",
  },
  migrantsByAgeAndGender: {
    en: "migrants by age group and gender",
    fr: "migrants par groupe d'âge et sexe",
    es: "migrantes por grupo de edad y sexo",
  },
  officialsByGrade: {
    en: "officials by grade",
    fr: "fonctionnaires par classe",
    es: "funcionarios por grado",
  },
  officialsByNationality: {
    en: "officials by nationality",
    fr: "fonctionnaires par nationalité",
    es: "funcionarios por nacionalidad",
  },
  employeesByNationality: {
    en: "employees by nationality",
    fr: "employés par nationalité",
    es: "empleados por nacionalidad",
  },
  staffByLocationAndGender: {
    en: "staff by location and gender",
    fr: "membres du personnel par lieu d'affectation et sexe",
    es: "personal por lugar de destino y sexo",
  },
  expenditure: { en: "expenditure", fr: "dépenses", es: "gastos" },
  projectsByRegion: { en: "projects by region", fr: "projets par région", es: "proyectos por región" },
  projectsByService: {
    en: "projects by service classification",
    fr: "projets par classification des services",
    es: "proyectos por clasificación de servicios",
  },
  projectsByServiceAndRegion: {
    en: "projects by service and region",
    fr: "projets par service et région",
    es: "proyectos por servicio y región",
  },
};

const en: Catalog = {
  edition_lacks: (p) =>
    `the ${p.edition} edition of the report has no table of ${ROLE_WORDS[p.role]?.en ?? p.role}`,
  edition_text: (p) => p.text.en,
  not_found: (p, w) =>
    `${p.argument} "${p.input}" not found — ${
      p.suggestions.length > 0
        ? `did you mean ${w.or(p.argument, p.suggestions)}?`
        : `valid names: see ${w.fn("LIST")}("${p.argument}")`
    }`,
  ambiguous: (p, w) => `${p.argument} "${p.input}" is ambiguous: it could be ${w.or(p.argument, p.names)}`,
  expected_name: (p) =>
    `${p.argument}: expected a name such as "${p.example}", got the ${typeof p.got} ${String(p.got)}`,
  too_long: (p) => `${p.argument} "${p.head}…" not found: no name of the report is that long`,
  year_range: (p, w) => `${p.argument}: the report covers ${p.first} to ${p.last}; got ${w.got(p.got)}`,
  expected_flag: (p, w) => `${p.argument}: expected TRUE or FALSE, got ${w.got(p.got)}`,
  key_required: (p, w) => `key: a fact key is required (see ${w.fn("FACTS")}("") for all ${p.count})`,
  no_fact_match: (p, w) =>
    `search "${p.search}": no fact matches every word; try fewer words, or ${w.fn("FACTS")}("") for all`,
  table_required: (_, w) => `table: a table is required, e.g. "Table 5" (see ${w.fn("LIST")}("table"))`,
  chart_unavailable: (p) =>
    `table "${p.input}" is the chart "${p.title}", whose figures are not available: ${p.reason}`,
  no_single_value: (p) =>
    `function "${p.fn}" has no single value to trace — choose one of ${p.functions.join(", ")}`,
  function_required: () => `function: name the function to trace, e.g. "STAFF" (or give a whole formula)`,
  bad_formula: (p, w) => `function: ${w.render(p.problem)}`,
  formula_shape: (p) => `not a formula of the form =IOM.NAME(arguments): ${p.input}`,
  unknown_function: (p) =>
    `unknown function IOM.${p.name} — ${
      p.suggestions.length > 0
        ? `did you mean ${p.suggestions.map((s) => `IOM.${s}`).join(" or ")}?`
        : `the functions are ${p.known.join(", ")}`
    }`,
  formula_unterminated: (p) => `unterminated text in ${p.input}`,
  formula_literal: (p) =>
    `argument ${p.position} of ${p.input}: "${p.raw}" is not a literal (use "text", a number, TRUE/FALSE or leave it empty)`,
  formula_separator: (p) => `expected ${p.separator} or ) after argument ${p.position} in ${p.input}`,
  undetermined: (p, w) =>
    `${p.table}, ${p.row} / ${p.column}: undetermined — ${p.reason}.${
      p.range
        ? ` The report's totals allow any value between ${w.num(p.range.min)} and ${w.num(p.range.max)}.`
        : ""
    }${
      p.combined
        ? ` The certain combined figure of ${p.combined.parts.join(" + ")} is ${p.combined.value} (line ${p.combined.line}).`
        : ""
    }`,
  narrative_no_breakdown: (p, w) =>
    `place "${p.input}": ${w.render(p.why)}; it has no breakdown by programme or departure region`,
  not_destination: (p, w) =>
    p.table
      ? `place "${p.input}": ${p.country} is not among the destination countries ${w.t(p.table)} lists; its movements are counted in the "Other countries in …" columns (see IOM.LIST("place"))`
      : `place "${p.input}": ${p.country} is not a destination of this edition's tables (see IOM.LIST("place"))`,
  no_programme_breakdown: (p, w) =>
    `the report does not break down movements to ${p.place} by programme: ${w.t(p.byRegion)} (regions/areas) has no programmes${p.byService ? `, and ${w.t(p.byService)} breaks programmes down by destination country only` : ""}`,
  from_not_t1: (p, w) =>
    `from "${p.from}" is not a region/area of departure in ${w.t(p.table)}, which gives movements to ${p.place}`,
  from_not_t2: (p, w) =>
    `from "${p.from}" is not a region of departure in ${w.t(p.table)}, which breaks movements down by programme and destination country`,
  t2_no_row: (p, w) =>
    `${w.t(p.table)} has no row for departures from ${p.from}${p.programme ? ` under ${p.programme}` : ""}`,
  t3_no_destination: (p, w) =>
    `${w.t(p.table)} gives movements by budgetary region (${p.from}) and service only, not by destination`,
  t3_no_programme: (p, w) =>
    `${w.t(p.table)} prints no ${p.programme} movements for the ${p.from} budgetary region`,
  expenditure_years: (p) =>
    `the report gives expenditure for ${p.item} for ${p.years.join(" and ")} only, not ${p.year}`,
  nationality_none: (p, w) =>
    `nationality "${p.input}": ${w.ts(p.tables)} list no staff member of ${p.country}'s nationality`,
  employees_split_hq: (p, w) =>
    `the report splits employees into General Service and National Officers only in the field (${w.t(p.table)}); Headquarters employees are counted together`,
  officials_nationality_gender: (p, w) =>
    `the report does not break down officials by both nationality and gender (${w.t(p.byNationality)} has no gender, ${w.t(p.byGrade)} no nationality)`,
  officials_nationality_location: (p, w) =>
    `the report does not break down officials by both nationality and location (${w.t(p.byNationality)} has no location, ${w.t(p.byGrade)} no nationality)`,
  t6_no_official: (p, w) => `${w.t(p.table)} lists no official of ${p.nationality}'s nationality`,
  t7_no_employee: (p, w) => `${w.t(p.table)} lists no employee of ${p.nationality}'s nationality`,
  not_a_country: (p, w) =>
    `"${p.input}" is not a country of the report: ${w.fn("COUNTRY")} takes ${p.destinations ? `a destination country (${w.t(p.destinations)}) or ` : ""}a nationality (${w.ts(p.nationalities)})`,
  unsupported_value: (p) =>
    `expected a name or a number, got a ${p.type} data type without a text or a value to use`,
  all_staff_nationality: (p, w) =>
    `the report does not break down all staff by nationality and ${p.by}: officials by nationality (${w.t(p.table)}) have neither`,
};

const fr: Catalog = {
  edition_lacks: (p) =>
    `l'édition ${p.edition} du rapport n'a pas de tableau des ${ROLE_WORDS[p.role]?.fr ?? p.role}`,
  edition_text: (p) => p.text.fr,
  not_found: (p, w) =>
    `${w.arg(p.argument)} "${p.input}" introuvable — ${
      p.suggestions.length > 0
        ? `vouliez-vous dire ${w.or(p.argument, p.suggestions)} ?`
        : `noms valides : voir ${w.fn("LIST")}("${w.arg(p.argument)}")`
    }`,
  ambiguous: (p, w) =>
    `${w.arg(p.argument)} "${p.input}" est ambigu : ce peut être ${w.or(p.argument, p.names)}`,
  expected_name: (p, w) =>
    `${w.arg(p.argument)} : un nom est attendu, par exemple "${w.v(p.argument, p.example)}", et non ${
      typeof p.got === "number" ? "le nombre" : "la valeur logique"
    } ${w.got(p.got)}`,
  too_long: (p, w) => `${w.arg(p.argument)} "${p.head}…" introuvable : aucun nom du rapport n'est aussi long`,
  year_range: (p, w) =>
    `${w.arg(p.argument)} : le rapport couvre les années ${p.first} à ${p.last} ; reçu ${w.got(p.got)}`,
  expected_flag: (p, w) => `${w.arg(p.argument)} : VRAI ou FAUX attendu ; reçu ${w.got(p.got)}`,
  key_required: (p, w) =>
    `${w.arg("key")} : une clé de chiffre est requise (voir ${w.fn("FACTS")}("") pour les ${w.num(p.count)} chiffres)`,
  no_fact_match: (p, w) =>
    `${w.arg("search")} "${p.search}" : aucun chiffre ne contient tous ces mots ; essayez avec moins de mots, ou ${w.fn("FACTS")}("") pour tous`,
  chart_unavailable: (p, w) =>
    `${w.arg("table")} "${p.input}" est le graphique "${p.title}", dont les chiffres ne sont pas disponibles : ${p.reason}`,
  table_required: (_, w) =>
    `${w.arg("table")} : un tableau est requis, par exemple "Tableau 5" (voir ${w.fn("LIST")}("${w.arg("table")}"))`,
  no_single_value: (p, w) =>
    `la fonction "${p.fn}" ne donne pas une valeur unique dont on puisse citer la source — choisissez parmi ${p.functions.map(w.fn).join(", ")}`,
  function_required: (_, w) =>
    `${w.arg("function")} : indiquez la fonction dont citer la source, par exemple "${w.fn("STAFF").slice(4)}" (ou une formule entière)`,
  bad_formula: (p, w) => `${w.arg("function")} : ${w.render(p.problem)}`,
  formula_shape: (p) => `ce n'est pas une formule de la forme =IOM.NOM(arguments) : ${p.input}`,
  unknown_function: (p, w) =>
    `fonction inconnue IOM.${p.name} — ${
      p.suggestions.length > 0
        ? `vouliez-vous dire ${p.suggestions.map((s) => `IOM.${s}`).join(" ou ")}\u00a0?`
        : `les fonctions sont ${p.known.map(w.fn).join(", ")}`
    }`,
  formula_unterminated: (p) => `texte non terminé dans ${p.input}`,
  formula_literal: (p) =>
    `argument ${p.position} de ${p.input} : "${p.raw}" n'est pas une valeur littérale (utilisez "du texte", un nombre, VRAI/FAUX ou laissez-le vide)`,
  formula_separator: (p) => `${p.separator} ou ) attendu après l'argument ${p.position} dans ${p.input}`,
  undetermined: (p, w) =>
    `${w.v("table", p.table)}, ${p.row} / ${p.column} : valeur indéterminée — ${p.reason}.${
      p.range
        ? ` Les totaux du rapport admettent toute valeur entre ${w.num(p.range.min)} et ${w.num(p.range.max)}.`
        : ""
    }${
      p.combined
        ? ` Le chiffre combiné certain de ${p.combined.parts.join(" + ")} est ${w.num(p.combined.value)} (ligne ${p.combined.line}).`
        : ""
    }`,
  narrative_no_breakdown: (p, w) =>
    `${w.arg("place")} "${p.input}" : ${w.render(p.why)} ; ce chiffre n'est ventilé ni par programme ni par région de départ`,
  not_destination: (p, w) =>
    p.table
      ? `${w.arg("place")} "${p.input}" : ${w.v("country", p.country)} ne fait pas partie des pays de destination du ${w.t(p.table)} ; ses mouvements sont comptés dans les colonnes "Autres pays …" (voir ${w.fn("LIST")}("${w.arg("place")}"))`
      : `${w.arg("place")} "${p.input}" : ${w.v("country", p.country)} n'est pas une destination des tableaux de cette édition (voir ${w.fn("LIST")}("${w.arg("place")}"))`,
  no_programme_breakdown: (p, w) =>
    `le rapport ne ventile pas les mouvements vers "${p.place}" par programme : le ${w.t(p.byRegion)} (régions/zones) n'a pas de programmes${p.byService ? `, et le ${w.t(p.byService)} ne ventile les programmes que par pays de destination` : ""}`,
  from_not_t1: (p, w) =>
    `${w.arg("from")} "${w.v("from", p.from)}" n'est pas une région/zone de départ du ${w.t(p.table)}, qui donne les mouvements vers "${p.place}"`,
  from_not_t2: (p, w) =>
    `${w.arg("from")} "${w.v("from", p.from)}" n'est pas une région de départ du ${w.t(p.table)}, qui ventile les mouvements par programme et pays de destination`,
  t2_no_row: (p, w) =>
    `le ${w.t(p.table)} n'a pas de ligne pour la région de départ "${w.v("from", p.from)}"${p.programme ? ` et le programme "${w.v("programme", p.programme)}"` : ""}`,
  t3_no_destination: (p, w) =>
    `le ${w.t(p.table)} donne les mouvements par région budgétaire (${w.v("from", p.from)}) et par service seulement, pas par destination`,
  t3_no_programme: (p, w) =>
    `le ${w.t(p.table)} n'indique aucun mouvement pour le programme "${w.v("programme", p.programme)}" dans la région budgétaire "${w.v("from", p.from)}"`,
  expenditure_years: (p, w) =>
    `le rapport ne donne les dépenses du poste "${w.v("item", p.item)}" que pour ${p.years.join(" et ")}, pas pour ${p.year}`,
  nationality_none: (p, w) =>
    `${w.arg("nationality")} "${p.input}" : ${p.tables.length > 1 ? "les" : "le"} ${w.ts(p.tables)} ne comptent aucun membre du personnel de cette nationalité (${w.v("country", p.country)})`,
  employees_split_hq: (p, w) =>
    `le rapport ne distingue Services généraux et Administrateurs nationaux que sur le terrain (${w.t(p.table)}) ; les employés du Siège sont comptés ensemble`,
  officials_nationality_gender: (p, w) =>
    `le rapport ne ventile pas les fonctionnaires à la fois par nationalité et par sexe (le ${w.t(p.byNationality)} n'a pas de sexe, le ${w.t(p.byGrade)} pas de nationalité)`,
  officials_nationality_location: (p, w) =>
    `le rapport ne ventile pas les fonctionnaires à la fois par nationalité et par lieu d'affectation (le ${w.t(p.byNationality)} n'a pas de lieu d'affectation, le ${w.t(p.byGrade)} pas de nationalité)`,
  t6_no_official: (p, w) =>
    `le ${w.t(p.table)} ne compte aucun fonctionnaire de cette nationalité (${w.v("nationality", p.nationality)})`,
  t7_no_employee: (p, w) =>
    `le ${w.t(p.table)} ne compte aucun employé de cette nationalité (${w.v("nationality", p.nationality)})`,
  not_a_country: (p, w) =>
    `"${p.input}" n'est pas un pays du rapport : ${w.fn("COUNTRY")} prend ${p.destinations ? `un pays de destination (${w.t(p.destinations)}) ou ` : ""}une nationalité (${w.ts(p.nationalities)})`,
  unsupported_value: (p) =>
    `un nom ou un nombre est attendu, et non un type de données ${p.type} sans texte ni valeur utilisable`,
  all_staff_nationality: (p, w) =>
    `le rapport ne ventile pas l'ensemble du personnel par nationalité et par ${p.by === "gender" ? "sexe" : "lieu d'affectation"} : les fonctionnaires par nationalité (${w.t(p.table)}) n'ont ni l'un ni l'autre`,
};

const es: Catalog = {
  edition_lacks: (p) =>
    `la edición ${p.edition} del informe no tiene cuadro de ${ROLE_WORDS[p.role]?.es ?? p.role}`,
  edition_text: (p) => p.text.es,
  not_found: (p, w) =>
    `${w.arg(p.argument)} "${p.input}" no encontrado — ${
      p.suggestions.length > 0
        ? `¿quiso decir ${w.or(p.argument, p.suggestions)}?`
        : `nombres válidos: vea ${w.fn("LIST")}("${w.arg(p.argument)}")`
    }`,
  ambiguous: (p, w) => `${w.arg(p.argument)} "${p.input}" es ambiguo: puede ser ${w.or(p.argument, p.names)}`,
  expected_name: (p, w) =>
    `${w.arg(p.argument)}: se esperaba un nombre, por ejemplo "${w.v(p.argument, p.example)}", no ${
      typeof p.got === "number" ? "el número" : "el valor lógico"
    } ${w.got(p.got)}`,
  too_long: (p, w) =>
    `${w.arg(p.argument)} "${p.head}…" no encontrado: ningún nombre del informe es tan largo`,
  year_range: (p, w) =>
    `${w.arg(p.argument)}: el informe abarca de ${p.first} a ${p.last}; se recibió ${w.got(p.got)}`,
  expected_flag: (p, w) => `${w.arg(p.argument)}: se esperaba VERDADERO o FALSO; se recibió ${w.got(p.got)}`,
  key_required: (p, w) =>
    `${w.arg("key")}: se requiere la clave de una cifra (vea ${w.fn("FACTS")}("") para las ${w.num(p.count)} cifras)`,
  no_fact_match: (p, w) =>
    `${w.arg("search")} "${p.search}": ninguna cifra contiene todas estas palabras; pruebe con menos palabras, o ${w.fn("FACTS")}("") para todas`,
  chart_unavailable: (p, w) =>
    `${w.arg("table")} "${p.input}" es el gráfico "${p.title}", cuyas cifras no están disponibles: ${p.reason}`,
  table_required: (_, w) =>
    `${w.arg("table")}: se requiere un cuadro, por ejemplo "Cuadro 5" (vea ${w.fn("LIST")}("${w.arg("table")}"))`,
  no_single_value: (p, w) =>
    `la función "${p.fn}" no da un valor único cuya fuente pueda citarse — elija una de ${p.functions.map(w.fn).join(", ")}`,
  function_required: (_, w) =>
    `${w.arg("function")}: indique la función cuya fuente desea, por ejemplo "${w.fn("STAFF").slice(4)}" (o una fórmula completa)`,
  bad_formula: (p, w) => `${w.arg("function")}: ${w.render(p.problem)}`,
  formula_shape: (p) => `no es una fórmula de la forma =IOM.NOMBRE(argumentos): ${p.input}`,
  unknown_function: (p, w) =>
    `función desconocida IOM.${p.name} — ${
      p.suggestions.length > 0
        ? `¿quiso decir ${p.suggestions.map((s) => `IOM.${s}`).join(" o ")}?`
        : `las funciones son ${p.known.map(w.fn).join(", ")}`
    }`,
  formula_unterminated: (p) => `texto sin terminar en ${p.input}`,
  formula_literal: (p) =>
    `argumento ${p.position} de ${p.input}: "${p.raw}" no es un valor literal (use "texto", un número, VERDADERO/FALSO o déjelo vacío)`,
  formula_separator: (p) =>
    `se esperaba ${p.separator} o ) después del argumento ${p.position} en ${p.input}`,
  undetermined: (p, w) =>
    `${w.v("table", p.table)}, ${p.row} / ${p.column}: valor indeterminado — ${p.reason}.${
      p.range
        ? ` Los totales del informe admiten cualquier valor entre ${w.num(p.range.min)} y ${w.num(p.range.max)}.`
        : ""
    }${
      p.combined
        ? ` La cifra combinada cierta de ${p.combined.parts.join(" + ")} es ${w.num(p.combined.value)} (línea ${p.combined.line}).`
        : ""
    }`,
  narrative_no_breakdown: (p, w) =>
    `${w.arg("place")} "${p.input}": ${w.render(p.why)}; esta cifra no se desglosa por programa ni por región de partida`,
  not_destination: (p, w) =>
    p.table
      ? `${w.arg("place")} "${p.input}": ${w.v("country", p.country)} no figura entre los países de destino del ${w.t(p.table)}; sus movimientos se cuentan en las columnas "Otros países …" (vea ${w.fn("LIST")}("${w.arg("place")}"))`
      : `${w.arg("place")} "${p.input}": ${w.v("country", p.country)} no es un destino de los cuadros de esta edición (vea ${w.fn("LIST")}("${w.arg("place")}"))`,
  no_programme_breakdown: (p, w) =>
    `el informe no desglosa por programa los movimientos hacia "${p.place}": el ${w.t(p.byRegion)} (regiones/zonas) no tiene programas${p.byService ? `, y el ${w.t(p.byService)} desglosa los programas solo por país de destino` : ""}`,
  from_not_t1: (p, w) =>
    `${w.arg("from")} "${w.v("from", p.from)}" no es una región/zona de partida del ${w.t(p.table)}, que da los movimientos hacia "${p.place}"`,
  from_not_t2: (p, w) =>
    `${w.arg("from")} "${w.v("from", p.from)}" no es una región de partida del ${w.t(p.table)}, que desglosa los movimientos por programa y país de destino`,
  t2_no_row: (p, w) =>
    `el ${w.t(p.table)} no tiene ninguna fila para la región de partida "${w.v("from", p.from)}"${p.programme ? ` y el programa "${w.v("programme", p.programme)}"` : ""}`,
  t3_no_destination: (p, w) =>
    `el ${w.t(p.table)} da los movimientos por región presupuestaria (${w.v("from", p.from)}) y servicio solamente, no por destino`,
  t3_no_programme: (p, w) =>
    `el ${w.t(p.table)} no indica movimientos del programa "${w.v("programme", p.programme)}" en la región presupuestaria "${w.v("from", p.from)}"`,
  expenditure_years: (p, w) =>
    `el informe da los gastos de la partida "${w.v("item", p.item)}" solo para ${p.years.join(" y ")}, no para ${p.year}`,
  nationality_none: (p, w) =>
    `${w.arg("nationality")} "${p.input}": ${p.tables.length > 1 ? "los" : "el"} ${w.ts(p.tables)} no cuentan ningún miembro del personal de esa nacionalidad (${w.v("country", p.country)})`,
  employees_split_hq: (p, w) =>
    `el informe distingue Servicios Generales y Oficiales nacionales solo en el terreno (${w.t(p.table)}); los empleados de la Sede se cuentan juntos`,
  officials_nationality_gender: (p, w) =>
    `el informe no desglosa a los funcionarios a la vez por nacionalidad y por sexo (el ${w.t(p.byNationality)} no tiene sexo, el ${w.t(p.byGrade)} no tiene nacionalidad)`,
  officials_nationality_location: (p, w) =>
    `el informe no desglosa a los funcionarios a la vez por nacionalidad y por lugar de destino (el ${w.t(p.byNationality)} no tiene lugar de destino, el ${w.t(p.byGrade)} no tiene nacionalidad)`,
  t6_no_official: (p, w) =>
    `el ${w.t(p.table)} no cuenta ningún funcionario de esa nacionalidad (${w.v("nationality", p.nationality)})`,
  t7_no_employee: (p, w) =>
    `el ${w.t(p.table)} no cuenta ningún empleado de esa nacionalidad (${w.v("nationality", p.nationality)})`,
  not_a_country: (p, w) =>
    `"${p.input}" no es un país del informe: ${w.fn("COUNTRY")} toma ${p.destinations ? `un país de destino (${w.t(p.destinations)}) o ` : ""}una nacionalidad (${w.ts(p.nationalities)})`,
  unsupported_value: (p) =>
    `se esperaba un nombre o un número, no un tipo de datos ${p.type} sin texto ni valor utilizable`,
  all_staff_nationality: (p, w) =>
    `el informe no desglosa a todo el personal por nacionalidad y por ${p.by === "gender" ? "sexo" : "lugar de destino"}: los funcionarios por nacionalidad (${w.t(p.table)}) no tienen ni lo uno ni lo otro`,
};

const CATALOGS: Record<Lang, Catalog> = { en, fr, es };

const OR: Record<Lang, string> = { en: "or", fr: "ou", es: "o" };
const BOOLEANS: Record<Lang, [string, string]> = {
  en: ["TRUE", "FALSE"],
  fr: ["VRAI", "FAUX"],
  es: ["VERDADERO", "FALSO"],
};

function words(lang: Lang): Words {
  const w: Words = {
    arg: (a) => argumentName(a, lang),
    v: (a, e) => localName(a, e, lang),
    fn: (id) => `IOM.${functionName(id, lang)}`,
    or: (a, names) => {
      const quoted = names.map((x) => q(localName(a, x, lang)));
      // English keeps its "a or b or c"; French and Spanish write "a, b ou c" / "a, b o c".
      if (lang === "en" || quoted.length < 3) return quoted.join(` ${OR[lang]} `);
      return `${quoted.slice(0, -1).join(", ")} ${OR[lang]} ${quoted[quoted.length - 1]}`;
    },
    num: (x) => formatNumber(x, lang),
    t: (n) => {
      const local = localName("table", n, lang);
      return lang === "en" ? local : local.charAt(0).toLowerCase() + local.slice(1);
    },
    ts: (ns) => {
      const and = { en: "and", fr: "et", es: "y" }[lang];
      const local = ns.map((n) => w.t(n));
      return local.length < 2
        ? (local[0] ?? "")
        : `${local.slice(0, -1).join(", ")} ${and} ${local[local.length - 1]}`;
    },
    render: (m) => render(m, lang),
    got: (v) =>
      typeof v === "string"
        ? q(v)
        : typeof v === "boolean" && lang !== "en"
          ? (BOOLEANS[lang][v ? 0 : 1] ?? String(v))
          : String(v),
  };
  return w;
}

/** French puts a (non-breaking) space before : ; ? and !; the templates write a plain one. */
const frenchSpacing = (s: string): string => s.replace(/ ([:;?!])/g, "\u00a0$1");

/** A message in words, in `lang`. */
export function render(m: Message, lang: Lang): string {
  // The mapped Message type pairs each code with its parameters; TypeScript cannot follow the pair.
  const template = CATALOGS[lang][m.code] as (p: Message["params"], w: Words) => string;
  const text = template(m.params, words(lang));
  return lang === "fr" ? frenchSpacing(text) : text;
}
