/**
 * Whether the functions answer with Excel data types (cards), feature-detected: an entity needs
 * CustomFunctionsRuntime 1.4 (Excel on the web, Microsoft 365 on Windows from 2208, on Mac from
 * 16.64); a number with properties (a figure's card) ExcelApi 1.19 as well. Elsewhere (older
 * Excel, Node: the CLI, tests) the functions return plain numbers and names, as before. A workbook
 * turns cards off with its setting "iom.cards" = "off" (the pane's switch).
 */

/** Office.js, as far as this module needs it (absent outside Office). */
interface OfficeGlobal {
  context?: {
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
    document?: { settings?: { get?: (name: string) => unknown } };
  };
}

/** The workbook setting that turns cards off ("off"); anything else leaves them on. */
export const CARDS_SETTING = "iom.cards";

export interface DataTypeSupport {
  /** Entities (IOM.COUNTRY's card): CustomFunctionsRuntime 1.4. */
  entities: boolean;
  /** Numbers with properties (a figure's card): ExcelApi 1.19 too. */
  figures: boolean;
}

const NONE: DataTypeSupport = { entities: false, figures: false };

/** What the host supports, once office.js could say; asked again until then. */
let detected: DataTypeSupport | undefined;
/** Set by the CLI (`iom eval --cell-values`) and tests: what a host with (or without) data types gets. */
let forced: DataTypeSupport | undefined;

const office = (): OfficeGlobal | undefined => (globalThis as { Office?: OfficeGlobal }).Office;

function detect(): DataTypeSupport {
  if (detected) return detected;
  const requirements = office()?.context?.requirements;
  if (typeof requirements?.isSetSupported !== "function") return NONE;
  try {
    const entities = requirements.isSetSupported("CustomFunctionsRuntime", "1.4");
    detected = { entities, figures: entities && requirements.isSetSupported("ExcelApi", "1.19") };
  } catch {
    // office.js throws when asked before it initialised: no cards for this call, ask again next time.
    return NONE;
  }
  return detected;
}

/** Whether the workbook turned cards off (its settings are read on each call: the pane may change them). */
function turnedOff(): boolean {
  try {
    return office()?.context?.document?.settings?.get?.(CARDS_SETTING) === "off";
  } catch {
    // No document (the functions' bare runtime) or settings not ready: the default, cards on.
    return false;
  }
}

/** What the functions may return now: the host's support, unless the workbook turned cards off. */
export function dataTypes(): DataTypeSupport {
  if (forced) return forced;
  const support = detect();
  return support.entities && turnedOff() ? NONE : support;
}

/** Answers as a host with `support` would get (true: every data type; false: none); undefined detects again. */
export function forceDataTypes(support: DataTypeSupport | boolean | undefined): void {
  detected = undefined;
  forced = typeof support === "boolean" ? (support ? { entities: true, figures: true } : NONE) : support;
}
