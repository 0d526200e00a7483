/**
 * The read-only commands, run in-process through run(argv, io): list, tables, table, facts,
 * source, eval, help, and the documented exit codes for bad input.
 */
import { EXIT } from "../../src/cli/io";
import { iom } from "../../src/core";
import { iomCli } from "./helpers";

describe("iom list", () => {
  it("lists the dimensions, then the names of one", async () => {
    const dims = await iomCli("list");
    expect(dims.code).toBe(EXIT.ok);
    expect(dims.out).toMatch(/^place$/m);
    expect(dims.out).toMatch(/^category$/m);
    const grades = await iomCli("list", "category");
    expect(grades.out.split("\n")).toEqual(expect.arrayContaining(["P-4", "D-1", "UG"]));
  });

  it("suggests the closest dimension and exits 4 for an unknown one", async () => {
    const r = await iomCli("list", "plce");
    expect(r.code).toBe(EXIT.notFound);
    expect(r.err).toContain('did you mean "place"');
    expect(r.out).toBe("");
  });
});

describe("iom tables and iom table", () => {
  it("lists every table with its id and size", async () => {
    const r = await iomCli("tables");
    expect(r.code).toBe(EXIT.ok);
    for (const t of iom().edition.tables) expect(r.out).toContain(`${t.id} `);
    expect(r.out).toMatch(/table5\s+Table 5\s+13×7\s+officials/);
    const json = JSON.parse((await iomCli("tables", "--json")).out) as { id: string; excelTable: string }[];
    expect(json.find((t) => t.id === "table5")?.excelTable).toBe("IOM_table5");
  });

  it("prints Table 5 as the report lays it out, in csv, tsv and json", async () => {
    const csv = await iomCli("table", "Table 5", "--format", "csv");
    expect(csv.code).toBe(EXIT.ok);
    expect(csv.out.startsWith("\uFEFF")).toBe(true);
    const lines = csv.out.slice(1).split("\r\n");
    expect(lines[0]).toBe("Table 5,Headquarters,,Field,,Total IOM Officials,,");
    expect(lines[1]).toBe(",F,M,F,M,F,M,Total");
    expect(lines).toContain("P-4,14,11,41,76,55,87,142");
    const tsv = await iomCli("table", "5");
    expect(tsv.out).toContain("P-4\t14\t11\t41\t76\t55\t87\t142\n");
    const json = JSON.parse((await iomCli("table", "table5", "-f", "json")).out) as {
      source: string;
      rows: { key: string; values: Record<string, number | null>; total?: boolean }[];
    };
    expect(json.rows.find((r) => r.key === "p_4")?.values.total_f).toBe(55);
    expect(json.rows.find((r) => r.key === "total")?.total).toBe(true);
    expect(json.source).toBe("Source: IOM, MC/2346, Table 5, lines 1241–1257");
  });

  it("quotes CSV fields and marks undetermined cells #N/A", async () => {
    const r = await iomCli("table", "Table 2", "--format", "csv");
    expect(r.out).toContain('"Movement, Emergency and Post-crisis Migration Management"');
    expect(r.out).toContain("#N/A");
    const json = JSON.parse((await iomCli("table", "Table 2", "--format", "json")).out) as {
      undetermined: unknown[];
    };
    expect(json.undetermined.length).toBeGreaterThan(0);
  });

  it("rejects an unknown table (exit 4, with suggestions) and an unknown format (exit 2)", async () => {
    const missing = await iomCli("table", "Table 55");
    expect(missing.code).toBe(EXIT.notFound);
    expect(missing.err).toContain('did you mean "Table 5"');
    const format = await iomCli("table", "5", "--format", "xml");
    expect(format.code).toBe(EXIT.usage);
    expect(format.err).toContain("Allowed choices are csv, tsv, json");
  });
});

describe("iom facts and iom source", () => {
  it("finds facts by words and prints them with their paragraph", async () => {
    const r = await iomCli("facts", "legal", "contracts");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/legal\.contracts_reviewed\s+2,929\s+.*\s39\s/);
    const json = JSON.parse((await iomCli("facts", "--json", "legal contracts")).out) as {
      key: string;
      value: number;
    }[];
    expect(json.find((f) => f.key === "legal.contracts_reviewed")?.value).toBe(2929);
    const all = JSON.parse((await iomCli("facts", "--json")).out) as unknown[];
    expect(all).toHaveLength(iom().edition.facts.length);
  });

  it("exits 4 when no fact matches", async () => {
    const r = await iomCli("facts", "zzzz");
    expect(r.code).toBe(EXIT.notFound);
    expect(r.err).toContain("`iom facts`");
  });

  it("traces a formula, or a function with its arguments, to its line", async () => {
    const a = await iomCli("source", '=IOM.STAFF("P-4","F")');
    const b = await iomCli("source", "STAFF", "P-4", "F");
    expect(a.code).toBe(EXIT.ok);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain("Table 5");
    expect(a.out).toContain("line 1250");
    const kenya = await iomCli("source", '=IOM.MOVEMENTS("Kenya")');
    expect(kenya.out).toContain("Kenya");
    const bad = await iomCli("source", '=IOM.STAFF("P-9")');
    expect(bad.code).toBe(EXIT.notFound);
    expect(bad.err).toContain('did you mean "P-1"');
  });
});

describe("help, usage and eval", () => {
  it("prints help for the program and every command, with the exit codes", async () => {
    const main = await iomCli("--help");
    expect(main.code).toBe(EXIT.ok);
    for (const c of ["eval", "list", "tables", "table", "facts", "source", "export", "refresh", "check"])
      expect(main.out).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    expect(main.out).toContain("Exit codes (the same in every command):");
    for (const c of ["list", "tables", "table", "facts", "source", "export", "refresh", "check", "eval"]) {
      const r = await iomCli(c, "--help");
      expect(r.code).toBe(EXIT.ok);
      expect(r.out).toContain(`Usage: iom ${c}`);
    }
  });

  it("prints the help and exits 2 when no command is given", async () => {
    const r = await iomCli();
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain("Usage: iom");
  });

  it("prints its version", async () => {
    const r = await iomCli("--version");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("still evaluates formulas", async () => {
    const r = await iomCli("eval", '=IOM.STAFF("P-4","F")', '=IOM.MOVEMENTS("Kenya")');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe("55\n46200\n");
  });
});
