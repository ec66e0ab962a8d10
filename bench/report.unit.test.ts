import { describe, expect, it } from 'vitest';
import { scenarioBlock, updateReport } from './report.ts';

const run = { command: 'npm run bench -- x', size: 'small' as const, date: '2026-11-26', machine: '2 cores.' };
const block = (name: string, value: number) => scenarioBlock(name, [{ bench: name, metric: 'm', value, unit: 's' }], run);

describe('BENCHMARKS.md update', () => {
  it('given a report with two scenarios and notes, when one scenario runs again, then only its block changes', () => {
    const first = updateReport('', new Map([['intake', block('intake', 1)], ['trace', block('trace', 2)]]));
    const withNotes = `${first}\n## Before and after\n\nhand-written\n`;
    const next = updateReport(withNotes, new Map([['intake', block('intake', 9)]]));
    expect(next).toContain('| m | 9 | s |');
    expect(next).not.toContain('| m | 1 | s |');
    expect(next).toContain('| m | 2 | s |');
    expect(next).toContain('hand-written');
    expect(next.indexOf('### trace')).toBeLessThan(next.indexOf('## Before and after'));
  });

  it('given a new scenario, then its block is added under the latest figures, before the notes', () => {
    const doc = updateReport('# Lotline benchmarks\n\n## Latest figures\n\n## Notes\n\nkept\n', new Map([['parse', block('parse', 3)]]));
    expect(doc.indexOf('### parse')).toBeGreaterThan(doc.indexOf('## Latest figures'));
    expect(doc.indexOf('### parse')).toBeLessThan(doc.indexOf('## Notes'));
    expect(doc).toContain('kept');
  });

  it('given a figure of another bench inside a scenario, then its row names that bench', () => {
    const b = scenarioBlock('intake', [{ bench: 'memory', metric: 'rss_idle', value: 200, unit: 'MiB' }], run);
    expect(b).toContain('| memory · rss_idle | 200 | MiB |');
  });
});
