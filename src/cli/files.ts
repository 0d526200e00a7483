/**
 * Reading and writing the CLI's files, never leaving a half-written one: every problem becomes a
 * UserError that says what is wrong with which file, and writes go to a temporary file in the
 * same directory that is renamed over the target only once it is complete. (`iom refresh` has
 * its own, stricter writer: src/cli/refresh/atomic-file.ts.)
 */
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "./errors";
import { EXIT } from "./io";

const errnoOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;

function describeFsError(e: unknown, verb: "read" | "write", path: string): string {
  switch (errnoOf(e)) {
    case "ENOENT":
      return verb === "read" ? `${path}: no such file` : `cannot write ${path}: its directory does not exist`;
    case "EISDIR":
      return `${path} is a directory, not a file`;
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

/**
 * A text file's contents, or standard input's for "-"; a file that can't be read is a UserError
 * (exit 3), its message led by the option that named the file (`--file`).
 */
export function readTextFile(path: string, option: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (e) {
    throw new UserError(`${option} ${describeFsError(e, "read", path)}`, EXIT.io);
  }
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
  // Web Crypto's global, not node:crypto: that module would load (2 ms) for every command.
  const suffix = Buffer.from(crypto.getRandomValues(new Uint8Array(4))).toString("hex");
  const tmp = join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
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
