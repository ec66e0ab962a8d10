import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/actor.ts';
import { drainOutboxOnce } from '../../src/platform/outbox/outbox-worker.ts';
import { eventHandlers } from '../../src/runtime.ts';
import { readIntakeFixture, HOSPITAL_GLN, HOSPITAL_PARTNER_ID } from '../../src/modules/edi-intake/test-support.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { stockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { addIdentifier } from '../../src/modules/parties/party-identifiers.ts';
import { ediAsnHandler, writeShipmentAsn } from '../../src/modules/shipping-docs/write-shipment-asn.ts';
import { tokenizeX12 } from '../../src/modules/edi/x12/tokenize-x12.ts';
import { validateX12Envelope } from '../../src/modules/edi/x12/validate-envelope.ts';
import { tokenizeEdifact } from '../../src/modules/edi/edifact/tokenize-edifact.ts';
import { validateEdifactEnvelope } from '../../src/modules/edi/edifact/validate-interchange.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let edi: ShippedOrderFixture;
let plain: ShippedOrderFixture;
let cs: HttpClient;

/** Runs the worker's handlers until the outbox has nothing due. */
async function drain(): Promise<void> {
  while ((await drainOutboxOnce(t.db, eventHandlers(t), { workerId: 'asn-test' })).claimed > 0);
}
const asnRows = async (shipmentId: string) =>
  (await t.db.query<{ message_type: string; event_id: number | null }>('SELECT message_type, event_id FROM edi_outbound WHERE shipment_id = $1', [shipmentId])).rows;

beforeAll(async () => {
  t = await startTestApp();
  cs = await t.userClient('customer_service');
  // The first world of the file carries the GTINs of the sample 850; its hospital trades by EDI.
  const world = await stockWorld(t.db, t.crypto);
  await addIdentifier(t.db, systemActor('test'), world.hospital.id, { scheme: 'GLN', value: HOSPITAL_GLN });
  await addIdentifier(t.db, systemActor('test'), world.hospital.id, { scheme: 'PARTNER', value: HOSPITAL_PARTNER_ID });
  const received = await cs.post('/api/v1/edi/inbound', readIntakeFixture('intake-x12-4010-850.edi'), { 'content-type': 'application/edi-x12' });
  expect(received.status, JSON.stringify(received.body)).toBe(200);
  edi = await shippedOrder(t.db, t.crypto, { world, lines: [{ device: 'stent', quantity: 2 }, { device: 'reagent', quantity: 20 }] });
  plain = await shippedOrder(t.db, t.crypto);
  await drain();
}, 180_000);
afterAll(() => t?.close());

