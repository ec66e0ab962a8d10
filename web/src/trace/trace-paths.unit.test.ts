import { describe, expect, it } from 'vitest';
import { scanTarget, serialPath } from './trace-paths';
import type { ScanTrace } from './trace-views';

describe('where a trace scan leads', () => {
  it('given a serial label, then the serial history with GTIN and serial in the query', () => {
    const found = { kind: 'serial', gtin: '06901234105018', serial: 'A 1&2' } as ScanTrace;
    expect(scanTarget(found)).toBe('/trace/serials?gtin=06901234105018&serial=A+1%262');
  });
  it('given a lot label, then the lot by its id', () => {
    const found = { kind: 'lot', lot: { id: 'lot-1' } } as ScanTrace;
    expect(scanTarget(found)).toBe('/trace/lots/lot-1');
  });
  it('given a carton SSCC label, then the order it belongs to', () => {
    const found = { kind: 'package', sscc: '069012340000000016', order: { id: 'order-1' } } as ScanTrace;
    expect(scanTarget(found)).toBe('/trace/orders/order-1');
  });
  it('serialPath round-trips through URLSearchParams', () => {
    const q = new URLSearchParams(serialPath('123', 'S/1?x').split('?')[1]);
    expect([q.get('gtin'), q.get('serial')]).toEqual(['123', 'S/1?x']);
  });
});
