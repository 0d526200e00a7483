/** A cell's content or value as text for messages: Excel gives strings, numbers, booleans or errors. */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v instanceof Error) return v.message;
  return JSON.stringify(v) ?? "";
}
