/**
 * Replacing a file so that, whatever happens, it is either the old file or the complete new one:
 * the new bytes go to a temporary file in the same folder, are flushed to disk (fsync), renamed
 * over the target, and the folder is flushed too. A symbolic link is followed (its target is
 * replaced, the link stays); the old file's permissions, and its owner where allowed, are kept.
 * The temporary file is removed on any error and on SIGINT/SIGTERM; after a kill -9 it is left
 * behind but the target is intact, and the next write to the same file removes it.
 */
import { randomBytes } from "node:crypto";
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { refuse } from "./messages";

const errnoOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;

export interface WriteTarget {
  /** What the user named (for messages). */
  shown: string;
  /** The real file written: the user's path with symbolic links resolved. */
  real: string;
  /** The file it replaces, if any. */
  existing: Stats | undefined;
}

/** Where a write to `path` goes, refusing up front a read-only file or folder (exit 3, before any work). */
export function writeTarget(path: string): WriteTarget {
  let real = resolve(path);
  try {
    real = realpathSync(path);
  } catch (e) {
    if (errnoOf(e) !== "ENOENT")
      throw refuse("cannot_write", { file: path, why: "its path can't be resolved" });
    // A new file (or a link to one not there yet): its folder must exist.
    try {
      real = join(realpathSync(dirname(path)), basename(path));
      if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
        throw refuse("cannot_write", { file: path, why: "it is a link to a file that does not exist" });
    } catch (e2) {
      if (e2 instanceof Error && e2.name === "UserError") throw e2;
      throw refuse("cannot_write", { file: path, why: "its folder does not exist" });
    }
  }
  let existing: Stats | undefined;
  try {
    existing = statSync(real);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw refuse("out_is_directory", { file: path });
  // Permission bits, not access(2): root may write anything, but a file marked read-only stays so.
  if (existing && (existing.mode & 0o222) === 0) throw refuse("read_only", { file: path });
  try {
    if (existing) accessSync(real, constants.W_OK);
    accessSync(dirname(real), constants.W_OK);
  } catch {
    throw existing && !canWrite(dirname(real))
      ? refuse("dir_not_writable", { file: path, dir: dirname(real) })
      : existing
        ? refuse("read_only", { file: path })
        : refuse("dir_not_writable", { file: path, dir: dirname(real) });
  }
  return { shown: path, real, existing };
}

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const TEMP = /^\.(.+)\.iom-(\d+)-[0-9a-f]+\.tmp$/;

/** Removes temporary files that an earlier, killed write to `real` left behind (their process is gone). */
function removeStaleTemps(real: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(real));
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== basename(real)) continue;
    const pid = Number(m[2]);
    let alive = pid === process.pid;
    if (!alive) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = errnoOf(e) === "EPERM";
      }
    }
    if (!alive) rmSync(join(dirname(real), name), { force: true });
  }
}

function describe(e: unknown): string {
  switch (errnoOf(e)) {
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "the file system is read-only";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EDQUOT":
      return "the disk quota is exceeded";
    case "EIO":
      return "the disk reported an input/output error";
    default:
      return "the new file could not be written";
  }
}

/**
 * Writes `target` through `write(fd)` into a temporary file, then makes it the target. Any failure
 * leaves the target as it was and becomes a message naming the file.
 */
export async function replaceFile(target: WriteTarget, write: (fd: number) => Promise<void>): Promise<void> {
  const dir = dirname(target.real);
  removeStaleTemps(target.real);
  const tmp = join(dir, `.${basename(target.real)}.iom-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  const cleanup = (): void => {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      fd = undefined;
    }
    rmSync(tmp, { force: true });
  };
  // On Ctrl-C or a polite kill, the temporary file goes; then the signal does what it would have done.
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    try {
      fd = openSync(tmp, "wx", 0o600);
    } catch (e) {
      throw refuse("cannot_write", { file: target.shown, why: describe(e) });
    }
    const st = target.existing;
    if (st) {
      fchmodSync(fd, st.mode & 0o7777);
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        // Only root may give a file away: the owner stays whoever runs iom.
      }
    } else fchmodSync(fd, 0o666 & ~process.umask());
    await write(fd);
    try {
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, target.real);
    } catch (e) {
      throw refuse("cannot_write", { file: target.shown, why: describe(e) });
    }
    try {
      const dfd = openSync(dir, "r");
      try {
        fsyncSync(dfd);
      } finally {
        closeSync(dfd);
      }
    } catch {
      // Some file systems can't sync a folder; the rename itself is done.
    }
  } catch (e) {
    cleanup();
    if (e instanceof Error && e.name === "UserError") throw e;
    const code = errnoOf(e);
    if (code) throw refuse("cannot_write", { file: target.shown, why: describe(e) });
    throw e;
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}
