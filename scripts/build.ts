/**
 * `npm run build`: production build of the add-in into dist/ (see scripts/webpack.config.ts).
 *
 *   ADDIN_BASE_URL=https://addin.example.org/iom npm run build
 *
 * The base URL replaces https://localhost:3000 in dist/manifest.xml (default: keep localhost, for
 * development). Options: --out DIR, --base-url URL (overrides ADDIN_BASE_URL), --mode development,
 * --functions FILE (another custom functions source; used by tests). Exits 1 on any build error,
 * including JSDoc errors in the custom functions and manifest check failures.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import webpack from "webpack";
import { DEV_BASE_URL } from "./manifest-checks";
import { type AddinBuildOptions, ROOT, createWebpackConfig } from "./webpack.config";

export interface BuiltAsset {
  name: string;
  size: number;
}

export class BuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`build failed:\n${problems.join("\n")}`);
  }
}

/**
 * One line per distinct error. html-webpack-plugin repeats every error of its child compilation with a
 * stack trace ("Child compilation failed"); the original errors are already in the list.
 */
function errorMessages(errors: { message: string }[]): string[] {
  const lines = errors
    .map((e) => e.message.trim())
    .filter((m) => !m.includes("Child compilation failed"))
    .map((m) =>
      m
        .split("\n")
        .filter((line) => !/^\s+at /.test(line))
        .join("\n"),
    );
  return [...new Set(lines)];
}

/** Runs one webpack build; resolves with the emitted assets, rejects with a BuildError on errors. */
export function buildAddin(options: AddinBuildOptions): Promise<BuiltAsset[]> {
  const compiler = webpack(createWebpackConfig(options));
  return new Promise((resolvePromise, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats) return reject(new Error("webpack returned no stats"));
      const info = stats.toJson({ all: false, errors: true, assets: true });
      if (stats.hasErrors()) {
        return reject(new BuildError(errorMessages(info.errors ?? [])));
      }
      const assets = (info.assets ?? []).map((a) => ({ name: a.name, size: a.size }));
      resolvePromise(assets.sort((a, b) => a.name.localeCompare(b.name)));
    });
  });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      "base-url": { type: "string" },
      mode: { type: "string", default: "production" },
      functions: { type: "string" },
    },
  });
  const mode = values.mode === "development" ? "development" : "production";
  const baseUrl = values["base-url"] ?? process.env.ADDIN_BASE_URL ?? DEV_BASE_URL;
  const started = Date.now();
  const options: AddinBuildOptions = { mode, baseUrl };
  if (values.out !== undefined) options.outDir = values.out;
  if (values.functions !== undefined) options.functionsSource = values.functions;
  const assets = await buildAddin(options);
  for (const asset of assets.filter((a) => !a.name.endsWith(".map"))) {
    console.log(`  ${asset.name.padEnd(24)} ${kb(asset.size).padStart(12)}`);
  }
  const out = relative(process.cwd(), options.outDir ?? `${ROOT}/dist`) || ".";
  console.log(`Built ${mode} add-in into ${out}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Manifest base URL: ${baseUrl}`);
  if (baseUrl === DEV_BASE_URL) {
    console.log("  (development URL; set ADDIN_BASE_URL=https://your.host/path for a production manifest)");
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
