/**
 * The few XML text rules the sheet patcher needs: decoding character references in text and
 * attribute values it reads, and escaping the values it writes (with SpreadsheetML's `_xHHHH_`
 * escapes for characters XML 1.0 cannot hold, as Excel writes them).
 */

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Thrown for text that is not well-formed XML (an unknown entity, a bad character reference). */
export class XmlSyntaxError extends Error {}

/** Replaces the five predefined entities and numeric character references. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) throw new XmlSyntaxError("a bare & in text");
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 0x23) {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref))
        throw new XmlSyntaxError(`bad character reference &${ref};`);
      ch = String.fromCodePoint(code);
    } else ch = NAMED[ref];
    if (ch === undefined) throw new XmlSyntaxError(`unknown entity &${ref};`);
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

/** SpreadsheetML escapes: `_xHHHH_` stands for a character; a literal `_xHHHH_` is written `_x005F_xHHHH_`. */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Characters XML 1.0 cannot carry: C0 controls but tab, line feed and carriage return; lone
// surrogates; U+FFFE/U+FFFF. Matching control characters is the point of the pattern.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex4 = (c: string): string => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** Text for a <v> element: markup escaped, and characters XML can't hold as `_xHHHH_`. */
export function escapeCellText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(NOT_XML, hex4)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
