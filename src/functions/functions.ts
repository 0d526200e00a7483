/**
 * Excel custom functions (namespace IOM, declared in manifest.xml).
 *
 * functions.json is generated from the JSDoc tags below by custom-functions-metadata-plugin at build
 * time, and the same plugin appends the `CustomFunctions.associate(id, fn)` calls to this module, so a
 * function only needs `@customfunction` here to appear in Excel as =IOM.<ID>().
 */

/** The document symbol and year of the report every IOM.* function serves. */
export const REPORT_EDITION = "MC/2346 (2011)";

/**
 * Returns the edition of the IOM report the add-in serves: its document symbol and year.
 * @customfunction EDITION
 * @returns The report's document symbol and year, "MC/2346 (2011)".
 */
export function edition(): string {
  return REPORT_EDITION;
}
