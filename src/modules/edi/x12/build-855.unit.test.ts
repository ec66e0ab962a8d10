import { describe, expect, it } from 'vitest';
import type { PoAckInput, PoAckLine } from '../types.ts';
import { between, x12Segments } from '../test-support.ts';
import { generate855 } from './build-855.ts';
import { tokenizeX12 } from './tokenize-x12.ts';
import { validateX12Envelope } from './validate-envelope.ts';

const ACCEPTED: PoAckLine = {
  lineNo: '1',
  orderedQty: 10,
  acceptedQty: 10,
  uom: 'BX',
  unitPrice: '125.00',
  promisedDate: '2024-01-19',
  gtin: '10614141000415',
  status: 'accepted',
};
const CHANGED: PoAckLine = {
  lineNo: '2',
  orderedQty: 4,
  acceptedQty: 3,
  uom: 'CA',
  unitPrice: '980.5',
  promisedDate: '2024-01-22',
  status: 'quantity_changed',
};
const REJECTED: PoAckLine = {
  lineNo: '3',
  orderedQty: 25,
  acceptedQty: 0,
  uom: 'EA',
  unitPrice: '12.75',
  status: 'rejected',
};
const RESCHEDULED: PoAckLine = {
  lineNo: '4',
  orderedQty: 2,
  acceptedQty: 2,
  uom: 'EA',
  unitPrice: '7',
  promisedDate: '2024-02-05',
  gtin: '4006381333931',
  status: 'date_rescheduled',
};

const INPUT: PoAckInput = {
  poNumber: 'MG-4500012345',
  poDate: '2024-01-15',
  lines: [ACCEPTED, CHANGED, REJECTED, RESCHEDULED],
  sender: { qualifier: 'ZZ', id: 'LOTLINE' },
  receiver: { qualifier: 'ZZ', id: 'MERCYGENERAL' },
  controlNumber: 501,
  now: new Date('2024-01-16T08:30:00Z'),
};

describe('generate855', () => {
  it('writes BAK, a PO1 and an ACK per line, and CTT', () => {
    const segments = x12Segments(generate855(INPUT));
    expect(between(segments, 'ST', 'SE')).toEqual([
      'BAK*00*AC*MG-4500012345*20240115*****20240116',
      'PO1*1*10*BX*125.00**UK*10614141000415',
      'ACK*IA*10*BX*068*20240119',
      'PO1*2*4*CA*980.5',
      'ACK*IQ*3*CA*068*20240122',
      'PO1*3*25*EA*12.75',
      'ACK*IR*0*EA',
      'PO1*4*2*EA*7**UK*04006381333931',
      'ACK*DR*2*EA*068*20240205',
      'CTT*4',
    ]);
  });

  it('wraps it in a PR group and interchange whose controls and counts pass the parser’s own checks', () => {
    const envelope = validateX12Envelope(tokenizeX12(generate855(INPUT)));
    expect(envelope.findings).toEqual([]);
    expect(envelope.isa).toMatchObject({
      sender: { id: 'LOTLINE' },
      receiver: { id: 'MERCYGENERAL' },
      controlNumber: '000000501',
      version: '00401',
    });
    const [group] = envelope.groups;
    expect(group).toMatchObject({
      functionalId: 'PR',
      controlNumber: '501',
      version: '004010',
      declaredSetCount: '1',
    });
    // The inbound checks take PO groups of 850s only; that is the one thing they find here.
    expect(group?.findings.map((f) => f.code)).toEqual(['1']);
    expect(group?.sets[0]?.findings.map((f) => f.code)).toEqual(['1']);
  });

  it('says AD when every line is accepted as ordered, RD when every line is rejected', () => {
    const accepted = { ...INPUT, lines: [ACCEPTED] };
    expect(x12Segments(generate855(accepted))).toContain('BAK*00*AD*MG-4500012345*20240115*****20240116');
    const rejected = { ...INPUT, lines: [REJECTED] };
    expect(x12Segments(generate855(rejected))).toContain('BAK*00*RD*MG-4500012345*20240115*****20240116');
  });

  it('answers in 005010 when the order came so, and marks a test', () => {
    const segments = x12Segments(generate855({ ...INPUT, version: '005010', test: true }));
    expect(segments[0]).toMatch(/\*\^\*00501\*000000501\*0\*T\*>$/);
    expect(segments[1]).toMatch(/^GS\*PR\*LOTLINE\*MERCYGENERAL\*20240116\*0830\*501\*X\*005010$/);
  });

  it.each([
    [{ version: '003040' }, 'version'],
    [{ lines: [{ ...ACCEPTED, uom: 'PCE' }] }, 'lines[0].uom'],
    [{ poNumber: 'A*B' }, 'BAK'],
  ])('refuses %j (%s)', (change, field) => {
    expect(() => generate855({ ...INPUT, ...change })).toThrow(expect.objectContaining({ field }));
  });
});
