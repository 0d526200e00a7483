/**
 * Errors in the user's language: every message of the core exists in English,
 * French and Spanish; an IomError keeps its English `message` and renders in any language, with
 * argument names and suggestions in that language; the custom functions follow Office's display
 * language (English when there is none); IOM.LIST and IOM.SOURCE too.
 */
import { iom } from "../../src/core";
import { IomError } from "../../src/core/errors";
import { parseFormula } from "../../src/core/formula";
import { toExcelError } from "../../src/functions/excel-error";
import * as fns from "../../src/functions/functions";
import { hostLanguage, setHostLanguage } from "../../src/i18n/host";
import { msg, render, type Message, type MessageCode } from "../../src/i18n/messages";
import { iomErrorFrom as err } from "../support/iom-error";

const core = iom();

/** One message of every code (typed: a new code without a sample here is a compile error). */
const SAMPLES: { [C in MessageCode]: Message & { code: C } } = {
  not_found: msg("not_found", { argument: "place", input: "Lybia", suggestions: ["Libya", "Liberia"] }),
  ambiguous: msg("ambiguous", {
    argument: "from",
    input: "Af",
    names: ["Africa", "Africa (budgetary region)"],
  }),
  expected_name: msg("expected_name", { argument: "gender", example: "F", got: 42 }),
  too_long: msg("too_long", { argument: "place", head: "x".repeat(40) }),
  year_range: msg("year_range", { argument: "year", first: 2007, last: 2011, got: 2005 }),
  expected_flag: msg("expected_flag", { argument: "headers", got: "maybe" }),
  key_required: msg("key_required", { count: 310 }),
  no_fact_match: msg("no_fact_match", { search: "unicorns" }),
  table_required: msg("table_required", {}),
  chart_unavailable: msg("chart_unavailable", {
    input: "Figure 9",
    title: "Percentage distribution",
    reason: "Figure 9 is a chart.",
  }),
  no_single_value: msg("no_single_value", { fn: "TABLE", functions: ["MOVEMENTS", "STAFF"] }),
  function_required: msg("function_required", {}),
  bad_formula: msg("bad_formula", { problem: msg("formula_unterminated", { input: '=IOM.STAFF("P-4' }) }),
  formula_shape: msg("formula_shape", { input: "STAFF" }),
  unknown_function: msg("unknown_function", {
    name: "STAF",
    suggestions: ["STAFF"],
    known: ["STAFF", "LIST"],
  }),
  formula_unterminated: msg("formula_unterminated", { input: '=IOM.STAFF("P-4' }),
  formula_literal: msg("formula_literal", { position: 1, raw: "A1", input: "=IOM.STAFF(A1)" }),
  formula_separator: msg("formula_separator", {
    position: 1,
    input: '=IOM.STAFF("P-4" "F")',
    separator: ",",
  }),
  undetermined: msg("undetermined", {
    table: "Table 1",
    row: "Africa",
    column: "Kenya",
    reason: "the conversion lost this cell",
    combined: { parts: ["A", "B"], value: 1234, line: 56 },
  }),
  narrative_no_breakdown: msg("narrative_no_breakdown", {
    input: "Libya",
    why: msg("edition_text", {
      text: { en: "a narrative figure", fr: "un chiffre du texte", es: "una cifra del texto" },
    }),
  }),
  edition_lacks: msg("edition_lacks", { edition: "2099", role: "officialsByGrade" }),
  edition_text: msg("edition_text", {
    text: { en: "a narrative figure", fr: "un chiffre du texte", es: "una cifra del texto" },
  }),
  not_destination: msg("not_destination", { input: "France", country: "France", table: "Table 2" }),
  no_programme_breakdown: msg("no_programme_breakdown", {
    place: "Europe",
    byRegion: "Table 1",
    byService: "Table 2",
  }),
  from_not_t1: msg("from_not_t1", { from: "Africa (budgetary region)", place: "Europe", table: "Table 1" }),
  from_not_t2: msg("from_not_t2", { from: "Americas", table: "Table 2" }),
  t2_no_row: msg("t2_no_row", { from: "Caribbean", programme: "Labour Migration", table: "Table 2" }),
  t3_no_destination: msg("t3_no_destination", { from: "Africa (budgetary region)", table: "Table 3" }),
  t3_no_programme: msg("t3_no_programme", {
    from: "Europe (budgetary region)",
    programme: "Counter-trafficking",
    table: "Table 3",
  }),
  expenditure_years: msg("expenditure_years", { item: "Europe", years: [2010, 2011], year: 2009 }),
  nationality_none: msg("nationality_none", {
    input: "Andorre",
    country: "Andorra",
    tables: ["Table 6", "Table 7"],
  }),
  employees_split_hq: msg("employees_split_hq", { table: "Table 7" }),
  officials_nationality_gender: msg("officials_nationality_gender", {
    byNationality: "Table 6",
    byGrade: "Table 5",
  }),
  officials_nationality_location: msg("officials_nationality_location", {
    byNationality: "Table 6",
    byGrade: "Table 5",
  }),
  t6_no_official: msg("t6_no_official", { nationality: "Germany", table: "Table 6" }),
  t7_no_employee: msg("t7_no_employee", { nationality: "Germany", table: "Table 7" }),
  all_staff_nationality: msg("all_staff_nationality", { by: "gender", table: "Table 6" }),
  not_a_country: msg("not_a_country", {
    input: "East Africa",
    destinations: "Table 2",
    nationalities: ["Table 6", "Table 7"],
  }),
  unsupported_value: msg("unsupported_value", { type: "WebImage" }),
};

