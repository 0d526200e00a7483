/** `iom export`: every report table, as one formatted workbook (xlsx) or one file per table (csv, json). */
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { iom } from "../../core";
import { hostLanguage } from "../../i18n/host";
import { UserError } from "../errors";
import { exists, writeFileAtomic } from "../files";
import { tableText, type ExportFormat } from "../formats";
import { EXIT, type Io } from "../io";
import { BOM } from "../output";
import { exportPackage } from "../xlsx/export-workbook";

export { EXPORT_FORMATS, type ExportFormat } from "../formats";

export interface ExportOptions {
  format?: ExportFormat;
  out: string;
  force?: boolean;
  /** False with --no-bom: CSV files without the UTF-8 byte order mark. */
  bom?: boolean;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * What --out and --format ask for together: a workbook is a file ending in .xlsx; csv and json are
 * one file per table, in a folder, so --out names a folder (one without an extension, or one that
 * exists). Anything else is a usage error that says which of the two to change.
 */
export function exportTarget(opts: ExportOptions): ExportFormat {
  const ext = extname(opts.out).toLowerCase();
  const folder = isDirectory(opts.out);
  const format = opts.format ?? (ext === ".xlsx" ? "xlsx" : undefined);
  const usage = (message: string) => new UserError(message, EXIT.usage);
  if (format === undefined)
    throw usage(
      folder || ext === ""
        ? `--out ${opts.out} ${folder ? "is a folder" : "has no extension"}: add --format csv or --format json to write one file per table in it, or name a .xlsx file for a workbook`
        : `--out ${opts.out}: iom export writes a workbook (a name ending in .xlsx) or, with --format csv or json, a folder of files (a name without an extension)`,
    );
  if (format === "xlsx") {
    if (ext !== ".xlsx" || folder)
      throw usage(
        `--out ${opts.out}: a workbook is written to a file whose name ends in .xlsx${folder ? ", not to a folder" : ""}`,
      );
    return format;
  }
  if (ext !== "" && !folder)
    throw usage(
      `--out ${opts.out}: --format ${format} writes one file per table, so --out names a folder (without an extension, e.g. tables-${format}); for one table, use iom table <id> --out <file>.${format}`,
    );
  return format;
}

/** Creates `dir` (and parents), or says clearly why it can't. */
function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(
      `cannot create the directory ${dir}: ${e instanceof Error ? e.message : String(e)}`,
      EXIT.io,
    );
  }
}

export async function runExport(opts: ExportOptions, io: Io): Promise<number> {
  const format = exportTarget(opts);
  const edition = iom().edition;
  if (format === "xlsx") {
    if (exists(opts.out) && !opts.force)
      throw new UserError(
        `${opts.out} already exists: choose another --out, or add --force to replace it`,
        EXIT.io,
      );
    const started = Date.now();
    const written = await exportPackage(iom(), hostLanguage());
    writeFileAtomic(opts.out, written.bytes);
    io.out(
      `wrote ${opts.out}: ${edition.tables.length} tables and ${written.charts} charts on ${written.sheets} sheets, ${edition.facts.length} facts, ${(written.bytes.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms\n`,
    );
    return EXIT.ok;
  }
  ensureDir(opts.out);
  const names = edition.tables.map((t) => `${t.id}.${format}`);
  const clash = names.filter((n) => readdirSync(opts.out).includes(n));
  if (clash.length > 0 && !opts.force)
    throw new UserError(
      `${opts.out} already holds ${clash.length} of the files (e.g. ${clash[0] ?? ""}): choose another --out, or add --force to replace them`,
      EXIT.io,
    );
  // Excel reads a CSV file without a byte order mark in the system's code page (CÃ´te d'Ivoire).
  const head = format === "csv" && opts.bom !== false ? BOM : "";
  edition.tables.forEach((t, i) =>
    writeFileAtomic(join(opts.out, names[i] ?? t.id), head + tableText(t, edition, format)),
  );
  io.out(`wrote ${names.length} ${format} files to ${opts.out}\n`);
  return EXIT.ok;
}
