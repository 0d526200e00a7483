/**
 * A formula whose references point left of it in its row is decided as the sheet is read; one
 * whose references point right of it is decided by the plan after the sheet (a second pass). The
 * two must agree for every kind of value an argument cell can hold, and a reference to a cell
 * that is refreshed itself must see that cell's new value.
 */
import { iomCli, tempDir } from "./helpers";
import { writeOneSheetWorkbook } from "../support/big-workbook";
import { readCells, xmlValue } from "./support/package-diff";
import { EXIT } from "../../src/cli/io";

jest.setTimeout(60_000);

const tmp = tempDir("iom-refresh-row-refs-");
afterAll(() => tmp.cleanup());

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** What an argument cell holds: its attributes and content (undefined: no cell). */
const LABELS: (string | undefined)[] = [
  ' t="str"><v>P-4</v>',
  ' t="str"><v> p-4 </v>',
  ' t="str"><v>P-44</v>',
  undefined,
  ' t="e"><v>#N/A</v>',
  "><v>7</v>",
  ' t="b"><v>1</v>',
  ' t="inlineStr"><is><t>D-1</t></is>',
  // A stale IOM formula (its first value is "E-1"): refreshed itself, so the formula reading it
  // must see its new value, not the "P-4" the file held.
  ' t="str"><f>IOM.LIST("category")</f><v>P-4</v>',
  // A formula that is not ours: its cached value is the argument.
  "><f>SUM(1,2)</f><v>3</v>",
];

/** One row per label: the formula in B, its argument in `labelCol` (A: left of it, D: right of it). */
function sheet(labelCol: "A" | "D"): string {
  const rows = LABELS.map((label, i) => {
    const r = i + 1;
    const labelCell = label === undefined ? "" : `<c r="${labelCol}${r}"${label}</c>`;
    const formula = `<c r="B${r}" t="e"><f>IOM.STAFF(${labelCol}${r},"F")</f><v>#NAME?</v></c>`;
    return `<row r="${r}">${labelCol === "A" ? labelCell + formula : formula + labelCell}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

async function refreshedValues(labelCol: "A" | "D"): Promise<unknown[]> {
  const input = tmp.path(`row-${labelCol}.xlsx`);
  const out = tmp.path(`row-${labelCol}.fresh.xlsx`);
  await writeOneSheetWorkbook(input, sheet(labelCol));
  const r = await iomCli("refresh", input, "--out", out);
  expect({ code: r.code, err: r.err }).toEqual({ code: EXIT.ok, err: "" });
  const cells = await readCells(out, "xl/worksheets/sheet1.xml");
  return LABELS.map((_, i) => {
    const c = cells.get(`B${i + 1}`);
    return { type: c?.type, value: xmlValue(c) };
  });
}

describe("a reference left of its formula, decided as the sheet is read", () => {
  it("gives what the plan gives for a reference to the right, for every kind of argument", async () => {
    const left = await refreshedValues("A");
    const right = await refreshedValues("D");
    expect(left).toEqual(right);
    // And they are the report's numbers where the argument names a grade.
    const staff = async (grade: string): Promise<number> =>
      Number((await iomCli("eval", `=IOM.STAFF("${grade}","F")`)).out.trim());
    expect(left[0]).toEqual({ type: "n", value: await staff("P-4") });
    expect(left[1]).toEqual(left[0]);
    // The refreshed label: "E-1", not the stale "P-4".
    expect(await staff("E-1")).not.toBe(await staff("P-4"));
    expect(left[8]).toEqual({ type: "n", value: await staff("E-1") });
    // A blank argument is an omitted one, as Excel passes it; an inline string is read as text.
    const blank = Number((await iomCli("eval", '=IOM.STAFF(,"F")')).out.trim());
    expect(left[3]).toEqual({ type: "n", value: blank });
    expect(left[7]).toEqual({ type: "n", value: await staff("D-1") });
    // A misspelt grade, an error argument, a number, a boolean, another formula's number: errors.
    for (const i of [2, 4, 5, 6, 9]) expect(left[i]).toEqual(expect.objectContaining({ type: "e" }));
    expect(left[4]).toEqual({ type: "e", value: { error: "#N/A" } });
  });
});
