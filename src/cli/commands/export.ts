/** `iom export`: every report table, as one formatted workbook (xlsx) or one file per table (csv, json). */
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { iom } from "../../core";
import { hostLanguage } from "../../i18n/host";
import { UserError } from "../errors";
import { tableText, type ExportFormat } from "../formats";
import { EXIT, type Io } from "../io";
import { exportBytes } from "../xlsx/export-workbook";
import { exists, writeFileAtomic } from "../xlsx/files";

export { EXPORT_FORMATS, type ExportFormat } from "../formats";

export interface ExportOptions {
  format: ExportFormat;
  out: string;
  force?: boolean;
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
  const edition = iom().edition;
  if (opts.format === "xlsx") {
    if (exists(opts.out) && !opts.force)
      throw new UserError(
        `${opts.out} already exists: choose another --out, or add --force to replace it`,
        EXIT.io,
      );
    const started = Date.now();
    const bytes = await exportBytes(iom(), hostLanguage());
    writeFileAtomic(opts.out, bytes);
    io.out(
      `wrote ${opts.out}: ${edition.tables.length} tables, ${edition.facts.length} facts, ${(bytes.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms\n`,
    );
    return EXIT.ok;
  }
  ensureDir(opts.out);
  const names = edition.tables.map((t) => `${t.id}.${opts.format}`);
  const clash = names.filter((n) => readdirSync(opts.out).includes(n));
  if (clash.length > 0 && !opts.force)
    throw new UserError(
      `${opts.out} already holds ${clash.length} of the files (e.g. ${clash[0] ?? ""}): choose another --out, or add --force to replace them`,
      EXIT.io,
    );
  edition.tables.forEach((t, i) =>
    writeFileAtomic(join(opts.out, names[i] ?? t.id), tableText(t, edition, opts.format as "csv" | "json")),
  );
  io.out(`wrote ${names.length} ${opts.format} files to ${opts.out}\n`);
  return EXIT.ok;
}
