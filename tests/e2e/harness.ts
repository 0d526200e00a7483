/**
 * Browser harness for the end-to-end tests and the bench: serves a built dist/ on 127.0.0.1,
 * starts Debian's headless chromium through playwright-core, answers the office.js CDN request
 * with the stub host, and blocks (and records) any other request that would leave localhost.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { type StubOptions, officeStubScript } from "./office-stub";

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/")).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(dir, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

export interface OpenedPane {
  page: Page;
  /** Every request the page made, and those that would have left localhost (blocked). */
  requests: string[];
  external: string[];
  /** The office.js CDN request, answered by the stub (never fetched). */
  officeJsServed: () => number;
  consoleErrors: string[];
  /** Uncaught exceptions of the page (also in consoleErrors). */
  pageErrors: string[];
}

export interface PaneOptions {
  /** "unavailable": the office.js request fails, as offline or behind a proxy that blocks Microsoft's CDN. */
  officeJs?: "stub" | "unavailable";
  /** Viewport width in CSS pixels (Excel's task pane is 280 px and up). */
  width?: number;
}

export async function openPane(
  browser: Browser,
  baseUrl: string,
  stub: StubOptions,
  options: PaneOptions = {},
): Promise<OpenedPane> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 420, height: 900 },
    locale: "en-US",
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const external: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  let served = 0;
  const script = officeStubScript(stub);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === OFFICE_JS && options.officeJs === "unavailable") {
      external.push(url);
      await route.abort("internetdisconnected");
    } else if (url === OFFICE_JS) {
      served++;
      await route.fulfill({ status: 200, contentType: "text/javascript", body: script });
    } else if (url.startsWith(baseUrl) || url.startsWith("data:")) {
      await route.continue();
    } else {
      external.push(url);
      await route.abort("blockedbyclient");
    }
  });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => {
    consoleErrors.push(String(e));
    pageErrors.push(String(e));
  });
  await page.goto(`${baseUrl}/taskpane.html`);
  return { page, requests, external, officeJsServed: () => served, consoleErrors, pageErrors };
}
