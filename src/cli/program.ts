import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCheck } from "./commands/check";
import { runEval } from "./commands/eval";
import { EXPORT_FORMATS, runExport, type ExportFormat } from "./commands/export";
import { runFacts, runList, runSource, runTable, runTables } from "./commands/lookup";
import { runRefresh } from "./commands/refresh";
import { setHostLanguage } from "../i18n/host";
import { LANGS, type Lang } from "../i18n/lang";
import { UserError } from "./errors";
import { TABLE_FORMATS, type TableFormat } from "./formats";
import { EXIT, type Io } from "./io";
import { packageRoot } from "./root";

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

/** Builds the `iom` command line; every command writes through `io` and sets `exit`. */
function build(io: Io, exit: { code: number }): Command {
  const program = new Command("iom")
    .description(
      "Every figure of IOM's Report of the Director General for 2011 (MC/2346), from the command line.",
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
    .hook("preAction", (cmd) => setHostLanguage(cmd.opts<{ lang: Lang }>().lang));

  program
    .command("eval")
    .description(
      'Evaluate =IOM.* formulas with the add-in\'s own function code, e.g. iom eval \'=IOM.STAFF("P-4","F")\'',
    )
    .argument("<formula...>", "one or more formulas; a spilled result prints as tab-separated rows")
    .action((formulas: string[]) => set(runEval(formulas, io)));

  program
    .command("list")
    .description("List the valid names of an argument (place, category, item, table…), or the dimensions")
    .argument(
      "[dimension]",
      "a dimension such as place, programme, category, location, item, region, table, key",
    )
    .action((dimension: string | undefined) => set(runList(dimension, io)));

  program
    .command("tables")
    .description("List the report's tables: id, number, size, unit and title")
    .option("--json", "as JSON, with the sheet and Excel table names the export uses")
    .action((opts: { json?: boolean }) => set(runTables(opts, io)));

  program
    .command("table")
    .description('Print one table as the report lays it out, e.g. iom table "Table 5" --format csv')
    .argument("<id>", 'a table id, number or title: table5, "Table 5", 5, "Annex I, section 12"')
    .addOption(
      new Option("-f, --format <format>", "output format").choices([...TABLE_FORMATS]).default("tsv"),
    )
    .action((id: string, opts: { format: TableFormat }) =>
      set(runTable(/^\d+$/.test(id) ? `Table ${id}` : id, opts.format, io)),
    );

  program
    .command("facts")
    .description("List the narrative figures whose key, label or text contain every word of SEARCH")
    .argument("[search...]", "words to look for, e.g. legal contracts; all facts when left out")
    .option("--json", "as JSON, with the paragraph, line and printed text")
    .action((search: string[], opts: { json?: boolean }) => set(runFacts(search.join(" "), opts, io)));

  program
    .command("source")
    .description("Say where a value comes from: table, row, column, line of the report, footnotes")
    .argument(
      "<formula...>",
      'a formula such as \'=IOM.STAFF("P-4","F")\', or a function and its arguments: STAFF P-4 F',
    )
    .action((formula: string[]) => set(runSource(formula, io)));

  program
    .command("export")
    .description("Write every report table: one formatted workbook (xlsx) or one file per table (csv, json)")
    .addOption(
      new Option("-f, --format <format>", "what to write").choices([...EXPORT_FORMATS]).makeOptionMandatory(),
    )
    .requiredOption("-o, --out <path>", "the .xlsx file to write, or the directory for csv/json files")
    .option("--force", "replace files that already exist")
    .action(async (opts: { format: ExportFormat; out: string; force?: boolean }) =>
      set(await runExport(opts, io)),
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
      "refresh even when exceljs would drop content it cannot write back (charts, pivot tables…)",
    )
    .option("--show <n>", "changed cells to list per sheet", positiveInt, 20)
    .addHelpText(
      "after",
      "\nThe refreshed workbook is written through a temporary file and a rename: the input is either untouched or fully replaced.",
    )
    .action(
      async (workbook: string, opts: { out?: string; dryRun?: boolean; force?: boolean; show: number }) =>
        set(await runRefresh(workbook, opts, io)),
    );

  program
    .command("check")
    .description(
      "Run the data proofs: rebuild the data from the report text, recompute every printed total, check the data files are reproduced",
    )
    .action(async () => set(await runCheck(io)));

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
    // In-process callers (tests, scripts) get English again after a --lang run.
    setHostLanguage(undefined);
  }
  return exit.code;
}
