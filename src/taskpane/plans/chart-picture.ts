/**
 * A chart template's picture, from the plan Excel receives: the block's ChartSpec (type, titles,
 * legend, data labels, overlap, gap width, category order, value format) and the figures of its
 * data table. `chartData` reads the block; `layoutChart` lays it out, for a given width, as plain
 * shapes (rectangles, texts, lines, pie slices) that the pane draws as SVG and the tests inspect.
 */
import type { Lang } from "../../i18n/lang";
import type { Block, ChartSpec, ChartType } from "../../sheets/block";
import { formatValue } from "./number-format";

export interface ChartSeries {
  name: string;
  /** One value per category; null where the report has no figure (Excel leaves a gap). */
  values: (number | null)[];
  /** Number format of the data labels and value axis (the spec's, else the series' cells'). */
  format: string;
}

export interface ChartData {
  type: ChartType;
  title: string;
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  legend: ChartSpec["legend"];
  dataLabels: boolean;
  overlap?: number;
  gapWidth?: number;
  reverseCategories?: boolean;
  categories: string[];
  series: ChartSeries[];
}

/**
 * The chart of `block` with its figures. A live block holds formulas where figures go: `values`
 * is the same template's static block, whose figures those formulas return.
 */
export function chartData(block: Block, values: Block = block): ChartData | undefined {
  const spec = block.chart;
  if (!spec) return undefined;
  const { row, col, rows, cols } = spec.data;
  const header = block.cells[row] ?? [];
  const categories: string[] = [];
  for (let r = row + 1; r < row + rows; r++) categories.push(String(block.cells[r]?.[col] ?? ""));
  const series: ChartSeries[] = [];
  for (let c = col + 1; c < col + cols; c++) {
    const figures: (number | null)[] = [];
    for (let r = row + 1; r < row + rows; r++) {
      const v = values.cells[r]?.[c];
      figures.push(typeof v === "number" ? v : null);
    }
    series.push({
      name: String(header[c] ?? ""),
      values: figures,
      format: spec.valueFormat ?? block.numberFormats[row + 1]?.[c] ?? "General",
    });
  }
  return {
    type: spec.type,
    title: spec.title,
    ...(spec.categoryAxisTitle ? { categoryAxisTitle: spec.categoryAxisTitle } : {}),
    ...(spec.valueAxisTitle ? { valueAxisTitle: spec.valueAxisTitle } : {}),
    legend: spec.legend,
    dataLabels: spec.dataLabels,
    ...(spec.overlap !== undefined ? { overlap: spec.overlap } : {}),
    ...(spec.gapWidth !== undefined ? { gapWidth: spec.gapWidth } : {}),
    ...(spec.reverseCategories ? { reverseCategories: true } : {}),
    categories,
    series,
  };
}

/** What a shape shows, so tests and assistive text can find the parts. */
export type ShapeRole = "title" | "axis-title" | "category" | "tick" | "label" | "legend" | "grid" | "axis";

export type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string; tip?: string; series?: number }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: "start" | "middle" | "end";
      role: ShapeRole;
      bold?: boolean;
      fill?: string;
      /** Degrees, about (x, y). */
      rotate?: number;
      /** The full text, when `text` had to be shortened. */
      tip?: string;
      /** A white outline, so the text reads over bars and gridlines alike. */
      halo?: boolean;
    }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; role: ShapeRole }
  | { kind: "path"; d: string; fill: string; tip?: string; series?: number };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

/** Excel's default theme colours (Office 2013–2022), in series order. */
export const PALETTE = [
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
  "#264478",
  "#9E480E",
];
const color = (i: number): string => PALETTE[i % PALETTE.length] ?? "#4472C4";
const INK = "#404040";
const GRID = "#D9D9D9";
const AXIS = "#BFBFBF";

const TITLE_SIZE = 13;
const TEXT_SIZE = 10;
const LABEL_SIZE = 9;
const PAD = 8;

/** Estimated width of a text (Segoe UI's average advance is a little over half the font size). */
export const textWidth = (text: string, size: number, bold = false): number =>
  text.length * size * (bold ? 0.62 : 0.56);

type TextShape = Extract<Shape, { kind: "text" }>;

/** A text's box: left, top, right, bottom. */
function box(s: TextShape): [number, number, number, number] {
  const w = textWidth(s.text, s.size, s.bold);
  const left = s.anchor === "start" ? s.x : s.anchor === "middle" ? s.x - w / 2 : s.x - w;
  return [left, s.y - s.size * 0.8, left + w, s.y + s.size * 0.2];
}

