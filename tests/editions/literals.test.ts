/**
 * An edition is data: outside data/, the editions' importers (src/import/editions/<edition>/) and
 * tests, no file names a year a bundled edition covers, its document symbol or one of its table ids.
 * The forbidden words come from the bundled editions themselves, so a new edition extends the check.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { editions, iom } from "../../src/core";

const root = join(__dirname, "..", "..");

/** Folders that hold an edition's data, its importer, tests, or output generated from the data. */
const EXEMPT = [
  "data",
  "src/import/editions",
  "tests",
  "node_modules",
  ".git",
  "dist",
  "build",
  "lib",
  "coverage",
  "release",
  // Generated from the data by `iom scripts` (one script per table): output, like dist/.
  "office-scripts",
];
const EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|json|html|css|xml)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path).replace(/\\/g, "/");
    if (EXEMPT.some((e) => rel === e || rel.startsWith(`${e}/`))) continue;
    if (name === "package-lock.json") continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (EXTENSIONS.test(name)) out.push(path);
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The words of every bundled edition that code must not name. */
function forbidden(): { word: string; pattern: RegExp }[] {
  const words = new Set<string>();
  for (const info of editions()) {
    const e = iom({ edition: info.id }).edition;
    words.add(e.edition);
    words.add(String(e.meta.year));
    for (const t of e.tables) {
      words.add(t.id);
      for (const c of t.columns) {
        const y = /^y(\d{4})/.exec(c.key);
        if (y?.[1]) words.add(y[1]);
      }
    }
    words.add(e.meta.document);
    words.add(e.meta.document.replace("/", ""));
  }
  return [...words].map((word) => ({
    word,
    pattern: new RegExp(`(?<![A-Za-z0-9_])${escape(word)}(?![A-Za-z0-9_])`),
  }));
}

describe("editions are data", () => {
  const words = forbidden();
  const files = sourceFiles(root);

  it("scans the source tree with the bundled editions' years, document symbols and table ids", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(words.map((w) => w.word)).toEqual(expect.arrayContaining(["table5", "MC/2346", "2011", "2007"]));
  });

  it("names none of them outside data/, the importers and tests", () => {
    const hits: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const w of words)
          if (w.pattern.test(line)) hits.push(`${relative(root, file)}:${i + 1}: ${w.word}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
