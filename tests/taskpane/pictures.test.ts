/**
 * The template previews as plain data: number formats written as Excel writes them, each chart's
 * picture laid out from the block's ChartSpec and figures, each table's compact picture.
 */
import { iom } from "../../src/core";
import type { Lang } from "../../src/i18n/lang";
import type { Block } from "../../src/sheets/block";
import { Catalog } from "../../src/sheets/catalog";
import {
  type ChartData,
  type Scene,
  type Shape,
  chartData,
  layoutChart,
  niceTicks,
  textWidth,
  wrap,
} from "../../src/taskpane/plans/chart-picture";
import { formatValue } from "../../src/taskpane/plans/number-format";
import { PREVIEW_COLUMNS, PREVIEW_ROWS, tablePicture } from "../../src/taskpane/plans/table-picture";

const catalog = new Catalog(iom());
const charts = catalog.templates.filter((t) => t.kind === "chart").map((t) => t.id);
const tables = catalog.templates.filter((t) => t.kind === "table").map((t) => t.id);
const LANGS: Lang[] = ["en", "fr", "es"];

const texts = (scene: Scene, role?: string): Extract<Shape, { kind: "text" }>[] =>
  scene.shapes.filter(
    (s): s is Extract<Shape, { kind: "text" }> =>
      s.kind === "text" && (role === undefined || s.role === role),
  );
const bars = (scene: Scene): Extract<Shape, { kind: "rect" }>[] =>
  scene.shapes.filter(
    (s): s is Extract<Shape, { kind: "rect" }> => s.kind === "rect" && s.series !== undefined,
  );

/** The figures of a chart block's data table, straight from its cells. */
function figuresOf(block: Block): { categories: string[]; names: string[]; values: (number | null)[][] } {
  const { row, rows, col, cols } = block.chart!.data;
  const body = block.cells.slice(row + 1, row + rows);
  return {
    categories: body.map((r) => String(r[col])),
    names: (block.cells[row] ?? []).slice(col + 1, col + cols).map(String),
    values: Array.from({ length: cols - 1 }, (_, s) =>
      body.map((r) => {
        const v = r[col + 1 + s];
        return typeof v === "number" ? v : null;
      }),
    ),
  };
}

describe("number formats, as Excel shows a formatted cell", () => {
  it.each<[number, string, Lang, string | RegExp]>([
    [1322.1, "#,##0.0", "en", "1,322.1"],
    [1322.1, "#,##0.0", "fr", /^1\s322,1$/],
    [1322.1, "#,##0.0", "es", "1.322,1"], // Excel groups four digits too, whatever the locale
    [218000, "#,##0", "es", "218.000"],
    [-25079, "#,##0;#,##0", "en", "25,079"],
    [-5, "#,##0;(#,##0)", "en", "(5)"],
    [-5, "#,##0", "en", "-5"],
    [0, '#,##0;-#,##0;"none"', "en", "none"],
    [0.256, "0.0%", "en", "25.6%"],
    [57024, "General", "en", "57024"],
    [3, "0", "fr", "3"],
    [12.5, '#,##0.00" USD"', "en", "12.50 USD"],
  ])("%p as %p in %s", (n, format, lang, expected) => {
    const out = formatValue(n, format, lang);
    if (typeof expected === "string") expect(out).toBe(expected);
    else expect(out).toMatch(expected);
  });
});

describe("text and ticks", () => {
  it("wraps words into lines no wider than asked, ending in … when lines run out", () => {
    const lines = wrap("Movement, Emergency and Post-crisis Migration Management", 9, 60, 2);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(textWidth(l, 9)).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/…$/);
    expect(wrap("Chad", 9, 60, 2)).toEqual(["Chad"]);
  });

  it("puts round ticks around the range, zero included", () => {
    expect(niceTicks(0, 57024, 4)).toEqual([0, 20000, 40000, 60000]);
    const pyramid = niceTicks(-104641, 27740, 4);
    expect(pyramid[0]).toBeLessThanOrEqual(-104641);
    expect(pyramid[pyramid.length - 1]).toBeGreaterThanOrEqual(27740);
    expect(pyramid).toContain(0);
  });
});

