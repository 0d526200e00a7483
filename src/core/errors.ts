import type { Lang } from "../i18n/lang";
import { render, type Message } from "../i18n/messages";

/**
 * Why a query has no answer, in the terms Excel understands:
 * - "not_found": a name that matches nothing (→ #N/A, with suggestions);
 * - "no_figure": valid names, but the report has no figure for the combination (→ #N/A);
 * - "bad_argument": an argument of the wrong kind, e.g. a year the report doesn't cover (→ #VALUE!).
 */
export type IomErrorKind = "not_found" | "no_figure" | "bad_argument";

export class IomError extends Error {
  /** What went wrong as data (a message code and its parameters), when the core wrote it so. */
  readonly problem?: Message;

  constructor(
    readonly kind: IomErrorKind,
    /** A message code and its parameters (put into words in any language), or fixed English text. */
    message: Message | string,
    /** The argument at fault ("place", "year"…), when there is one. */
    readonly argument?: string,
    /** The closest valid names, best first (canonical English names). */
    readonly suggestions: readonly string[] = [],
    /** The table cell the error is about (an undetermined cell), by table id and row and column keys. */
    readonly cell?: { table: string; row: string; column: string },
  ) {
    // `message` stays English whatever the user's language: callers may match on it.
    super(typeof message === "string" ? message : render(message, "en"));
    this.name = "IomError";
    if (typeof message !== "string") this.problem = message;
  }

  /** The message's code ("not_found", "undetermined"…), when the core wrote it as data. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** The message in `lang` (English, French or Spanish), suggestions named in that language too. */
  text(lang: Lang): string {
    return this.problem ? render(this.problem, lang) : this.message;
  }
}

export const isIomError = (e: unknown): e is IomError => e instanceof IomError;
