import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify-audit-chain.ts';
import { addIdentifier } from '../../src/modules/parties/party-identifiers.ts';
import { receiveInterchange } from '../../src/modules/edi-intake/receive-interchange.ts';
import { approve, drainOutbox, tasksFor } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

let t: TestApp;
let world: OrderWorld;
let qa: HttpClient;
let cs: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
  await addIdentifier(t.db, systemActor('test'), world.hospital.id, { scheme: 'PARTNER', value: 'APPRHOSP01' });
  qa = await t.userClient('quality');
  cs = await t.userClient('customer_service');
});
afterAll(() => t.close());

/** An X12 4010 850 from the hospital: two cases of the class III stent at the agreed price. */
function purchaseOrder(poNumber: string, control: string): string {
  const isa = `ISA*00*          *00*          *ZZ*${'APPRHOSP01'.padEnd(15)}*ZZ*${'LOTLINE'.padEnd(15)}*261120*0900*U*00401*${control}*0*P*>~`;
  const set = [
    'ST*850*0001', `BEG*00*SA*${poNumber}**20261120`, 'CUR*BY*CNY', 'DTM*002*20300615',
    `PO1*1*2*CA*120000.00**UK*${world.stent.caseGtin}`, 'CTT*1',
  ];
  const body = [...set, `SE*${set.length + 1}*0001`].map((s) => `${s}~`).join('');
  return `${isa}GS*PO*APPRHOSP01*LOTLINE*20261120*0900*${Number(control)}*X*004010~${body}GE*1*${Number(control)}~IEA*1*${control}~`;
}

describe('order with expired licence → compliance hold → quality signs release → order confirms → 855 sent', () => {
  it('holds the EDI order, releases it by signature, confirms it and writes the purchase-order acknowledgement', async () => {
    const received = await receiveInterchange(t.db, systemActor('edi-test'), { text: purchaseOrder('PO-APPR-1', '000000901'), via: 'api' });
    expect(received.orders, JSON.stringify(received)).toHaveLength(1);
    const placed = received.orders[0]!;
    expect(placed).toMatchObject({ poNumber: 'PO-APPR-1', status: 'on_hold' });
    const orderId = placed.orderId!;

    await drainOutbox(t);
    const none = await t.db.query('SELECT 1 FROM edi_outbound WHERE order_id = $1', [orderId]);
    expect(none.rows).toEqual([]);

    const [task] = await tasksFor(qa, orderId);
    expect(task).toMatchObject({ hold: { type: 'compliance' }, order: { status: 'on_hold' } });
    expect(task.hold.rules[0].facts).toMatchObject({ 'line.compliance': 'LICENCE_EXPIRED' });
    const signed = await approve(qa, task.taskId, { meaning: 'released', comment: 'renewal certificate received' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.order).toMatchObject({ status: 'confirmed', events: ['order.hold_released', 'order.confirmed'] });

    await drainOutbox(t);
    const acks = await t.db.query<{ message_type: string; text: string }>('SELECT message_type, text FROM edi_outbound WHERE order_id = $1', [orderId]);
    expect(acks.rows.map((r) => r.message_type)).toEqual(['855']);
    expect(acks.rows[0]!.text).toContain('BAK*');
    expect(acks.rows[0]!.text).toContain('PO-APPR-1');
    const listed = await cs.get('/api/v1/edi/outbound');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain(orderId);
    expect((await cs.get(`/api/v1/orders/${orderId}`)).body.status).toBe('confirmed');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
