import { diffFields } from '../../platform/audit/audit-record.ts';

type Snapshot = Record<string, unknown> & { lines?: Array<Record<string, unknown> & { lineNo: number }> };

export interface OrderDiff {
  header: Record<string, { old?: unknown; new?: unknown }>;
  lines: Array<{ lineNo: number; change: 'added' | 'removed' | 'changed'; fields?: Record<string, { old?: unknown; new?: unknown }> }>;
}

/** What changed between two versions of an order: header fields, and lines added, removed or changed. */
export function diffOrderVersions(a: Snapshot, b: Snapshot): OrderDiff {
  const { lines: la = [], version: _va, ...ha } = a;
  const { lines: lb = [], version: _vb, ...hb } = b;
  const before = new Map(la.map((l) => [l.lineNo, l]));
  const after = new Map(lb.map((l) => [l.lineNo, l]));
  const lines: OrderDiff['lines'] = [];
  for (const lineNo of [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y)) {
    const o = before.get(lineNo);
    const n = after.get(lineNo);
    if (!o) lines.push({ lineNo, change: 'added' });
    else if (!n) lines.push({ lineNo, change: 'removed' });
    else {
      const fields = diffFields(o, n);
      if (Object.keys(fields).length) lines.push({ lineNo, change: 'changed', fields });
    }
  }
  return { header: diffFields(ha, hb), lines };
}
