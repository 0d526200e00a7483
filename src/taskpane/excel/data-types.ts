/**
 * The workbook's cards setting (Excel data types on or off): read and written in the document's
 * settings, which the functions read on each call; a change recalculates the workbook so every
 * =IOM.* cell answers again, as a card or as a plain number.
 */
import { CARDS_SETTING } from "../../functions/data-types";
import type { ExcelRun } from "./run";

/** Office's document settings, as far as this adapter needs them. */
interface Settings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: Office.AsyncResult<void>) => void): void;
}

const settings = (): Settings => Office.context.document.settings;

/** Whether the workbook shows cards: on unless turned off. */
export const cardsOn = (): boolean => settings().get(CARDS_SETTING) !== "off";

/** Turns cards on or off for this workbook (saved with it), then recalculates every formula. */
export async function setCards(run: ExcelRun, on: boolean): Promise<void> {
  const s = settings();
  s.set(CARDS_SETTING, on ? "on" : "off");
  await new Promise<void>((resolve, reject) =>
    s.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : // Office's error is no Error: keep its code, which the pane's error bar explains.
          reject(Object.assign(new Error(r.error.message), { code: r.error.code })),
    ),
  );
  await run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