describe('the ASN written when a shipment leaves', { timeout: 180_000 }, () => {
  it('writes one X12 856 for the EDI customer, addressed to its partner id, with SSCC, GTIN, lots, serials and expiry', async () => {
    const rows = await asnRows(edi.shipmentId);
    expect(rows.map((r) => r.message_type)).toEqual(['856']);
    expect(rows[0]!.event_id).not.toBeNull();
    const res = await cs.get(`/api/v1/shipments/${edi.shipmentId}/asn`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ shipmentNumber: edi.shipmentNumber, standard: 'X12', messageType: '856', partnerId: HOSPITAL_PARTNER_ID });
    const text: string = res.body.text;
    expect(text).toContain(`MAN*GM*${edi.ssccs[0]}~`);
    expect(text).toContain(`*LT*${edi.lotNumbers[0]}*SN*${edi.serials[0]![0]}*`);
    expect(text).toContain(`LIN*2*UK*`);
    expect(text).toMatch(/DTM\*036\*\d{8}~/);
    const tokens = tokenizeX12(text);
    expect(tokens.isaLength).toBe(106);
    const envelope = validateX12Envelope(tokens);
    expect(envelope.findings).toEqual([]);
    expect(envelope.isa.controlNumber).toBe(res.body.controlNumber.padStart(9, '0'));
    expect(envelope.groups[0]).toMatchObject({ functionalId: 'SH', declaredSetCount: '1' });
  });

  it('writes it once: the event delivered again, or two workers racing, leave one ASN', async () => {
    const { rows: [event] } = await t.db.query<{ id: number; topic: string; entity_type: string; entity_id: string; payload: Record<string, unknown> }>(
      `SELECT id, topic, entity_type, entity_id, payload FROM outbox_events WHERE topic = 'shipment.shipped' AND entity_id = $1`, [edi.shipmentId]);
    await ediAsnHandler.handle({ id: event!.id, topic: event!.topic, entityType: event!.entity_type, entityId: event!.entity_id,
      payload: event!.payload, attempts: 2, createdAt: new Date() }, t.db);
    expect(await asnRows(edi.shipmentId)).toHaveLength(1);
    // Another shipment of the EDI customer, before any worker saw it: two writers race, one writes.
    const next = await shippedOrder(t.db, t.crypto, { world: edi.world });
    const raced = await Promise.all([writeShipmentAsn(t.db, next.shipmentId), writeShipmentAsn(t.db, next.shipmentId)]);
    expect(raced.filter((id) => id !== null)).toHaveLength(1);
    expect(await asnRows(next.shipmentId)).toHaveLength(1);
    await drain();
    expect(await asnRows(next.shipmentId)).toHaveLength(1);
  });

  it('writes none for a customer that does not trade by EDI, and answers 404', async () => {
    expect(await asnRows(plain.shipmentId)).toEqual([]);
    const res = await cs.get(`/api/v1/shipments/${plain.shipmentId}/asn`);
    expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('shows the ASN among the messages sent, and to the customer’s own portal users only', async () => {
    const sent = await cs.get(`/api/v1/edi/outbound?orderId=${edi.orderId}`);
    expect(sent.body.items.map((m: { messageType: string }) => m.messageType)).toContain('856');
    const own = await t.userClient('hospital_portal', { organisationId: edi.world.hospital.id });
    expect((await own.get(`/api/v1/shipments/${edi.shipmentId}/asn`)).status).toBe(200);
    const stranger = await t.userClient('hospital_portal', { organisationId: plain.world.hospital.id });
    expect((await stranger.get(`/api/v1/shipments/${edi.shipmentId}/asn`)).status).toBe(404);
    expect((await cs.get('/api/v1/shipments/nope/asn')).body.error.field).toBe('params.id');
  });

  it('writes a DESADV once the customer trades by EDIFACT: the standard of its latest interchange', async () => {
    const received = await cs.post('/api/v1/edi/inbound', readIntakeFixture('intake-edifact-d96a-orders.edi'), { 'content-type': 'application/edifact' });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const next = await shippedOrder(t.db, t.crypto, { world: edi.world, lines: [{ device: 'stent', quantity: 1 }] });
    await drain();
    const res = await cs.get(`/api/v1/shipments/${next.shipmentId}/asn`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ standard: 'EDIFACT', messageType: 'DESADV', partnerQualifier: '14', partnerId: HOSPITAL_GLN });
    const envelope = validateEdifactEnvelope(tokenizeEdifact(res.body.text));
    expect(envelope).toMatchObject({ controlReference: res.body.controlNumber, recipient: { id: HOSPITAL_GLN }, findings: [] });
    const tags = envelope.messages[0]!.segments.map((seg) => seg.tag);
    expect(tags).toEqual(expect.arrayContaining(['BGM', 'CPS', 'PAC', 'PCI', 'GIN', 'LIN', 'PIA', 'QTY', 'UNT']));
    expect(res.body.text).toContain(`GIN+BJ+${next.ssccs[0]}'`);
    expect(res.body.text).toContain(`PIA+1+${next.lotNumbers[0]}:NB+${next.serials[0]![0]}:SN`);
  });
});
