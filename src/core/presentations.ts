/**
 * Each edition's presentation (titles, stub headings, chart templates), kept apart from its data: the
 * custom functions never need it, so it is not in their bundle. The sheet layout (src/sheets), which
 * the task pane and the CLI load, registers the bundled ones.
 */
import type { Presentation } from "./model";

const EMPTY: Presentation = { periods: {}, numbers: {}, sections: {}, tables: {}, charts: [] };
const registered = new Map<string, Presentation>();

/** Supplies an edition's presentation (replacing any before). */
export function registerPresentation(edition: string, presentation: Presentation): void {
  registered.set(edition, presentation);
}

/** An edition's presentation; an empty one (English titles, numbered stubs, no charts) when none is registered. */
export const presentationOf = (edition: string): Presentation => registered.get(edition) ?? EMPTY;
