import type { Arg } from "./args";

export interface ParsedFormula {
  /** The function name without namespace, upper case ("STAFF"). */
  name: string;
  args: Arg[];
}

/**
 * Parses one `=IOM.NAME(arg, …)` formula with literal arguments only: "text" (with ""
 * for a quote), numbers, TRUE/FALSE and empty arguments (which Excel passes as null).
 * Returns an error message instead of throwing, so callers decide how to report it.
 */
export function parseFormula(input: string): ParsedFormula | { error: string } {
  const s = input.trim().replace(/^=/, "");
  const head = /^(?:IOM\.)?([A-Za-z\u00C0-\u024F_.]+)\s*\(/i.exec(s);
  if (!head || !s.endsWith(")")) return { error: `not a formula of the form =IOM.NAME(arguments): ${input}` };
  const name = (head[1] ?? "").toUpperCase();
  const body = s.slice(head[0].length, -1);
  const args: Arg[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < body.length && /\s/.test(body[i] ?? "")) i++;
  };
  if (body.trim() === "") return { name, args };
  for (;;) {
    skipSpace();
    if (body[i] === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= body.length) return { error: `unterminated text in ${input}` };
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += body[i];
        i++;
      }
      args.push(text);
    } else {
      const m = /^[^,]*/.exec(body.slice(i));
      const raw = (m?.[0] ?? "").trim();
      i += m?.[0].length ?? 0;
      if (raw === "") args.push(null);
      else if (/^(true|false)$/i.test(raw)) args.push(raw.toLowerCase() === "true");
      else if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) args.push(Number(raw));
      else
        return {
          error: `argument ${args.length + 1} of ${input}: "${raw}" is not a literal (use "text", a number, TRUE/FALSE or leave it empty)`,
        };
    }
    skipSpace();
    if (i >= body.length) break;
    if (body[i] !== ",") return { error: `expected , or ) after argument ${args.length} in ${input}` };
    i++;
    if (i >= body.length) {
      args.push(null);
      break;
    }
  }
  return { name, args };
}
