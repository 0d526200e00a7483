import { EXIT } from "./io";

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem the user can fix (a bad argument, a file that can't be read or written), with the
 * exit code `run` returns for it. `run` prints the message; nothing else is shown.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "UserError";
  }
}
