/**
 * Task pane entry point. For now it shows the add-in's name and whether it runs inside Excel; the real
 * UI (React + Fluent UI) replaces the body later, which is why webpack already compiles .tsx.
 */

export const ADDIN_NAME = "IOM Report 2011";

/** What Office.onReady reports: host and platform are null when the page is not inside Office. */
export interface HostInfo {
  host: string | null;
  platform: string | null;
}

export interface Status {
  text: string;
  insideOffice: boolean;
}

const OPEN_FROM_EXCEL =
  "Open it from Excel instead: sideload manifest.xml (see the README), then choose IOM Report on the Home tab.";

/** The status line for the host Office.onReady reported; `undefined` means office.js never loaded. */
export function statusFor(info: HostInfo | undefined): Status {
  if (info === undefined) {
    return {
      text: `office.js could not be loaded, so this page cannot talk to Excel. ${OPEN_FROM_EXCEL}`,
      insideOffice: false,
    };
  }
  if (info.host === null) {
    return {
      text: `This is the ${ADDIN_NAME} task pane, opened outside Office. ${OPEN_FROM_EXCEL}`,
      insideOffice: false,
    };
  }
  if (info.host !== "Excel") {
    return { text: `${ADDIN_NAME} works in Excel only; this is ${info.host}.`, insideOffice: false };
  }
  return {
    text: `Ready in Excel (${info.platform ?? "unknown platform"}). Type =IOM.EDITION() in a cell to try it.`,
    insideOffice: true,
  };
}

function show(doc: Document, status: Status): void {
  const element = doc.getElementById("status");
  if (!element) return;
  element.textContent = status.text;
  element.classList.toggle("outside-office", !status.insideOffice);
}

export async function start(doc: Document): Promise<void> {
  // office.js comes from Microsoft's CDN; without a connection the global is missing altogether.
  if (typeof Office === "undefined") {
    show(doc, statusFor(undefined));
    return;
  }
  // At run time host and platform are strings ("Excel"), or null outside Office, although
  // @types/office-js declares them as numeric enums.
  const info = (await Office.onReady()) as unknown as HostInfo;
  show(doc, statusFor(info));
}

if (typeof document !== "undefined") void start(document);
