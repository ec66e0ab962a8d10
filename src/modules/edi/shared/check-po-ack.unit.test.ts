import { describe, expect, it } from 'vitest';
import type { PoAckInput, PoAckLine } from '../types.ts';
import { checkPoAck } from './check-po-ack.ts';

const LINE: PoAckLine = {
  lineNo: '1',
  orderedQty: 10,
  acceptedQty: 10,
  uom: 'EA',
  unitPrice: '1.50',
  promisedDate: '2024-01-20',
  status: 'accepted',
};
const INPUT: PoAckInput = {
  poNumber: 'PO-1',
  poDate: '2024-01-10',
  lines: [LINE],
  sender: { qualifier: 'ZZ', id: 'LOTLINE' },
  receiver: { qualifier: 'ZZ', id: 'PARTNER' },
  controlNumber: 1,
  now: new Date('2024-01-11T00:00:00Z'),
};

describe('checkPoAck', () => {
  it('gives the dates as CCYYMMDD and the GTIN as GTIN-14', () => {
    expect(checkPoAck({ ...INPUT, lines: [{ ...LINE, gtin: '4006381333931' }] })).toEqual({
      poDate: '20240110',
      lines: [{ ...LINE, gtin: '04006381333931', promisedOn: '20240120' }],
    });
  });

  it('needs no promised date on a rejected line', () => {
    const rejected: PoAckLine = { ...LINE, acceptedQty: 0, status: 'rejected', promisedDate: undefined };
    expect(checkPoAck({ ...INPUT, lines: [rejected] }).lines[0]?.promisedOn).toBeUndefined();
  });

  it.each([
    [{ poNumber: '' }, 'poNumber'],
    [{ poDate: '10.01.2024' }, 'poDate'],
    [{ lines: [] }, 'lines'],
    [{ lines: [{ ...LINE, lineNo: '' }] }, 'lines[0].lineNo'],
    [{ lines: [{ ...LINE, orderedQty: 2.5 }] }, 'lines[0].orderedQty'],
    [{ lines: [{ ...LINE, acceptedQty: 8 }] }, 'lines[0].acceptedQty'], // accepted, but not all of it
    [{ lines: [{ ...LINE, status: 'quantity_changed' as const }] }, 'lines[0].acceptedQty'], // changed, but the same
    [{ lines: [{ ...LINE, status: 'rejected' as const }] }, 'lines[0].acceptedQty'], // rejected, yet accepted
    [{ lines: [{ ...LINE, unitPrice: '1,50' }] }, 'lines[0].unitPrice'],
    [{ lines: [{ ...LINE, uom: '' }] }, 'lines[0].uom'],
    [{ lines: [{ ...LINE, gtin: '4006381333932' }] }, 'lines[0].gtin'],
    [{ lines: [{ ...LINE, promisedDate: undefined }] }, 'lines[0].promisedDate'],
  ])('refuses %j naming %s', (change, field) => {
    expect(() => checkPoAck({ ...INPUT, ...change })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field }),
    );
  });
});
