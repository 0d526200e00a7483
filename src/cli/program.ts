import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { IomError, registerEdition, useEdition, type Edition } from "../core";
import { setHostLanguage } from "../i18n/host";
import { LANGS, type Lang } from "../i18n/lang";
import { UserError } from "./errors";
import { readTextFile } from "./files";
import {
  EVAL_FORMATS,
  EXPORT_FORMATS,
  LISTING_FORMATS,
  SOURCE_FORMATS,
  TABLE_FORMATS,
  type ExportFormat,
} from "./formats";
import { addOutputOptions, chooseFormat, withOutput, type OutputOptions } from "./output";
import { EXIT, type Io } from "./io";
import { packageRoot } from "./root";

// Each command's module loads when the command runs: `iom eval` never loads the workbook library
// (exceljs, JSZip), `iom table` not even the functions. Start-up is most of a one-formula command.
const lookup = () => import("./commands/lookup");

const EXIT_CODES_HELP = `
Exit codes (the same in every command):
  0  success
  1  the report has no such figure (an undetermined cell, a chart's lost figures), the data proofs failed, or refresh refused to change a workbook
  2  usage: unknown command, bad option or argument, a formula that cannot be read
  3  a file could not be read or written (missing, corrupt, encrypted, read-only, already there)
  4  not found: a name that matches nothing (function, table, dimension, place, fact), with the closest names`;

/**
 * Commander's error as one line, the way git and coreutils put it: "error: unknown command
 * 'tabels'\n(Did you mean tables?)" → "unknown command 'tabels' (did you mean tables?)".
 */
