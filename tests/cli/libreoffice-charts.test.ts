/**
 * The exported workbook's 14 native charts, drawn by a real spreadsheet application: LibreOffice
 * converts the export, and the same export with its chart parts taken out, to PDF in one run;
 * pdftoppm renders each chart sheet's page of both; the pixels that differ are what the chart
 * drew. Each chart must cover a real part of its page, to the right of (or under) its data, in its
 * series' colours, and its title, axis titles and data labels must be text on the page.
 * The renderings, the PDF and the numbers are written to tests/artifacts/charts/ to look at.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import JSZip from "jszip";
import { SERIES_COLORS } from "../../src/cli/xlsx/charts/chart-xml";
import { EXIT } from "../../src/cli/io";
import { iom } from "../../src/core/data";
import { CHARTS, chartBlock, seriesOf } from "../../src/taskpane/plans/charts";
import { iomCli, tempDir } from "./helpers";

jest.setTimeout(120_000);

const SOFFICE = "/usr/bin/soffice";
const ARTIFACTS = join(__dirname, "..", "artifacts", "charts");
/** Resolution of the renderings that are measured (dots per inch). */
const DPI = 60;

const run = (cmd: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(
      cmd,
      args,
      { timeout: 110_000, maxBuffer: 64 * 1024 * 1024, encoding: "latin1" },
      (e, out, err) => (e ? reject(new Error(`${cmd} failed: ${e.message}\n${err}`)) : resolve(out)),
    ),
  );

/**
 * The control: the same package with each chart replaced by an invisible rectangle of its size (no
 * fill, no line), so the page keeps its extent and scale and differs only by what the chart drew.
 */
