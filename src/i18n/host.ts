/**
 * The language of whoever runs the code: Office's display language inside Excel, the `iom`
 * command's --lang, English otherwise. The query core never reads it (its answers and errors
 * are language-free data); the edges that put things into words do: the custom functions'
 * error messages, IOM.LIST and IOM.SOURCE, and the command line's output.
 */
import { langOf, type Lang } from "./lang";

/** Office.js, as far as this module needs it (feature-detected: absent outside Office). */
interface OfficeGlobal {
  context?: { displayLanguage?: string };
}

let chosen: Lang | undefined;

/**
 * Office's display language ("fr-FR") once office.js has initialised; outside Office, the
 * browser's language in a browser, and nothing in Node (the CLI, tests).
 */
export function displayLocale(): string | undefined {
  try {
    const tag = (globalThis as { Office?: OfficeGlobal }).Office?.context?.displayLanguage;
    if (tag) return tag;
  } catch {
    // Some office.js versions throw when Office.context is read before initialisation.
  }
  return (globalThis as { navigator?: { language?: string } }).navigator?.language;
}

/** The language of whoever reads: the one chosen (the CLI's --lang), else the display language's, else English. */
export function hostLanguage(): Lang {
  return chosen ?? langOf(displayLocale());
}

/** Sets the language explicitly (the CLI's --lang); undefined goes back to Office's (or English). */
export function setHostLanguage(lang: Lang | undefined): void {
  chosen = lang;
}
