import { describe, expect, it } from 'vitest';
import { parseEdi } from './parse-edi.ts';
import {
  MINIMAL_850,
  MINIMAL_ORDERS,
  TEST_OPTIONS,
  edifactInterchange,
  readFixture,
  x12Interchange,
} from './test-support.ts';

describe('parseEdi', () => {
  it('tells X12 from EDIFACT by the first segment', () => {
    expect(parseEdi(x12Interchange([MINIMAL_850]), TEST_OPTIONS).standard).toBe('X12');
    expect(parseEdi(edifactInterchange([MINIMAL_ORDERS]), TEST_OPTIONS).standard).toBe('EDIFACT');
    expect(parseEdi(edifactInterchange([MINIMAL_ORDERS], { una: "UNA:+.? '" }), TEST_OPTIONS).standard).toBe(
      'EDIFACT',
    );
  });

  it('passes over a byte-order mark and blank lines before the header', () => {
    const result = parseEdi(`\uFEFF\r\n\n${x12Interchange([MINIMAL_850])}`, TEST_OPTIONS);
    expect(result).toMatchObject({ outcome: 'accepted', orders: [{ poNumber: 'PO-1' }] });
  });

  it('returns the §6 shape: standard, orders with their lines, the ack text', () => {
    const result = parseEdi(readFixture('x12-4010-850-gtin-lines.edi'), TEST_OPTIONS);
    expect(Object.keys(result)).toEqual(['standard', 'orders', 'ack', 'outcome', 'issues']);
    expect(result.orders[0]).toEqual(
      expect.objectContaining({
        poNumber: expect.any(String),
        buyer: expect.any(Object),
        shipTo: expect.any(Object),
        orderDate: '2024-01-15',
      }),
    );
    expect(Object.keys(result.orders[0]?.lines[0] ?? {})).toEqual([
      'lineNo',
      'quantity',
      'uom',
      'unitPrice',
      'gtin',
    ]);
    expect(result.ack).toMatch(/^ISA\*/);
  });

  it('throws EDI_UNKNOWN_STANDARD for anything else', () => {
    for (const text of [readFixture('not-edi.csv'), '', 'GS*PO*A*B~']) {
      expect(() => parseEdi(text, TEST_OPTIONS)).toThrow(
        expect.objectContaining({ code: 'EDI_UNKNOWN_STANDARD', field: 'ISA/UNB' }),
      );
    }
  });
});
