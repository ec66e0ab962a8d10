import { describe, expect, it } from 'vitest';
import { MINIMAL_850, x12Interchange } from '../test-support.ts';
import { parse850, type Parsed850 } from './parse-850.ts';
import { tokenizeX12 } from './tokenize-x12.ts';
import { validateX12Envelope } from './validate-envelope.ts';

function parse(body: string[]): Parsed850 & { text: string } {
  const text = x12Interchange([body]);
  const envelope = validateX12Envelope(tokenizeX12(text));
  const set = envelope.groups[0]?.sets[0];
  if (!set) throw new Error('test interchange without a set');
  const { isa } = envelope;
  const context = {
    text,
    sender: isa.sender,
    receiver: isa.receiver,
    interchangeControlNumber: isa.controlNumber,
    version: '004010',
    test: isa.test,
  };
  return { ...parse850(set, context), text };
}

const ak3 = (result: Parsed850): Array<[string, number, string | undefined, string]> =>
  result.errors.map((e) => [e.segmentId, e.position, e.loopId, e.code]);

describe('parse850', () => {
  it('maps heading and lines into the neutral order', () => {
    const { order, errors } = parse([
      'BEG*00*SA*PO-77**20240110',
      'CUR*BY*USD',
      'DTM*002*20240120',
      'DTM*010*20240118',
      'N1*BY*CITY HOSPITAL*UL*0614141000036',
      'N1*ST*DOCK 4*92*D4',
      'PO1*1*5*BX*10.50**UK*10614141000415*BP*CH-1',
      'DTM*002*20240125',
      'PO1*2*3*EA*7**VP*LL-9',
      'N1*ST*WARD 7*92*W7',
      'CTT*2',
    ]);
    expect(errors).toEqual([]);
    expect(order).toMatchObject({
      poNumber: 'PO-77',
      purpose: 'original',
      orderDate: '2024-01-10',
      requestedDate: '2024-01-20',
      currency: 'USD',
      buyer: { id: '0614141000036', qualifier: 'UL', scheme: 'GLN', name: 'CITY HOSPITAL' },
      shipTo: { id: 'D4', qualifier: '92', scheme: 'BUYER_ASSIGNED', name: 'DOCK 4' },
      sender: { qualifier: 'ZZ', id: 'PARTNER' },
      receiver: { qualifier: 'ZZ', id: 'LOTLINE' },
      controlNumber: '000000042',
      messageControlNumber: '0001',
      version: '004010',
      test: false,
    });
    expect(order?.lines).toEqual([
      {
        lineNo: '1',
        quantity: 5,
        uom: 'BX',
        unitPrice: '10.50',
        gtin: '10614141000415',
        buyerItem: 'CH-1',
        requestedDate: '2024-01-25',
      },
      {
        lineNo: '2',
        quantity: 3,
        uom: 'EA',
        unitPrice: '7',
        vendorItem: 'LL-9',
        shipTo: { id: 'W7', qualifier: '92', scheme: 'BUYER_ASSIGNED', name: 'WARD 7' },
      },
    ]);
  });

  it('reads every product id qualifier Lotline maps, the first of each kind winning', () => {
    const { order } = parse([
      'BEG*00*SA*PO-1**20240110',
      'PO1*1*1*EA***UP*614141000302*EN*4006381333931*IN*B-1*BP*B-2*VN*V-1*MG*M-1',
      'PO1*2*1*EA***EO*96385074',
      'PO1**1',
    ]);
    expect(order?.lines).toEqual([
      { lineNo: '1', quantity: 1, uom: 'EA', gtin: '00614141000302', buyerItem: 'B-1', vendorItem: 'V-1' },
      { lineNo: '2', quantity: 1, uom: 'EA', gtin: '00000096385074' },
      { lineNo: '3', quantity: 1 },
    ]);
  });

  it('maps each purpose Lotline takes', () => {
    expect(parse(['BEG*01*SA*PO-1**20240110', 'PO1*1*1']).order?.purpose).toBe('cancellation');
    expect(parse(['BEG*05*SA*PO-1**20240110', 'PO1*1*1']).order?.purpose).toBe('replace');
  });

  it('keeps the raw source of the set', () => {
    const { order, text } = parse(MINIMAL_850);
    expect(order?.source).toEqual({
      firstSegment: 2,
      lastSegment: 7,
      text: text.slice(text.indexOf('ST*'), text.indexOf('GE*')).trimEnd(),
    });
  });

  it('rejects a line whose GTIN fails its check digit (AK4 7 on the id element)', () => {
    const result = parse(['BEG*00*SA*PO-1**20240110', 'PO1*1*5*EA*1**UK*10614141000416']);
    expect(result.order).toBeNull();
    expect(ak3(result)).toEqual([['PO1', 3, 'PO1', '8']]);
    expect(result.errors[0]?.elements).toMatchObject([
      { position: 7, reference: '234', code: '7', badValue: '10614141000416' },
    ]);
  });

  it('rejects a fraction of a unit (AK4 6) but reads 10.000 as 10', () => {
    const fraction = parse(['BEG*00*SA*PO-1**20240110', 'PO1*1*2.5*EA']);
    expect(fraction.errors[0]?.elements).toMatchObject([
      { position: 2, code: '6', message: 'PO102 "2.5" is not a whole number of units' },
    ]);
    expect(parse(['BEG*00*SA*PO-1**20240110', 'PO1*1*10.000*EA']).order?.lines[0]?.quantity).toBe(10);
  });

  it('notes an unrecognised segment (AK3 1) and still returns the order', () => {
    const result = parse(['BEG*00*SA*PO-1**20240110', 'ZZZ*PARTNER SPECIFIC', 'PO1*1*1']);
    expect(ak3(result)).toEqual([['ZZZ', 3, undefined, '1']]);
    expect(result.order?.poNumber).toBe('PO-1');
  });

  it('rejects segments out of place (AK3 2)', () => {
    const result = parse([
      'BEG*00*SA*PO-1**20240110',
      'PO1*1*1',
      'CTT*1',
      'PO1*2*1',
      'BEG*00*SA*PO-2**20240110',
    ]);
    expect(ak3(result)).toEqual([
      ['PO1', 5, undefined, '2'],
      ['BEG', 6, undefined, '2'],
    ]);
    expect(result.order).toBeNull();
  });

  it('reports a missing BEG at position 2 and missing lines where they were due (AK3 3)', () => {
    expect(ak3(parse(['N1*BY*CITY HOSPITAL', 'PO1*1*1']))).toEqual([['BEG', 2, undefined, '3']]);
    expect(ak3(parse(['BEG*00*SA*PO-1**20240110', 'CTT*0']))).toEqual([['PO1', 3, undefined, '3']]);
    expect(ak3(parse(['BEG*00*SA*PO-1**20240110']))).toEqual([['PO1', 3, undefined, '3']]);
  });

  it('names the loop of a segment in error', () => {
    const result = parse(['BEG*00*SA*PO-1**2024011', 'N1*BY', 'PO1*1*1', 'DTM*002*20241301', 'CTT*X']);
    expect(ak3(result)).toEqual([
      ['BEG', 2, undefined, '8'],
      ['N1', 3, 'N1', '8'],
      ['DTM', 5, 'PO1', '8'],
      ['CTT', 6, 'CTT', '8'],
    ]);
  });
});
