/**
 * The edition registry: every edition of the report the library knows, and one query core per
 * edition, built on first use and shared by every caller. The add-in and the CLI ship the editions
 * under data/ (data/index.ts lists them); tests and tools may register more. The latest edition
 * (the one covering the most recent year) answers whenever no edition is named.
 */
import { BUNDLED_EDITIONS } from "../../data";
import { msg } from "../i18n/messages";
import { isBlank, type Arg } from "./args";
import { Dimension } from "./dimension";
import { IomError } from "./errors";
import { Iom } from "./iom";
import type { Edition } from "./model";
import { expandEdition, type RuntimeEdition } from "./runtime-format";

/** An edition as IOM.EDITION lists it. */
export interface EditionInfo {
  /** The edition's id, its folder under data/ (the year it covers, for IOM's annual reports). */
  id: string;
  /** The document symbol and the edition, e.g. "MC/1234 (1999)". */
  label: string;
  document: string;
  title: string;
  year: number;
  /** True for the edition answering when none is named. */
  latest: boolean;
}

interface Entry {
  load: () => Edition;
  core?: Iom;
  year: number;
  document: string;
  title: string;
}

const entries = new Map<string, Entry>();
let bundledLoaded = false;
/** The edition answering when none is named, when a caller chose one (the CLI's --edition). */
let chosen: string | undefined;
let names: Dimension<string> | undefined;
/** Counts the changes to what a blank or named edition argument means (callers that remember answers start afresh). */
let version = 0;

/** Changes whenever an edition is added, replaced or removed, or another one is made the default. */
export const editionsVersion = (): number => version;

const labelOf = (id: string, document: string): string => `${document} (${id})`;

function registry(): Map<string, Entry> {
  if (!bundledLoaded) {
    bundledLoaded = true;
    for (const r of BUNDLED_EDITIONS) add(r.edition, () => expandEdition(r), r.meta.year, r.meta);
  }
  return entries;
}

function add(id: string, load: () => Edition, year: number, meta: { document: string; title: string }): void {
  entries.set(id, { load, year, document: meta.document, title: meta.title });
  names = undefined;
}

/**
 * Adds an edition (its runtime form, as data/<edition>/runtime.json holds it, or an Edition), or
 * replaces the one with the same id. Returns how IOM.EDITION lists it.
 */
export function registerEdition(data: RuntimeEdition | Edition): EditionInfo {
  registry();
  const isRuntime = data.tables.some((t) => "reasons" in t);
  const load = isRuntime ? () => expandEdition(data as RuntimeEdition) : () => data as Edition;
  add(data.edition, load, data.meta.year, data.meta);
  version++;
  return editionInfo(data.edition);
}

/** Removes a registered edition (tests that register a synthetic one clean up after themselves). */
export function unregisterEdition(id: string): void {
  registry();
  entries.delete(id);
  names = undefined;
  version++;
}

/**
 * Makes `edition` the one that answers when none is named (the CLI's --edition), or goes back to
 * the latest with undefined. Unknown names throw like an edition argument does.
 */
export function useEdition(edition: Arg): void {
  const next = isBlank(edition) ? undefined : editionId(edition);
  if (next !== chosen) version++;
  chosen = next;
}

/** The edition answering when none is named: the chosen one, else the latest. */
export const defaultEdition = (): string =>
  chosen !== undefined && registry().has(chosen) ? chosen : latestEdition();

/** The id of the most recent edition: the latest year, then the highest id. */
export function latestEdition(): string {
  const all = [...registry()].sort(([a, x], [b, y]) => y.year - x.year || b.localeCompare(a));
  const first = all[0];
  if (!first) throw new Error("no edition of the report is bundled or registered");
  return first[0];
}

function editionInfo(id: string): EditionInfo {
  const e = registry().get(id);
  if (!e) throw new Error(`no edition ${id}`);
  return {
    id,
    label: labelOf(id, e.document),
    document: e.document,
    title: e.title,
    year: e.year,
    latest: id === latestEdition(),
  };
}

/** Every edition, the latest first. */
export function editions(): EditionInfo[] {
  return [...registry().keys()]
    .map(editionInfo)
    .sort((a, b) => Number(b.latest) - Number(a.latest) || b.year - a.year || b.id.localeCompare(a.id));
}

/** The names an edition is given by: its id ("1999"), its document ("MC/1234") and its label. */
function editionNames(): Dimension<string> {
  names ??= new Dimension(
    "edition",
    [...registry()].map(([id, e]) => ({
      name: id,
      aliases: [e.document, labelOf(id, e.document)],
      value: id,
    })),
  );
  return names;
}

/** The id an `edition` argument names; blank means the latest. Unknown names throw with suggestions. */
export function editionId(edition: Arg): string {
  if (isBlank(edition)) return defaultEdition();
  if (typeof edition === "number" && Number.isInteger(edition))
    return editionNames().resolve(String(edition)).value;
  if (typeof edition !== "string") {
    throw new IomError(
      "bad_argument",
      msg("expected_name", { argument: "edition", example: latestEdition(), got: edition }),
      "edition",
    );
  }
  return editionNames().resolve(edition).value;
}

/** The query core over an edition (the latest when none is named), built on first use. */
export function iom(options: { edition?: Arg } = {}): Iom {
  const id = editionId(options.edition);
  const e = registry().get(id) as Entry;
  e.core ??= new Iom(e.load(), {
    editions: () => editions().map((x) => x.id),
    core: (edition) => iom({ edition }),
  });
  return e.core;
}
