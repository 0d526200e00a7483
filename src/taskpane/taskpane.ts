/**
 * Task pane entry point (shared runtime: this page also runs the custom functions). Waits for
 * Office, picks the language from Office's display language, works out what the host supports,
 * and renders the React pane. Outside Excel the pane still renders, with a message saying why
 * Excel actions are unavailable.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { version } from "../../package.json";
import { iom } from "../core";
import { excelActions } from "./actions";
import { officeDataTypes, officeRun, officeSupports } from "./excel/run";
import { hostLanguage } from "../i18n/host";
import { translator } from "../i18n/pane";
import { catalog } from "../sheets/catalog";
import { type HostInfo, statusFor } from "./plans/status";
import { App, type EditionView } from "./ui/App";

export async function start(doc: Document): Promise<void> {
  const container = doc.getElementById("app");
  if (!container) return;
  let info: HostInfo | undefined;
  // office.js comes from Microsoft's CDN; without a connection the global is missing altogether.
  if (typeof Office !== "undefined") {
    // At run time host and platform are strings ("Excel"), or null outside Office, although
    // @types/office-js declares them as numeric enums.
    info = (await Office.onReady()) as unknown as HostInfo;
  }
  const lang = hostLanguage();
  doc.documentElement.lang = lang;
  const status = statusFor(info, officeSupports, translator(lang));
  const open = (edition?: string): EditionView => {
    const core = iom({ edition });
    const templates = catalog(core);
    return {
      core,
      catalog: templates,
      actions: excelActions(officeRun, officeSupports, core, templates, officeDataTypes()),
    };
  };
  createRoot(container).render(createElement(App, { ...open(), openEdition: open, status, lang, version }));
}

if (typeof document !== "undefined") void start(document);
