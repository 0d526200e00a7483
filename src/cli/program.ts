import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { IomError, registerEdition, useEdition, type Edition } from "../core";
import { setHostLanguage } from "../i18n/host";
import { LANGS, type Lang } from "../i18n/lang";
import { UserError } from "./errors";
import { EXPORT_FORMATS, TABLE_FORMATS, type ExportFormat, type TableFormat } from "./formats";
import { EXIT, type Io } from "./io";
import { packageRoot } from "./root";

// Each command's module loads when the command runs: `iom eval` never loads the workbook library
// (exceljs, JSZip), `iom table` not even the functions. Start-up is most of a one-formula command.
const lookup = () => import("./commands/lookup");

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  a formula gave an Excel error, the data proofs failed, or refresh refused to change a workbook
  2  usage: unknown command, bad option or argument
  3  a file could not be read or written (missing, corrupt, encrypted, read-only)
  4  not found: no such table, dimension or fact (the message suggests the closest names)`;

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
};

/** The package's version, or undefined when iom runs outside its package (a bare copy of lib/). */
function packageVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
    return pkg.version;
  } catch {
    return undefined;
  }
}

/** Registers the edition a --data file holds, or says clearly why it can't. */
function loadEditionFile(path: string): void {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UserError(
      `--data ${path}: cannot read it as JSON (${e instanceof Error ? e.message : String(e)})`,
      EXIT.io,
    );
  }
  const e = data as Partial<Edition>;
  if (typeof e.edition !== "string" || !Array.isArray(e.tables) || typeof e.meta?.year !== "number")
    throw new UserError(`--data ${path}: not an edition of the report (no edition, meta or tables)`, EXIT.io);
  // A runtime.json ships without its presentation: take the edition folder's, when it is beside it.
  const beside = join(dirname(path), "curated", "presentation.json");
  if (e.presentation === undefined && existsSync(beside))
    e.presentation = JSON.parse(readFileSync(beside, "utf8")) as Edition["presentation"];
  registerEdition(e as Edition);
}

/** Builds the `iom` command line; every command writes through `io` and sets `exit`. */
function build(io: Io, exit: { code: number }): Command {
  const program = new Command("iom")
    .description(
      "Every figure of IOM's Report of the Director General, from the command line, each traced to its line in the report.",
    )
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .showHelpAfterError()
    .showSuggestionAfterError()
    .addHelpText("after", EXIT_CODES_HELP);
  // Subcommands inherit output, exit override and error help from here.
  program.configureHelp({ sortSubcommands: false });
  const version = packageVersion();
  if (version) program.version(version, "-V, --version", "print the version of iom");
  const set = (code: number): void => void (exit.code = code);
  // Before any command: names, labels and messages in English, French or Spanish.
  program
    .addOption(new Option("--lang <lang>", "language of labels and messages").choices(LANGS).default("en"))
    .option(
      "--edition <edition>",
      "the edition of the report to answer from (a year or document symbol); the latest by default",
    )
    .option(
      "--data <file>",
      "also load the edition in this runtime.json or edition.json (an edition not bundled yet)",
    )
    .hook("preAction", (cmd) => {
      const opts = cmd.opts<{ lang: Lang; edition?: string; data?: string }>();
      setHostLanguage(opts.lang);
      if (opts.data) loadEditionFile(opts.data);
      try {
        useEdition(opts.edition);
      } catch (e) {
        if (e instanceof IomError) throw new UserError(`--edition: ${e.text(opts.lang)}`, EXIT.notFound);
        throw e;
      }
    });

  program
    .command("eval")
    .description(
      'Evaluate =IOM.* formulas with the add-in\'s own function code, e.g. iom eval \'=IOM.STAFF("P-4","F")\'',
    )
    .argument("<formula...>", "one or more formulas; a spilled result prints as tab-separated rows")
    .action(async (formulas: string[]) => set((await import("./commands/eval")).runEval(formulas, io)));

  program
    .command("list")
    .description("List the valid names of an argument (place, category, item, table…), or the dimensions")
    .argument(
      "[dimension]",
      "a dimension such as place, programme, category, location, item, region, table, key",
    )
    .action(async (dimension: string | undefined) => set((await lookup()).runList(dimension, io)));

  program
    .command("tables")
    .description("List the report's tables: id, number, size, unit and title")
    .option("--json", "as JSON, with the sheet and Excel table names the export uses")
    .action(async (opts: { json?: boolean }) => set((await lookup()).runTables(opts, io)));

  program
    .command("table")
    .description('Print one table as the report lays it out, e.g. iom table "Table 5" --format csv')
    .argument(
      "<id>",
      'a table number, id or title: "Table 5", 5, "Annex I, section 12" (iom tables lists them)',
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices([...TABLE_FORMATS]).default("tsv"),
    )
    .action(async (id: string, opts: { format: TableFormat }) =>
      set((await lookup()).runTable(/^\d+$/.test(id) ? `Table ${id}` : id, opts.format, io)),
    );

  program
    .command("facts")
    .description("List the narrative figures whose key, label or text contain every word of SEARCH")
    .argument("[search...]", "words to look for, e.g. legal contracts; all facts when left out")
    .option("--json", "as JSON, with the paragraph, line and printed text")
    .action(async (search: string[], opts: { json?: boolean }) =>
      set((await lookup()).runFacts(search.join(" "), opts, io)),
    );

  program
    .command("source")
    .description("Say where a value comes from: table, row, column, line of the report, footnotes")
    .argument(
      "<formula...>",
      'a formula such as \'=IOM.STAFF("P-4","F")\', or a function and its arguments: STAFF P-4 F',
    )
    .action(async (formula: string[]) => set((await lookup()).runSource(formula, io)));

  program
    .command("export")
    .description("Write every report table: one formatted workbook (xlsx) or one file per table (csv, json)")
    .addOption(
      new Option("-f, --format <format>", "what to write").choices([...EXPORT_FORMATS]).makeOptionMandatory(),
    )
    .requiredOption("-o, --out <path>", "the .xlsx file to write, or the directory for csv/json files")
    .option("--force", "replace files that already exist")
    .action(async (opts: { format: ExportFormat; out: string; force?: boolean }) =>
      set(await (await import("./commands/export")).runExport(opts, io)),
    );

  program
    .command("refresh")
    .description(
      "Update every IOM_<table> table and the cached value of every =IOM.* formula in a workbook, so it shows correct numbers without the add-in; nothing else changes",
    )
    .argument("<workbook>", "an .xlsx workbook")
    .option("-o, --out <path>", "write the refreshed workbook here and leave the input as it is")
    .option("-n, --dry-run", "list what would change, write nothing")
    .option(
      "--force",
      "refresh the rest even when an IOM_<table> table's shape changed (that table is left as it is), and update IOM tables on protected sheets",
    )
    .option("--show <n>", "changed cells to list per sheet", positiveInt, 20)
    .addHelpText(
      "after",
      "\nOnly the values of IOM cells change: every other byte of the workbook stays as it was. An up-to-date workbook is not written. The refreshed workbook is written through a temporary file, flushed to disk and renamed: the file is either untouched or fully replaced.",
    )
    .action(
      async (workbook: string, opts: { out?: string; dryRun?: boolean; force?: boolean; show: number }) =>
        set(await (await import("./commands/refresh")).runRefresh(workbook, opts, io)),
    );

  program
    .command("check")
    .description(
      "Run the data proofs: rebuild the data from the report text, recompute every printed total, check the data files are reproduced",
    )
    .action(async () => set(await (await import("./commands/check")).runCheck(io)));

  for (const c of program.commands) c.showHelpAfterError().showSuggestionAfterError();
  return program;
}

/** Runs `iom` in-process: argv without the node and script names. Never calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  const exit = { code: EXIT.ok as number };
  const program = build(io, exit);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      io.err(`iom: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`iom: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.failed;
  } finally {
    // In-process callers (tests, scripts) get English and the latest edition again after a run.
    setHostLanguage(undefined);
    useEdition(undefined);
  }
  return exit.code;
}
