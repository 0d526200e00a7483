/**
 * The acceptance formulas written by a French and a Spanish user — localized function names,
 * localized arguments, ";" between arguments as French and Spanish Excel write them — give exactly
 * the values the English formulas are required to give (written down, not computed).
 */
import { evaluate } from "../../src/cli/commands/eval";
import { run } from "../../src/cli/program";
import { bufferIo } from "../../src/cli/io";
import * as fns from "../../src/functions/functions";

/** [English formula, French formula, Spanish formula, the required value]. */
const ACCEPTANCE: [string, string, string, number][] = [
  ['=IOM.STAFF("P-4","F")', '=IOM.PERSONNEL("P-4";"Femmes")', '=IOM.PERSONAL("P-4";"Mujeres")', 55],
  [
    '=IOM.STAFF("P-4","F","Field")',
    '=IOM.PERSONNEL("P-4";"Femme";"Terrain")',
    '=IOM.PERSONAL("P-4";"Mujer";"Terreno")',
    41,
  ],
  [
    '=IOM.STAFF("Employees","F","Field")',
    '=IOM.PERSONNEL("Employés";"F";"Bureaux extérieurs")',
    '=IOM.PERSONAL("Empleados";"F";"Oficinas exteriores")',
    3418,
  ],
  ['=IOM.STAFF("All")', '=IOM.PERSONNEL("Tous")', '=IOM.PERSONAL("Todos")', 8503],
  ['=IOM.MOVEMENTS("Kenya")', '=IOM.MOUVEMENTS("Kenya")', '=IOM.MOVIMIENTOS("Kenia")', 46200],
  [
    '=IOM.MOVEMENTS("United States of America","Resettlement Assistance")',
    '=IOM.MOUVEMENTS("États-Unis d\'Amérique";"Aide à la réinstallation")',
    '=IOM.MOVIMIENTOS("Estados Unidos de América";"Asistencia para el reasentamiento")',
    52094,
  ],
  [
    '=IOM.MOVEMENTS("USA","Resettlement Assistance")',
    '=IOM.MOUVEMENTS("USA";"Réinstallation")',
    '=IOM.MOVIMIENTOS("Estados Unidos";"Reasentamiento")',
    52094,
  ],
  ["=IOM.MOVEMENTS()", "=IOM.MOUVEMENTS()", "=IOM.MOVIMIENTOS()", 444673],
  ['=IOM.MOVEMENTS("Libya")', '=IOM.MOUVEMENTS("Libye")', '=IOM.MOVIMIENTOS("Libia")', 218000],
  [
    '=IOM.MIGRANTS("18-29","M")',
    '=IOM.MIGRANTS("18-29";"Hommes")',
    '=IOM.MIGRANTES("18-29";"Hombres")',
    104641,
  ],
  ['=IOM.EXPENDITURE("Europe",2010)', '=IOM.DEPENSES("Europe";2010)', '=IOM.GASTOS("Europa";2010)', 162.1],
  ['=IOM.EXPENDITURE("Total",2007)', '=IOM.DÉPENSES("Total";2007)', '=IOM.GASTOS("Total";2007)', 784],
  [
    '=IOM.PROJECTS("Europe","Regulating Migration")',
    '=IOM.PROJETS("Europe";"Régulation des migrations")',
    '=IOM.PROYECTOS("Europa";"Regulación de la migración")',
    528,
  ],
];

const FRENCH = ACCEPTANCE.map(([, fr, , value]) => [fr, value] as const);
const SPANISH = ACCEPTANCE.map(([, , es, value]) => [es, value] as const);

describe.each([
  ["French", FRENCH],
  ["Spanish", SPANISH],
])("%s acceptance formulas", (_language, cases) => {
  it.each(cases)("%s → %d through iom eval's evaluator", (formula, expected) => {
    expect(evaluate(formula, { localized: true })).toEqual({ value: expected });
  });

  it("give the same values as the English formulas, cell by cell", () => {
    for (const [i, [formula]] of cases.entries()) {
      const english = ACCEPTANCE[i]?.[0] ?? "";
      expect({ formula, ...evaluate(formula, { localized: true }) }).toEqual({
        formula,
        ...evaluate(english),
      });
    }
  });
});

describe("through the function code, called as Excel calls it", () => {
  it("accepts French arguments", () => {
    expect(fns.staff("P-4", "Femmes", null, null)).toBe(55);
    expect(fns.staff("P-4", "F", "Terrain", null)).toBe(41);
    expect(fns.staff("Employés", "F", "Terrain", null)).toBe(3418);
    expect(fns.staff("Tous", null, null, null)).toBe(8503);
    expect(fns.movements("États-Unis d'Amérique", "Aide à la réinstallation", null)).toBe(52094);
    expect(fns.movements("Libye", null, null)).toBe(218000);
    expect(fns.migrants("18-29", "H")).toBe(104641);
    expect(fns.expenditure("Europe", 2010)).toBe(162.1);
    expect(fns.projects("Europe", "Régulation des migrations")).toBe(528);
  });

  it("accepts Spanish arguments", () => {
    expect(fns.staff("P-4", "Mujeres", null, null)).toBe(55);
    expect(fns.staff("P-4", "F", "Terreno", null)).toBe(41);
    expect(fns.staff("Empleados", "Mujeres", "Terreno", null)).toBe(3418);
    expect(fns.staff("Todos", null, null, null)).toBe(8503);
    expect(fns.movements("Kenia", null, null)).toBe(46200);
    expect(fns.movements("Estados Unidos", "Asistencia para el reasentamiento", null)).toBe(52094);
    expect(fns.migrants("18-29", "Hombres")).toBe(104641);
    expect(fns.expenditure("Europa", 2010)).toBe(162.1);
    expect(fns.projects("Europa", "Regulación de la migración")).toBe(528);
  });
});

describe("iom eval --lang", () => {
  it.each([
    ["fr", FRENCH],
    ["es", SPANISH],
  ] as const)("prints every %s acceptance value", async (lang, cases) => {
    const io = bufferIo();
    expect(await run(["--lang", lang, "eval", ...cases.map(([f]) => f)], io)).toBe(0);
    expect(io.stdout()).toBe(cases.map(([, v]) => `${v}\n`).join(""));
  });

  it("reads decimal commas and VRAI/FAUX where ';' separates the arguments", () => {
    expect(evaluate('=IOM.TABLEAU("Tableau 5";FAUX)', { localized: true })).toEqual(
      evaluate('=IOM.TABLE("Table 5",FALSE)'),
    );
    expect(evaluate("=IOM.CUADRO(5;VERDADERO)", { localized: true })).toEqual(evaluate("=IOM.TABLE(5,TRUE)"));
    expect(evaluate('=IOM.DEPENSES("Europe";2010,0)', { localized: true })).toEqual({ value: 162.1 });
  });
});
