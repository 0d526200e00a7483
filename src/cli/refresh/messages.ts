/**
 * What `iom refresh` tells the user, as typed codes with parameters, put into words in one place:
 * which file, what is wrong with it in the user's terms, and that nothing was changed. No
 * message quotes a library's error text.
 */
import { UserError, type ExitCode } from "../errors";
import { EXIT } from "../io";

export interface RefusalParams {
  not_found: { file: string };
  is_directory: { file: string };
  unreadable: { file: string; why: "permission" | "other" };
  encrypted: { file: string };
  not_zip: { file: string };
  damaged_zip: { file: string };
  not_workbook: { file: string; missing: string };
  encrypted_part: { file: string; part: string };
  too_large: { file: string; part: string; limitMb: number };
  bad_xml: { file: string; part: string; where: string };
  read_only: { file: string };
  dir_not_writable: { file: string; dir: string };
  cannot_write: { file: string; why: string };
  out_is_directory: { file: string };
  tables_changed: { file: string; tables: readonly string[] };
  write_failed: { file: string };
}

export type RefusalCode = keyof RefusalParams;

const NOTHING = "nothing was changed";

const TEXT: { [C in RefusalCode]: (p: RefusalParams[C]) => string } = {
  not_found: (p) => `${p.file}: no such file; ${NOTHING}`,
  is_directory: (p) => `${p.file} is a directory, not a workbook file; ${NOTHING}`,
  unreadable: (p) =>
    `cannot read ${p.file}: ${p.why === "permission" ? "permission denied" : "the file can't be opened"}; ${NOTHING}`,
  encrypted: (p) =>
    `${p.file} is password-protected (encrypted) or an Excel 97–2003 .xls file: open it in Excel, remove the password or save it as .xlsx, then try again; ${NOTHING}`,
  not_zip: (p) => `${p.file} is not an .xlsx workbook (it is not a zip package); ${NOTHING}`,
  damaged_zip: (p) =>
    `${p.file} is corrupt: its zip package is damaged or incomplete (was it truncated while being copied?); ${NOTHING}`,
  not_workbook: (p) => `${p.file} is corrupt or not an Excel workbook: it has no ${p.missing}; ${NOTHING}`,
  encrypted_part: (p) => `${p.file} is corrupt: its part ${p.part} is encrypted inside the zip; ${NOTHING}`,
  too_large: (p) =>
    `${p.file} is refused: its part ${p.part} expands to more than ${p.limitMb} MB (a zip bomb, or far larger than any sheet Excel writes); ${NOTHING}`,
  bad_xml: (p) => `${p.file} is corrupt: ${p.part} is not well-formed XML (${p.where}); ${NOTHING}`,
  read_only: (p) =>
    `${p.file} is read-only: make it writable (chmod u+w) or write the refreshed copy elsewhere with --out; ${NOTHING}`,
  dir_not_writable: (p) =>
    `cannot write ${p.file}: its folder ${p.dir} is not writable (the new file is made there before it replaces the old one); ${NOTHING}`,
  cannot_write: (p) => `cannot write ${p.file}: ${p.why}; ${NOTHING}`,
  out_is_directory: (p) => `cannot write ${p.file}: it is a directory; ${NOTHING}`,
  write_failed: (p) =>
    `could not rebuild ${p.file}: an unexpected problem in iom while copying its package (please report it, with the workbook if you can); ${NOTHING}`,
  tables_changed: (p) =>
    `${p.file} is refused: ${p.tables.join("; ")}. Put the table back as the export wrote it, or run again with --force to refresh everything else and leave ${p.tables.length === 1 ? "that table" : "those tables"} as ${p.tables.length === 1 ? "it is" : "they are"}; ${NOTHING}`,
};

const EXIT_OF: { [C in RefusalCode]: ExitCode } = {
  not_found: EXIT.io,
  is_directory: EXIT.io,
  unreadable: EXIT.io,
  encrypted: EXIT.io,
  not_zip: EXIT.io,
  damaged_zip: EXIT.io,
  not_workbook: EXIT.io,
  encrypted_part: EXIT.io,
  too_large: EXIT.io,
  bad_xml: EXIT.io,
  read_only: EXIT.io,
  dir_not_writable: EXIT.io,
  cannot_write: EXIT.io,
  out_is_directory: EXIT.io,
  tables_changed: EXIT.failed,
  write_failed: EXIT.failed,
};

/** A refusal: the message the user sees, its code for tests and callers, and the exit code. */
export class RefreshRefusal extends UserError {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message, EXIT_OF[code]);
  }
}

export function refuse<C extends RefusalCode>(code: C, params: RefusalParams[C]): RefreshRefusal {
  return new RefreshRefusal(code, TEXT[code](params));
}

/** Why a formula or table was left alone, for the report. */
export const SKIP_REASON = {
  not_single_call:
    "not a single =IOM.* call with literal or single-cell arguments: its cached value is left as it is",
  unknown_function: "unknown function: its cached value is left as it is",
  circular: "circular reference: the formula depends on its own cell, so it is left as it is",
  bad_reference:
    "an argument refers to a sheet this workbook does not have: its cached value is left as it is",
} as const;
