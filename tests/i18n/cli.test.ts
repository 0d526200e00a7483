/**
 * `iom --lang en|fr|es`: names, labels and messages in the chosen language; the
 * figures do not change; English stays the default, and a --lang run leaves no trace on the next.
 */
import { EXIT } from "../../src/cli/io";
import { iomCli } from "../cli/helpers";

describe("iom --lang", () => {
  it("lists names in the chosen language", async () => {
    expect(await iomCli("--lang", "fr", "list", "gender")).toMatchObject({
      code: 0,
      out: "Femmes\nHommes\n",
    });
    expect(await iomCli("--lang", "es", "list", "lugar_de_destino")).toMatchObject({
      code: 0,
      out: "Sede\nTerreno\n",
    });
    const dims = await iomCli("--lang", "es", "list");
    expect(dims.out).toMatch(/^Dimensiones \(nombres válidos de una de ellas: `iom list DIMENSIÓN`\):\n/);
    expect(dims.out).toContain("\nsexo\n");
  });

  it("words errors in the chosen language, naming the commands", async () => {
    const r = await iomCli("--lang", "es", "list", "sexx");
    expect(r.code).toBe(4);
    expect(r.err).toBe('iom: dimensión "sexx" no encontrado — ¿quiso decir "sexo"?\n');
    const none = await iomCli("--lang", "fr", "list", "zzzzzz");
    expect(none.err).toMatch(/noms valides\u00a0: voir `iom list dimension`/);
  });

  it("evaluates French formulas and words their errors in French", async () => {
    const r = await iomCli(
      "--lang",
      "fr",
      "eval",
      '=IOM.PERSONNEL("P-4";"Femmes")',
      '=IOM.PERSONNEL("P-44")',
    );
    expect(r.code).toBe(EXIT.notFound);
    expect(r.out).toBe("55\n#N/A\n");
    expect(r.err).toBe(
      'iom: =IOM.PERSONNEL("P-44"): catégorie "P-44" introuvable — vouliez-vous dire "P-4", "P-1" ou "P-2"\u00a0?\n',
    );
    const unknown = await iomCli("--lang", "fr", "eval", '=IOM.PERSONEL("P-4")');
    expect(unknown.err).toBe(
      'iom: =IOM.PERSONEL("P-4"): fonction inconnue IOM.PERSONEL — vouliez-vous dire IOM.PERSONNEL\u00a0?\n',
    );
  });

  it("says where a figure comes from in the chosen language", async () => {
    const r = await iomCli("--lang", "fr", "source", "PERSONNEL", "P-4", "Femmes");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Tableau 5 — .*; ligne P-4, colonne .*; ligne \d+ de /);
  });

  it("labels the columns of tables and facts", async () => {
    expect((await iomCli("--lang", "fr", "tables")).out).toMatch(
      /^id\s+tableau\s+lignes×col\.\s+unité\s+titre/,
    );
    expect((await iomCli("--lang", "es", "tables")).out).toContain("Cuadro 5");
    expect((await iomCli("--lang", "es", "facts", "legal", "contracts")).out).toMatch(
      /^clave\s+valor\s+unidad/,
    );
  });

  it("is English by default and after a French run", async () => {
    await iomCli("--lang", "fr", "list", "gender");
    expect(await iomCli("list", "gender")).toMatchObject({ code: 0, out: "F\nM\n" });
    expect((await iomCli("eval", '=IOM.STAFF("P-44")')).err).toMatch(
      /^iom: =IOM\.STAFF\("P-44"\): category "P-44" not found/,
    );
  });

  it("refuses a language it does not speak", async () => {
    const r = await iomCli("--lang", "de", "list", "gender");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Allowed choices are en, fr, es/);
  });
});
