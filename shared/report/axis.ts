// The y axis of the monthly charts (screen and PDF): counts of NIKs are whole numbers, so
// the four gridline steps are a round whole number (1, 2, 2.5, 5 × 10^n) and every label is
// distinct; a top of exactly max/4 steps gave 0, 1, 2, 2, 3 for a maximum of 3 when rounded.
export interface Axis {
  top: number;
  step: number;
  ticks: number[];
}

export function countAxis(max: number, steps = 4): Axis {
  const raw = Math.max(1, max / steps);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * p;
  return { top: step * steps, step, ticks: Array.from({ length: steps + 1 }, (_, i) => i * step) };
}
