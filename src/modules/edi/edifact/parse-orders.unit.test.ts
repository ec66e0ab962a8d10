import { describe, expect, it } from 'vitest';
import { MINIMAL_ORDERS, edifactInterchange } from '../test-support.ts';
import { parseOrders, type ParsedOrders } from './parse-orders.ts';
import { tokenizeEdifact } from './tokenize-edifact.ts';
import { validateEdifactEnvelope } from './validate-interchange.ts';

function parse(body: string[], una?: string): ParsedOrders & { text: string } {
  const text = edifactInterchange([body], { una });
  const tokens = tokenizeEdifact(text);
  const envelope = validateEdifactEnvelope(tokens);
  const message = envelope.messages[0];
  if (!message) throw new Error('test interchange without a message');
  const context = {
    text,
    sender: envelope.sender,
    receiver: envelope.recipient,
    controlReference: envelope.controlReference,
    test: envelope.test,
    decimalMark: tokens.separators.decimal,
  };
  return { ...parseOrders(message, context), text };
}

/** UCS position, code and the UCD code@element:component of each finding. */
const ucs = (result: ParsedOrders): Array<[number, string | undefined, string[]]> =>
  result.errors.map((e) => [
    e.position,
    e.code,
    e.elements.map((d) => `${d.code}@${d.element}${d.component ? `:${d.component}` : ''}`),
  ]);

const replaced = (from: string, ...to: string[]): string[] =>
  MINIMAL_ORDERS.flatMap((s) => (s === from ? to : [s]));

describe('parseOrders', () => {
  it('maps heading and lines into the neutral order', () => {
    const { order, errors } = parse([
      'BGM+220+PO-77+9',
      'DTM+137:20240110:102',
      'DTM+2:202401201400:203',
      'NAD+BY+4012345000009::9++CITY:HOSPITAL',
      'NAD+DP+DOCK4::92++DOCK 4',
      'NAD+SU+4098765000003::9',
      'CUX+2:EUR:9',
      'LIN+1++09506000134352:SRV',
      'PIA+1+CH-1:BP+LL-1:SA',
      'QTY+21:5:PCE',
      'DTM+2:20240125:102',
      'PRI+AAB:12.00',
      'PRI+AAA:10.50',
      'LIN+2',
      'PIA+5+LL-9:VN',
      'QTY+21:3',
      'NAD+DP+WARD7::92++WARD 7',
      'UNS+S',
      'CNT+2:2',
    ]);
    expect(errors).toEqual([]);
    expect(order).toMatchObject({
      poNumber: 'PO-77',
      purpose: 'original',
      orderDate: '2024-01-10',
      requestedDate: '2024-01-20',
      currency: 'EUR',
      buyer: { id: '4012345000009', qualifier: '9', scheme: 'GLN', name: 'CITY HOSPITAL' },
      shipTo: { id: 'DOCK4', qualifier: '92', scheme: 'BUYER_ASSIGNED', name: 'DOCK 4' },
      sender: { qualifier: 'ZZZ', id: 'PARTNER' },
      controlNumber: 'IC42',
      messageControlNumber: 'M1',
      version: 'D96A',
    });
    expect(order?.lines).toEqual([
      {
        lineNo: '1',
        quantity: 5,
        uom: 'PCE',
        unitPrice: '10.50',
        gtin: '09506000134352',
        buyerItem: 'CH-1',
        vendorItem: 'LL-1',
        requestedDate: '2024-01-25',
      },
      {
        lineNo: '2',
        quantity: 3,
        vendorItem: 'LL-9',
        shipTo: { id: 'WARD7', qualifier: '92', scheme: 'BUYER_ASSIGNED', name: 'WARD 7' },
      },
    ]);
  });

  it('keeps the raw source of the message', () => {
    const { order, text } = parse(MINIMAL_ORDERS);
    expect(order?.source).toEqual({
      firstSegment: 1,
      lastSegment: 9,
      text: text.slice(text.indexOf('UNH'), text.indexOf('UNZ')).trimEnd(),
    });
  });

  it('reads prices with the decimal comma the UNA declares', () => {
    const { order } = parse(replaced('PRI+AAA:10.00', 'PRI+AAA:1250,5'), "UNA:+,? '");
    expect(order?.lines[0]?.unitPrice).toBe('1250.5');
  });

  it('maps each purpose Lotline takes (BGM 1225), an absent one being original', () => {
    expect(parse(replaced('BGM+220+PO-1+9', 'BGM+220+PO-1+1')).order?.purpose).toBe('cancellation');
    expect(parse(replaced('BGM+220+PO-1+9', 'BGM+220+PO-1')).order?.purpose).toBe('original');
  });

  it.each([
    [replaced('BGM+220+PO-1+9'), [[1, '13', []]]], // BGM missing: reported after UNH
    [[...MINIMAL_ORDERS.slice(0, 6), 'BGM+220+PO-2+9', 'UNS+S'], [[8, '35', []]]], // a second BGM
    [replaced('DTM+137:20240110:102'), [[2, '13', []]]], // no order date: due after BGM
    [replaced('LIN+1++09506000134352:SRV'), [[6, '13', []]]], // no LIN at all: due before UNS, after PRI
    [replaced('QTY+21:5:PCE'), [[5, '13', []]]], // a line without QTY+21: due after LIN
    [replaced('BGM+220+PO-1+9', 'BGM+220++9'), [[2, undefined, ['13@2']]]],
    [replaced('BGM+220+PO-1+9', 'BGM+220+PO-1+31'), [[2, undefined, ['14@3']]]], // a copy is not taken
    [replaced('DTM+137:20240110:102', 'DTM+137:20240230:102'), [[3, undefined, ['12@1:2']]]],
    [replaced('DTM+137:20240110:102', 'DTM+137:240110:101'), [[3, undefined, ['14@1:3']]]],
    [replaced('DTM+137:20240110:102', 'DTM+137:202401102500:203'), [[3, undefined, ['12@1:2']]]],
    [replaced('NAD+BY+4012345000009::9++CITY HOSPITAL', 'NAD+BY'), [[4, undefined, ['13@2:1']]]],
    [
      [...MINIMAL_ORDERS.slice(0, 3), 'CUX+2:EURO:9', ...MINIMAL_ORDERS.slice(3)],
      [[5, undefined, ['12@1:2']]],
    ],
    [replaced('LIN+1++09506000134352:SRV', 'LIN+1++09506000134353:SRV'), [[5, undefined, ['12@3:1']]]],
    [replaced('QTY+21:5:PCE', 'QTY+21:FIVE:PCE'), [[6, undefined, ['37@1:2']]]],
    [replaced('QTY+21:5:PCE', 'QTY+21:5,0:PCE'), [[6, undefined, ['19@1:2']]]],
    [replaced('QTY+21:5:PCE', 'QTY+21:2.5:PCE'), [[6, undefined, ['12@1:2']]]],
    [replaced('QTY+21:5:PCE', 'QTY+21::PCE'), [[6, undefined, ['13@1:2']]]],
    [replaced('PRI+AAA:10.00', 'PRI+AAA:.5'), [[7, undefined, ['38@1:2']]]],
  ])('rejects %j with UCS/UCD %j', (body, expected) => {
    const result = parse(body);
    expect(ucs(result)).toEqual(expected);
    expect(result.order).toBeNull();
  });
});
