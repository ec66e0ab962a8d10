import type { KpiAnswer } from './kpi-types.ts';

const fmt = (v: number | null, unit: KpiAnswer['unit']) =>
  v === null ? '—' : unit === 'ratio' ? `${(v * 100).toFixed(2)} %` : `${v} ${unit}`;
const counts = (n: number | null, d: number | null) => (n === null && d === null ? '' : ` (${n ?? '—'} / ${d ?? '—'})`);

/** The human form of a KPI answer for the CLI: headline, breakdown rows, series points. */
export function describeKpi(a: KpiAnswer): string {
  const lines = [
    `${a.kpi} ${a.snapshot ? 'snapshot now' : `${a.from} … ${a.to}`}: ${fmt(a.value, a.unit)}${counts(a.numerator, a.denominator)}`,
    `  ${a.formula.en}`,
    `  ${a.formula.zh}`,
    ...a.breakdown.map((r) => `  ${r.key}: ${r.value ?? '—'}${counts(r.numerator, r.denominator)}${r.details ? ` ${JSON.stringify(r.details)}` : ''}`),
    ...a.series.map((p) => `  ${p.period}: ${fmt(p.value, a.unit)}${counts(p.numerator, p.denominator)}`),
  ];
  return lines.join('\n');
}
