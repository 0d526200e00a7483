/**
 * `npm start`: builds the add-in (development mode, rebuilt on every change), serves it over https on
 * port 3000 with the office-addin-dev-certs certificates, and sideloads it into desktop Excel where there
 * is one (Windows, macOS). Elsewhere (Linux) it keeps serving and prints how to sideload into Excel on
 * the web. Ctrl+C stops it, and so does a signal to `npm start` or to this process; `npm stop` stops a
 * server started in another terminal (and removes a desktop sideload). The server records itself
 * in build/dev-server.json for that, and stops on its own when the process that started it is gone.
 *
 * Options: --port N (default $PORT or 3000; 0 picks a free port), --out DIR (default build/dev),
 * --cert-dir DIR (default ~/.office-addin-dev-certs), --no-install-cert, --no-sideload,
 * --state FILE (where the running server records itself; default build/dev-server.json).
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import webpack from "webpack";
import { loadDevCertificates } from "./dev-certs";
import { STATE_FILE, clearState, readState, writeState } from "./dev-server-state";
import { type RunningServer, startStaticServer } from "./server";
import { ROOT, createWebpackConfig } from "./webpack.config";

const OFFICE_JS_DIR = join(ROOT, "node_modules/@microsoft/office-js/dist");

interface StartOptions {
  port: number;
  outDir: string;
  certDir?: string;
  installCert: boolean;
  sideload: boolean;
  stateFile: string;
}

function parseOptions(): StartOptions {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      out: { type: "string" },
      "cert-dir": { type: "string" },
      "no-install-cert": { type: "boolean", default: false },
      "no-sideload": { type: "boolean", default: false },
      state: { type: "string" },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${values.port}"`);
  return {
    port,
    outDir: resolve(values.out ?? join(ROOT, "build/dev")),
    ...(values["cert-dir"] !== undefined ? { certDir: resolve(values["cert-dir"]) } : {}),
    installCert: !values["no-install-cert"],
    sideload: !values["no-sideload"],
    stateFile: resolve(values.state ?? STATE_FILE),
  };
}

/** Builds into outDir and rebuilds on change; resolves after the first build (rejects if it failed). */
async function watchBuild(outDir: string, baseUrl: string): Promise<{ close(): void }> {
  const compiler = webpack(createWebpackConfig({ mode: "development", baseUrl, outDir }));
  let firstBuildDone: ((failure?: Error) => void) | undefined;
  const firstBuild = new Promise<void>((resolvePromise, reject) => {
    firstBuildDone = (failure) => (failure ? reject(failure) : resolvePromise());
  });
  const watching = compiler.watch({ aggregateTimeout: 300 }, (error, stats) => {
    const errors = stats?.hasErrors() ? stats.toString({ all: false, errors: true }) : undefined;
    const failure = error ?? (errors !== undefined ? new Error(errors) : undefined);
    if (firstBuildDone) {
      const done = firstBuildDone;
      firstBuildDone = undefined;
      done(failure ?? undefined);
    } else if (failure) {
      console.error(`Rebuild failed:\n${failure.message}`);
    } else {
      console.log(`Rebuilt at ${new Date().toLocaleTimeString()}; reload the task pane to see changes.`);
    }
  });
  await firstBuild;
  return { close: () => watching?.close(() => undefined) };
}

function webInstructions(origin: string, manifestPath: string): string {
  return [
    "",
    "Desktop Excel is not available here, so nothing was sideloaded. To use the add-in in Excel on the web:",
    `  1. In the browser you will use for Excel, open ${origin}/taskpane.html once and accept the`,
    "     certificate if the browser warns (see the certificate note above).",
    "  2. Open a workbook in Excel on the web (https://www.office.com).",
    "  3. Insert > Add-ins > My Add-ins > Upload My Add-in (newer ribbons: Home > Add-ins > More Add-ins >",
    "     My Add-ins > Upload My Add-in), then choose this manifest and select Upload:",
    `       ${manifestPath}`,
    "  4. Type =IOM.EDITION() in a cell, or choose IOM Report on the Home tab to open the task pane.",
    "",
  ].join("\n");
}

async function sideloadDesktop(manifestPath: string, port: number): Promise<boolean> {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    // Imported here: office-addin-debugging loads a large tool chain that only desktop sideloading needs.
    const debugging = await import("office-addin-debugging");
    const { OfficeApp } = await import("office-addin-manifest");
    await debugging.startDebugging(manifestPath, {
      appType: debugging.AppType.Desktop,
      app: OfficeApp.Excel,
      enableDebugging: false,
      devServerPort: port,
    });
    console.log("Sideloaded into desktop Excel. Run `npm stop` to remove the sideload.");
    return true;
  } catch (error) {
    console.warn(
      `Could not sideload into desktop Excel: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const certs = await loadDevCertificates({
    ...(options.certDir !== undefined ? { dir: options.certDir } : {}),
    install: options.installCert,
  });
  if (certs.note) console.warn(`Certificate note: ${certs.note}`);
  let server: RunningServer;
  try {
    server = await startStaticServer({
      root: options.outDir,
      port: options.port,
      key: certs.key,
      cert: certs.cert,
      mounts: { "/office-js/": OFFICE_JS_DIR },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      const running = readState(options.stateFile);
      throw new Error(
        running
          ? `port ${options.port} is in use by the npm start running since ${running.started} (process ${running.pid}): run npm stop, or use --port`
          : `port ${options.port} is in use by another program: stop it, or use --port`,
      );
    }
    throw error;
  }
  // The manifest must name the port actually served: the committed one when it is 3000.
  const watching = await watchBuild(options.outDir, server.origin);
  const manifestPath =
    server.port === 3000 ? join(ROOT, "manifest.xml") : join(options.outDir, "manifest.xml");
  console.log(`Serving the add-in at ${server.origin}/taskpane.html (files in ${options.outDir})`);
  writeState(
    {
      pid: process.pid,
      port: server.port,
      origin: server.origin,
      started: new Date().toISOString(),
    },
    options.stateFile,
  );
  let stopping = false;
  const stop = (why?: string): void => {
    if (stopping) return;
    stopping = true;
    if (why) console.log(why);
    watching.close();
    clearState(process.pid, options.stateFile);
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop());
  process.on("SIGTERM", () => stop());
  process.on("SIGHUP", () => stop());
  // Killing `npm start` itself does not reach this process (npm and the shell between die alone):
  // when the process that started this one is gone, this one is reparented, and stops.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("The process that started the server is gone: stopping the server.");
  }, 500).unref();
  const sideloaded = options.sideload && (await sideloadDesktop(manifestPath, server.port));
  if (!sideloaded) console.log(webInstructions(server.origin, manifestPath));
  console.log("Press Ctrl+C to stop.");
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
