/**
 * Webpack configuration of the add-in (used by scripts/build.ts and scripts/start.ts).
 *
 * Output (dist/ by default):
 *   taskpane.html   the shared-runtime page: loads office.js from Microsoft's CDN, then functions.js and
 *                   taskpane.js, so custom functions, ribbon commands and the task pane share one runtime
 *   functions.js    the custom functions (src/functions/functions.ts) with everything they need: the
 *                   query core, the editions' data, webpack's module loader. It registers the functions
 *                   as soon as it runs, before taskpane.js (React and the pane) has even started
 *   taskpane.js     the task pane; it depends on functions.js for the modules both use, so the page
 *                   holds one core, one memo and one copy of the data
 *   functions.json  custom functions metadata generated from the JSDoc of src/functions/functions.ts
 *   functions-fr.json, functions-es.json  the same in French and Spanish (scripts/functions-locales.ts)
 *   taskpane.js     the task pane bundle (src/taskpane/taskpane.ts, or .tsx later)
 *   manifest.xml    manifest.xml with https://localhost:3000 replaced by the base URL
 *   support.html, assets/icon-*.png
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import type { Configuration } from "webpack";
import { FunctionsLocalesPlugin } from "./functions-locales";
import { DEV_BASE_URL, normaliseBaseUrl } from "./manifest-checks";
import { ManifestPlugin } from "./manifest-plugin";
import { releaseDefaults, renderSupportPage } from "./release-options";

export const ROOT = resolve(__dirname, "..");

export interface AddinBuildOptions {
  mode: "production" | "development";
  /** Where the add-in will be served from; replaces https://localhost:3000 in the manifest. */
  baseUrl?: string;
  /** Output directory. Default <root>/dist. */
  outDir?: string;
  /** Custom functions source. Default src/functions/functions.ts (tests point it at broken files). */
  functionsSource?: string;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export function createWebpackConfig(options: AddinBuildOptions): Configuration {
  const production = options.mode === "production";
  const functionsSource = resolve(options.functionsSource ?? join(ROOT, "src/functions/functions.ts"));
  return {
    mode: options.mode,
    context: ROOT,
    devtool: "source-map",
    entry: {
      functions: functionsSource,
      // Every module the functions bundle holds is taken from it, in the one module cache of its
      // loader: the pane gets the very core, memo and parsed data the functions answer from.
      taskpane: { import: join(ROOT, "src/taskpane/taskpane.ts"), dependOn: "functions" },
    },
    output: {
      path: options.outDir ?? join(ROOT, "dist"),
      // Fixed names: the manifest points at functions.js and functions.json directly.
      filename: "[name].js",
      // Lazy chunks (the chart previews) load beside the page that asks for them. An explicit public
      // path, rather than webpack's automatic one, also lets functions.js (which holds the runtime)
      // run where there is no document: the functions' own runtime and the tests.
      publicPath: "",
      clean: true,
      // Always write the outputs, so their modification time says when they were built (bench relies on it).
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          // src/core/countries.ts reads only the alpha-2/alpha-3 columns of i18n-iso-countries' code table
          // (1.4 KiB less gzipped); the package's own runtime, which wants all four, is not bundled.
          test: /i18n-iso-countries[\\/]codes\.json$/,
          type: "json",
          parser: { parse: (text: string) => (JSON.parse(text) as string[][]).map((row) => row.slice(0, 2)) },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type errors are `npm run typecheck`'s job; the build only transpiles (isolatedModules).
              transpileOnly: true,
              configFile: join(ROOT, "tsconfig.json"),
              compilerOptions: { noEmit: false, module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: functionsSource, output: "functions.json" }),
      new FunctionsLocalesPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: join(ROOT, "src/taskpane/taskpane.html"),
        // Shared runtime: the task pane page loads the functions bundle first, then the task pane.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        hash: production,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "src/support/support.html",
            to: "support.html",
            // The contact and version of package.json; `npm run release` writes the release's own.
            transform: (content: Buffer) =>
              renderSupportPage(content.toString(), releaseDefaults().supportContact, packageVersion()),
          },
        ],
      }),
      new ManifestPlugin({
        manifest: join(ROOT, "manifest.xml"),
        packageVersion: packageVersion(),
        baseUrl: normaliseBaseUrl(options.baseUrl ?? DEV_BASE_URL),
      }),
    ],
  };
}
