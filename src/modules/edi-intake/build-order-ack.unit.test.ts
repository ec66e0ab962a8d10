import { describe, expect, it } from 'vitest';
import { edifactSegments, x12Segments } from '../edi/test-support.ts';
import { buildOrderAck, type ConfirmedOrder, type InboundOrderLink } from './build-order-ack.ts';

const now = new Date('2026-03-02T08:00:00Z');
const link: InboundOrderLink = {
  standard: 'X12', version: '005010', poNumber: 'PO-77', poDate: '2026-03-01', test: false,
  partner: { qualifier: 'ZZ', id: 'PARTNER' }, us: { qualifier: 'ZZ', id: 'LOTLINE' },
  lines: [{ lineNo: 1, partnerLineNo: '0010', uom: 'CA', gtin: '69000010000024' }, { lineNo: 2, partnerLineNo: '0020', uom: 'EA' }],
};
const line = { requestedDate: null, promisedDate: null, cancelled: 0 };
const order: ConfirmedOrder = {
  currency: 'CNY', requestedDate: '2026-03-20', promisedDate: null,
  lines: [
    { ...line, lineNo: 1, uom: 'CA', uomQuantity: 2, ordered: 20, unitPriceMinor: 1_200_000 },
    { ...line, lineNo: 2, uom: 'EA', uomQuantity: 5, ordered: 5, unitPriceMinor: 350 },
  ],
};

describe('buildOrderAck', () => {
  it('given an X12 order confirmed as ordered, then an 855 in its version echoing line numbers, units, GTIN and price per unit', () => {
    const ack = buildOrderAck(order, link, { controlNumber: 42, now, today: '2026-03-02' });
    expect(ack.messageType).toBe('855');
    const segments = x12Segments(ack.text);
    expect(segments[0]).toMatch(/^ISA\*.*\*ZZ\*LOTLINE {8}\*ZZ\*PARTNER {8}\*.*\*00501\*000000042\*/);
    expect(segments).toContain('GS*PR*LOTLINE*PARTNER*20260302*0800*42*X*005010');
    expect(segments.find((s) => s.startsWith('BAK'))).toMatch(/^BAK\*00\*AD\*PO-77\*20260301/);
    expect(segments).toContain('PO1*0010*2*CA*120000.00**UK*69000010000024');
    expect(segments).toContain('ACK*IA*2*CA*068*20260320');
    expect(segments).toContain('PO1*0020*5*EA*3.50');
    expect(segments).toContain('ACK*IA*5*EA*068*20260320');
  });

  it('given a cancelled part and a promise later than requested, then quantity changed and date rescheduled', () => {
    const changed: ConfirmedOrder = { ...order, lines: [
      { ...order.lines[0]!, cancelled: 10 },
      { ...order.lines[1]!, promisedDate: '2026-03-25' },
    ] };
    const segments = x12Segments(buildOrderAck(changed, link, { controlNumber: 43, now, today: '2026-03-02' }).text);
    expect(segments.find((s) => s.startsWith('BAK'))).toMatch(/^BAK\*00\*AC\*/);
    expect(segments).toContain('ACK*IQ*1*CA*068*20260320');
    expect(segments).toContain('ACK*DR*5*EA*068*20260325');
  });

  it('given a fully cancelled line, then it is rejected without a date', () => {
    const gone: ConfirmedOrder = { ...order, lines: [{ ...order.lines[0]!, cancelled: 20 }] };
    const segments = x12Segments(buildOrderAck(gone, link, { controlNumber: 44, now, today: '2026-03-02' }).text);
    expect(segments).toContain('ACK*IR*0*CA');
  });

  it('given no date requested nor promised, then today is the promised date', () => {
    const undated: ConfirmedOrder = { ...order, requestedDate: null, lines: [order.lines[1]!] };
    const segments = x12Segments(buildOrderAck(undated, link, { controlNumber: 45, now, today: '2026-03-02' }).text);
    expect(segments).toContain('ACK*IA*5*EA*068*20260302');
  });

  it('given an EDIFACT order, then an ORDRSP in its directory; a line unknown to the link uses our numbers and unit code', () => {
    const edifact: InboundOrderLink = { ...link, standard: 'EDIFACT', version: 'D96A', lines: [link.lines[0]!] };
    const ack = buildOrderAck(order, edifact, { controlNumber: 46, now, today: '2026-03-02' });
    expect(ack.messageType).toBe('ORDRSP');
    const segments = edifactSegments(ack.text);
    expect(segments).toContain('UNH+1+ORDRSP:D:96A:UN');
    expect(segments).toContain('RFF+ON:PO-77');
    expect(segments).toContain('LIN+0010+5+69000010000024:SRV');
    expect(segments).toContain('LIN+2+5');
    expect(segments).toContain('QTY+113:5:EA');
  });
});
