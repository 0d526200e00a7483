/**
 * `npm run validate [-- --base-url https://host/path]`: Microsoft's own manifest validation, with
 * its production checks, of the manifest a release would ship (rebased and branded as `npm run
 * release` makes it). It calls a Microsoft web service, so it needs a network; CI runs the offline
 * checks instead (scripts/manifest-checks.ts, in the tests and every build).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { releaseDefaults } from "./release-options";
import { releaseManifest } from "./release";

const ROOT = join(__dirname, "..");

function main(): number {
  const defaults = releaseDefaults();
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string", default: "https://addin.example.org/iom-report" },
      "provider-name": { type: "string", default: defaults.providerName },
      "support-url": { type: "string", default: defaults.supportUrl },
    },
  });
  const xml = releaseManifest({
    baseUrl: values["base-url"] ?? "",
    providerName: values["provider-name"] ?? defaults.providerName,
    supportUrl: values["support-url"] ?? defaults.supportUrl,
  });
  const dir = join(ROOT, "build", "validate");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "manifest.xml");
  writeFileSync(path, xml);
  console.log(
    `Validating the release manifest ${path} with office-addin-manifest --production (needs a network)…`,
  );
  const r = spawnSync("npx", ["office-addin-manifest", "validate", "--production", path], {
    stdio: "inherit",
  });
  return r.status ?? 1;
}

process.exitCode = main();
