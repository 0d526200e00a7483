/**
 * A small static https server for the built add-in (used by `npm start` and the server test).
 * Office loads every add-in file over https; this serves one directory, plus optional extra mounts
 * (e.g. /office-js/ → the local copy of office.js from @microsoft/office-js).
 */
import { createReadStream, statSync } from "node:fs";
import { type IncomingMessage, type ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";

export interface StaticServerOptions {
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Default "localhost". */
  host?: string;
  key: string | Buffer;
  cert: string | Buffer;
  /** URL prefix ("/office-js/") → directory. */
  mounts?: Record<string, string>;
}

export interface RunningServer {
  /** e.g. https://localhost:3000 */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a URL path names inside `dir`, or undefined when it would escape `dir`. */
function fileIn(dir: string, urlPath: string): string | undefined {
  const base = resolve(dir);
  const file = resolve(base, `.${urlPath}`);
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

function locate(options: StaticServerOptions, pathname: string): string | undefined {
  for (const [prefix, dir] of Object.entries(options.mounts ?? {})) {
    if (pathname.startsWith(prefix)) return fileIn(dir, pathname.slice(prefix.length - 1));
  }
  return fileIn(options.root, pathname === "/" ? "/taskpane.html" : pathname);
}

function handle(options: StaticServerOptions, req: IncomingMessage, res: ServerResponse): void {
  // Excel on the web fetches functions.json and the bundles from another origin.
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Cache-Control", "no-store");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = locate(options, pathname);
  const stats = file === undefined ? undefined : statSync(file, { throwIfNoEntry: false });
  if (file === undefined || !stats?.isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}\n`);
    return;
  }
  res.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stats.size,
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const server = createServer({ key: options.key, cert: options.cert }, (req, res) =>
    handle(options, req, res),
  );
  const host = options.host ?? "localhost";
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        origin: `https://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
