import type { Figure, Size } from './figure.ts';

export interface RunContext {
  command: string;
  size: Size;
  date: string;
  machine: string;
}

const begin = (name: string) => `<!-- bench:${name} -->`;
const end = (name: string) => `<!-- /bench:${name} -->`;

/** One scenario's generated block: what ran, where, and its figures. */
export function scenarioBlock(name: string, figures: readonly Figure[], run: RunContext): string {
  return [
    begin(name),
    `### ${name}`,
    '',
    `\`${run.command}\` (size ${run.size}) on ${run.date}. ${run.machine}`,
    '',
    '| metric | value | unit | note |',
    '| --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.bench === name ? '' : `${f.bench} · `}${f.metric} | ${f.value} | ${f.unit} | ${f.note ?? ''} |`),
    end(name),
  ].join('\n');
}

/**
 * docs/BENCHMARKS.md after a run: the block of each scenario that ran is replaced (or added under
 * "## Latest figures"); other scenarios' blocks and the hand-written text (before/after notes,
 * analysis) are kept, so running one scenario never erases the others.
 */
export function updateReport(existing: string, blocks: ReadonlyMap<string, string>): string {
  let doc = existing.includes('## Latest figures') ? existing : `# Lotline benchmarks\n\n## Latest figures\n\n${existing.trim() ? `\n${existing.trim()}\n` : ''}`;
  for (const [name, block] of blocks) {
    const from = doc.indexOf(begin(name));
    const to = doc.indexOf(end(name));
    if (from >= 0 && to > from) {
      doc = doc.slice(0, from) + block + doc.slice(to + end(name).length);
    } else {
      const at = doc.indexOf('## Latest figures') + '## Latest figures'.length;
      const next = doc.indexOf('\n## ', at);
      const insertAt = next < 0 ? doc.length : next;
      doc = `${doc.slice(0, insertAt).trimEnd()}\n\n${block}\n${doc.slice(insertAt)}`;
    }
  }
  return doc.endsWith('\n') ? doc : `${doc}\n`;
}
