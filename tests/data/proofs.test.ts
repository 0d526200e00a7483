import { readFileSync } from "fs";
import { join } from "path";
import type { Edition } from "../../src/core/model";
import { checkTableSums } from "../../src/core/proofs";
import { expandEdition, isPrintedFigure, type RuntimeEdition } from "../../src/core/runtime-format";
import { buildEdition, explains, type BuildResult } from "../../src/import/build";
import { outputsFrom } from "../../src/import/index";
import { occursOnLine } from "../../src/import/occurs";

const root = join(__dirname, "..", "..");
const committed: Edition = JSON.parse(readFileSync(join(root, "data/2011/edition.json"), "utf8")) as Edition;
const sourceLines = readFileSync(join(root, committed.source), "utf8").split("\n");
const line = (n: number): string => sourceLines[n - 1] ?? "";

// One fresh build (its solver run re-proves every cell status of Tables 1 and 2) serves the tests below.
let fresh: Promise<BuildResult> | undefined;
const build = (): Promise<BuildResult> => (fresh ??= buildEdition(root, "2011"));
jest.setTimeout(180_000);

describe("the 2011 data", () => {
  it("is reproduced exactly by a fresh import (which re-proves every cell status with the solver)", async () => {
    const outputs = outputsFrom(await build());
    const stale = [...outputs].filter(([path, content]) => readFileSync(join(root, path), "utf8") !== content).map(([p]) => p);
    expect(stale).toEqual([]);
    expect(outputs.size).toBe(4 + committed.tables.length);
  });

  it("ships a runtime.json that expands back to edition.json, less the fixes' long texts and the presentation", () => {
    const runtime = JSON.parse(readFileSync(join(root, "data/2011/runtime.json"), "utf8")) as RuntimeEdition;
    const { fixes, ...shipped } = expandEdition(runtime);
    // The presentation ships apart (data/presentations.ts), for the pane and the CLI only.
    const { fixes: fullFixes, presentation: _presentation, ...full } = committed;
    // Proved cells ship the totals that force or contradict them; the printed figures stay in edition.json.
    const totalsOnly = full.tables.map((t) =>
      t.proved ? { ...t, proved: t.proved.map((p) => ({ ...p, because: p.because.filter((b) => !isPrintedFigure(b)) })) } : t,
    );
    expect(shipped).toEqual({ ...full, tables: totalsOnly });
    expect(fixes.map((f) => ({ ...f, garbled: "", reasoning: "" }))).toEqual(
      fullFixes.map((f) => ({ ...f, garbled: "", reasoning: "" })),
    );
  });

  it("builds without problems: every fact found, every mismatch explained", async () => {
    expect((await build()).problems).toEqual([]);
  });

  it("keeps the source text it was built from", () => {
    const { createHash } = jest.requireActual<typeof import("crypto")>("crypto");
    const text = readFileSync(join(root, committed.source), "utf8");
    expect(createHash("sha256").update(text).digest("hex")).toBe(committed.sourceSha256);
  });

  it("has every table the issue names", () => {
    const ids = committed.tables.map((t) => t.id);
    for (const id of ["table1", "table2", "table3", "table4", "table5", "table6", "table7"]) expect(ids).toContain(id);
    for (const id of ["vb_expenditure", "vb_by_region", "vb_by_service", "annex1_s1", "annex1_s5", "annex1_s6", "annex1_s8", "annex1_s12"]) {
      expect(ids).toContain(id);
    }
  });
});

