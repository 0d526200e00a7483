/**
 * The README and the user docs it links are run: every "=IOM.…(…) → result" line and every row of
 * a function table gives that result through the functions' own code; every `npx iom …` line of
 * the README and of docs/cli.md runs (in a scratch folder holding the files its examples name) and prints what its
 * "# → …" comment says; every npm command it gives is a script of package.json that a suite runs.
 * So a user who copies an example gets what the documentation promises.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../src/cli/commands/eval";
import { iomCli, tempDir } from "./cli/helpers";

jest.setTimeout(60_000);

const ROOT = join(__dirname, "..");
const read = (file: string): string => readFileSync(join(ROOT, file), "utf8");
const readme = read("README.md");
const DOCS = ["README.md", "docs/functions.md", "docs/languages.md"];

/** [formula, printed result] pairs: arrow lines in code blocks, and function tables' Example | Result cells. */
function examples(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of text.matchAll(/^(=IOM\.[^\n→]*?\))\s*→\s*(.+?)\s*$/gmu)) out.push([m[1]!, m[2]!]);
  for (const m of text.matchAll(/\|\s*`(=IOM\.[^`]+)`\s*\|\s*([^|\n]+?)\s*\|/g)) out.push([m[1]!, m[2]!]);
  return out;
}

const numeric = DOCS.flatMap((file) =>
  examples(read(file))
    .filter(([, result]) => /^[\d.]+$/.test(result))
    .map(([formula, result]) => [file, formula, Number(result)] as const),
);

describe("formula examples", () => {
  it("are found in the README and the docs (French and Spanish ones included)", () => {
    expect(numeric.filter(([file]) => file === "README.md").length).toBeGreaterThanOrEqual(10);
    expect(numeric.length).toBeGreaterThanOrEqual(15);
    expect(numeric.map(([, f]) => f)).toEqual(
      expect.arrayContaining(['=IOM.STAFF("P-4","F")', '=IOM.GASTOS("Europa";2010)']),
    );
  });

  it.each(numeric)("%s: %s gives %d", (_, formula, expected) => {
    expect(evaluate(formula, { localized: true })).toEqual({ value: expected });
  });

  /** The README's results that are not one number: a spill's size, its first column, a text's start. */
  const described = examples(readme).filter(([, r]) => !/^[\d.]+$/.test(r));
  it.each(described)("%s gives what the README describes (%s)", (formula, result) => {
    const r = evaluate(formula, { localized: true });
    if (!("value" in r)) throw new Error(`${formula} gave ${r.error.code}`);
    const v = r.value;
    const size = /^(\d+) × (\d+)$/.exec(result);
    if (size) {
      expect(Array.isArray(v) && [v.length, v[0]!.length]).toEqual([Number(size[1]), Number(size[2])]);
    } else if (result === "rows") {
      expect(Array.isArray(v) && v.length).toBeGreaterThan(1);
    } else if (/^\w+(, \w+)+$/.test(result)) {
      expect(Array.isArray(v) && v.map((row) => row[0])).toEqual(result.split(", "));
    } else {
      // "Table 2 — …": the text starts with the part before the ellipsis; "MC/2346 (2011)": all of it.
      const first = Array.isArray(v) ? v[0]![0] : v;
      if (typeof first !== "string") throw new Error(`${formula} gave ${typeof first}, not a text`);
      const shown = first;
      const lead = result.split("…")[0]!.replace(/^`/, "").trim();
      if (lead === result) expect(shown).toBe(result);
      else expect(shown.startsWith(lead)).toBe(true);
    }
  });
});

