/**
 * What the built shared-runtime page loads, and how many copies of each edition's data it holds:
 * used by the build test and by the bench (page.data_copies, bundle sizes).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { BUNDLED_EDITIONS } from "../../data";

/** The page's own scripts, in the order taskpane.html loads them (office.js, from Microsoft's CDN, left out). */
export function pageScripts(dist: string): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)]
    .map((m) => (m[1] ?? "").split("?")[0] ?? "")
    .filter((src) => src !== "" && !/^https?:/.test(src));
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), root) : [relative(root, join(dir, e.name))],
  );
}

/**
 * Everything the page may load besides office.js: the page, every script and style sheet the
 * build emits (the entries and any chunk loaded later, such as chart previews) and the page's icon.
 */
export function pageFiles(dist: string): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const icons = [...html.matchAll(/<link\b[^>]*\brel="?icon"?[^>]*\bhref="?([^"\s>]+)/g)].map(
    (m) => m[1] ?? "",
  );
  const code = filesUnder(dist).filter((f) => /\.(js|css)$/.test(f));
  return ["taskpane.html", ...code.sort(), ...icons.filter((i) => i !== "" && !/^https?:/.test(i))];
}

/** Every string value of a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
}

/**
 * A text that marks one copy of an edition's runtime data: its longest string that a bundle
 * prints verbatim (plain letters, digits, spaces and punctuation no JSON or JS string escapes)
 * and that the data holds once.
 */
export function dataMarker(edition: unknown): string {
  const json = JSON.stringify(edition);
  const candidates = strings(edition)
    .filter((s) => s.length >= 40 && /^[A-Za-z0-9 ,.;:()-]+$/.test(s))
    .filter((s) => json.split(s).length === 2)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  const marker = candidates[0];
  if (marker === undefined) throw new Error("no text marks this edition's data");
  return marker;
}

/** How many copies of each bundled edition's data the page's scripts hold (any chunk it may load), by edition. */
export function dataCopies(dist: string): Record<string, number> {
  const scripts = pageFiles(dist)
    .filter((f) => f.endsWith(".js"))
    .map((s) => readFileSync(join(dist, s), "utf8"));
  return Object.fromEntries(
    BUNDLED_EDITIONS.map((e) => {
      const marker = dataMarker(e);
      return [e.edition, scripts.reduce((n, text) => n + text.split(marker).length - 1, 0)];
    }),
  );
}
