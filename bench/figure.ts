/** One measured figure, printed as one JSON line (issue: benchmarks). */
export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared with (a target, a peer's published figure), for the report. */
  note?: string;
}

export type Size = 'small' | 'full';

export interface Scenario {
  name: string;
  describe: string;
  run(opts: { size: Size }): Promise<Figure[]>;
}

export const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
