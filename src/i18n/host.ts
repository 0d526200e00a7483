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

export function hostLanguage(): Lang {
  if (chosen) return chosen;
  // Office.context is there once office.js has initialised; before that, and outside Office, English.
  try {
    const tag = (globalThis as { Office?: OfficeGlobal }).Office?.context?.displayLanguage;
    return tag ? langOf(tag) : "en";
  } catch {
    // Some office.js versions throw when Office.context is read before initialisation.
    return "en";
  }
}

/** Sets the language explicitly (the CLI's --lang); undefined goes back to Office's (or English). */
export function setHostLanguage(lang: Lang | undefined): void {
  chosen = lang;
}
