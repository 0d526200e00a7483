/**
 * The template catalog and the blocks it builds: one template per extracted table, laid out as the
 * report prints it, at least twelve chart templates, and live formulas that give the printed figure
 * when run through the very function code Excel runs.
 */
import { evaluate } from "../../src/cli/commands/eval";
import { cellSources, iom } from "../../src/core";
import { sourceLine } from "../../src/i18n/content";
import { LANGS } from "../../src/i18n/lang";
import { decimalsOf } from "../../src/sheets/block";
import { Catalog } from "../../src/sheets/catalog";
import { chartsOf } from "../../src/sheets/chart-block";
import { formulaOf } from "../../src/sheets/formulas";
import { NA_FORMULA, STATIC_FILL } from "../../src/sheets/table-block";

const core = iom();
const catalog = new Catalog(core);
const tables = core.edition.tables;

describe("the catalog", () => {
  it("has one template per extracted table and at least twelve charts, with unique ids", () => {
    const ids = catalog.templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(catalog.templates.filter((t) => t.kind === "table").map((t) => t.id)).toEqual(
      tables.map((t) => t.id),
    );
    expect(catalog.templates.filter((t) => t.kind === "chart").length).toBeGreaterThanOrEqual(12);
  });

  it("has a French and Spanish title and a role in the queries (so its cells have formulas) for every table", () => {
    for (const t of tables) {
      expect(core.presentation.tables[t.id]?.title?.fr).toBeTruthy();
      expect(core.presentation.tables[t.id]?.title?.es).toBeTruthy();
      expect(core.roleOf(t.id)).toBeDefined();
    }
  });

  it("finds templates by words in any language, ignoring accents and case", () => {
    expect(catalog.search("table 5").map((t) => t.id)).toContain("table5");
    expect(catalog.search("CUADRO 5").map((t) => t.id)).toContain("table5");
    expect(catalog.search("pyramide").map((t) => t.id)).toEqual(["chart_migrants_pyramid"]);
    expect(catalog.search("staff", "table").map((t) => t.id)).toEqual(
      expect.arrayContaining(["table5", "table6", "table7"]),
    );
    expect(catalog.search("resettlement", "chart").map((t) => t.id)).toContain(
      "chart_resettlement_by_destination",
    );
    expect(catalog.search("no such thing at all")).toEqual([]);
  });
});

