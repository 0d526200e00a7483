import { Command, CommanderError } from "commander";
import { runEval } from "./commands/eval";
import { EXIT, type Io } from "./io";

/** Builds the `iom` command line; every command writes through `io` and sets `exit`. */
function build(io: Io, exit: { code: number }): Command {
  const program = new Command("iom")
    .description(
      "Every figure of IOM's Report of the Director General for 2011 (MC/2346), from the command line.",
    )
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .showHelpAfterError();
  program
    .command("eval")
    .description(
      'Evaluate =IOM.* formulas with the add-in\'s own function code, e.g. iom eval \'=IOM.STAFF("P-4","F")\'',
    )
    .argument("<formula...>", "one or more formulas; a spilled result prints as tab-separated rows")
    .action((formulas: string[]) => {
      exit.code = runEval(formulas, io);
    });
  return program;
}

/** Runs `iom` in-process: argv without the node and script names. Never calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  const exit = { code: EXIT.ok as number };
  const program = build(io, exit);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.err(`iom: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  }
  return exit.code;
}
