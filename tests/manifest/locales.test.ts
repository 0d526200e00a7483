/**
 * The manifest's French and Spanish locale overrides: French and Spanish Excel load
 * functions-fr.json / functions-es.json, and see the add-in's name, description, ribbon and
 * "get started" texts in their language. The namespace stays IOM in every language.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseXml, rebaseManifest, type XmlElement } from "../../scripts/manifest-checks";
import { METADATA_LANGS, OFFICE_LOCALES, metadataFile } from "../../src/i18n/metadata";

const MANIFEST = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Locale → override value of each element with an id (resources) or a name (DisplayName…). */
function overrides(xml: string): Map<string, { value: string; kind: string; byLocale: Map<string, string> }> {
  const out = new Map<string, { value: string; kind: string; byLocale: Map<string, string> }>();
  const root = parseXml(xml);
  const visit = (el: XmlElement, kind: string): void => {
    for (const c of el.children) {
      if (c.local === "Override") continue;
      const id = c.attrs.id ?? c.local;
      if (c.attrs.DefaultValue !== undefined) {
        const byLocale = new Map(
          c.children
            .filter((o) => o.local === "Override")
            .map((o) => [o.attrs.Locale ?? "", o.attrs.Value ?? ""]),
        );
        out.set(id, { value: c.attrs.DefaultValue, kind: c.local === "String" ? kind : el.local, byLocale });
      }
      visit(c, c.local);
    }
  };
  visit(root, "OfficeApp");
  return out;
}

const all = overrides(MANIFEST);
const LOCALES = METADATA_LANGS.flatMap((lang) =>
  OFFICE_LOCALES[lang].map((locale) => [lang, locale] as const),
);

describe("locale overrides in manifest.xml", () => {
  it.each(LOCALES)("%s Excel (%s) loads its own metadata file, beside functions.json", (lang, locale) => {
    const url = all.get("Functions.Metadata.Url");
    expect(url?.value).toBe("https://localhost:3000/functions.json");
    expect(url?.byLocale.get(locale)).toBe(`https://localhost:3000/${metadataFile(lang)}`);
  });

  it("translates the add-in's name, description and every ribbon and get-started string, for every locale", () => {
    const texts = [
      "DisplayName",
      "Description",
      ...[...all].filter(([, r]) => /Strings$/.test(r.kind)).map(([id]) => id),
    ];
    const translated = texts.filter((id) => id !== "Functions.Namespace");
    expect(translated.length).toBeGreaterThanOrEqual(7);
    for (const id of translated) {
      const r = all.get(id);
      for (const [, locale] of LOCALES) {
        const value = r?.byLocale.get(locale) ?? "";
        expect({ id, locale, translated: value !== "" && value !== r?.value }).toEqual({
          id,
          locale,
          translated: true,
        });
      }
    }
  });

  it("keeps every override within Office's length limits and overrides no locale twice", () => {
    const limit: Record<string, number> = {
      ShortStrings: 125,
      LongStrings: 250,
      Description: 250,
      DisplayName: 125,
    };
    for (const [id, r] of all) {
      const max = limit[r.kind] ?? limit[id] ?? 2048;
      for (const v of r.byLocale.values())
        expect({ id, length: v.length <= max }).toEqual({ id, length: true });
    }
    for (const el of walk(parseXml(MANIFEST))) {
      const locales = el.children.filter((c) => c.local === "Override").map((c) => c.attrs.Locale);
      expect(new Set(locales).size).toBe(locales.length);
    }
  });

  it("keeps the IOM namespace in every language (=IOM.PERSONNEL, =IOM.PERSONAL)", () => {
    expect(all.get("Functions.Namespace")?.value).toBe("IOM");
    expect(all.get("Functions.Namespace")?.byLocale.size).toBe(0);
  });

  it("rebases the overrides' URLs with the rest", () => {
    const rebased = overrides(rebaseManifest(MANIFEST, "https://addin.example.org/iom"));
    expect(rebased.get("Functions.Metadata.Url")?.byLocale.get("fr-FR")).toBe(
      "https://addin.example.org/iom/functions-fr.json",
    );
  });
});
