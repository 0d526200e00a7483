import type { Fact } from "./model";

const SCALES = { million: 1e6, billion: 1e9 } as const;

/**
 * The base-unit form of a scaled unit: "USD million" → USD × 10⁶, "million visits" → visits × 10⁶.
 * Computed on the printed digits, so 1.74 million is exactly 1 740 000. A fact's `base` is always
 * this, so the shipped data leaves it out and the core derives it again.
 */
export function baseUnits(value: number, unit: string): Fact["base"] {
  const m = /^(?:(USD|CHF|EUR) (million|billion)|(million|billion) (.+))$/.exec(unit);
  if (!m) return undefined;
  const scale = (m[2] ?? m[3]) as keyof typeof SCALES;
  const [int = "", frac = ""] = String(value).split(".");
  const zeros = Math.log10(SCALES[scale]);
  if (frac.length > zeros) throw new Error(`${value} ${unit} has more decimals than its scale`);
  const base = Number(int + frac.padEnd(zeros, "0"));
  return { value: base, unit: m[1] ?? (m[4] as string), scale };
}