/**
 * Data labels that would overlap one already placed are left out: Excel would draw them over each
 * other; the picture keeps the readable ones (every figure is in the bar's tooltip and the table).
 */
function withoutCollisions(labels: Shape[]): Shape[] {
  const placed: [number, number, number, number][] = [];
  return labels.filter((s) => {
    if (s.kind !== "text") return true;
    const b = box(s);
    if (placed.some((p) => b[0] < p[2] && p[0] < b[2] && b[1] < p[3] && p[1] < b[3])) return false;
    placed.push(b);
    return true;
  });
}

/** Cuts `text` to `width`, with an ellipsis. */
function shorten(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (size * 0.56)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

/** Greedy word wrap into at most `maxLines` lines of `width`; the last line ends in … if text is left. */
export function wrap(text: string, size: number, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const candidate = line === "" ? word : `${line} ${word}`;
    if (textWidth(candidate, size) <= width || line === "") {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      lines[maxLines - 1] = shorten(`${lines[maxLines - 1] ?? ""} ${words.slice(i).join(" ")}`, size, width);
      return lines;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => shorten(l, size, width));
}

/** Round tick values covering [min, max], about `count` of them (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (min === max) max = min + 1;
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(Number((first + ticks.length * step).toPrecision(12)));
  return ticks;
}

/** White or dark text, whichever reads better on `fill`. */
function inkOn(fill: string): string {
  const n = parseInt(fill.slice(1), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance > 150 ? INK : "#FFFFFF";
}

interface Legend {
  shapes: Shape[];
  height: number;
  width: number;
}

/** Legend entries flowing in rows across `width`, or stacked in a column (a legend at the right). */
function legendShapes(names: string[], width: number, column: boolean): Legend {
  const shapes: Shape[] = [];
  const swatch = 9;
  const rowHeight = 14;
  if (column) {
    let y = 0;
    for (const [i, name] of names.entries()) {
      const lines = wrap(name, TEXT_SIZE, width - swatch - 4, 3);
      shapes.push({ kind: "rect", x: 0, y: y + 2, w: swatch, h: swatch, fill: color(i) });
      lines.forEach((line, li) =>
        shapes.push({
          kind: "text",
          x: swatch + 4,
          y: y + 10 + li * 12,
          text: line,
          size: TEXT_SIZE,
          anchor: "start",
          role: "legend",
          fill: INK,
          ...(lines.length > 1 || line !== name ? { tip: name } : {}),
        }),
      );
      y += lines.length * 12 + 4;
    }
    return { shapes, height: y, width };
  }
  let x = 0;
  let y = 0;
  for (const [i, name] of names.entries()) {
    const text = shorten(name, TEXT_SIZE, width - swatch - 4);
    const w = swatch + 4 + textWidth(text, TEXT_SIZE);
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight;
    }
    shapes.push({ kind: "rect", x, y: y + 2, w: swatch, h: swatch, fill: color(i) });
    shapes.push({
      kind: "text",
      x: x + swatch + 4,
      y: y + 10,
      text,
      size: TEXT_SIZE,
      anchor: "start",
      role: "legend",
      fill: INK,
      ...(text !== name ? { tip: name } : {}),
    });
    x += w + 12;
  }
  return { shapes, height: names.length > 0 ? y + rowHeight : 0, width };
}

const moved = (shapes: Shape[], dx: number, dy: number): Shape[] =>
  shapes.map((s) => {
    switch (s.kind) {
      case "rect":
      case "text":
        return { ...s, x: s.x + dx, y: s.y + dy };
      case "line":
        return { ...s, x1: s.x1 + dx, x2: s.x2 + dx, y1: s.y1 + dy, y2: s.y2 + dy };
      case "path":
        return s; // pie slices are placed where they are drawn
    }
  });

/** The title's lines, centred at the top. */
function titleShapes(title: string, width: number): { shapes: Shape[]; height: number } {
  // Bold text is wider: wrap as if the font were a little larger.
  const lines = wrap(title, TITLE_SIZE * 1.11, width - 2 * PAD, 3);
  return {
    shapes: lines.map((line, i) => ({
      kind: "text",
      x: width / 2,
      y: PAD + 12 + i * 16,
      text: line,
      size: TITLE_SIZE,
      anchor: "middle",
      role: "title",
      bold: true,
      fill: INK,
    })),
    height: PAD + lines.length * 16 + 6,
  };
}

/** Lays out `data` as a picture `width` pixels wide, its labels written as Excel will in `lang`. */
export function layoutChart(data: ChartData, width: number, lang: Lang): Scene {
  const scene = data.type === "Pie" ? layoutPie(data, width, lang) : layoutBars(data, width, lang);
  return { ...scene, shapes: scene.shapes.map((s) => keepInside(s, width)) };
}

/** Moves an upright text that would run past either edge back inside the picture. */
function keepInside(s: Shape, width: number): Shape {
  if (s.kind !== "text" || s.rotate) return s;
  const w = textWidth(s.text, s.size, s.bold);
  const left = s.anchor === "start" ? s.x : s.anchor === "middle" ? s.x - w / 2 : s.x - w;
  const shift = left < 1 ? 1 - left : left + w > width - 1 ? width - 1 - (left + w) : 0;
  return shift === 0 ? s : { ...s, x: s.x + shift };
}

function layoutPie(data: ChartData, width: number, lang: Lang): Scene {
  const shapes: Shape[] = [];
  const title = titleShapes(data.title, width);
  shapes.push(...title.shapes);
  const series = data.series[0];
  const values = (series?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const right = data.legend === "Right";
  const legendWidth = right ? Math.min(Math.max(90, width * 0.4), 160) : width - 2 * PAD;
  const legend = data.legend === "None" ? undefined : legendShapes(data.categories, legendWidth, right);
  const plotWidth = right ? width - 2 * PAD - legendWidth - PAD : width - 2 * PAD;
  const diameter = Math.max(60, Math.min(plotWidth, 220));
  const r = diameter / 2 - 14; // room for labels outside small slices
  const cx = PAD + plotWidth / 2;
  const cy = title.height + diameter / 2;
  const labels: Shape[] = [];
  let angle = 0; // Excel starts the first slice at 12 o'clock and goes clockwise
  const point = (a: number, radius: number): [number, number] => [
    cx + radius * Math.sin(a),
    cy - radius * Math.cos(a),
  ];
  values.forEach((v, i) => {
    if (v === 0 || total === 0) return;
    const sweep = (v / total) * 2 * Math.PI;
    const name = data.categories[i] ?? "";
    const label = formatValue(v, series?.format, lang);
    const tip = `${name}: ${label}`;
    if (sweep >= 2 * Math.PI - 1e-9) {
      // One slice is the whole pie: two half arcs (an arc cannot end where it starts).
      const [x0, y0] = point(0, r);
      const [x1, y1] = point(Math.PI, r);
      shapes.push({
        kind: "path",
        d: `M${x0},${y0} A${r},${r} 0 1 1 ${x1},${y1} A${r},${r} 0 1 1 ${x0},${y0} Z`,
        fill: color(i),
        tip,
        series: i,
      });
    } else {
      const [x0, y0] = point(angle, r);
      const [x1, y1] = point(angle + sweep, r);
      shapes.push({
        kind: "path",
        d: `M${cx},${cy} L${x0},${y0} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x1},${y1} Z`,
        fill: color(i),
        tip,
        series: i,
      });
    }
    if (data.dataLabels) {
      const mid = angle + sweep / 2;
      const inside = sweep * r * 0.65 >= textWidth(label, LABEL_SIZE) * 0.9 && sweep > 0.35;
      const [lx, ly] = point(mid, inside ? r * 0.62 : r + 5);
      labels.push({
        kind: "text",
        x: lx,
        y: ly + 3,
        text: label,
        size: LABEL_SIZE,
        anchor: inside ? "middle" : Math.sin(mid) >= 0 ? "start" : "end",
        role: "label",
        fill: inside ? inkOn(color(i)) : INK,
      });
    }
    angle += sweep;
  });
  shapes.push(...withoutCollisions(labels));
  let height = title.height + diameter + PAD;
  if (legend) {
    if (right) {
      const lx = width - PAD - legendWidth;
      const ly = Math.max(title.height, cy - legend.height / 2);
      shapes.push(...moved(legend.shapes, lx, ly));
      height = Math.max(height, ly + legend.height + PAD);
    } else {
      shapes.push(...moved(legend.shapes, PAD, height));
      height += legend.height + PAD;
    }
  }
  return { width, height: Math.ceil(height), shapes };
}

/**
 * Gap width and overlap Excel uses where the plan sets none (Excel 2016 and later: clustered
 * columns 219 % and -27 %, clustered bars 182 % and -27 %, stacked 150 % and 100 %).
 */
function defaults(type: ChartType): { gap: number; overlap: number } {
  if (type === "ColumnStacked" || type === "BarStacked") return { gap: 150, overlap: 100 };
  return type === "ColumnClustered" ? { gap: 219, overlap: -27 } : { gap: 182, overlap: -27 };
}

/** Where each bar of a category goes within its band: offset from the band's start, and thickness. */
function barSlots(
  band: number,
  data: ChartData,
  stacked: boolean,
): { offset: (s: number) => number; thickness: number; step: number } {
  const d = defaults(data.type);
  const gap = (data.gapWidth ?? d.gap) / 100;
  const o = stacked ? 1 : (data.overlap ?? d.overlap) / 100;
  const n = stacked ? 1 : data.series.length;
  // A cluster is one bar plus (n-1) steps of (1-overlap) bars; the gap is a fraction of a bar.
  const cluster = 1 + (n - 1) * (1 - o);
  const thickness = band / (cluster + gap);
  const step = stacked ? 0 : thickness * (1 - o);
  const start = (thickness * gap) / 2;
  return { offset: (s) => start + s * step, thickness, step };
}

function layoutBars(data: ChartData, width: number, lang: Lang): Scene {
  const horizontal = data.type === "BarClustered" || data.type === "BarStacked";
  const stacked = data.type === "ColumnStacked" || data.type === "BarStacked";
  const shapes: Shape[] = [];
  const title = titleShapes(data.title, width);
  shapes.push(...title.shapes);
  const n = data.categories.length;
  const format = data.series[0]?.format;

  // The value range: each figure, or each category's stacked sums above and below zero; zero included.
  let min = 0;
  let max = 0;
  for (let c = 0; c < n; c++) {
    let up = 0;
    let down = 0;
    for (const s of data.series) {
      const v = s.values[c];
      if (v === null || v === undefined) continue;
      if (stacked) {
        if (v >= 0) up += v;
        else down += v;
      } else {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    if (stacked) {
      max = Math.max(max, up);
      min = Math.min(min, down);
    }
  }

  const legend =
    data.legend === "None"
      ? undefined
      : legendShapes(
          data.series.map((s) => s.name),
          width - 2 * PAD,
          false,
        );
  const axisTitle = (text: string | undefined): number => (text ? 16 : 0);

  // Ticks: as many as the space allows without their labels touching.
  const tickText = (v: number): string => formatValue(v, format, lang);
  const chooseTicks = (length: number, perLabel: (t: number[]) => number): number[] => {
    for (let count = 6; count >= 2; count--) {
      const ticks = niceTicks(min, max, count);
      if (length / Math.max(1, ticks.length - 1) >= perLabel(ticks)) return ticks;
    }
    return niceTicks(min, max, 1);
  };

  let plot: { x: number; y: number; w: number; h: number };
  let ticks: number[];
  let band: number;
  const categoryShapes: Shape[] = [];
  let bottomExtra: number;

  if (horizontal) {
    // Categories down the left, values along the bottom.
    const labelWidth = Math.min(
      Math.max(...data.categories.map((c) => textWidth(c, LABEL_SIZE)), 20) + 4,
      width * 0.36,
    );
    const labelLines = data.categories.map((c) => wrap(c, LABEL_SIZE, labelWidth - 4, 2));
    const linesNeeded = Math.max(1, ...labelLines.map((l) => l.length));
    // Room for each label: bars side by side must be at least a label's height apart.
    const unit = barSlots(1, data, stacked);
    const apart = unit.step > 0 ? (LABEL_SIZE + 1) / unit.step : 0;
    band = Math.max(linesNeeded * 11 + 4, apart, 14);
    const left = PAD + axisTitle(data.categoryAxisTitle) + labelWidth;
    const plotW = width - left - PAD - 12;
    plot = { x: left, y: title.height, w: plotW, h: band * n };
    ticks = chooseTicks(plotW, (t) => Math.max(...t.map((v) => textWidth(tickText(v), LABEL_SIZE))) + 6);
    labelLines.forEach((lines, c) => {
      const slot = data.reverseCategories ? c : n - 1 - c;
      const cy = plot.y + slot * band + band / 2;
      const name = data.categories[c] ?? "";
      lines.forEach((line, li) =>
        categoryShapes.push({
          kind: "text",
          x: plot.x - 4,
          y: cy + 3 + (li - (lines.length - 1) / 2) * 11,
          text: line,
          size: LABEL_SIZE,
          anchor: "end",
          role: "category",
          fill: INK,
          ...(lines.join(" ") !== name ? { tip: name } : {}),
        }),
      );
    });
    if (data.categoryAxisTitle) categoryShapes.push(leftAxisTitle(data.categoryAxisTitle, plot));
    bottomExtra = 16 + axisTitle(data.valueAxisTitle);
  } else {
    // Categories along the bottom, values up the left.
    const plotH = 170;
    const tickWidth = (t: number[]): number => Math.max(...t.map((v) => textWidth(tickText(v), LABEL_SIZE)));
    const provisional = niceTicks(min, max, 5);
    const left = PAD + axisTitle(data.valueAxisTitle) + tickWidth(provisional) + 6;
    const plotW = width - left - PAD;
    band = plotW / Math.max(1, n);
    const words = data.categories.flatMap((c) => c.split(/\s+/));
    const upright = words.every((w) => textWidth(w, LABEL_SIZE) <= band - 2);
    const lines = data.categories.map((c) =>
      upright ? wrap(c, LABEL_SIZE, band - 2, 3) : [shorten(c, LABEL_SIZE, 90)],
    );
    const labelHeight = upright
      ? Math.max(1, ...lines.map((l) => l.length)) * 11 + 4
      : Math.max(...lines.map((l) => textWidth(l[0] ?? "", LABEL_SIZE))) * 0.72 + 10;
    plot = { x: left, y: title.height + 8, w: plotW, h: plotH };
    ticks = chooseTicks(plotH, () => 16);
    lines.forEach((ls, c) => {
      const cx = plot.x + c * band + band / 2;
      const name = data.categories[c] ?? "";
      ls.forEach((line, li) =>
        categoryShapes.push(
          upright
            ? {
                kind: "text",
                x: cx,
                y: plot.y + plot.h + 12 + li * 11,
                text: line,
                size: LABEL_SIZE,
                anchor: "middle",
                role: "category",
                fill: INK,
                ...(ls.join(" ") !== name ? { tip: name } : {}),
              }
            : {
                kind: "text",
                x: cx + 3,
                y: plot.y + plot.h + 8,
                text: line,
                size: LABEL_SIZE,
                anchor: "end",
                role: "category",
                fill: INK,
                rotate: -45,
                ...(line !== name ? { tip: name } : {}),
              },
        ),
      );
    });
    bottomExtra = labelHeight + axisTitle(data.categoryAxisTitle);
    if (data.valueAxisTitle) categoryShapes.push(leftAxisTitle(data.valueAxisTitle, plot));
  }

  const lo = Math.min(...ticks);
  const hi = Math.max(...ticks);
  /** Pixel position of a value along the value axis. */
  const at = (v: number): number =>
    horizontal ? plot.x + ((v - lo) / (hi - lo)) * plot.w : plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;

  // Gridlines and tick labels.
  for (const t of ticks) {
    const p = at(t);
    shapes.push(
      horizontal
        ? { kind: "line", x1: p, y1: plot.y, x2: p, y2: plot.y + plot.h, stroke: GRID, role: "grid" }
        : { kind: "line", x1: plot.x, y1: p, x2: plot.x + plot.w, y2: p, stroke: GRID, role: "grid" },
    );
    shapes.push(
      horizontal
        ? {
            kind: "text",
            x: p,
            y: plot.y + plot.h + 12,
            text: tickText(t),
            size: LABEL_SIZE,
            anchor: "middle",
            role: "tick",
            fill: INK,
          }
        : {
            kind: "text",
            x: plot.x - 4,
            y: p + 3,
            text: tickText(t),
            size: LABEL_SIZE,
            anchor: "end",
            role: "tick",
            fill: INK,
          },
    );
  }

  // Bars, and their data labels where they fit.
  const slots = barSlots(band, data, stacked);
  const labels: Shape[] = [];
  for (let c = 0; c < n; c++) {
    const slotIndex = horizontal ? (data.reverseCategories ? c : n - 1 - c) : c;
    const bandStart = (horizontal ? plot.y : plot.x) + slotIndex * band;
    let up = 0;
    let down = 0;
    data.series.forEach((s, si) => {
      const v = s.values[c];
      if (v === null || v === undefined) return;
      const base = stacked ? (v >= 0 ? up : down) : 0;
      const end = base + v;
      if (stacked) {
        if (v >= 0) up = end;
        else down = end;
      }
      // Within a band, Excel draws a bar chart's first series nearest the axis origin (bottom), a
      // column chart's at the left; reversing the categories flips the bar chart's order too.
      const seriesSlot = horizontal && !data.reverseCategories && !stacked ? data.series.length - 1 - si : si;
      const offset = slots.offset(seriesSlot);
      const p0 = at(base);
      const p1 = at(end);
      const fill = color(si);
      const label = formatValue(v, s.format, lang);
      const tip = `${data.categories[c] ?? ""} · ${s.name}: ${label}`;
      const rect = horizontal
        ? { x: Math.min(p0, p1), y: bandStart + offset, w: Math.abs(p1 - p0), h: slots.thickness }
        : { x: bandStart + offset, y: Math.min(p0, p1), w: slots.thickness, h: Math.abs(p1 - p0) };
      shapes.push({ kind: "rect", ...rect, fill, tip, series: si });
      if (!data.dataLabels) return;
      const lw = textWidth(label, LABEL_SIZE);
      const text = { kind: "text", text: label, size: LABEL_SIZE, role: "label" } as const;
      if (stacked) {
        // Centred in its segment: white on the bar where it fits inside, else dark with a halo.
        const fits = horizontal
          ? rect.w >= lw + 2 && rect.h >= LABEL_SIZE
          : rect.w >= lw + 2 && rect.h >= LABEL_SIZE + 1;
        const tall = horizontal ? rect.h >= LABEL_SIZE - 1 : rect.h >= LABEL_SIZE + 1;
        if (!tall) return; // a sliver: its label would cover the next segment's
        labels.push({
          ...text,
          x: rect.x + rect.w / 2,
          y: rect.y + rect.h / 2 + 3,
          anchor: "middle",
          fill: fits ? inkOn(fill) : INK,
          ...(fits ? {} : { halo: true }),
        });
      } else if (horizontal) {
        // Outside the bar's end, or inside it where the picture ends first.
        const outward = v >= 0 ? 1 : -1;
        const outside = outward > 0 ? p1 + 3 + lw <= width - 2 : p1 - 3 - lw >= plot.x;
        const cy = rect.y + rect.h / 2 + 3;
        labels.push(
          outside
            ? { ...text, x: p1 + 3 * outward, y: cy, anchor: outward > 0 ? "start" : "end", fill: INK }
            : {
                ...text,
                x: p1 - 3 * outward,
                y: cy,
                anchor: outward > 0 ? "end" : "start",
                fill: inkOn(fill),
              },
        );
      } else {
        const y = v >= 0 ? p1 - 3 : p1 + 11;
        labels.push({
          ...text,
          x: rect.x + rect.w / 2,
          y: Math.max(y, plot.y - 2),
          anchor: "middle",
          fill: INK,
        });
      }
    });
  }

  // The category axis, where the value axis crosses it: at zero.
  const zero = at(Math.max(lo, Math.min(hi, 0)));
  shapes.push(
    horizontal
      ? { kind: "line", x1: zero, y1: plot.y, x2: zero, y2: plot.y + plot.h, stroke: AXIS, role: "axis" }
      : { kind: "line", x1: plot.x, y1: zero, x2: plot.x + plot.w, y2: zero, stroke: AXIS, role: "axis" },
  );
  shapes.push(...withoutCollisions(labels), ...categoryShapes);

  let height = plot.y + plot.h + bottomExtra;
  const bottomTitle = horizontal ? data.valueAxisTitle : data.categoryAxisTitle;
  if (bottomTitle) {
    shapes.push({
      kind: "text",
      x: plot.x + plot.w / 2,
      y: height - 3,
      text: shorten(bottomTitle, TEXT_SIZE, width - 2 * PAD),
      size: TEXT_SIZE,
      anchor: "middle",
      role: "axis-title",
      bold: true,
      fill: INK,
    });
  }
  height += 6;
  if (legend) {
    shapes.push(...moved(legend.shapes, PAD, height));
    height += legend.height;
  }
  return { width, height: Math.ceil(height + PAD), shapes };
}

/** An axis title set upright along the left edge, centred on the plot's height. */
function leftAxisTitle(text: string, plot: { y: number; h: number }): Shape {
  return {
    kind: "text",
    x: PAD + 10,
    y: plot.y + plot.h / 2,
    text: shorten(text, TEXT_SIZE, plot.h),
    size: TEXT_SIZE,
    anchor: "middle",
    role: "axis-title",
    bold: true,
    fill: INK,
    rotate: -90,
  };
}
