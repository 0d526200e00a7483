/**
 * functions-fr.json and functions-es.json: generated from the English
 * functions.json (itself generated from the JSDoc) and the translation files. Every function and
 * parameter is translated in every locale, the ids and everything but words match the English
 * file, the names are names Excel accepts, and the examples the help gives are names the
 * functions accept, so the help cannot drift from the code.
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizedFiles } from "../../scripts/functions-locales";
import { iom } from "../../src/core";
import { IomError } from "../../src/core/errors";
import {
  METADATA_LANGS,
  TRANSLATIONS,
  localizeMetadata,
  metadataFile,
  type FunctionsMetadata,
  type Translations,
} from "../../src/i18n/metadata";
import { ARGUMENT_NAMES, FUNCTION_NAMES } from "../../src/i18n/names";

const FUNCTIONS_SOURCE = join(__dirname, "../../src/functions/functions.ts");

let english: FunctionsMetadata;
let englishJson: string;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  expect(result.errors).toEqual([]);
  englishJson = result.metadataJson;
  english = JSON.parse(englishJson) as FunctionsMetadata;
}, 60_000);

/** Everything but names and descriptions, which must be the English file's. */
const shape = (m: FunctionsMetadata): unknown =>
  JSON.parse(JSON.stringify(m), (key: string, value: unknown) =>
    key === "name" || key === "description" ? undefined : value,
  ) as unknown;

