/** Where a command writes: the real process streams in `iom`, buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** Collects output in memory, for in-process tests and scripts. */
export function bufferIo(): Io & { stdout: () => string; stderr: () => string } {
  let o = "";
  let e = "";
  return {
    out: (t) => void (o += t),
    err: (t) => void (e += t),
    stdout: () => o,
    stderr: () => e,
  };
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** A formula gave an Excel error, the data proofs failed, or `refresh` refused to change a workbook. */
  failed: 1,
  /** The command line itself was wrong (unknown command, bad option or argument). */
  usage: 2,
  /** A file could not be read or written (missing, corrupt, encrypted, read-only). */
  io: 3,
  /** A name matched nothing: no such table, dimension or fact (the message lists the closest names). */
  notFound: 4,
} as const;
