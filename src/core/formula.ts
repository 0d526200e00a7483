import { msg, render, type Message } from "../i18n/messages";
import { functionIdOf } from "../i18n/names";
import type { Arg } from "./args";

export interface ParsedFormula {
  /** The function id without namespace, upper case ("STAFF", also for =IOM.PERSONNEL or =IOM.PERSONAL). */
  name: string;
  /** The name as the formula writes it, upper case ("PERSONNEL"): workbook files store the id. */
  written: string;
  args: Arg[];
}

/** Why a formula could not be read: in English, and as a message to show in any language. */
export interface FormulaError {
  error: string;
  problem: Message;
}

const TRUE_WORDS = new Set(["true", "vrai", "verdadero"]);
const FALSE_WORDS = new Set(["false", "faux", "falso"]);

/** The argument separator: ";" when the formula uses it outside text (French and Spanish Excel), else ",". */
function separatorOf(body: string): "," | ";" {
  let inText = false;
  for (const c of body) {
    if (c === '"') inText = !inText;
    else if (c === ";" && !inText) return ";";
  }
  return ",";
}

/**
 * Parses one `=IOM.NAME(arg, …)` formula with literal arguments only: "text" (with "" for a
 * quote), numbers, TRUE/FALSE and empty arguments (which Excel passes as null). The function may
 * be named in English, French or Spanish (=IOM.PERSONNEL, =IOM.PERSONAL), and written as those
 * Excel versions write it: arguments separated by ";", decimal commas (162,1), VRAI/FAUX,
 * VERDADERO/FALSO. Returns an error instead of throwing, so callers decide how to report it.
 */
export function parseFormula(input: string): ParsedFormula | FormulaError {
  const fail = (problem: Message): FormulaError => ({ error: render(problem, "en"), problem });
  const s = input.trim().replace(/^=/, "");
  const head = /^(?:IOM\.)?([A-Za-z\u00C0-\u024F_.]+)\s*\(/i.exec(s);
  if (!head || !s.endsWith(")")) return fail(msg("formula_shape", { input }));
  const written = (head[1] ?? "").toUpperCase();
  const name = functionIdOf(written) ?? written;
  const body = s.slice(head[0].length, -1);
  const sep = separatorOf(body);
  const args: Arg[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < body.length && /\s/.test(body[i] ?? "")) i++;
  };
  if (body.trim() === "") return { name, written, args };
  for (;;) {
    skipSpace();
    if (body[i] === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= body.length) return fail(msg("formula_unterminated", { input }));
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
      const m = (sep === ";" ? /^[^;]*/ : /^[^,]*/).exec(body.slice(i));
      const raw = (m?.[0] ?? "").trim();
      i += m?.[0].length ?? 0;
      // With ";" between arguments, a comma is the decimal separator (French and Spanish Excel).
      const number = sep === ";" ? raw.replace(",", ".") : raw;
      if (raw === "") args.push(null);
      else if (TRUE_WORDS.has(raw.toLowerCase())) args.push(true);
      else if (FALSE_WORDS.has(raw.toLowerCase())) args.push(false);
      else if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(number)) args.push(Number(number));
      else return fail(msg("formula_literal", { position: args.length + 1, raw, input }));
    }
    skipSpace();
    if (i >= body.length) break;
    if (body[i] !== sep)
      return fail(msg("formula_separator", { position: args.length, input, separator: sep }));
    i++;
    if (i >= body.length) {
      args.push(null);
      break;
    }
  }
  return { name, written, args };
}
