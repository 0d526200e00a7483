/**
 * The command line's conventions, as git, npm and gh keep them: one-line usage errors with a hint
 * and exit 2; --json and --format on every command that prints data; the format from --out's
 * extension; one exit code per kind of problem, whichever command meets it; "did you mean" for
 * commands and functions; CSV that Excel reads with its accents.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { EXIT } from "../../src/cli/io";
import { iom } from "../../src/core";
import { iomCli, tempDir } from "./helpers";

const tmp = tempDir("iom-conventions-");
afterAll(() => tmp.cleanup());

describe("usage errors", () => {
  it.each([
    [["tabels"], "unknown command 'tabels' (did you mean tables?)", ""],
    [["table", "5", "--bogus"], "unknown option '--bogus'", "table"],
    [["table"], "missing required argument 'id'", "table"],
    [
      ["table", "5", "--format", "xml"],
      "argument 'xml' is invalid. Allowed choices are csv, tsv, json.",
      "table",
    ],
    [["export", "--format", "xlsx"], "required option '-o, --out <path>' not specified", "export"],
    [["refresh", "x.xlsx", "--show", "many"], "expected a whole number ≥ 0", "refresh"],
    [["table", "5", "--json", "--format", "csv"], "--json and --format csv disagree", "table"],
    [["eval"], "give a formula", "eval"],
  ])("iom %j: one line saying what is wrong, a hint to --help, exit 2", async (argv, says, command) => {
    const r = await iomCli(...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe("");
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(3); // the message, the hint, and the final newline
    expect(lines[0]).toMatch(/^iom: /);
    expect(lines[0]).toContain(says);
    expect(lines[1]).toBe(`Try 'iom${command ? ` ${command}` : ""} --help' for more information.`);
    expect(r.err).not.toContain("Usage:");
  });
});

describe("--json and --format on every command that prints data", () => {
  const cases: [string, string[], (json: unknown) => void][] = [
    ["list", ["list", "gender"], (j) => expect(j).toEqual(["F", "M"])],
    ["tables", ["tables"], (j) => expect(j).toHaveLength(iom().edition.tables.length)],
    [
      "table",
      ["table", "5"],
      (j) => expect((j as { rows: { key: string }[] }).rows.map((r) => r.key)).toContain("p_4"),
    ],
    [
      "facts",
      ["facts", "legal", "contracts"],
      (j) => expect((j as { key: string }[]).map((f) => f.key)).toContain("legal.contracts_reviewed"),
    ],
    [
      "source",
      ["source", "STAFF", "P-4", "F"],
      (j) =>
        expect(j).toMatchObject({
          value: 55,
          edition: "MC/2346 (2011)",
          provenance: { kind: "table", where: "Table 5", lines: [1250] },
        }),
    ],
    [
      "eval",
      ["eval", '=IOM.STAFF("P-4","F")', '=IOM.LIST("gender")'],
      (j) =>
        expect(j).toEqual([
          { formula: '=IOM.STAFF("P-4","F")', value: 55 },
          { formula: '=IOM.LIST("gender")', value: [["F"], ["M"]] },
        ]),
    ],
  ];

  it.each(cases)("iom %s: --json and --format json print the same JSON", async (_, argv, check) => {
    const a = await iomCli(...argv, "--json");
    const b = await iomCli(...argv, "--format", "json");
    expect(a).toMatchObject({ code: EXIT.ok, err: "" });
    expect(b.out).toBe(a.out);
    check(JSON.parse(a.out));
  });

  it.each([
    ["list", ["list", "gender"], "\uFEFFgender\r\nF\r\nM\r\n"],
    ["eval", ["eval", '=IOM.LIST("gender")', '=IOM.STAFF("P-4","F")'], "\uFEFFF\r\nM\r\n55\r\n"],
  ])("iom %s --format csv: CSV with the byte order mark", async (_, argv, expected) => {
    expect((await iomCli(...argv, "--format", "csv")).out).toBe(expected);
    expect((await iomCli(...argv, "--format", "csv", "--no-bom")).out).toBe(expected.slice(1));
  });

  it("tables and facts as TSV keep numbers as numbers", async () => {
    const facts = (await iomCli("facts", "legal", "contracts", "--format", "tsv")).out.split("\n");
    expect(facts[0]).toBe("key\tvalue\tunit\t¶\tlabel");
    expect(facts).toContainEqual(expect.stringMatching(/^legal\.contracts_reviewed\t2929\t/));
    const tables = (await iomCli("tables", "--format", "tsv")).out;
    expect(tables).toContain("table5\tTable 5\t13×7\tofficials\t");
  });
});

describe("--out: the format from the extension", () => {
  it("writes one table as CSV (with the byte order mark), TSV or JSON by the file's name", async () => {
    const csv = tmp.path("t5.csv");
    const r = await iomCli("table", "5", "--out", csv);
    expect(r).toMatchObject({ code: EXIT.ok, out: "", err: "" });
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFTable 5,Headquarters")).toBe(true);
    expect(text).toBe((await iomCli("table", "5", "--format", "csv")).out);
    await iomCli("table", "5", "--out", tmp.path("t5.json"));
    expect(JSON.parse(readFileSync(tmp.path("t5.json"), "utf8"))).toMatchObject({ id: "table5" });
    await iomCli("table", "5", "-o", tmp.path("t5.tsv"));
    expect(readFileSync(tmp.path("t5.tsv"), "utf8")).toContain("P-4\t14\t11\t41\t76\t55\t87\t142\n");
  });

  it("says so when the extension and --format disagree, or the command cannot write that kind", async () => {
    const clash = await iomCli("table", "5", "--out", tmp.path("t.csv"), "--format", "json");
    expect(clash.code).toBe(EXIT.usage);
    expect(clash.err).toContain("ends in .csv but the format asked for is json");
    const xlsx = await iomCli("table", "5", "--out", tmp.path("t.xlsx"));
    expect(xlsx.code).toBe(EXIT.usage);
    expect(xlsx.err).toContain("does not write .xlsx files (formats: csv, tsv, json)");
    expect(existsSync(tmp.path("t.csv")) || existsSync(tmp.path("t.xlsx"))).toBe(false);
  });

  it("never replaces a file without --force", async () => {
    const mine = tmp.path("mine.csv");
    writeFileSync(mine, "mine");
    const r = await iomCli("tables", "--out", mine);
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toContain("already exists");
    expect(readFileSync(mine, "utf8")).toBe("mine");
    expect((await iomCli("tables", "--out", mine, "--force")).code).toBe(EXIT.ok);
    expect(readFileSync(mine, "utf8")).toMatch(/^\uFEFFid,table,/);
  });

  it("export: a workbook from a .xlsx name; csv and json into a folder named without an extension", async () => {
    const one = await iomCli("export", "--format", "csv", "--out", tmp.path("one.csv"));
    expect(one.code).toBe(EXIT.usage);
    expect(one.err).toContain("--format csv writes one file per table, so --out names a folder");
    expect(existsSync(tmp.path("one.csv"))).toBe(false);
    const json = await iomCli("export", "--out", tmp.path("all.json"));
    expect(json.code).toBe(EXIT.usage);
    expect(existsSync(tmp.path("all.json"))).toBe(false);
    const folder = await iomCli("export", "--out", tmp.path("tables"));
    expect(folder.code).toBe(EXIT.usage);
    expect(folder.err).toContain("has no extension: add --format csv or --format json");
    const wrong = await iomCli("export", "--format", "xlsx", "--out", tmp.path("book"));
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.err).toContain("a workbook is written to a file whose name ends in .xlsx");
    expect((await iomCli("export", "--format", "json", "--out", tmp.path("tables"))).code).toBe(EXIT.ok);
    expect(existsSync(tmp.path("tables/table5.json"))).toBe(true);
  });
});

describe("formulas from a file, for shells whose quoting gets in the way", () => {
  it("reads one per line, leaving out blank lines, # comments, a byte order mark and CR", async () => {
    const file = tmp.path("formulas.txt");
    writeFileSync(file, '\uFEFF=IOM.STAFF("P-4","F")\r\n# a comment\r\n\r\n=IOM.MOVEMENTS("Kenya")\r\n');
    const r = await iomCli("eval", "=IOM.EDITION()", "--file", file, "--json");
    expect({ code: r.code, err: r.err }).toEqual({ code: EXIT.ok, err: "" });
    const records = JSON.parse(r.out) as { formula: string; value: unknown }[];
    expect(records.map((x) => [x.formula, x.value]).slice(1)).toEqual([
      ['=IOM.STAFF("P-4","F")', 55],
      ['=IOM.MOVEMENTS("Kenya")', 46200],
    ]);
  });

  it("a file that cannot be read is an I/O error", async () => {
    const r = await iomCli("eval", "--file", tmp.path("no-such.txt"));
    expect(r.code).toBe(EXIT.io);
    expect(r.err).toMatch(/^iom: --file .*no-such\.txt: no such file\n$/);
  });
});

describe("one exit code per kind of problem", () => {
  it.each([
    ["a place that matches nothing", ["eval", '=IOM.MOVEMENTS("Narnia")'], EXIT.notFound],
    ["the same under source", ["source", "MOVEMENTS", "Narnia"], EXIT.notFound],
    ["a grade that matches nothing", ["eval", '=IOM.STAFF("P-9")'], EXIT.notFound],
    ["the same under source", ["source", '=IOM.STAFF("P-9")'], EXIT.notFound],
    ["a misspelt function", ["eval", '=IOM.MOVMENTS("Kenya")'], EXIT.notFound],
    ["the same under source", ["source", "MOVMENTS", "Kenya"], EXIT.notFound],
    ["a table that matches nothing", ["table", "Table 55"], EXIT.notFound],
    ["a dimension that matches nothing", ["list", "plce"], EXIT.notFound],
    ["an argument of the wrong kind", ["eval", '=IOM.STAFF("P-4",1)'], EXIT.usage],
    ["the same under source", ["source", '=IOM.STAFF("P-4",1)'], EXIT.usage],
    ["a formula that cannot be read", ["eval", '=IOM.STAFF("P-4"'], EXIT.usage],
    ["a missing workbook", ["refresh", "/no/such/book.xlsx"], EXIT.io],
  ])("%s (%j) exits %d", async (_, argv, code) => {
    const r = await iomCli(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(/^iom: /);
  });

  it("an undetermined cell is a figure the report does not give: exit 1, with its range", async () => {
    const cell = iom().edition.tables.find((t) => t.id === "table1")?.undetermined[0];
    expect(cell).toBeDefined();
    const r = await iomCli("eval", '=IOM.TABLE("Table 1")');
    // A spill holding undetermined cells is still a value: only a formula whose result is an error fails.
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("#N/A");
  });
});

describe("did you mean", () => {
  it("names the function a misspelt name most likely means, in the language it was written in", async () => {
    const en = await iomCli("eval", '=IOM.MOVMENTS("Kenya")');
    expect(en.out).toBe("#NAME?\n");
    expect(en.err).toBe(
      'iom: =IOM.MOVMENTS("Kenya"): unknown function IOM.MOVMENTS — did you mean IOM.MOVEMENTS?\n',
    );
    expect((await iomCli("eval", "=IOM.TABEL(5)")).err).toContain("did you mean IOM.TABLE?");
    expect((await iomCli("source", "STAF", "P-4")).err).toContain("did you mean IOM.STAFF?");
    const fr = await iomCli("--lang", "fr", "eval", '=IOM.MOUVEMNTS("Kenya")');
    expect(fr.err).toContain("vouliez-vous dire IOM.MOUVEMENTS");
  });

  it("lists the functions when nothing is close", async () => {
    const r = await iomCli("eval", "=IOM.ZZZZZZZZ()");
    expect(r.err).toContain("unknown function IOM.ZZZZZZZZ — the functions are MOVEMENTS, MIGRANTS, STAFF");
  });
});
