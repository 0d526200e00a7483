/**
 * The `iom` command as one file: `npm run build:lib` compiles the library into lib/ with tsc, then
 * this bundles the compiled CLI (lib/src/cli/main.js) and everything it imports from the project
 * and from commander into lib/cli.js, which bin/iom.js runs.
 *
 * Why: `iom eval` of one formula is mostly start-up, and a third of that went on Node finding,
 * reading and wrapping 61 separate modules. The bundle keeps each module's laziness (esbuild wraps
 * every CommonJS module in a function run on its first require), so a command's own modules and the
 * heavy libraries still load only when it runs. Left outside, as plain requires:
 * - the workbook, zip, XML and solver libraries (npm dependencies loaded lazily, by path);
 * - the edition data (data/<year>/*.json): JSON.parse of a file is cheaper than compiling the same
 *   data as a JavaScript literal, and the data stays readable next to the code;
 * - the importer behind `iom check` (lib/src/import), which finds its files by its own path.
 * The compiled modules under lib/src stay: they are the typed library (`main`, `types`).
 */
import { build, type Plugin } from "esbuild";
import { dirname, join, relative, resolve } from "node:path";

const HEAVY = ["exceljs", "jszip", "@zip.js/zip.js", "saxes", "highs"];

/**
 * Modules required from where the bundle sits instead of being copied into it: the edition data,
 * and the importer (`iom check`), which finds its editions' folders and modules by its own path.
 */
const keptBeside = (outDir: string, libDir: string): Plugin => ({
  name: "iom-kept-beside",
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      const inLib = relative(libDir, file).split("\\").join("/");
      const kept = /^data\/.*\.json$/.test(inLib) || inLib.startsWith("src/import/");
      if (!kept) return undefined;
      const path = relative(outDir, file).split("\\").join("/");
      return { path: `./${path}${/\.[a-z]+$/.test(path) ? "" : ".js"}`, external: true };
    });
  },
});

/**
 * commander requires node:child_process at load time, for subcommands that are separate
 * executables, which iom has none of; loading it (and node:net behind it) cost about 5 ms of every
 * command. This stands in for it and loads the real module only if commander ever calls it.
 */
const lazyChildProcess: Plugin = {
  name: "iom-lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "iom-lazy" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "iom-lazy" }, () => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });`,
      loader: "js",
    }));
  },
};

/** Bundles `<lib>/src/cli/main.js` into `<lib>/cli.js`; returns the bundle's path. */
export async function bundleCli(libDir: string): Promise<string> {
  const outfile = join(libDir, "cli.js");
  await build({
    entryPoints: [join(libDir, "src", "cli", "main.js")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: HEAVY,
    plugins: [keptBeside(dirname(outfile), libDir), lazyChildProcess],
    logLevel: "warning",
    legalComments: "none",
  });
  return outfile;
}

if (require.main === module) {
  bundleCli(process.argv[2] ?? join(__dirname, "..", "lib")).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
