import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { drainOutboxOnce } from '../../src/platform/outbox/outbox-worker.ts';
import { eventHandlers } from '../../src/runtime.ts';
import { writeOrderAck } from '../../src/modules/edi-intake/write-order-ack.ts';
import { ediWorld, readIntakeFixture, withX12ControlNumber, type EdiWorld } from '../../src/modules/edi-intake/test-support.ts';

let t: TestApp;
let world: EdiWorld;
let cs: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await ediWorld(t.db, t.crypto);
  cs = await t.userClient('customer_service');
});
afterAll(() => t.close());

/** Runs the worker's handlers until the outbox has nothing due. */
async function drain(): Promise<void> {
  while ((await drainOutboxOnce(t.db, eventHandlers(t), { workerId: 'edi-ack-test' })).claimed > 0);
}

const receive = async (text: string, contentType = 'application/edi-x12') => {
  const res = await cs.post('/api/v1/edi/inbound', text, { 'content-type': contentType });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.orders[0] as { orderId: string; status: string };
};
const outbound = async (orderId: string) => (await cs.get(`/api/v1/edi/outbound?orderId=${orderId}`)).body;
const segments = (text: string, terminator: string) => text.split(`${terminator}\n`).filter(Boolean);

describe('the purchase-order acknowledgement written when an EDI order is confirmed', () => {
  it('writes an 855 in the version received, echoing lines, units and GTINs, with accepted quantities and dates', async () => {
    const order = await receive(readIntakeFixture('intake-x12-4010-850.edi'));
    expect(order.status).toBe('confirmed');
    expect((await outbound(order.orderId)).total).toBe(0); // written by the worker, after the commit
    await drain();
    const written = await outbound(order.orderId);
    expect(written.items).toHaveLength(1);
    expect(written.items[0]).toMatchObject({ messageType: '855', standard: 'X12', orderVersion: 1, partnerQualifier: 'ZZ', partnerId: 'HOSP001EDI' });
    const x12 = segments(written.items[0].text, '~');
    expect(x12[0]).toMatch(/^ISA\*00\* {10}\*00\* {10}\*ZZ\*LOTLINE {8}\*ZZ\*HOSP001EDI {5}\*.*\*00401\*\d{9}\*0\*P\*/);
    expect(x12.find((s) => s.startsWith('GS*'))).toMatch(/^GS\*PR\*LOTLINE\*HOSP001EDI\*\d{8}\*\d{4}\*\d+\*X\*004010$/);
    expect(x12.find((s) => s.startsWith('BAK'))).toMatch(/^BAK\*00\*AD\*H1-4010-0001\*20261120/);
    expect(x12).toEqual(expect.arrayContaining([
      'PO1*1*2*CA*120000.00**UK*69000010000024', 'ACK*IA*2*CA*068*20300615',
      'PO1*2*3*BX*1600.00**UK*69000010000048', 'ACK*IA*3*BX*068*20300615',
      'PO1*3*5*EA*3.50', 'ACK*IA*5*EA*068*20300615',
    ]));
  });

  it('writes one message however often the event is delivered', async () => {
    const order = await receive(withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 801));
    await drain();
    await t.db.query(`UPDATE outbox_events SET status = 'pending', available_at = now() WHERE topic = 'order.confirmed'`);
    await t.db.query(`DELETE FROM outbox_handled WHERE handler = 'edi.order_ack'`);
    await drain();
    expect(await writeOrderAck(t.db, order.orderId)).toBeNull();
    expect((await outbound(order.orderId)).total).toBe(1);
  });

  it('writes one message when two workers handle the same order at once', async () => {
    const order = await receive(withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 803));
    const raced = await Promise.all([writeOrderAck(t.db, order.orderId), writeOrderAck(t.db, order.orderId)]);
    expect(raced.filter((id) => id !== null)).toHaveLength(1);
    await drain();
    expect((await outbound(order.orderId)).total).toBe(1);
  });

  it('writes an ORDRSP for EDIFACT, in the unit the partner used or the level its GTIN names', async () => {
    const order = await receive(readIntakeFixture('intake-edifact-d96a-orders.edi'), 'application/edifact');
    await drain();
    const [message] = (await outbound(order.orderId)).items;
    expect(message).toMatchObject({ messageType: 'ORDRSP', standard: 'EDIFACT', partnerQualifier: '14', partnerId: '6901234000009' });
    const edifact = segments(message.text, "'");
    expect(edifact.find((s) => s.startsWith('UNB'))).toMatch(/^UNB\+UNOC:3\+LOTLINE:ZZZ\+6901234000009:14\+/);
    expect(edifact).toEqual(expect.arrayContaining([
      'UNH+1+ORDRSP:D:96A:UN', 'RFF+ON:H1-EF-0001',
      'LIN+1+5+69000010000017:SRV', 'QTY+21:4:PCE', 'QTY+113:4:PCE', 'DTM+11:20300625:102', 'PRI+AAA:12000.00',
      'LIN+2+5+69000010000048:SRV', 'QTY+21:2:BX', 'QTY+113:2:BX', 'PRI+AAA:1600.00',
    ]));
  });

  it('waits for a held order to be confirmed, then acknowledges what is left of it', async () => {
    const cheaper = withX12ControlNumber(readIntakeFixture('intake-x12-5010-850.edi'), 802).replace('PO1*2*10*EA*80.00', 'PO1*2*10*EA*70.00');
    const order = await receive(cheaper);
    expect(order.status).toBe('on_hold');
    await drain();
    expect((await outbound(order.orderId)).total).toBe(0);

    expect((await cs.post(`/api/v1/orders/${order.orderId}/lines/1/cancel`, { reason: 'buyer phoned: no stents' })).status).toBe(200);
    const held = (await cs.get(`/api/v1/orders/${order.orderId}`)).body;
    for (const hold of held.holds.filter((h: any) => h.status === 'open')) {
      const released = await cs.post(`/api/v1/orders/${order.orderId}/holds/${hold.id}/release`, { comment: 'agreed price applies' });
      expect(released.status, JSON.stringify(released.body)).toBe(200);
    }
    expect((await cs.get(`/api/v1/orders/${order.orderId}`)).body.status).toBe('confirmed');
    await drain();
    const [message] = (await outbound(order.orderId)).items;
    const x12 = segments(message.text, '~');
    expect(x12[0]).toContain('*00501*');
    expect(x12.find((s) => s.startsWith('GS*'))).toMatch(/\*X\*005010$/);
    expect(x12.find((s) => s.startsWith('BAK'))).toMatch(/^BAK\*00\*AC\*H1-5010-0001\*/);
    expect(x12).toEqual(expect.arrayContaining(['ACK*IR*0*CA', 'PO1*2*10*EA*80.00**UK*69000010000031', 'ACK*IA*10*EA*068*20300620']));
  });

  it('writes nothing for an order that did not come by EDI', async () => {
    const res = await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: '2030-06-15', lines: [{ deviceId: world.gauze.id, quantity: 2 }] });
    expect(res.body.status).toBe('confirmed');
    await drain();
    expect((await outbound(res.body.id)).total).toBe(0);
    expect(await writeOrderAck(t.db, res.body.id)).toBeNull();
  });

  it('lists acknowledgements for whoever may read orders, newest first', async () => {
    const auditor = await t.userClient('auditor');
    const all = (await auditor.get('/api/v1/edi/outbound?limit=500')).body;
    expect(all.total).toBe(5);
    expect(all.items.map((m: any) => m.createdAt)).toEqual([...all.items.map((m: any) => m.createdAt)].sort().reverse());
    expect((await auditor.get('/api/v1/edi/outbound?orderId=nope')).status).toBe(400);
    expect((await t.anonymous().get('/api/v1/edi/outbound')).status).toBe(401);
  });
});
