/**
 * Development https certificates from office-addin-dev-certs (a local CA plus a localhost certificate
 * in ~/.office-addin-dev-certs, the same files every Office add-in project uses).
 *
 * On Windows and macOS the CA is installed into the user's trust store (office-addin-dev-certs asks for
 * confirmation), which Office and the browsers use. On Linux there is no desktop Excel and browsers keep
 * their own trust store, so the certificates are generated once and reused; installing the CA into the
 * system store is attempted but not required. When installing fails the generated certificates are still
 * used and `note` tells how to trust them.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import {
  ensureCertificatesAreInstalled,
  generateCertificates,
  installCaCertificate,
} from "office-addin-dev-certs";

export interface DevCertificates {
  key: Buffer;
  cert: Buffer;
  caPath: string;
  /** True when the CA is known to be installed in the system trust store. */
  trusted: boolean;
  /** Why the certificates may not be trusted, and what to do about it. */
  note?: string;
}

export interface DevCertificateOptions {
  /** Directory of ca.crt, localhost.crt, localhost.key. Default ~/.office-addin-dev-certs. */
  dir?: string;
  /** Try to install the CA into the system store. Default true. */
  install?: boolean;
}

const DAYS_VALID = 30;

export const DEFAULT_CERT_DIR = join(homedir(), ".office-addin-dev-certs");

function paths(dir: string): { ca: string; cert: string; key: string } {
  return { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
}

/** True when the localhost certificate exists and stays valid for at least another day. */
export function certificateIsFresh(certPath: string): boolean {
  if (!existsSync(certPath)) return false;
  try {
    const validTo = Date.parse(new X509Certificate(readFileSync(certPath)).validTo);
    return validTo - Date.now() > 24 * 60 * 60 * 1000;
  } catch {
    return false;
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

function trustHint(caPath: string): string {
  return (
    `Browsers will warn about https://localhost until they trust the development CA ${caPath}. ` +
    `Chrome/Edge on Linux: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${caPath} ` +
    "(certutil is in the libnss3-tools package); Firefox: Settings > Privacy & Security > Certificates > Import. " +
    "Or open the task pane URL once and accept the warning."
  );
}

async function generatedCertificates(dir: string, install: boolean): Promise<DevCertificates> {
  const p = paths(dir);
  if (!certificateIsFresh(p.cert)) {
    // generateCertificates keeps an existing CA file and then writes nothing: start from scratch.
    for (const file of [p.ca, p.cert, p.key]) rmSync(file, { force: true });
    await generateCertificates(p.ca, p.cert, p.key, DAYS_VALID);
  }
  let trusted = false;
  let note: string | undefined;
  if (install) {
    try {
      await installCaCertificate(p.ca);
      trusted = true;
    } catch (error) {
      note = `Could not install the CA into the system store (${errorText(error)}). ${trustHint(p.ca)}`;
    }
  } else {
    note = trustHint(p.ca);
  }
  return {
    key: readFileSync(p.key),
    cert: readFileSync(p.cert),
    caPath: p.ca,
    trusted,
    ...(note ? { note } : {}),
  };
}

export async function loadDevCertificates(options: DevCertificateOptions = {}): Promise<DevCertificates> {
  const dir = options.dir ?? DEFAULT_CERT_DIR;
  const install = options.install ?? true;
  if (process.platform === "linux" || dir !== DEFAULT_CERT_DIR || !install) {
    return generatedCertificates(dir, install && process.platform === "linux");
  }
  try {
    // Generates the certificates when needed and installs the CA into the user's trust store.
    await ensureCertificatesAreInstalled(DAYS_VALID);
    const p = paths(dir);
    return { key: readFileSync(p.key), cert: readFileSync(p.cert), caPath: p.ca, trusted: true };
  } catch (error) {
    const fallback = await generatedCertificates(dir, false);
    return {
      ...fallback,
      note: `Could not install the development CA (${errorText(error)}). ${fallback.note ?? ""}`,
    };
  }
}
