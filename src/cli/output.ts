/**
 * Where and how a command prints data, the same for every command: `--format` (or `--json`),
 * `--out FILE` whose extension sets the format, and a UTF-8 byte order mark on CSV (Excel reads a
 * CSV file without one in the system's code page: "CÃ´te d'Ivoire") unless `--no-bom`.
 */
import { extname } from "node:path";
import { Command, Option } from "commander";
import { UserError } from "./errors";
import { EXIT, type Io } from "./io";
import { exists, writeFileAtomic } from "./files";

export const BOM = "\uFEFF";

/** The options `addOutputOptions` declares, as commander parses them. */
export interface OutputOptions {
  format?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  /** False with --no-bom. */
  bom?: boolean;
}

/** What a command writes: its data (to stdout or --out) and problems (to stderr, as `iom: …`). */
export interface Emit {
  data(text: string): void;
  problem(message: string): void;
}

/** The format each file extension means. */
const BY_EXTENSION: Record<string, string> = {
  ".csv": "csv",
  ".tsv": "tsv",
  ".tab": "tsv",
  ".txt": "text",
  ".json": "json",
  ".xlsx": "xlsx",
};

/** The format `path`'s extension names, if it names one. */
export const formatOfExtension = (path: string): string | undefined =>
  BY_EXTENSION[extname(path).toLowerCase()];

/** Declares --format, --json, --out, --force and --no-bom on a command that prints data. */
export function addOutputOptions(cmd: Command, formats: readonly string[], fallback: string): Command {
  return cmd
    .addOption(
      new Option(
        "-f, --format <format>",
        `output format (default: ${fallback}, or --out's extension)`,
      ).choices([...formats]),
    )
    .option("--json", "the same as --format json")
    .option(
      "-o, --out <file>",
      "write to this file instead of standard output (.csv, .tsv, .json set the format)",
    )
    .option("--force", "with --out, replace a file that already exists")
    .option("--no-bom", "CSV without the UTF-8 byte order mark (Excel needs it to read accents)");
}

/**
 * The format to print in: --json, --format, or --out's extension, which must agree; the
 * command's default otherwise. A disagreement is a usage error that names both.
 */
export function chooseFormat<F extends string>(opts: OutputOptions, formats: readonly F[], fallback: F): F {
  const is = (f: string | undefined): f is F => f !== undefined && (formats as readonly string[]).includes(f);
  if (opts.json && opts.format !== undefined && opts.format !== "json")
    throw new UserError(`--json and --format ${opts.format} disagree: give one of them`, EXIT.usage);
  const asked = opts.json ? "json" : opts.format;
  const byName = opts.out === undefined ? undefined : formatOfExtension(opts.out);
  if (byName !== undefined) {
    if (!is(byName))
      throw new UserError(
        `--out ${opts.out}: this command does not write ${extname(opts.out ?? "")} files (formats: ${formats.join(", ")})`,
        EXIT.usage,
      );
    if (asked !== undefined && asked !== byName)
      throw new UserError(
        `--out ${opts.out} ends in ${extname(opts.out ?? "")} but the format asked for is ${asked}: drop one, or make them agree`,
        EXIT.usage,
      );
    return byName;
  }
  if (asked === undefined) return fallback;
  if (!is(asked)) throw new UserError(`--format ${asked}: choose one of ${formats.join(", ")}`, EXIT.usage);
  return asked;
}

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
export const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** TSV has no quoting: a tab or line break inside a field becomes a space. */
export const tsvField = (s: string): string => s.replace(/[\t\r\n]+/g, " ");

/** Rows of fields as CSV (CRLF, as RFC 4180 and Excel write it) or TSV. */
export function delimited(rows: readonly (readonly string[])[], format: "csv" | "tsv"): string {
  if (format === "csv") return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
  return rows.map((r) => r.map(tsvField).join("\t")).join("\n") + "\n";
}

/**
 * Runs `body` with an Emit that writes to stdout, or collects and then writes --out atomically
 * (refusing to replace a file without --force). CSV starts with a byte order mark unless --no-bom.
 */
export function withOutput(
  opts: OutputOptions,
  format: string,
  io: Io,
  body: (emit: Emit) => number,
): number {
  if (opts.out !== undefined && exists(opts.out) && !opts.force)
    throw new UserError(
      `${opts.out} already exists: choose another --out, or add --force to replace it`,
      EXIT.io,
    );
  let started = false;
  let collected = "";
  const emit: Emit = {
    data: (text) => {
      const head = !started && format === "csv" && opts.bom !== false ? BOM : "";
      started = true;
      if (opts.out === undefined) io.out(head + text);
      else collected += head + text;
    },
    problem: (message) => io.err(`iom: ${message}\n`),
  };
  const code = body(emit);
  if (opts.out !== undefined) {
    try {
      writeFileAtomic(opts.out, Buffer.from(collected, "utf8"));
    } catch (e) {
      throw new UserError(`cannot write ${opts.out}: ${e instanceof Error ? e.message : String(e)}`, EXIT.io);
    }
  }
  return code;
}
