import { describe, expect, it } from 'vitest';
import type { PoAckInput, PoAckLine } from '../types.ts';
import { between, edifactSegments } from '../test-support.ts';
import { generateOrdrsp } from './build-ordrsp.ts';
import { tokenizeEdifact } from './tokenize-edifact.ts';
import { validateEdifactEnvelope } from './validate-interchange.ts';

const ACCEPTED: PoAckLine = {
  lineNo: '1',
  orderedQty: 10,
  acceptedQty: 10,
  uom: 'PCE',
  unitPrice: '125.00',
  promisedDate: '2024-01-19',
  gtin: '09506000134352',
  status: 'accepted',
};
const CHANGED: PoAckLine = {
  lineNo: '2',
  orderedQty: 4,
  acceptedQty: 3,
  uom: 'BX',
  unitPrice: '89.90',
  promisedDate: '2024-01-22',
  status: 'quantity_changed',
};
const REJECTED: PoAckLine = {
  lineNo: '3',
  orderedQty: 5,
  acceptedQty: 0,
  uom: 'PCE',
  unitPrice: '12.75',
  status: 'rejected',
};

const INPUT: PoAckInput = {
  poNumber: "KN-2024-0117'A",
  poDate: '2024-01-15',
  lines: [ACCEPTED, CHANGED, REJECTED],
  sender: { qualifier: '14', id: '4098765000003' },
  receiver: { qualifier: '14', id: '4012345000009' },
  controlNumber: 'RSP0001',
  now: new Date('2024-01-16T08:30:00Z'),
};

describe('generateOrdrsp', () => {
  it('writes BGM, the order reference, and per line LIN, the quantities, the promised despatch date and the price', () => {
    const segments = edifactSegments(generateOrdrsp(INPUT));
    expect(segments.slice(0, 3)).toEqual([
      'UNA:+.? ',
      'UNB+UNOC:3+4098765000003:14+4012345000009:14+240116:0830+RSP0001',
      'UNH+1+ORDRSP:D:96A:UN',
    ]);
    expect(between(segments, 'UNH', 'UNT')).toEqual([
      'BGM+231+RSP0001+4',
      'DTM+137:20240116:102',
      "RFF+ON:KN-2024-0117?'A",
      'DTM+171:20240115:102',
      'LIN+1+5+09506000134352:SRV',
      'QTY+21:10:PCE',
      'QTY+113:10:PCE',
      'DTM+11:20240119:102',
      'PRI+AAA:125.00',
      'LIN+2+3',
      'QTY+21:4:BX',
      'QTY+113:3:BX',
      'DTM+11:20240122:102',
      'PRI+AAA:89.90',
      'LIN+3+7',
      'QTY+21:5:PCE',
      'QTY+113:0:PCE',
      'PRI+AAA:12.75',
      'UNS+S',
      'CNT+2:3',
    ]);
  });

  it('says 29 when every line is accepted as ordered, 27 when every line is rejected', () => {
    expect(edifactSegments(generateOrdrsp({ ...INPUT, lines: [ACCEPTED] }))).toContain('BGM+231+RSP0001+29');
    expect(edifactSegments(generateOrdrsp({ ...INPUT, lines: [REJECTED] }))).toContain('BGM+231+RSP0001+27');
  });

  it('writes an interchange whose references and counts pass the parser’s own checks', () => {
    const envelope = validateEdifactEnvelope(
      tokenizeEdifact(generateOrdrsp({ ...INPUT, version: 'D01B', test: true })),
    );
    expect(envelope).toMatchObject({ controlReference: 'RSP0001', test: true, findings: [] });
    // The inbound checks take ORDERS only; that is the one thing they find here.
    expect(envelope.messages.map((m) => [m.identifier.join(':'), m.findings.map((f) => f.code)])).toEqual([
      ['ORDRSP:D:01B:UN', ['14']],
    ]);
  });

  it('refuses a directory that is not like D96A', () => {
    expect(() => generateOrdrsp({ ...INPUT, version: '004010' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'version' }),
    );
  });
});