/** One shell line split into words as a POSIX shell does (quotes, backslashes), with its # comment apart. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= "";
      for (i++; line[i] !== '"'; i++) {
        if (line[i] === "\\" && /["\\$`]/.test(line[i + 1] ?? "")) i++;
        word += line[i];
      }
    } else if (c === "\\") {
      word = (word ?? "") + line[++i];
    } else if (c === "#" && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? "") + c;
  }
  if (word !== undefined) words.push(word);
  return { words, comment: "" };
}

/** The lines of the sh and bat code blocks of a document (the README by default). */
function commandLines(text = readme): string[] {
  return [...text.matchAll(/```(?:sh|bat)\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.split("\n"))
    .filter(Boolean);
}

describe("the README's commands", () => {
  // The README's, then the CLI reference's (whose in-place refresh comes last).
  const iomLines = [...new Set([...commandLines(), ...commandLines(read("docs/cli.md"))])].filter((l) =>
    l.startsWith("npx iom "),
  );
  const tmp = tempDir("iom-readme-");
  const cwd = process.cwd();

  beforeAll(async () => {
    // The files the examples name: a workbook of the user's (an export stands in) and a formula list.
    process.chdir(tmp.dir);
    expect((await iomCli("export", "-o", "budget.xlsx")).code).toBe(0);
    writeFileSync("formulas.txt", '=IOM.STAFF("P-4","F")\n=IOM.MOVEMENTS("Kenya")\n');
  });
  afterAll(() => {
    process.chdir(cwd);
    tmp.cleanup();
  });

  it("are found, Windows quoting included", () => {
    expect(iomLines.length).toBeGreaterThanOrEqual(10);
    expect(iomLines).toContain('npx iom eval "=IOM.STAFF(\\"P-4\\",\\"F\\")"');
  });

  it("split into words as the shells do (Command Prompt's \\\" included)", () => {
    expect(shellWords(`npx iom eval '=IOM.STAFF("P-4","F")'   # → 55`)).toEqual({
      words: ["npx", "iom", "eval", '=IOM.STAFF("P-4","F")'],
      comment: "→ 55",
    });
    expect(shellWords('npx iom eval "=IOM.STAFF(\\"P-4\\",\\"F\\")"').words[3]).toBe('=IOM.STAFF("P-4","F")');
  });

  it.each(iomLines)("%s", async (line) => {
    const { words, comment } = shellWords(line);
    const r = await iomCli(...words.slice(2));
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const printed = /^→ (.+)$/.exec(comment)?.[1];
    if (printed !== undefined) expect(r.out.split("\n")[0]).toBe(printed);
    const at = Math.max(words.indexOf("-o"), words.indexOf("--out"));
    if (at > 0) expect(statSync(words[at + 1]!).size).toBeGreaterThan(0);
    else if (!words.includes("--dry-run")) expect(r.out.length).toBeGreaterThan(0);
  });

  it("give npm commands that are package scripts, each run by a suite", () => {
    const npm = commandLines()
      .flatMap((l) => shellWords(l).words.join(" ").split(" && "))
      .filter((c) => c.startsWith("npm "))
      .map((c) => c.split(" ").slice(1, 3).join(" "));
    // Where each is run: CI runs install and test themselves; the rest by these suites.
    const suites: Record<string, string> = {
      start: "tests/start/start.test.ts",
      stop: "tests/start/start.test.ts",
      "run release": "tests/release/release.test.ts",
      pack: "tests/cli/package.test.ts",
    };
    const scripts = Object.keys((JSON.parse(read("package.json")) as { scripts: object }).scripts);
    for (const c of new Set(npm)) {
      const [verb, arg] = c.split(" ");
      if (verb === "install" || verb === "test") continue;
      const key = verb === "run" ? `run ${arg}` : verb!;
      expect(Object.keys(suites)).toContain(key);
      expect(existsSync(join(ROOT, suites[key]!))).toBe(true);
      if (verb !== "pack") expect(scripts).toContain(verb === "run" ? arg : verb);
    }
    expect(npm).toEqual(expect.arrayContaining(["install", "start", "test", "run release", "pack"]));
  });
});

describe("the README", () => {
  it("is for users and short: at most 20 KB", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024);
  });

  it("links only files that exist", () => {
    for (const m of readme.matchAll(/\]\(((?!https?:)[^)#]+)\)|src="([^"]+)"/g)) {
      const target = m[1] ?? m[2]!;
      expect({ target, exists: existsSync(join(ROOT, target)) }).toEqual({ target, exists: true });
    }
  });
});
