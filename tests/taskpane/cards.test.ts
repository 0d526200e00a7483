/**
 * The cards setting's adapter: it writes the workbook setting the functions read (saved with the
 * workbook), then recalculates every formula so the =IOM.* cells answer again in the new form.
 */
import { CARDS_SETTING } from "../../src/functions/data-types";
import { cardsOn, setCards } from "../../src/taskpane/excel/data-types";
import type { ExcelRun } from "../../src/taskpane/excel/run";

const stored = new Map<string, unknown>();
let saveFails = false;
const calculated: string[] = [];

beforeEach(() => {
  stored.clear();
  calculated.length = 0;
  saveFails = false;
  Object.assign(globalThis, {
    Office: {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        document: {
          settings: {
            get: (k: string) => stored.get(k) ?? null,
            set: (k: string, v: unknown) => stored.set(k, v),
            saveAsync: (cb: (r: unknown) => void) =>
              cb(
                saveFails
                  ? { status: "failed", error: { code: "AccessDenied", message: "read-only" } }
                  : { status: "succeeded" },
              ),
          },
        },
      },
    },
    Excel: { CalculationType: { full: "Full" } },
  });
});

afterAll(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

// A run whose context records the recalculation and each sync.
const run: ExcelRun = (batch) =>
  batch({
    workbook: { application: { calculate: (type: string) => calculated.push(type) } },
    sync: () => {
      calculated.push("sync");
      return Promise.resolve();
    },
  } as unknown as Excel.RequestContext);

it("reads cards as on until the workbook turns them off", async () => {
  expect(cardsOn()).toBe(true);
  await setCards(run, false);
  expect(stored.get(CARDS_SETTING)).toBe("off");
  expect(cardsOn()).toBe(false);
  expect(calculated).toEqual(["Full", "sync"]);
  await setCards(run, true);
  expect(cardsOn()).toBe(true);
});

it("rejects with Office's error code, and recalculates nothing, when the setting cannot be saved", async () => {
  saveFails = true;
  await expect(setCards(run, false)).rejects.toMatchObject({ code: "AccessDenied" });
  expect(calculated).toEqual([]);
});
