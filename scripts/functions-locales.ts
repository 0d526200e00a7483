/**
 * Webpack plugin that emits functions-fr.json and functions-es.json beside functions.json: the
 * English metadata custom-functions-metadata-plugin generates from the JSDoc, with the names and
 * descriptions of src/i18n (see src/i18n/metadata.ts). The manifest's locale overrides point
 * French and Spanish Excel at them. A missing or left-over translation fails the build. The
 * translations are read when the build starts: `npm start` picks up a changed one on restart.
 */
import type { Compiler } from "webpack";
import { METADATA_LANGS, localizeMetadata, metadataFile, type FunctionsMetadata } from "../src/i18n/metadata";

const PLUGIN = "IomFunctionsLocalesPlugin";

export interface FunctionsLocalesOptions {
  /** The English metadata asset. Default "functions.json". */
  source?: string;
}

export class FunctionsLocalesPlugin {
  constructor(private readonly options: FunctionsLocalesOptions = {}) {}

  apply(compiler: Compiler): void {
    const { WebpackError, sources, Compilation } = compiler.webpack;
    const source = this.options.source ?? "functions.json";
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // No English metadata: the metadata plugin already reported why (bad JSDoc).
          const asset = compilation.getAsset(source);
          if (!asset) return;
          const { files, problems } = localizedFiles(asset.source.source().toString());
          for (const p of problems) compilation.errors.push(new WebpackError(`functions metadata: ${p}`));
          if (problems.length > 0) return;
          for (const [name, json] of files) compilation.emitAsset(name, new sources.RawSource(json));
        },
      );
    });
  }
}

/** The localized metadata files for an English functions.json text, or the problems that stop them. */
export function localizedFiles(englishJson: string): { files: Map<string, string>; problems: string[] } {
  const english = JSON.parse(englishJson) as FunctionsMetadata;
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const lang of METADATA_LANGS) {
    const result = localizeMetadata(english, lang);
    problems.push(...result.problems);
    // The same layout as the generator's functions.json.
    files.set(metadataFile(lang), JSON.stringify(result.metadata, null, 4));
  }
  return { files, problems };
}
