import type { Table } from "../../src/core/model";
import { compactTable, expandTable } from "../../src/core/runtime-table-format";

/** A table with every case the shipped form encodes apart: the 2011 data does not have them all. */
const table: Table = {
  id: "t",
  number: "Table X",
  title: "Edge cases",
  section: "I",
  unit: "persons",
  period: "2011",
  lines: [10, 20],
  columns: [
    { key: "a", label: "A", path: ["Group", "A"] },
    { key: "b", label: "B", path: ["Group", "B"], unit: "rank" },
    { key: "total", label: "Total", path: ["Total"], sumOf: ["a", "b"] },
  ],
  rows: [
    { key: "x.one", label: "One", path: ["X", "One"], line: 11, cells: [1.5, null, 1.5], marks: ["a"] },
    { key: "x.two", label: "Two", path: ["X", "Two"], line: 12, cells: ["undetermined", -2, 0] },
    {
      key: "odd key",
      label: "Three",
      path: ["Three"],
      line: 15,
      cells: [null, null, null],
      cellLines: { b: 16 },
    },
    {
      key: "all",
      label: "All",
      path: ["All"],
      line: 16,
      cells: [3, 4, 7],
      sumOf: ["x.one", "x.two", "odd key"],
    },
  ],
  footnotes: [],
  undetermined: [
    {
      row: "x.two",
      column: "a",
      reason: "garbled",
      min: 0,
      max: 3,
      combined: { cells: [{ row: "x.two", column: "a" }], value: 2, line: 12 },
    },
    { row: "odd key", column: "a", reason: "garbled" },
  ],
  proved: [
    { row: "x.one", column: "b", status: "forced", min: 0, max: 0, because: ["row total"] },
    {
      row: "all",
      column: "a",
      status: "contradicted",
      min: 2,
      max: 3,
      printed: null,
      because: ["row total", "column total"],
      discrepancy: "d1",
    },
  ],
};

describe("the shipped form of a table", () => {
  it("expands back to the table, whatever its keys, blanks, undetermined cells and proofs", () => {
    const shipped = JSON.parse(JSON.stringify(compactTable(table))) as ReturnType<typeof compactTable>;
    expect(expandTable(shipped)).toEqual(table);
  });

  it("is smaller than the table it stands for", () => {
    expect(JSON.stringify(compactTable(table)).length).toBeLessThan(JSON.stringify(table).length);
  });

  it("refuses a proved cell it could not give back as it is", () => {
    const bad: Table = {
      ...table,
      proved: [{ row: "x.one", column: "b", status: "contradicted", min: 0, max: 1, because: [] }],
    };
    expect(() => compactTable(bad)).toThrow(/x\.one\/b is contradicted/);
  });

  it("refuses a row whose cells do not match the columns", () => {
    const rows = [{ key: "r", label: "R", path: ["R"], line: 1, cells: [1] }];
    const bad: Table = { ...table, rows, undetermined: [], proved: [] };
    expect(() => compactTable(bad)).toThrow(/1 cells for 3 columns/);
  });
});
