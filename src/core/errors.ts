/**
 * Why a query has no answer, in the terms Excel understands:
 * - "not_found": a name that matches nothing (→ #N/A, with suggestions);
 * - "no_figure": valid names, but the report has no figure for the combination (→ #N/A);
 * - "bad_argument": an argument of the wrong kind, e.g. a year the report doesn't cover (→ #VALUE!).
 */
export type IomErrorKind = "not_found" | "no_figure" | "bad_argument";

export class IomError extends Error {
  constructor(
    readonly kind: IomErrorKind,
    message: string,
    /** The argument at fault ("place", "year"…), when there is one. */
    readonly argument?: string,
    /** The closest valid names, best first. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
    this.name = "IomError";
  }
}

export const isIomError = (e: unknown): e is IomError => e instanceof IomError;
