import { describe, expect, it } from 'vitest';
import type { EdiOutcome } from '../types.ts';
import { TEST_OPTIONS, between, readFixture, x12Segments } from '../test-support.ts';
import { parseX12 } from './parse-x12.ts';

/** The sample files of test/fixtures/edi, each with the acknowledgement it must get. */

const parseFixture = (name: string): ReturnType<typeof parseX12> => parseX12(readFixture(name), TEST_OPTIONS);
/** The acknowledgement's content: the TA1, or the 997/999 between ST and SE. */
const ackContent = (ack: string): string[] => {
  const segments = x12Segments(ack);
  return segments.some((s) => s.startsWith('ST*'))
    ? between(segments, 'ST', 'SE')
    : segments.filter((s) => s.startsWith('TA1'));
};

describe('X12 sample files', () => {
  it.each([
    ['x12-4010-850-gtin-lines.edi', 'accepted', 1, ['AK1*PO*101', 'AK2*850*0001', 'AK5*A', 'AK9*A*1*1*1']],
    ['x12-4010-850-buyer-items.edi', 'accepted', 1, ['AK1*PO*4711', 'AK2*850*0001', 'AK5*A', 'AK9*A*1*1*1']],
    ['x12-4010-850-newlines.edi', 'accepted', 1, ['AK1*PO*212', 'AK2*850*0001', 'AK5*A', 'AK9*A*1*1*1']],
    [
      'x12-4010-850-two-sets.edi',
      'accepted',
      2,
      ['AK1*PO*58', 'AK2*850*0001', 'AK5*A', 'AK2*850*0002', 'AK5*A', 'AK9*A*2*2*2'],
    ],
    ['x12-5010-850.edi', 'accepted', 1, ['AK1*PO*377*005010', 'AK2*850*0001', 'IK5*A', 'AK9*A*1*1*1']],
    [
      'x12-4010-850-two-sets-one-bad.edi',
      'partially_rejected',
      1,
      [
        'AK1*PO*213',
        'AK2*850*0001',
        'AK5*A',
        'AK2*850*0002',
        'AK3*PO1*4*PO1*8',
        'AK4*7*234*7*10614141000416',
        'AK5*R*5',
        'AK9*P*2*2*1',
      ],
    ],
    // Interchange level: a TA1 alone, R with the note code.
    ['x12-4010-broken-isa-length.edi', 'rejected', 0, ['TA1*000000212*240120*1630*R*006']],
    ['x12-4010-broken-isa13-iea02.edi', 'rejected', 0, ['TA1*000000212*240120*1630*R*001']],
    ['x12-4010-broken-iea01-count.edi', 'rejected', 0, ['TA1*000000212*240120*1630*R*021']],
    // Group level: AK9 R with the group's code, no AK2.
    ['x12-4010-broken-gs06-ge02.edi', 'rejected', 0, ['AK1*PO*212', 'AK9*R*1*1*0*4']],
    ['x12-4010-broken-ge01-count.edi', 'rejected', 0, ['AK1*PO*212', 'AK9*R*2*1*0*5']],
    ['x12-4010-broken-gs01-not-po.edi', 'rejected', 0, ['AK1*IN*212', 'AK9*R*1*1*0*1']],
    // Set envelope: AK5 R with the set's code.
    [
      'x12-4010-broken-st02-se02.edi',
      'rejected',
      0,
      ['AK1*PO*212', 'AK2*850*0001', 'AK5*R*3', 'AK9*R*1*1*0'],
    ],
    [
      'x12-4010-broken-se01-count.edi',
      'rejected',
      0,
      ['AK1*PO*212', 'AK2*850*0001', 'AK5*R*4', 'AK9*R*1*1*0'],
    ],
    [
      'x12-4010-broken-st01-not-850.edi',
      'rejected',
      0,
      ['AK1*PO*212', 'AK2*810*0001', 'AK5*R*1', 'AK9*R*1*1*0'],
    ],
    // Set content: AK3 (segment) and AK4 (element), AK5 R 5.
    [
      'x12-4010-broken-missing-beg.edi',
      'rejected',
      0,
      ['AK1*PO*212', 'AK2*850*0001', 'AK3*BEG*2**3', 'AK5*R*5', 'AK9*R*1*1*0'],
    ],
    [
      'x12-4010-broken-po1-quantity.edi',
      'rejected',
      0,
      ['AK1*PO*212', 'AK2*850*0001', 'AK3*PO1*8*PO1*8', 'AK4*2*330*6*TEN', 'AK5*R*5', 'AK9*R*1*1*0'],
    ],
    [
      'x12-4010-broken-bad-date.edi',
      'rejected',
      0,
      ['AK1*PO*212', 'AK2*850*0001', 'AK3*BEG*2**8', 'AK4*5*373*8*20240231', 'AK5*R*5', 'AK9*R*1*1*0'],
    ],
    [
      'x12-5010-broken-bad-date.edi',
      'rejected',
      0,
      ['AK1*PO*377*005010', 'AK2*850*0001', 'IK3*DTM*4**8', 'IK4*2*373*8*20240230', 'IK5*R*5', 'AK9*R*1*1*0'],
    ],
  ] as const)('%s → %s, %i order(s), ack %j', (name, outcome: EdiOutcome, orders, content) => {
    const result = parseFixture(name);
    expect(result.outcome).toBe(outcome);
    expect(result.orders).toHaveLength(orders);
    expect(ackContent(result.ack)).toEqual(content);
    expect(result.issues.length > 0).toBe(outcome !== 'accepted');
  });

  it('maps the GTIN file of Mercy General', () => {
    const [order] = parseFixture('x12-4010-850-gtin-lines.edi').orders;
    expect(order).toMatchObject({
      poNumber: 'MG-4500012345',
      orderDate: '2024-01-15',
      requestedDate: '2024-01-22',
      currency: 'USD',
      buyer: { id: '0614141000036', scheme: 'GLN', name: 'MERCY GENERAL HOSPITAL' },
      shipTo: { id: '0614141000043', scheme: 'GLN' },
      sender: { qualifier: 'ZZ', id: 'MERCYGENERAL' },
      controlNumber: '000000101',
    });
    expect(order?.lines.map((l) => [l.lineNo, l.quantity, l.uom, l.unitPrice, l.gtin, l.vendorItem])).toEqual(
      [
        ['1', 10, 'BX', '125.00', '10614141000415', undefined],
        ['2', 4, 'CA', '980.5', '00614141000302', undefined],
        ['3', 25, 'EA', '12.75', '04006381333931', 'LL-CL-2210'],
      ],
    );
  });

  it('maps the buyer part numbers of Northwind, with a line shipped to a clinic', () => {
    const [order] = parseFixture('x12-4010-850-buyer-items.edi').orders;
    expect(order?.buyer).toEqual({
      id: '123456789',
      qualifier: '1',
      scheme: 'DUNS',
      name: 'NORTHWIND MEDICAL SUPPLY',
    });
    expect(order?.lines[1]).toEqual({
      lineNo: '0020',
      quantity: 50,
      uom: 'BX',
      unitPrice: '41.00',
      buyerItem: 'NW-55131',
      vendorItem: 'LL-SUT-30',
      requestedDate: '2024-02-05',
    });
    expect(order?.lines[2]?.shipTo).toEqual({
      id: 'CLINIC-ELM',
      qualifier: '92',
      scheme: 'BUYER_ASSIGNED',
      name: 'ELMWOOD CLINIC',
    });
  });

  it('reads the 005010 file of St. Luke’s, with its CRLF line breaks', () => {
    const [order] = parseFixture('x12-5010-850.edi').orders;
    expect(order).toMatchObject({
      poNumber: 'SL-778812',
      version: '005010',
      buyer: { name: "ST. LUKE'S HEALTH SYSTEM" },
    });
    expect(order?.lines.map((l) => [l.gtin, l.buyerItem, l.vendorItem])).toEqual([
      [undefined, 'SLH-000912', 'LL-TROCAR-12'],
      ['00000096385074', undefined, undefined],
    ]);
  });

  it('keeps each set of a two-set group apart, raw text included', () => {
    const orders = parseFixture('x12-4010-850-two-sets.edi').orders;
    expect(orders.map((o) => [o.poNumber, o.messageControlNumber, o.lines.length])).toEqual([
      ['RC-1001', '0001', 1],
      ['RC-1002', '0002', 2],
    ]);
    expect(orders[1]?.source.text).toMatch(/^ST\|850\|0002~.*SE\|8\|0002~$/);
  });
});