describe("chart pictures", () => {
  it("has every chart template's plan: type, titles, series, categories, figures (live figures from the static block)", () => {
    expect(charts.length).toBeGreaterThanOrEqual(12);
    for (const id of charts)
      for (const lang of LANGS) {
        const staticBlock = catalog.block(id, "static", lang);
        const live = catalog.block(id, "live", lang);
        const data = chartData(live, staticBlock) as ChartData;
        const spec = staticBlock.chart!;
        const { categories, names, values } = figuresOf(staticBlock);
        expect(data.type).toBe(spec.type);
        expect(data.title).toBe(spec.title);
        expect(data.categoryAxisTitle).toBe(spec.categoryAxisTitle);
        expect(data.valueAxisTitle).toBe(spec.valueAxisTitle);
        expect(data.legend).toBe(spec.legend);
        expect(data.dataLabels).toBe(true);
        expect(data.categories).toEqual(categories);
        expect(data.series.map((s) => s.name)).toEqual(names);
        expect(data.series.map((s) => s.values)).toEqual(values);
        // The live block holds formulas where the figures go; the picture shows what they return.
        expect(chartData(live)?.series.every((s) => s.values.every((v) => v === null))).toBe(true);
      }
  });

  it.each(charts)(
    "draws %s within the pane at 256, 300 and 400 px: every bar, its title, axes, legend and labels",
    (id) => {
      const block = catalog.block(id, "static", "en");
      const data = chartData(block) as ChartData;
      const figures = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
      for (const width of [256, 300, 400]) {
        const scene = layoutChart(data, width, "en");
        expect(scene.width).toBe(width);
        expect(scene.height).toBeGreaterThan(100);
        // Every upright text inside the picture (by the layout's own estimate of its width).
        for (const t of texts(scene).filter((s) => !s.rotate)) {
          const w = textWidth(t.text, t.size, t.bold);
          const left = t.anchor === "start" ? t.x : t.anchor === "middle" ? t.x - w / 2 : t.x - w;
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left + w).toBeLessThanOrEqual(width + 0.01);
        }
        expect(
          texts(scene, "title")
            .map((t) => t.text)
            .join(" "),
        ).toBe(data.title);
        if (data.type === "Pie") {
          expect(scene.shapes.filter((s) => s.kind === "path")).toHaveLength(
            figures.filter((v) => v > 0).length,
          );
          // A legend at the right wraps long names: each line carries the whole name as its tip.
          expect([...new Set(texts(scene, "legend").map((t) => t.tip ?? t.text))]).toEqual(data.categories);
        } else {
          expect(bars(scene)).toHaveLength(figures.length);
          const axisTitles = texts(scene, "axis-title").map((t) => t.text);
          expect(axisTitles).toEqual(expect.arrayContaining([data.categoryAxisTitle, data.valueAxisTitle]));
          if (data.legend !== "None")
            expect(
              texts(scene, "legend")
                .map((t) => t.tip ?? t.text)
                .sort(),
            ).toEqual(data.series.map((s) => s.name).sort());
          else expect(texts(scene, "legend")).toEqual([]);
        }
        // Data labels: each one is a figure written in its format; most figures get one.
        const written = new Set(
          data.series.flatMap((s) =>
            s.values.filter((v) => v !== null).map((v) => formatValue(v, s.format, "en")),
          ),
        );
        const labels = texts(scene, "label");
        for (const l of labels) expect(written).toContain(l.text);
        expect(labels.length).toBeGreaterThan(0);
        // Labels never overlap each other.
        const boxes = labels.map((l) => {
          const w = textWidth(l.text, l.size);
          const left = l.anchor === "start" ? l.x : l.anchor === "middle" ? l.x - w / 2 : l.x - w;
          return [left, l.y - l.size * 0.8, left + w, l.y + l.size * 0.2] as const;
        });
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]).toBe(false);
          }),
        );
      }
    },
  );

  it("draws the population pyramid with men to the left of the axis and no minus sign anywhere", () => {
    for (const lang of LANGS) {
      const block = catalog.block("chart_migrants_pyramid", "static", lang);
      const data = chartData(block) as ChartData;
      expect(data.series[0]?.values.every((v) => v !== null && v < 0)).toBe(true); // the plan negates men
      const scene = layoutChart(data, 300, lang);
      const axis = scene.shapes.find((s) => s.kind === "line" && s.role === "axis");
      if (axis?.kind !== "line") throw new Error("no category axis");
      for (const b of bars(scene)) {
        if (b.series === 0) expect(b.x + b.w).toBeLessThanOrEqual(axis.x1 + 0.01);
        else expect(b.x).toBeGreaterThanOrEqual(axis.x1 - 0.01);
      }
      for (const t of [...texts(scene, "label"), ...texts(scene, "tick")]) expect(t.text).not.toMatch(/[-−]/);
      const labels = texts(scene, "label").map((t) => t.text);
      expect(labels).toContain(formatValue(25079, "#,##0", lang));
      expect(labels).toContain(formatValue(104641, "#,##0", lang));
      // Overlap 100: a category's two bars on one line.
      const [male, female] = [
        bars(scene).find((b) => b.series === 0),
        bars(scene).find((b) => b.series === 1),
      ];
      expect(male?.y).toBeCloseTo(female?.y ?? NaN);
      // Categories bottom-up, as Excel plots a bar chart: 0-9 at the bottom.
      const categories = texts(scene, "category");
      const y = (name: string): number => categories.find((c) => c.text === name)?.y ?? NaN;
      expect(y("0-9")).toBeGreaterThan(y(">90"));
    }
  });

  it("puts the first category on top where the plan reverses the categories", () => {
    const scene = layoutChart(
      chartData(catalog.block("chart_top15_destinations", "static", "en"))!,
      300,
      "en",
    );
    const categories = texts(scene, "category");
    const ys = categories.map((c) => c.y);
    expect(categories[0]?.text).toBe("Chad");
    expect(Math.min(...ys)).toBe(categories[0]?.y);
  });

  it("stacks the series of a stacked chart: a category's bar is as tall as its total", () => {
    const data = chartData(catalog.block("chart_officials_by_grade_gender", "static", "en"))!;
    const scene = layoutChart(data, 300, "en");
    const heightOf = (category: string): number => {
      const c = data.categories.indexOf(category);
      return data.series.reduce((sum, s, si) => {
        const v = s.values[c] ?? 0;
        const rect = bars(scene).find(
          (b) => b.series === si && b.tip === `${category} · ${s.name}: ${formatValue(v, s.format, "en")}`,
        );
        return sum + (rect?.h ?? NaN);
      }, 0);
    };
    const total = (category: string): number =>
      data.series.reduce((sum, s) => sum + (s.values[data.categories.indexOf(category)] ?? 0), 0);
    expect(heightOf("P-3") / heightOf("P-4")).toBeCloseTo(total("P-3") / total("P-4"), 5);
  });

  it("places a clustered chart's series side by side, without overlapping", () => {
    const scene = layoutChart(
      chartData(catalog.block("chart_staff_by_location_gender", "static", "en"))!,
      300,
      "en",
    );
    const [a, b] = bars(scene);
    expect(a && b && a.x + a.w <= b.x).toBe(true);
  });

  it("writes labels and ticks as the language writes numbers", () => {
    const scene = layoutChart(
      chartData(catalog.block("chart_expenditure_2007_2011", "static", "fr"))!,
      400,
      "fr",
    );
    expect(texts(scene, "label").map((t) => t.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^1\s322,1$/)]),
    );
  });
});