describe("every value occurs at its recorded line of the source", () => {
  const forced = new Set(
    committed.tables.flatMap((t) => (t.proved ?? []).filter((p) => p.status === "forced").map((p) => `${t.id}|${p.row}|${p.column}`)),
  );
  const fixCells = new Map<string, { derived: boolean }>();
  for (const f of committed.fixes) for (const c of f.cells) fixCells.set(`${f.table}|${c.row}|${c.column}`, { derived: c.derived === true });

  it.each(committed.tables.map((t) => [t.id, t] as const))("%s", (_id, table) => {
    const missing: string[] = [];
    let checked = 0;
    for (const row of table.rows) {
      table.columns.forEach((col, ci) => {
        const v = row.cells[ci];
        if (typeof v !== "number") return;
        const fix = fixCells.get(`${table.id}|${row.key}|${col.key}`);
        if (fix?.derived) return; // printed nowhere; the sum proofs below establish it
        if (forced.has(`${table.id}|${row.key}|${col.key}`)) return; // derived: the solver proves it
        const at = row.cellLines?.[col.key] ?? row.line;
        checked++;
        if (!occursOnLine(v, line(at), { loose: fix !== undefined })) missing.push(`${row.key}/${col.key} = ${v} not on line ${at}`);
      });
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("row labels are printed on their lines", () => {
    const missing: string[] = [];
    for (const t of committed.tables) {
      for (const r of t.rows) {
        // A label the PDF wrapped over two lines ("Bolivia" / "(Plurinational State of)") starts on the line before.
        const text = `${line(r.line - 1)} ${line(r.line)}`.replace(/\s+/g, " ").toLowerCase();
        const first = r.label.split(/[\s,(]+/).find((w) => w.length > 2);
        if (first && !text.includes(first.toLowerCase())) missing.push(`${t.id}/${r.key} "${r.label}" line ${r.line}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("facts: the recorded text is on the line and prints the value", () => {
    const wrong = committed.facts.filter((f) => {
      const text = line(f.line);
      if (!text.includes(f.text)) return true;
      const digits = f.text.replace(/,(?=\d{3})/g, "");
      return !new RegExp(`(^|[^\\d.])${String(f.value).replace(".", "\\.")}(?![\\d])`).test(digits) && !/[a-z]/i.test(f.text.replace(/\d/g, ""));
    });
    expect(wrong.map((f) => f.key)).toEqual([]);
    expect(committed.facts.length).toBeGreaterThanOrEqual(300);
  });

  it("unavailable charts point to their caption lines", () => {
    for (const u of committed.unavailable) expect(line(u.line).toLowerCase()).toMatch(/figure|annex|section|chart|\d/);
  });
});

describe("printed totals", () => {
  it("every printed total that differs from its parts is a recorded discrepancy, and only those", () => {
    const mismatches = committed.tables.flatMap(checkTableSums);
    expect(mismatches.filter((m) => !explains(committed.discrepancies, committed.tables)(m))).toEqual([]);
    // Each sum discrepancy must still be a mismatch (nothing recorded for a sum that adds up).
    const found = new Set(mismatches.map((m) => `${m.table}|${m.row}|${m.column}`));
    // A row with undetermined cells can't be summed; its discrepancy rests on its printed cells alone.
    const summable = (d: (typeof committed.discrepancies)[number]): boolean => {
      const t = committed.tables.find((x) => x.id === d.table);
      const row = t?.rows.find((r) => r.key === d.row);
      if (!t || !row) return false;
      if (row.cells.includes("undetermined")) return false;
      // A column total whose parts include an undetermined cell cannot be recomputed either.
      const ci = t.columns.findIndex((c) => c.key === d.column);
      return !(row.sumOf ?? []).some((p) => t.rows.find((r) => r.key === p)?.cells[ci] === "undetermined");
    };
    const stale = committed.discrepancies.filter((d) => /_sum$/.test(d.code) && summable(d) && !found.has(`${d.table}|${d.row ?? ""}|${d.column ?? ""}`));
    expect(stale.map((d) => d.id)).toEqual([]);
  });

  it("recomputes many totals (the proofs are not vacuous)", () => {
    let totals = 0;
    for (const t of committed.tables) {
      totals += t.columns.filter((c) => c.sumOf).length * t.rows.length;
      totals += t.rows.filter((r) => r.sumOf).length * t.columns.length;
    }
    expect(totals).toBeGreaterThan(1000);
  });

  it("every discrepancy is explained, with its line", () => {
    for (const d of committed.discrepancies) {
      expect(d.explanation.length).toBeGreaterThan(20);
      expect(d.line).toBeGreaterThan(0);
    }
    const md = readFileSync(join(root, "data/2011/DISCREPANCIES.md"), "utf8");
    for (const d of committed.discrepancies) expect(md).toContain(d.id);
  });

  const cell = (id: string, row: string, col: string): unknown => {
    const t = committed.tables.find((x) => x.id === id);
    const ci = t?.columns.findIndex((c) => c.key === col) ?? -1;
    return t?.rows.find((r) => r.key === row)?.cells[ci];
  };

  it("movements: Tables 1, 2 and 3 each add up to 444,673", () => {
    expect(cell("table1", "grand_total", "total_migrants")).toBe(444673);
    expect(cell("table2", "grand_total", "total")).toBe(444673);
    expect(cell("table3", "grand_total", "total_migrants")).toBe(444673);
    expect(cell("table4", "total", "total")).toBe(444673);
  });

  it("staff: Tables 5, 6, 7 and Annex I section 12 count the same people", () => {
    const officials = cell("table5", "total", "total");
    expect(cell("table6", "total", "total")).toBe(officials);
    expect(cell("annex1_s12", "total", "field_officials") as number).toBe((cell("table5", "total", "field_f") as number) + (cell("table5", "total", "field_m") as number));
    expect(cell("annex1_s12", "total", "hq_officials") as number).toBe((cell("table5", "total", "hq_f") as number) + (cell("table5", "total", "hq_m") as number));
    const employees = (cell("annex1_s12", "total", "field_employees") as number) + (cell("annex1_s12", "total", "hq_employees") as number);
    expect(cell("table7", "total", "total")).toBe(employees);
  });

  it("undetermined cells carry a reason and the certain combined figure", () => {
    let n = 0;
    for (const t of committed.tables) {
      for (const u of t.undetermined) {
        n++;
        expect(u.reason.length).toBeGreaterThan(20);
        if (u.combined) expect(typeof u.combined.value).toBe("number");
        const row = t.rows.find((r) => r.key === u.row);
        const ci = t.columns.findIndex((c) => c.key === u.column);
        expect(row?.cells[ci]).toBe("undetermined");
      }
      const marked = t.rows.reduce((s, r) => s + r.cells.filter((c) => c === "undetermined").length, 0);
      expect(marked).toBe(t.undetermined.length);
    }
    expect(n).toBeGreaterThan(0);
  });
});

describe("npm run data:report", () => {
  it("prints the counts of tables, cells and facts", () => {
    const { dataReport } = jest.requireActual<typeof import("../../src/import/write")>("../../src/import/write");
    const report = dataReport(committed);
    expect(report).toContain(`tables: ${committed.tables.length}`);
    expect(report).toMatch(/cells: \d+ \(\d+ numbers, of which \d+ derived by manual fixes rather than printed; \d+ undetermined/);
    expect(report).toContain(`facts: ${committed.facts.length}`);
  });
});