const oneLine = (text: string): string =>
  text
    .replace(/^error:\s*/i, "")
    .replace(/\(Did you mean/g, "(did you mean")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");

/** The hint after a usage error, to the help of the command at fault. */
const helpHint = (command: string | undefined): string =>
  `Try 'iom${command ? ` ${command}` : ""} --help' for more information.\n`;

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
function build(io: Io, exit: { code: number; command?: string }): Command {
  const program = new Command("iom")
    .description(
      "Every figure of IOM's Report of the Director General, from the command line, each traced to its line in the report.",
    )
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(`iom: ${oneLine(s)}\n${helpHint(undefined)}`),
    })
    .exitOverride()
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
    .hook("preAction", (cmd, action) => {
      exit.command = action.name();
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

  addOutputOptions(
    program
      .command("eval")
      .description(
        'Evaluate =IOM.* formulas with the add-in\'s own function code, e.g. iom eval \'=IOM.STAFF("P-4","F")\'',
      )
      .argument("[formula...]", "one or more formulas; a spilled result prints as rows")
      .option(
        "--file <path>",
        "also read formulas from a file, one per line (- for standard input): no shell quoting needed",
      )
      .option(
        "--cell-values",
        "print the JSON Excel receives where it shows data types: a figure's card (a Double with its source), IOM.COUNTRY's entity",
      ),
    EVAL_FORMATS,
    "text",
  ).action(async (given: string[], opts: OutputOptions & { file?: string; cellValues?: boolean }) => {
    const { runEval, runEvalCellValues, formulasIn } = await import("./commands/eval");
    const formulas = [
      ...given,
      ...(opts.file === undefined ? [] : formulasIn(readTextFile(opts.file, "--file"))),
    ];
    if (formulas.length === 0)
      throw new UserError(
        'eval: give a formula, e.g. \'=IOM.STAFF("P-4","F")\', or --file <path>',
        EXIT.usage,
      );
    if (opts.cellValues) {
      set(withOutput(opts, "json", io, (emit) => runEvalCellValues(formulas, emit)));
      return;
    }
    const format = chooseFormat(opts, EVAL_FORMATS, "text");
    set(withOutput(opts, format, io, (emit) => runEval(formulas, format, emit)));
  });

  addOutputOptions(
    program
      .command("list")
      .description("List the valid names of an argument (place, category, item, table…), or the dimensions")
      .argument(
        "[dimension]",
        "a dimension such as place, programme, category, location, item, region, table, key",
      ),
    LISTING_FORMATS,
    "text",
  ).action(async (dimension: string | undefined, opts: OutputOptions) =>
    set((await lookup()).runList(dimension, opts, io)),
  );

  addOutputOptions(
    program.command("tables").description("List the report's tables: id, number, size, unit and title"),
    LISTING_FORMATS,
    "text",
  ).action(async (opts: OutputOptions) => set((await lookup()).runTables(opts, io)));

  addOutputOptions(
    program
      .command("table")
      .description("Print one table as the report lays it out, e.g. iom table 5 --out table.csv")
      .argument(
        "<id>",
        'a table number, id or title: "Table 5", 5, "Annex I, section 12" (iom tables lists them)',
      ),
    TABLE_FORMATS,
    "tsv",
  ).action(async (id: string, opts: OutputOptions) =>
    set((await lookup()).runTable(/^\d+$/.test(id) ? `Table ${id}` : id, opts, io)),
  );

  addOutputOptions(
    program
      .command("facts")
      .description("List the narrative figures whose key, label or text contain every word of SEARCH")
      .argument("[search...]", "words to look for, e.g. legal contracts; all facts when left out"),
    LISTING_FORMATS,
    "text",
  ).action(async (search: string[], opts: OutputOptions) =>
    set((await lookup()).runFacts(search.join(" "), opts, io)),
  );

  addOutputOptions(
    program
      .command("source")
      .description("Say where a value comes from: table, row, column, line of the report, footnotes")
      .argument(
        "<formula...>",
        'a formula such as \'=IOM.STAFF("P-4","F")\', or a function and its arguments: STAFF P-4 F',
      ),
    SOURCE_FORMATS,
    "text",
  ).action(async (formula: string[], opts: OutputOptions) =>
    set((await lookup()).runSource(formula, opts, io)),
  );

  program
    .command("export")
    .description(
      "Write every report table: one formatted workbook with its charts (xlsx), or one file per table (csv, json)",
    )
    .requiredOption(
      "-o, --out <path>",
      "a .xlsx file for the workbook, or a folder (a name without an extension) for csv or json files",
    )
    .addOption(
      new Option("-f, --format <format>", "what to write (default: xlsx when --out ends in .xlsx)").choices([
        ...EXPORT_FORMATS,
      ]),
    )
    .option("--force", "replace files that already exist")
    .option("--no-bom", "CSV without the UTF-8 byte order mark (Excel needs it to read accents)")
    .action(async (opts: { format?: ExportFormat; out: string; force?: boolean; bom?: boolean }) =>
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
    .option("--show <n>", "changed cells to list per sheet (default 20; with --json, all)", positiveInt)
    .option("--json", "print the plan and what was done as one JSON object")
    .addHelpText(
      "after",
      "\nOnly the values of IOM cells change: every other byte of the workbook stays as it was. An up-to-date workbook is not written. The refreshed workbook is written through a temporary file, flushed to disk and renamed: the file is either untouched or fully replaced.",
    )
    .action(
      async (
        workbook: string,
        opts: { out?: string; dryRun?: boolean; force?: boolean; show: number; json?: boolean },
      ) => set(await (await import("./commands/refresh")).runRefresh(workbook, opts, io)),
    );

  program
    .command("check")
    .description(
      "Run the data proofs: rebuild the data from the report text, recompute every printed total, check the data files are reproduced",
    )
    .option("--json", "print the results as one JSON object")
    .action(async (opts: { json?: boolean }) =>
      set(await (await import("./commands/check")).runCheck(io, undefined, opts)),
    );

  for (const c of program.commands)
    c.showSuggestionAfterError().configureOutput({
      writeOut: (t) => io.out(t),
      writeErr: (t) => io.err(t),
      outputError: (t, write) => write(`iom: ${oneLine(t)}\n${helpHint(c.name())}`),
    });
  return program;
}

/** Runs `iom` in-process: argv without the node and script names. Never calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  const exit: { code: number; command?: string } = { code: EXIT.ok };
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
      io.err(`iom: ${e.message}\n${e.exitCode === EXIT.usage ? helpHint(exit.command) : ""}`);
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
