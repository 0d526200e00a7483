/**
 * The options a release is made with — where the add-in is hosted, who publishes it, where users
 * get help — and their defaults from package.json ("iomReport"). Shared by `npm run release`,
 * `npm run validate` and the support page of every build.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normaliseBaseUrl } from "./manifest-checks";

const ROOT = join(__dirname, "..");

export interface ReleaseDefaults {
  providerName: string;
  /** Relative (to the base URL) or absolute https. */
  supportUrl: string;
  /** A mailto: or https: address where users ask for help. */
  supportContact: string;
}

interface PackageJson {
  version: string;
  iomReport?: Partial<ReleaseDefaults>;
}

const pkg = (): PackageJson => JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;

export const packageVersion = (): string => pkg().version;

export function releaseDefaults(): ReleaseDefaults {
  const d = pkg().iomReport ?? {};
  return {
    providerName: d.providerName ?? "International Organization for Migration (IOM)",
    supportUrl: d.supportUrl ?? "support.html",
    supportContact: d.supportContact ?? "",
  };
}

/** A support URL against a base URL: "support.html" → https://host/path/support.html. */
export function absoluteSupportUrl(supportUrl: string, baseUrl: string): string {
  return /^https?:\/\//.test(supportUrl)
    ? supportUrl
    : `${normaliseBaseUrl(baseUrl)}/${supportUrl.replace(/^\//, "")}`;
}

const html = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The support page (src/support/support.html) with its contact and version filled in. */
export function renderSupportPage(template: string, contact: string, version: string): string {
  const label = contact.replace(/^mailto:/, "");
  const link = contact === "" ? "your IT service desk" : `<a href="${html(contact)}">${html(label)}</a>`;
  return template.replace(/\{\{CONTACT\}\}/g, link).replace(/\{\{VERSION\}\}/g, html(version));
}