describe("the message catalogs", () => {
  it.each(Object.entries(SAMPLES))("%s is worded in French and Spanish, not left in English", (_code, m) => {
    const en = render(m, "en");
    const fr = render(m, "fr");
    const es = render(m, "es");
    expect(en.length).toBeGreaterThan(10);
    expect(fr).not.toBe(en);
    expect(es).not.toBe(en);
    expect(fr).not.toBe(es);
    // No template placeholder or undefined parameter leaks into a message.
    for (const text of [en, fr, es]) expect(text).not.toMatch(/undefined|\$\{|\[object/);
  });

  it("writes French with a non-breaking space before : ; ? and !", () => {
    const fr = render(SAMPLES.not_found, "fr");
    expect(fr).toBe('destination "Lybia" introuvable — vouliez-vous dire "Libye" ou "Libéria"\u00a0?');
    expect(render(SAMPLES.year_range, "fr")).toMatch(/^année\u00a0: le rapport couvre/);
  });

  it("names arguments, suggestions, values and functions in the reader's language", () => {
    expect(render(SAMPLES.not_found, "es")).toBe(
      'destino "Lybia" no encontrado — ¿quiso decir "Libia" o "Liberia"?',
    );
    expect(render(SAMPLES.ambiguous, "fr")).toContain('"Afrique" ou "Afrique (région budgétaire)"');
    expect(render(SAMPLES.expected_name, "es")).toContain('"Mujeres"');
    expect(render(SAMPLES.expected_flag, "es")).toContain("VERDADERO o FALSO");
    expect(render(msg("not_found", { argument: "gender", input: "X", suggestions: [] }), "fr")).toContain(
      'IOM.LISTE("sexe")',
    );
    expect(render(SAMPLES.t2_no_row, "es")).toContain('"Caribe" y el programa "Migración laboral"');
    expect(render(SAMPLES.expenditure_years, "fr")).toBe(
      'le rapport ne donne les dépenses du poste "Europe" que pour 2010 et 2011, pas pour 2009',
    );
    expect(render(SAMPLES.undetermined, "fr")).toMatch(
      /^Tableau 1, Africa \/ Kenya\u00a0: valeur indéterminée/,
    );
    expect(render(SAMPLES.undetermined, "es")).toContain("es 1234 (línea 56)");
  });
});

describe("IomError", () => {
  it("keeps its English message (callers match on it) and renders in any language", () => {
    const e = err(() => core.staff("P-4", "Femal"));
    expect(e.message).toBe('gender "Femal" not found — did you mean "F"?');
    expect(e.text("en")).toBe(e.message);
    expect(e.text("fr")).toBe('sexe "Femal" introuvable — vouliez-vous dire "Femmes"\u00a0?');
    expect(e.text("es")).toBe('sexo "Femal" no encontrado — ¿quiso decir "Mujeres"?');
    expect(e.suggestions).toEqual(["F"]);
  });

  it("suggests the closest names to a French or Spanish typo, in that language", () => {
    expect(err(() => core.movements("Lybie")).text("fr")).toMatch(/vouliez-vous dire "Libye"/);
    expect(err(() => core.staff("Empleadso")).text("es")).toMatch(/¿quiso decir "Empleados"/);
    expect(err(() => core.expenditure("Eurpa")).text("es")).toMatch(/"Europa"/);
  });

  it("says why there is no figure, in French and Spanish", () => {
    const e = err(() => core.staff("P-4", "Femmes", null, "France"));
    expect(e.kind).toBe("no_figure");
    expect(e.text("fr")).toMatch(/ne ventile pas les fonctionnaires à la fois par nationalité et par sexe/);
    expect(e.text("es")).toMatch(/no desglosa a los funcionarios a la vez por nacionalidad y por sexo/);
  });

  it("keeps a message given as plain text the same in every language", () => {
    const e = new IomError("no_figure", "fixed text");
    expect([e.text("fr"), e.text("es"), e.message]).toEqual(["fixed text", "fixed text", "fixed text"]);
  });

  it("reports formula errors in the reader's language too", () => {
    const parsed = parseFormula('=IOM.STAFF("P-4)');
    expect("error" in parsed && parsed.error).toMatch(/^unterminated text/);
    expect("problem" in parsed && render(parsed.problem, "es")).toMatch(/^texto sin terminar/);
    const e = err(() => core.source('=IOM.PERSONNEL("P-4";)x'));
    expect(e.text("fr")).toMatch(/^fonction\u00a0: /);
  });
});

/** Office's runtime as the functions see it: office.js sets Office.context.displayLanguage. */
function inOffice<T>(displayLanguage: string | undefined, f: () => T): T {
  const g = globalThis as { Office?: unknown };
  g.Office = { context: { displayLanguage } };
  try {
    return f();
  } finally {
    delete g.Office;
  }
}

describe("the custom functions follow Office's display language", () => {
  const errorOf = (f: () => unknown): { code: string; message?: string } => {
    try {
      f();
    } catch (e) {
      return e as { code: string; message?: string };
    }
    throw new Error("expected an error");
  };

  it("in French Excel: French messages, names and sources", () => {
    inOffice("fr-FR", () => {
      expect(hostLanguage()).toBe("fr");
      expect(errorOf(() => fns.movements("Lybie", null, null))).toMatchObject({
        code: "#N/A",
        message: 'destination "Lybie" introuvable — vouliez-vous dire "Libye"\u00a0?',
      });
      expect(errorOf(() => fns.expenditure("Total", 2005))).toMatchObject({
        code: "#VALUE!",
        message: "année\u00a0: le rapport couvre les années 2007 à 2011\u00a0; reçu 2005",
      });
      expect(fns.list("sexe")).toEqual([["Femmes"], ["Hommes"]]);
      expect(fns.source("PERSONNEL", "P-4", "Femmes", null, null)).toMatch(
        /^Tableau 5 — .*; ligne P-4, colonne /,
      );
      expect(fns.source("MOUVEMENTS", "Libye", null, null, null)).toMatch(
        /qualificatif\u00a0: le rapport dit "more than" 218\u202f000; remarque\u00a0: la Libye n'est pas une destination/,
      );
    });
  });

  it("in Spanish Excel: Spanish messages and names", () => {
    inOffice("es-MX", () => {
      expect(errorOf(() => fns.staff("P-4", "Mujeres", null, "Francia")).message).toMatch(
        /^el informe no desglosa/,
      );
      expect(fns.list("lugar_de_destino")).toEqual([["Sede"], ["Terreno"]]);
      expect(fns.source('=IOM.PERSONAL("P-4";"F")', null, null, null, null)).toMatch(
        /^Cuadro 5 — .*; fila P-4/,
      );
    });
  });

  it("in any other language, or outside Office, English — exactly as before", () => {
    for (const lang of ["de-DE", undefined]) {
      inOffice(lang, () => {
        expect(errorOf(() => fns.movements("Lybia", null, null)).message).toBe(
          'place "Lybia" not found — did you mean "Libya" or "Liberia"?',
        );
        expect(fns.list("gender")).toEqual([["F"], ["M"]]);
      });
    }
    expect(hostLanguage()).toBe("en");
    expect(toExcelError(new IomError("bad_argument", msg("table_required", {}))).message).toMatch(/^table: /);
  });

  it("an explicit language (the CLI's --lang) wins over Office's", () => {
    setHostLanguage("es");
    try {
      inOffice("fr-FR", () => expect(hostLanguage()).toBe("es"));
    } finally {
      setHostLanguage(undefined);
    }
    expect(hostLanguage()).toBe("en");
  });
});