async function withoutCharts(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const invisible =
    '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="control"/><xdr:cNvSpPr/></xdr:nvSpPr>' +
    '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></xdr:spPr></xdr:sp>';
  for (const name of Object.keys(zip.files)) {
    const xml = async (): Promise<string> => (zip.file(name) as JSZip.JSZipObject).async("string");
    if (/^xl\/charts\/chart\d+\.xml$/.test(name)) zip.remove(name);
    else if (/^xl\/drawings\/drawing\d+\.xml$/.test(name))
      zip.file(name, (await xml()).replace(/<xdr:graphicFrame[\s\S]*?<\/xdr:graphicFrame>/g, invisible));
    else if (/^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/.test(name))
      zip.file(name, (await xml()).replace(/<Relationship [^>]*relationships\/chart"[^>]*\/>/g, ""));
  }
  const types = await (zip.file("[Content_Types].xml") as JSZip.JSZipObject).async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(/<Override PartName="\/xl\/charts\/chart\d+\.xml"[^>]*\/>/g, ""),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** A binary PPM (P6), as pdftoppm writes it. */
function readPpm(bytes: Buffer): Image {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a P6 image");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: bytes.subarray(header[0].length, header[0].length + width * height * 3) };
}

async function renderPage(pdf: string, page: number, prefix: string): Promise<Image> {
  await run("pdftoppm", [
    "-f",
    String(page),
    "-l",
    String(page),
    "-r",
    String(DPI),
    "-singlefile",
    pdf,
    prefix,
  ]);
  return readPpm(readFileSync(`${prefix}.ppm`));
}

/** An RGB image as PNG (8-bit truecolour, no filtering), for the artifacts. */
function pngOf(img: Image): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((img.width * 3 + 1) * img.height);
  for (let y = 0; y < img.height; y++)
    img.rgb.copy(raw, y * (img.width * 3 + 1) + 1, y * img.width * 3, (y + 1) * img.width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

interface Measure {
  /** Pixels that differ from the page without the chart. */
  drawn: number;
  /** Share of the page they make up. */
  share: number;
  box: { left: number; top: number; right: number; bottom: number };
  /** Pixels of each series' (or slice's) colour among the drawn ones. */
  colours: number[];
}

const near = (img: Image, i: number, rgb: string): boolean => {
  const c = [0, 2, 4].map((k) => parseInt(rgb.slice(k, k + 2), 16));
  return (
    Math.abs((img.rgb[i] ?? 0) - (c[0] ?? 0)) < 24 &&
    Math.abs((img.rgb[i + 1] ?? 0) - (c[1] ?? 0)) < 24 &&
    Math.abs((img.rgb[i + 2] ?? 0) - (c[2] ?? 0)) < 24
  );
};

/** The measures, and the drawn pixels in black on white (what was counted). */
function measure(withChart: Image, without: Image, colours: string[]): Measure & { diff: Image } {
  expect([withChart.width, withChart.height]).toEqual([without.width, without.height]);
  let drawn = 0;
  const box = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  const counts = colours.map(() => 0);
  const diff: Image = {
    width: withChart.width,
    height: withChart.height,
    rgb: Buffer.alloc(withChart.rgb.length, 255),
  };
  for (let y = 0; y < withChart.height; y++)
    for (let x = 0; x < withChart.width; x++) {
      const i = (y * withChart.width + x) * 3;
      const same =
        withChart.rgb[i] === without.rgb[i] &&
        withChart.rgb[i + 1] === without.rgb[i + 1] &&
        withChart.rgb[i + 2] === without.rgb[i + 2];
      if (same) continue;
      drawn++;
      diff.rgb.fill(0, i, i + 3);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      colours.forEach((c, k) => {
        if (near(withChart, i, c)) counts[k] = (counts[k] ?? 0) + 1;
      });
    }
  return { drawn, share: drawn / (withChart.width * withChart.height), box, colours: counts, diff };
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
/** Occurrences of a (long) text in a page's text, across line breaks. */
const count = (text: string, what: string): number => squash(text).split(squash(what)).length - 1;
/** Lines of a page's text that are exactly `what` (an axis title is a text item of its own). */
const lines = (text: string, what: string): number =>
  text.split("\n").filter((l) => squash(l) === what).length;
/** Whitespace-separated words equal to `what` (a figure: a label, or a cell of a table row). */
const words = (text: string, what: string): number => text.split(/\s+/).filter((w) => w === what).length;

const available = existsSync(SOFFICE);
const describeLo = available || process.env.CI ? describe : describe.skip;

describeLo("LibreOffice draws every chart of the export", () => {
  const tmp = tempDir("iom-lo-charts-");
  const core = iom();
  const plans = CHARTS.map((def) => ({
    def,
    block: chartBlock(def, "static", "en", core),
    series: seriesOf(def, core),
  }));
  let withPages: string[] = [];
  let withoutPages: string[] = [];
  const results: Record<string, unknown>[] = [];
  let convertMs = 0;

  beforeAll(async () => {
    const withPath = tmp.path("export.xlsx");
    expect((await iomCli("export", "--format", "xlsx", "--out", withPath)).code).toBe(EXIT.ok);
    const withoutPath = tmp.path("export-without-charts.xlsx");
    writeFileSync(withoutPath, await withoutCharts(readFileSync(withPath)));
    const started = Date.now();
    await run(SOFFICE, [
      `-env:UserInstallation=file://${tmp.path("profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      tmp.dir,
      withPath,
      withoutPath,
    ]);
    convertMs = Date.now() - started;
    const pages = async (pdf: string): Promise<string[]> =>
      (await run("pdftotext", ["-enc", "UTF-8", pdf, "-"])).split("\f");
    // pdftotext writes UTF-8; the child's output was read byte for byte.
    const utf8 = (pagesLatin1: string[]): string[] =>
      pagesLatin1.map((p) => Buffer.from(p, "latin1").toString("utf8"));
    withPages = utf8(await pages(tmp.path("export.pdf")));
    withoutPages = utf8(await pages(tmp.path("export-without-charts.pdf")));
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "export.pdf"), readFileSync(tmp.path("export.pdf")));
  }, 120_000);

  afterAll(() => {
    writeFileSync(
      join(ARTIFACTS, "measures.json"),
      `${JSON.stringify({ dpi: DPI, pages: withPages.length - 1, convertMs, charts: results }, null, 2)}\n`,
    );
    tmp.cleanup();
  });

  it("prints both workbooks on the same number of pages", () => {
    expect(withPages.length).toBe(withoutPages.length);
  });

  it.each(CHARTS.map((d, i) => [i + 1, d.id] as const))("chart %i (%s) is drawn", async (n, id) => {
    const plan = plans[n - 1];
    if (!plan) throw new Error(`no plan ${id}`);
    const { def, block } = plan;
    const title = def.title.en;
    // Its page: the one whose text has the chart's title and no other chart's (the contents sheet has all).
    const others = CHARTS.filter((d) => d.id !== id).map((d) => d.title.en);
    const pageIndex = withoutPages.findIndex(
      (p) => count(p, title) > 0 && others.every((o) => count(p, o) === 0),
    );
    expect(pageIndex).toBeGreaterThan(0);
    const page = pageIndex + 1;
    const withText = withPages[pageIndex] ?? "";
    const withoutText = withoutPages[pageIndex] ?? "";

    // The chart's texts: its title, axis titles and data labels are on the page only with the chart.
    expect(count(withText, title)).toBe(count(withoutText, title) + 1);
    const spec = block.chart;
    for (const axisTitle of [spec?.categoryAxisTitle, spec?.valueAxisTitle].filter((t): t is string => !!t))
      expect({ axisTitle, n: lines(withText, axisTitle) }).toEqual({
        axisTitle,
        n: lines(withoutText, axisTitle) + 1,
      });
    const body = block.cells.slice(block.body.row, block.body.row + block.body.rows);
    // The largest figure, as its cells format it ("#,##0.0" → 1,265.4), is also a data label.
    let biggest = { value: 0, decimals: 0 };
    body.forEach((r, ri) =>
      r.slice(1).forEach((v, ci) => {
        if (typeof v !== "number" || Math.abs(v) <= biggest.value) return;
        const format = block.numberFormats[block.body.row + ri]?.[ci + 1] ?? "";
        biggest = { value: Math.abs(v), decimals: /\.(0+)/.exec(format)?.[1]?.length ?? 0 };
      }),
    );
    const label = biggest.value.toLocaleString("en-US", { minimumFractionDigits: biggest.decimals });
    expect({ label, onPage: words(withText, label) }).toEqual({
      label,
      onPage: words(withoutText, label) + 1,
    });
    if (id === "chart_migrants_pyramid") {
      // The men's bars run left with no minus sign on their labels or the axis.
      expect(words(withText, "104,641")).toBe(2);
      expect(withText).not.toMatch(/(^|\s)[-−]\s?\d/m);
    }

    const withImg = await renderPage(tmp.path("export.pdf"), page, tmp.path(`with-${n}`));
    const withoutImg = await renderPage(
      tmp.path("export-without-charts.pdf"),
      page,
      tmp.path(`without-${n}`),
    );
    const colours =
      spec?.type === "Pie"
        ? body.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length] ?? "")
        : plan.series.map((_, i) => SERIES_COLORS[i] ?? "");
    const m = measure(withImg, withoutImg, colours);
    await run("pdftoppm", [
      "-f",
      String(page),
      "-l",
      String(page),
      "-r",
      "96",
      "-png",
      "-singlefile",
      tmp.path("export.pdf"),
      join(ARTIFACTS, `chart-${n}`),
    ]);
    const { diff, ...numbers } = m;
    writeFileSync(join(ARTIFACTS, `chart-${n}-drawn.png`), pngOf(diff));
    results.push({
      chart: n,
      id,
      type: spec?.type,
      page,
      width: withImg.width,
      height: withImg.height,
      ...numbers,
    });

    // The chart drew on its page (at least 1% of it, in a box of at least a tenth of the page)…
    expect(m.share).toBeGreaterThan(0.01);
    const w = m.box.right - m.box.left;
    const h = m.box.bottom - m.box.top;
    expect((w * h) / (withImg.width * withImg.height)).toBeGreaterThan(0.1);
    // …beside the data, or under it when the data is as wide as the page…
    if (block.table.cols > 4) expect(m.box.top).toBeGreaterThan(withImg.height * 0.3);
    else expect(m.box.left).toBeGreaterThan(withImg.width * 0.3);
    // …with bars or slices of every series (or slice) that is big enough to see.
    const totals =
      spec?.type === "Pie"
        ? body.map((r) => Number(r[1]) || 0)
        : plan.series.map((_, s) => body.reduce((t, r) => t + Math.abs(Number(r[1 + s]) || 0), 0));
    const all = totals.reduce((a, b) => a + b, 0);
    const faint = totals.flatMap((t, k) =>
      t / all >= 0.05 && (m.colours[k] ?? 0) <= 20
        ? [{ series: k, colour: colours[k], pixels: m.colours[k] }]
        : [],
    );
    expect(faint).toEqual([]);
  });

  it("leaves the renderings to look at", () => {
    expect(readdirSync(ARTIFACTS).filter((f) => /^chart-\d+\.png$/.test(f))).toHaveLength(CHARTS.length);
  });
});
