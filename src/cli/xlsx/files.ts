/**
 * Reading and writing workbooks without ever leaving a half-written file: every problem becomes a
 * UserError that says what is wrong with which file, and writes go to a temporary file in the
 * same directory that is renamed over the target only once it is complete.
 */
import ExcelJS from "exceljs";
import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors";
import { EXIT } from "../io";

const errnoOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;

function describeFsError(e: unknown, verb: "read" | "write", path: string): string {
  switch (errnoOf(e)) {
    case "ENOENT":
      return verb === "read" ? `${path}: no such file` : `cannot write ${path}: its directory does not exist`;
    case "EISDIR":
      return `${path} is a directory, not a workbook file`;
    case "ENOTDIR":
      return `cannot ${verb} ${path}: a part of the path is a file, not a directory`;
    case "EACCES":
    case "EPERM":
      return `cannot ${verb} ${path}: permission denied${verb === "write" ? " (is the file or its directory read-only?)" : ""}`;
    case "EROFS":
      return `cannot write ${path}: the file system is read-only`;
    case "ENOSPC":
      return `cannot write ${path}: no space left on the device`;
    default:
      return `cannot ${verb} ${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The bytes of an input file, or a UserError saying why it can't be read. */
export function readInputFile(path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    return readFileSync(path);
  } catch (e) {
    throw new UserError(describeFsError(e, "read", path), EXIT.io);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary: an encrypted (password-protected) workbook, or an old binary .xls. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Loads an .xlsx with exceljs, telling an encrypted, legacy or corrupt file apart. */
export async function loadWorkbook(bytes: Buffer, path: string): Promise<ExcelJS.Workbook> {
  if (bytes.subarray(0, 8).equals(CFB)) {
    throw new UserError(
      `${path} is password-protected (encrypted) or an Excel 97–2003 .xls file: open it in Excel, remove the password or save it as .xlsx, then try again`,
      EXIT.io,
    );
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    throw new UserError(`${path} is not an .xlsx workbook (it is not a zip package)`, EXIT.io);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UserError(
      `${path} is corrupt or not a workbook exceljs can read: ${e instanceof Error ? e.message : String(e)}`,
      EXIT.io,
    );
  }
  if (wb.worksheets.length === 0) throw new UserError(`${path} is corrupt: it has no worksheets`, EXIT.io);
  return wb;
}

/** True when something (file or directory) is at `path`. */
export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `data` to `path` through a temporary file in the same directory and a rename, so the
 * target is either the old file or the complete new one. Keeps the permissions of a file it replaces.
 */
export function writeFileAtomic(path: string, data: Buffer | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  let mode: number | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    mode = st.mode & 0o777;
  } catch (e) {
    if (errnoOf(e) !== "ENOENT") throw new UserError(describeFsError(e, "write", path), EXIT.io);
  }
  try {
    writeFileSync(tmp, data, { flag: "wx" });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(describeFsError(e, "write", path), EXIT.io);
  }
}

/**
 * exceljs reads a sheet without a first page number as "page 1" and then writes
 * useFirstPageNumber="1", which changes how the sheet is paginated. Clearing the number it
 * invented keeps a loaded sheet's page setup as it was.
 */
export function keepPageNumbering(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    // exceljs reads useFirstPageNumber into pageSetup but leaves it out of its typings.
    const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
    if (!setup.useFirstPageNumber) setup.firstPageNumber = undefined;
  }
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