describe.each(tables.map((t) => [t.number, t] as const))("%s as a static block", (_n, table) => {
  const block = catalog.block(table.id, "static", "en");
  const text = (r: number): unknown => block.cells[r]?.[0];

  it("starts with the title and the unit, and ends with the Source line", () => {
    expect(text(0)).toBe(`${table.number}. ${table.title}`);
    expect(text(1)).toBe(`Unit: ${table.unit} · ${table.period}`);
    expect(text(block.cells.length - 1)).toMatch(`Source: IOM, MC/2346, ${table.number}, line`);
  });

  it("prints every footnote", () => {
    const notes = block.cells.slice(block.body.row + block.body.rows).map((r) => String(r[0]));
    for (const f of table.footnotes) expect(notes.some((n) => n.includes(f.text))).toBe(true);
  });

  it("holds every printed figure in its body, undetermined ones as #N/A and blanks blank", () => {
    const labels = block.body.cols - table.columns.length;
    table.rows.forEach((row, ri) => {
      const out = block.cells[block.body.row + ri]!;
      expect(out.slice(0, labels)).toContain(row.label); // the row's own label is always printed
      row.cells.forEach((v, ci) => {
        expect(out[labels + ci]).toBe(v === null ? "" : v === "undetermined" ? NA_FORMULA : v);
      });
    });
  });

  it("sets totals in bold with a rule above, and numbers with as many decimals as printed", () => {
    const bold = block.formats.filter((f) => f.bold && f.borderTop).map((f) => f.rect.row - block.body.row);
    expect(bold).toEqual(table.rows.flatMap((r, i) => (r.sumOf ? [i] : [])));
    const labels = block.body.cols - table.columns.length;
    table.columns.forEach((c, ci) => {
      const decimals = Math.max(
        0,
        ...table.rows.map((r) => (typeof r.cells[ci] === "number" ? decimalsOf(r.cells[ci]) : 0)),
      );
      const format = block.numberFormats[block.body.row]![labels + ci]!;
      if (c.unit === "rank" || /rank/i.test(c.label)) expect(format).toBe("0");
      else expect(format.startsWith(decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0")).toBe(true);
    });
    // Labels are text, so Excel never turns "10-17" into a date.
    expect(block.numberFormats[block.body.row]![0]).toBe("@");
  });

  it("gives the Excel table unique, non-empty headings", () => {
    const headers = block.cells[block.table.row]!.map((h) => String(h).toLowerCase());
    expect(headers.every((h) => h !== "")).toBe(true);
    expect(new Set(headers).size).toBe(headers.length);
  });
});

describe("live formulas", () => {
  it.each(tables.map((t) => [t.number, t] as const))(
    "%s: every formula gives the printed figure through the functions",
    (_n, table) => {
      const live = catalog.block(table.id, "live", "en");
      const printed = catalog.block(table.id, "static", "en");
      let formulas = 0;
      live.cells.forEach((row, r) =>
        row.forEach((c, ci) => {
          if (typeof c !== "string" || !c.startsWith("=IOM.")) return;
          formulas++;
          const want = printed.cells[r]![ci];
          const got = evaluate(c);
          if (want === NA_FORMULA) {
            expect("error" in got && got.error.code).toBe("#N/A");
            return;
          }
          if (!("value" in got) || typeof got.value !== "number" || typeof want !== "number")
            throw new Error(`${c} gave ${JSON.stringify(got)}, printed ${String(want)}`);
          // Annex I rounds what V.B prints with one decimal: the function gives the more precise figure.
          expect(Math.abs(got.value - want)).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(want));
        }),
      );
      expect(formulas).toBe(live.liveCells);
    },
  );

  it("keeps static, shaded and counted, only the figures no value function returns", () => {
    const statics = Object.fromEntries(
      tables.map((t) => {
        const sources = cellSources(core, t.id).flat();
        return [t.id, sources.filter((s) => s !== null && "static" in s).length];
      }),
    );
    // Ranks and increases (V.B), Table 2's two Labour Migration rows both labelled "Europe", and
    // Annex I's 2011 total (1,309), which does not round from the figure EXPENDITURE gives (V.B's 1,309.7).
    expect(statics).toEqual({
      table1: 0,
      table2: 2,
      table3: 0,
      table4: 0,
      vb_expenditure: 0,
      vb_by_region: 22,
      vb_by_service: 25,
      table5: 0,
      table6: 0,
      table7: 0,
      annex1_s1: 1,
      annex1_s5: 0,
      annex1_s6: 0,
      annex1_s8: 0,
      annex1_s12: 0,
    });
    const block = catalog.block("vb_by_region", "live", "fr");
    expect(block.staticCells).toBe(22);
    const shaded = block.formats
      .filter((f) => f.fill === STATIC_FILL)
      .reduce((n, f) => n + f.rect.rows * f.rect.cols, 0);
    expect(shaded).toBe(22);
    expect(
      block.cells.some((r) => String(r[0]).startsWith("Les cellules grisées contiennent le chiffre imprimé")),
    ).toBe(true);
  });

  it("writes arguments as Excel expects them", () => {
    expect(formulaOf({ fn: "MOVEMENTS", args: [null, null, "Africa"] })).toBe('=IOM.MOVEMENTS(,,"Africa")');
    expect(formulaOf({ fn: "EXPENDITURE", args: ["Total", 2011] })).toBe('=IOM.EXPENDITURE("Total",2011)');
    expect(formulaOf({ fn: "FACT", args: ['say "hi"', null, undefined] })).toBe('=IOM.FACT("say ""hi""")');
    expect(formulaOf({ fn: "MIGRANTS", args: ["0-9", "M"], negate: true })).toBe('=-IOM.MIGRANTS("0-9","M")');
  });
});

describe("chart templates", () => {
  it.each(chartsOf(core).map((c) => [c.id] as const))(
    "%s: a chart beside its data, every figure from the functions",
    (id) => {
      const stat = catalog.block(id, "static", "es");
      const live = catalog.block(id, "live", "es");
      const chart = stat.chart!;
      expect(chart.title).toBe(catalog.get(id)!.title("es"));
      expect(chart.dataLabels).toBe(true);
      if (chart.type !== "Pie") {
        expect(chart.categoryAxisTitle).toBeTruthy();
        expect(chart.valueAxisTitle).toBeTruthy();
      }
      expect(chart.position.col).toBeGreaterThan(chart.data.col + chart.data.cols - 1);
      expect(chart.data).toEqual(stat.table);
      expect(chart.data.rows).toBeGreaterThanOrEqual(3);
      // Live cells evaluate to the static ones.
      live.cells.forEach((row, r) =>
        row.forEach((c, ci) => {
          if (typeof c !== "string" || !c.startsWith("=")) return;
          expect(evaluate(c.replace("=-", "="))).toEqual({ value: Math.abs(stat.cells[r]![ci] as number) });
        }),
      );
      expect(live.liveCells).toBe((chart.data.rows - 1) * (chart.data.cols - 1));
      expect(String(stat.cells[stat.cells.length - 1]![0])).toMatch(/^Fuente: OIM, MC\/2346, /);
    },
  );

  it("ranks the 15 largest destinations, largest first", () => {
    const block = catalog.block("chart_top15_destinations", "static", "en");
    const values = block.cells
      .slice(block.body.row, block.body.row + block.body.rows)
      .map((r) => r[1] as number);
    expect(values).toHaveLength(15);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // Chad leads: IOM moved migrants fleeing Libya home in 2011.
    expect(block.cells.slice(block.body.row, block.body.row + 3).map((r) => r[0])).toEqual([
      "Chad",
      "United States of America",
      "Ethiopia",
    ]);
  });

  it("draws the pyramid with men to the left and hides the minus sign", () => {
    const block = catalog.block("chart_migrants_pyramid", "static", "en");
    const body = block.cells.slice(block.body.row, block.body.row + block.body.rows);
    expect(body.every((r) => (r[1] as number) <= 0 && (r[2] as number) >= 0)).toBe(true);
    expect(block.chart).toMatchObject({ overlap: 100, valueFormat: "#,##0;#,##0", type: "BarClustered" });
  });
});

describe("localized blocks", () => {
  it.each(LANGS.map((l) => [l] as const))(
    "%s: title, unit line and Source line in the chosen language",
    (lang) => {
      const block = catalog.block("annex1_s12", "static", lang);
      const title = {
        en: "Annex I, section 12. IOM staff worldwide",
        fr: "Annexe I, section 12. Personnel de l'OIM",
        es: "Anexo I, sección 12. Personal de la OIM",
      }[lang];
      expect(String(block.cells[0]![0]).startsWith(title)).toBe(true);
      expect(block.cells[1]![0]).toBe(
        {
          en: "Unit: staff · 31 December 2011",
          fr: "Unité : membres du personnel · 31 décembre 2011",
          es: "Unidad: miembros del personal · 31 de diciembre de 2011",
        }[lang],
      );
      expect(block.cells[block.cells.length - 1]![0]).toBe(
        sourceLine(
          "MC/2346",
          "Annex I, section 12",
          lang,
          core.presentation,
          core.tableById("Annex I, section 12").lines,
        ),
      );
      // The report's own labels stay in English.
      expect(block.cells[block.body.row]![0]).toBe("Female");
    },
  );
});
