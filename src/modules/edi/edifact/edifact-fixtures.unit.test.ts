import { describe, expect, it } from 'vitest';
import type { EdiOutcome } from '../types.ts';
import { TEST_OPTIONS, between, edifactSegments, readFixture } from '../test-support.ts';
import { parseEdifact } from './parse-edifact.ts';

/** The EDIFACT sample files of test/fixtures/edi, each with the CONTRL it must get. */

const parseFixture = (name: string): ReturnType<typeof parseEdifact> =>
  parseEdifact(readFixture(name), TEST_OPTIONS);
const contrlContent = (ack: string): string[] => between(edifactSegments(ack), 'UNH', 'UNT');

describe('EDIFACT sample files', () => {
  it.each([
    [
      'edifact-d96a-orders-una.edi',
      'accepted',
      1,
      ['UCI+KN000117+4012345000009:14+4098765000003:14+7', 'UCM+ME000001+ORDERS:D:96A:UN:EAN008+7'],
    ],
    [
      'edifact-d96a-orders-no-una.edi',
      'accepted',
      2,
      ['UCI+HSL4401+HOPSTLOUIS:ZZZ+LOTLINE:ZZZ+7', 'UCM+1+ORDERS:D:96A:UN+7', 'UCM+2+ORDERS:D:96A:UN+7'],
    ],
    [
      'edifact-d01b-orders-release.edi',
      'accepted',
      1,
      ['UCI+SJH20240205+5391234500004:14+4098765000003:14+7', 'UCM+SJH-0001+ORDERS:D:01B:UN:EAN010+7'],
    ],
    [
      'edifact-broken-unz-reference.edi',
      'rejected',
      0,
      ['UCI+KN000118+4012345000009:14+4098765000003:14+4+28+UNZ+2'],
    ],
    [
      'edifact-broken-unz-count.edi',
      'rejected',
      0,
      ['UCI+KN000118+4012345000009:14+4098765000003:14+4+29+UNZ+1'],
    ],
    [
      'edifact-broken-unt-reference.edi',
      'rejected',
      0,
      ['UCI+KN000118+4012345000009:14+4098765000003:14+7', 'UCM+ME000002+ORDERS:D:96A:UN:EAN008+4+28+UNT+2'],
    ],
    [
      'edifact-broken-unt-count.edi',
      'rejected',
      0,
      ['UCI+KN000118+4012345000009:14+4098765000003:14+7', 'UCM+ME000002+ORDERS:D:96A:UN:EAN008+4+29+UNT+1'],
    ],
    [
      'edifact-broken-bad-date.edi',
      'rejected',
      0,
      [
        'UCI+KN000118+4012345000009:14+4098765000003:14+7',
        'UCM+ME000002+ORDERS:D:96A:UN:EAN008+4',
        'UCS+3',
        'UCD+12+1:2',
      ],
    ],
  ] as const)('%s → %s, %i order(s), CONTRL %j', (name, outcome: EdiOutcome, orders, content) => {
    const result = parseFixture(name);
    expect(result.outcome).toBe(outcome);
    expect(result.orders).toHaveLength(orders);
    expect(contrlContent(result.ack)).toEqual(content);
    expect(result.issues.length > 0).toBe(outcome !== 'accepted');
  });

  it('maps the D.96A order of Klinikum Nord', () => {
    const [order] = parseFixture('edifact-d96a-orders-una.edi').orders;
    expect(order).toMatchObject({
      poNumber: 'KN-2024-0117',
      orderDate: '2024-01-15',
      requestedDate: '2024-01-25',
      currency: 'EUR',
      buyer: { id: '4012345000009', scheme: 'GLN', name: 'KLINIKUM NORD EINKAUF' },
      shipTo: { id: '4012345000016', scheme: 'GLN', name: 'KLINIKUM NORD ZENTRALLAGER' },
      sender: { qualifier: '14', id: '4012345000009' },
      controlNumber: 'KN000117',
      messageControlNumber: 'ME000001',
    });
    expect(order?.lines).toEqual([
      {
        lineNo: '1',
        quantity: 10,
        uom: 'PCE',
        unitPrice: '125.00',
        gtin: '09506000134352',
        buyerItem: 'KN-CHIR-0042',
      },
      {
        lineNo: '2',
        quantity: 4,
        uom: 'BX',
        unitPrice: '89.90',
        gtin: '09506000134376',
        buyerItem: 'KN-CHIR-0043',
        vendorItem: 'LL-RL-45',
        requestedDate: '2024-02-01',
      },
    ]);
  });

  it('reads released apostrophes and plus signs, and the decimal comma, of St James’s', () => {
    const [order] = parseFixture('edifact-d01b-orders-release.edi').orders;
    expect(order).toMatchObject({
      poNumber: "SJH'24+0091",
      version: 'D01B',
      buyer: { name: "ST JAMES'S HOSPITAL" },
      shipTo: { name: "O'NEILL + PARTNERS THEATRE STORE" },
    });
    expect(order?.lines[0]?.unitPrice).toBe('1250.50');
  });

  it('keeps both messages of a file without UNA apart, raw text included', () => {
    const orders = parseFixture('edifact-d96a-orders-no-una.edi').orders;
    expect(orders.map((o) => [o.poNumber, o.messageControlNumber, o.source.text.slice(0, 6)])).toEqual([
      ['HSL-PO-7781', '1', 'UNH+1+'],
      ['HSL-PO-7782', '2', 'UNH+2+'],
    ]);
    expect(orders[1]?.requestedDate).toBe('2024-01-22');
  });
});