describe("table pictures", () => {
  it.each(tables)(
    "%s: title, unit, headings spanning the columns shown, the first rows, notes — in both modes",
    (id) => {
      for (const lang of LANGS) {
        const staticBlock = catalog.block(id, "static", lang);
        for (const mode of ["static", "live"] as const) {
          const block = catalog.block(id, mode, lang);
          const p = tablePicture(block, staticBlock, lang);
          expect(p.title).toBe(block.cells[0]?.[0]);
          expect(p.shownRows).toBe(Math.min(PREVIEW_ROWS, block.body.rows));
          expect(p.totalRows).toBe(block.body.rows);
          expect(p.shownColumns).toBeLessThanOrEqual(PREVIEW_COLUMNS);
          for (const h of p.headings) expect(h.reduce((n, c) => n + c.span, 0)).toBe(p.shownColumns + 1);
          const data = p.rows.filter((r) => !r.group);
          expect(data).toHaveLength(p.shownRows);
          for (const r of data) {
            expect(r.cells).toHaveLength(p.shownColumns);
            // Figures, never formulas: a live cell shows what its formula returns.
            for (const c of r.cells) expect(c.text).not.toMatch(/^=/);
          }
          expect(p.notes[p.notes.length - 1]).toBe(block.cells[block.cells.length - 1]?.[0]);
        }
      }
    },
  );

  it("folds nested labels into one column and shows live figures as the static table prints them", () => {
    const lang = "en";
    const staticBlock = catalog.block("table2", "static", lang);
    const live = tablePicture(catalog.block("table2", "live", lang), staticBlock, lang);
    const still = tablePicture(staticBlock, staticBlock, lang);
    const groups = live.rows.filter((r) => r.group);
    expect(groups.map((g) => [g.label, g.indent])).toEqual(
      expect.arrayContaining([
        ["Movement, Emergency and Post-crisis Migration Management", 0],
        ["Resettlement Assistance", 1],
      ]),
    );
    expect(live.rows.find((r) => !r.group)?.indent).toBe(2);
    expect(live.rows.map((r) => r.cells.map((c) => c.text))).toEqual(
      still.rows.map((r) => r.cells.map((c) => c.text)),
    );
    expect(live.rows.some((r) => r.cells.some((c) => c.live))).toBe(true);
    expect(still.rows.every((r) => r.cells.every((c) => !c.live))).toBe(true);
  });

  it("keeps the report's totals in bold and its number formats", () => {
    const p = tablePicture(
      catalog.block("table5", "static", "en"),
      catalog.block("table5", "static", "en"),
      "en",
    );
    const total = p.rows.find((r) => /total/i.test(r.label));
    expect(total?.bold).toBe(true);
    expect(p.headings[0]?.map((h) => h.text)).toEqual(["", "Headquarters", "Field", "Total IOM Officials"]);
    // Under its group, a column is headed by the report's own label.
    expect(p.headings[1]?.map((h) => h.text)).toEqual([
      "Category/Grade",
      "F",
      "M",
      "F",
      "M",
      "F",
      "M",
      "Total",
    ]);
    expect(p.rows.flatMap((r) => r.cells.map((c) => c.text))).toContain(
      formatValue(iom().staff("P-4", "F", "Headquarters").value, "#,##0", "en"),
    );
  });
});
