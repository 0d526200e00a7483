/**
 * Targets: bounds a figure must keep. A bench module exports them beside its benchmark
 * (`export const targets: Targets = {...}`); every other figure it reports is informational.
 * bench/run.ts checks them all and fails when one is missed or missing.
 */
export interface Target {
  /** The figure must be at most this. */
  max?: number;
  /** The figure must be at least this. */
  min?: number;
}

export type Targets = Record<string, Target>;

/** What is wrong with `value` against `target`, or undefined when it holds. */
export function miss(value: number | undefined, target: Target): string | undefined {
  if (value === undefined) return "not reported";
  if (target.max !== undefined && value > target.max) return `${value} > ${target.max}`;
  if (target.min !== undefined && value < target.min) return `${value} < ${target.min}`;
  return undefined;
}

export const describeTarget = (t: Target): string =>
  t.min !== undefined && t.max !== undefined
    ? t.min === t.max
      ? `= ${t.max}`
      : `${t.min} … ${t.max}`
    : t.max !== undefined
      ? `≤ ${t.max}`
      : `≥ ${t.min ?? ""}`;
