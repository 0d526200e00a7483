#!/usr/bin/env node
import { processIo } from "./io";
import { run } from "./program";

/**
 * A reader that stops early (`iom --help | head -1`) closes the pipe, and the next write fails with
 * EPIPE. That is the reader's choice, not an error of iom's: stop writing and exit quietly, as
 * command line tools do, instead of dying on an unhandled 'error' event with a stack trace.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(process.exitCode ?? 0);
  });
}

quietWhenClosed(process.stdout);
quietWhenClosed(process.stderr);

void run(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
