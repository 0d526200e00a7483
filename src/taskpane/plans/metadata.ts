/**
 * What the add-in remembers about each block it inserted, kept in the workbook's add-in settings
 * (saved with the file, invisible to users): which template, mode and language, the shape of its
 * Excel table, and a short hash of every body cell as written — so refresh can tell the cells it
 * wrote from the cells a user has since edited.
 */
import type { Lang } from "../../i18n/lang";
import { isLang } from "../../i18n/lang";
import { textOf } from "./text";
import type { Mode } from "../../sheets/block";

export const SETTINGS_KEY = "IOM.blocks";
/** Tables the add-in inserts are named IOM_<template>; refresh looks for this prefix. */
export const TABLE_PREFIX = "IOM_";
const HASH_LENGTH = 5;

export interface BlockRecord {
  v: 1;
  /** Excel table name: how the block is found again, wherever the user moved or renamed its sheet. */
  table: string;
  template: string;
  mode: Mode;
  lang: Lang;
  /** Where the body was written (for messages; the table name is what counts). */
  address: string;
  rows: number;
  cols: number;
  /** The table's heading row as written. */
  headers: string[];
  /** HASH_LENGTH characters per body cell, row by row: the content as written. */
  hashes: string;
  chart?: string;
  edition: string;
}

/**
 * A cell's content in one canonical form, whichever way Excel reports it: numbers as numbers,
 * formulas without the _xludf. prefix Excel adds to unknown functions, and upper-cased outside text.
 */
export function canonicalContent(c: unknown): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "number") return `n${String(c)}`;
  if (typeof c === "boolean") return `b${String(c)}`;
  const s = textOf(c);
  if (!s.startsWith("=")) return `s${s}`;
  // Outside "…" segments: drop spaces and the _xludf. prefix, ignore case.
  const parts = s.split('"');
  return `f${parts
    .map((p, i) =>
      i % 2 === 0
        ? p
            .replace(/\s+/g, "")
            .replace(/_xludf\./gi, "")
            .toUpperCase()
        : p,
    )
    .join('"')}`;
}

/** FNV-1a, 32-bit, as HASH_LENGTH base-36 characters. */
export function hashContent(c: unknown): string {
  const s = canonicalContent(c);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(-HASH_LENGTH);
}

export const hashGrid = (grid: readonly (readonly unknown[])[]): string =>
  grid.map((row) => row.map(hashContent).join("")).join("");

export function hashAt(record: BlockRecord, row: number, col: number): string {
  const i = (row * record.cols + col) * HASH_LENGTH;
  return record.hashes.slice(i, i + HASH_LENGTH);
}

function isRecord(x: unknown): x is BlockRecord {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Partial<BlockRecord>;
  return (
    r.v === 1 &&
    typeof r.table === "string" &&
    typeof r.template === "string" &&
    (r.mode === "static" || r.mode === "live") &&
    typeof r.lang === "string" &&
    isLang(r.lang) &&
    typeof r.rows === "number" &&
    typeof r.cols === "number" &&
    Array.isArray(r.headers) &&
    typeof r.hashes === "string" &&
    r.hashes.length === r.rows * r.cols * HASH_LENGTH
  );
}

/**
 * The records of a settings value (a JSON string). A damaged value is reported, not thrown: refresh
 * then treats the IOM_ tables as having no metadata and leaves them alone.
 */
export function parseRecords(value: unknown): { records: BlockRecord[]; damaged: boolean } {
  if (value === null || value === undefined || value === "") return { records: [], damaged: false };
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
    if (!Array.isArray(parsed)) return { records: [], damaged: true };
    const records = parsed.filter(isRecord);
    return { records, damaged: records.length !== parsed.length };
  } catch {
    return { records: [], damaged: true }; // not JSON: someone else's value under our key
  }
}

export const serializeRecords = (records: readonly BlockRecord[]): string => JSON.stringify(records);
