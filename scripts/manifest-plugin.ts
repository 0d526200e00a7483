/**
 * Webpack plugin that emits dist/manifest.xml: the committed manifest.xml with the development base URL
 * (https://localhost:3000) replaced by the production base URL. It fails the build when the manifest's
 * version is not package.json's version plus ".0", or when any offline manifest check fails.
 */
import { readFileSync } from "node:fs";
import type { Compiler } from "webpack";
import { checkManifest, rebaseManifest } from "./manifest-checks";

export interface ManifestPluginOptions {
  /** Path of the source manifest (manifest.xml). */
  manifest: string;
  /** package.json "version". */
  packageVersion: string;
  /** Where the add-in is served from (https). */
  baseUrl: string;
  /** Output file name, relative to the output directory. Default "manifest.xml". */
  filename?: string;
}

const PLUGIN = "IomManifestPlugin";

export class ManifestPlugin {
  constructor(private readonly options: ManifestPluginOptions) {}

  apply(compiler: Compiler): void {
    const { WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(this.options.manifest);
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const result = this.render();
          for (const problem of result.problems)
            compilation.errors.push(new WebpackError(`manifest: ${problem}`));
          if (result.xml !== undefined) {
            compilation.emitAsset(this.options.filename ?? "manifest.xml", new sources.RawSource(result.xml));
          }
        },
      );
    });
  }

  /** The rebased manifest, or the problems that stop it from being emitted. */
  render(): { xml?: string; problems: string[] } {
    const source = readFileSync(this.options.manifest, "utf8");
    const problems = checkManifest(source, { packageVersion: this.options.packageVersion });
    if (problems.length > 0) return { problems };
    let xml: string;
    try {
      xml = rebaseManifest(source, this.options.baseUrl);
    } catch (error) {
      return { problems: [error instanceof Error ? error.message : String(error)] };
    }
    // The rebased manifest must pass the same checks (e.g. a base URL that breaks a URL).
    return { xml, problems: checkManifest(xml, { packageVersion: this.options.packageVersion }) };
  }
}
