/**
 * The running `npm start` server, as a file other terminals can read: `npm stop` stops it by its
 * process id, and a second `npm start` says which one already runs. The file lives in the build
 * folder and is removed when the server stops.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const STATE_FILE = join(__dirname, "..", "build", "dev-server.json");

export interface ServerState {
  pid: number;
  port: number;
  origin: string;
  started: string;
}

export function writeState(state: ServerState, file = STATE_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** The recorded server, or undefined when none is recorded or its process is gone. */
export function readState(file = STATE_FILE): ServerState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as ServerState;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the file if it still describes this process (a newer server's file is left alone). */
export function clearState(pid = process.pid, file = STATE_FILE): void {
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as ServerState;
    if (state.pid === pid) rmSync(file, { force: true });
  } catch {
    // no file, or not ours to remove
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