describe.each(METADATA_LANGS)("functions-%s.json", (lang) => {
  let localized: FunctionsMetadata;
  beforeAll(() => {
    const result = localizeMetadata(english, lang);
    expect(result.problems).toEqual([]);
    localized = result.metadata;
  });

  it("translates every function and every parameter, with the English ids", () => {
    expect(localized.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    for (const [i, f] of localized.functions.entries()) {
      const en = english.functions[i];
      expect(f.description).not.toBe(en?.description);
      expect(f.description?.length ?? 0).toBeGreaterThan(10);
      expect(f.parameters?.length ?? 0).toBe(en?.parameters?.length ?? 0);
      for (const [j, p] of (f.parameters ?? []).entries()) {
        const enParam = en?.parameters?.[j];
        expect({ fn: f.id, p: p.name, translated: p.description !== enParam?.description }).toEqual({
          fn: f.id,
          p: p.name,
          translated: true,
        });
        expect(p.description?.length ?? 0).toBeGreaterThan(5);
      }
    }
  });

  it("changes only names and descriptions: types, optional flags and results are the English file's", () => {
    expect(shape(localized)).toEqual(shape(english));
  });

  it("names functions as Excel allows: a letter first, three characters or more, letters and . _ only", () => {
    for (const f of localized.functions) {
      expect(f.name).toMatch(/^\p{Lu}[\p{Lu}\p{N}_.]{2,}$/u);
      // Not a cell reference (A1 … XFD1048576).
      expect(f.name).not.toMatch(/^[A-Z]{1,3}\d+$/);
    }
    expect(new Set(localized.functions.map((f) => f.name)).size).toBe(localized.functions.length);
  });

  it("gives each parameter a one-word name (letters, digits, underscores)", () => {
    for (const f of localized.functions)
      for (const p of f.parameters ?? []) expect(p.name).toMatch(/^\p{Ll}[\p{Ll}\p{N}_]*$/u);
  });

  it("is what the build emits", () => {
    const { files, problems } = localizedFiles(englishJson);
    expect(problems).toEqual([]);
    expect(JSON.parse(files.get(metadataFile(lang)) ?? "")).toEqual(localized);
  });
});

describe("the localizer refuses what would drift", () => {
  const without = (t: Translations, id: string): Translations =>
    Object.fromEntries(Object.entries(t).filter(([k]) => k !== id));

  it("reports a function without a translation", () => {
    const { problems } = localizeMetadata(english, "fr", without(TRANSLATIONS.fr, "STAFF"));
    expect(problems.join("\n")).toMatch(/no description for STAFF/);
  });

  it("reports a parameter without a translation", () => {
    const t = structuredClone(TRANSLATIONS.es);
    delete t.MOVEMENTS?.parameters.from;
    expect(localizeMetadata(english, "es", t).problems.join("\n")).toMatch(/MOVEMENTS's parameter "from"/);
  });

  it("reports translations left over for functions and parameters that no longer exist", () => {
    const t = structuredClone(TRANSLATIONS.fr);
    t.TELEPORT = { description: "Téléporte.", parameters: {} };
    if (t.STAFF) t.STAFF.parameters.grade = "Ancienne classe.";
    const problems = localizeMetadata(english, "fr", t).problems.join("\n");
    expect(problems).toMatch(/"TELEPORT" is no function/);
    expect(problems).toMatch(/STAFF has no parameter "grade"/);
  });

  it("reports a function the English file gained but names.ts does not name", () => {
    const grown: FunctionsMetadata = {
      ...english,
      functions: [
        ...english.functions,
        { id: "NEWONE", name: "NEWONE", description: "New.", parameters: [] },
      ],
    };
    const problems = localizeMetadata(grown, "es").problems.join("\n");
    expect(problems).toMatch(/no es name for NEWONE/);
    expect(problems).toMatch(/no description for NEWONE/);
  });

  it("has no translation or name for anything the English file lacks", () => {
    const ids = english.functions.map((f) => f.id).sort();
    expect(Object.keys(FUNCTION_NAMES).sort()).toEqual(ids);
    for (const lang of METADATA_LANGS) expect(Object.keys(TRANSLATIONS[lang]).sort()).toEqual(ids);
    const params = new Set(english.functions.flatMap((f) => (f.parameters ?? []).map((p) => p.name)));
    for (const p of params) expect(ARGUMENT_NAMES[p]).toBeDefined();
  });
});

/**
 * Each value parameter's check: the function called with just that argument. A "not found" (or a
 * wrong-kind) error means the help names something the function does not accept.
 */
const ACCEPTS: Record<string, (v: string) => unknown> = {
  "MOVEMENTS.place": (v) => iom().movements(v),
  "MOVEMENTS.programme": (v) => iom().movements(null, v),
  "MOVEMENTS.from": (v) => iom().movements(null, null, v),
  "MIGRANTS.age_group": (v) => iom().migrants(v),
  "MIGRANTS.gender": (v) => iom().migrants(null, v),
  "STAFF.category": (v) => iom().staff(v),
  "STAFF.gender": (v) => iom().staff(null, v),
  "STAFF.location": (v) => iom().staff(null, null, v),
  "STAFF.nationality": (v) => iom().staff("Officials", null, null, v),
  "EXPENDITURE.item": (v) => iom().expenditure(v),
  "PROJECTS.region": (v) => iom().projects(v),
  "PROJECTS.service": (v) => iom().projects(null, v),
  "FACT.key": (v) => iom().fact(v),
  "TABLE.table": (v) => iom().table(v),
  "LIST.dimension": (v) => iom().list(v),
  "EDITION.edition": (v) => iom({ edition: v }),
};

/**
 * The "quoted" names a description gives as examples ("" inside is Excel's escaped quote: skipped,
 * and so is the argument of another function it points to, as in IOM.LIST("table")).
 */
const examples = (description: string): string[] =>
  [...description.matchAll(/(?<!")"([^"]+)"(?!")/g)]
    .filter((m) => !/IOM\.[\p{L}_.]+\($/u.test(description.slice(0, m.index)))
    .map((m) => m[1] ?? "")
    .filter((x) => !x.startsWith("="));

describe.each(["en", ...METADATA_LANGS] as const)("the %s help's examples", (lang) => {
  it("are all names the functions accept", () => {
    const metadata = lang === "en" ? english : localizeMetadata(english, lang).metadata;
    let checked = 0;
    for (const f of metadata.functions) {
      for (const [j, p] of (f.parameters ?? []).entries()) {
        const accept =
          ACCEPTS[`${f.id}.${english.functions.find((e) => e.id === f.id)?.parameters?.[j]?.name}`];
        if (!accept) continue;
        for (const example of examples(p.description ?? "")) {
          checked++;
          let problem = "";
          try {
            accept(example);
          } catch (e) {
            if (!(e instanceof IomError)) throw e;
            if (e.kind !== "no_figure") problem = e.message;
          }
          expect({ fn: f.id, param: p.name, example, problem }).toEqual({
            fn: f.id,
            param: p.name,
            example,
            problem: "",
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
