import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutboxOnce } from '../../src/platform/outbox/outbox-worker.ts';
import { eventHandlers } from '../../src/runtime.ts';
import { shippedOrder } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { runTriggerAction } from '../../src/modules/triggers/run-trigger-action.ts';
import { generateShipmentDocuments } from '../../src/modules/shipping-docs/generate-shipment-documents.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: HttpClient;

async function drain(): Promise<void> {
  while ((await drainOutboxOnce(t.db, eventHandlers(t), { workerId: 'docs-trigger-test' })).claimed > 0);
}
const recorded = async (shipmentId: string) => (await t.db.query<{ kind: string; sha256: string; source: string; size_bytes: number }>(
  'SELECT kind, sha256, source, size_bytes FROM shipment_documents WHERE shipment_id = $1 ORDER BY kind', [shipmentId])).rows;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
}, 120_000);
afterAll(() => t?.close());

describe('the trigger action generate_documents', { timeout: 180_000 }, () => {
  it('refuses it on a topic that names no shipment, and any setting it does not take, naming the field', async () => {
    const onOrder = await admin.post('/api/v1/triggers', { name: 'docs on order', topic: 'order.confirmed', actions: [{ type: 'generate_documents' }] });
    expect([onOrder.status, onOrder.body.error.field]).toEqual([400, 'actions.0.type']);
    const extra = await admin.post('/api/v1/triggers', { name: 'docs', topic: 'shipment.shipped', actions: [{ type: 'generate_documents', url: 'https://x.test' }] });
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toMatch(/^actions\.0/);
  });

  it('renders and records the shipment’s documents once when shipment.shipped fires', async () => {
    const created = await admin.post('/api/v1/triggers', { name: 'shipping documents', topic: 'shipment.shipped', actions: [{ type: 'generate_documents' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const fx = await shippedOrder(t.db, t.crypto);
    expect(await recorded(fx.shipmentId)).toEqual([]);
    await drain();
    const first = await recorded(fx.shipmentId);
    expect(first.map((d) => [d.kind, d.source])).toEqual([['compliance_bundle', 'trigger'], ['packing_list', 'trigger']]);
    expect(first.every((d) => /^[0-9a-f]{64}$/.test(d.sha256) && d.size_bytes > 1000)).toBe(true);

    // The action's event delivered again draws nothing new: the documents of record stay.
    const { rows: [action] } = await t.db.query<{ id: number; entity_id: string; payload: Record<string, unknown>; created_at: Date }>(
      `SELECT id, entity_id, payload, created_at FROM outbox_events WHERE topic = 'trigger.action' ORDER BY id DESC LIMIT 1`);
    await runTriggerAction(t.db, t.crypto, { id: action!.id, topic: 'trigger.action', entityType: 'trigger_action', entityId: action!.entity_id,
      payload: action!.payload, attempts: 2, createdAt: action!.created_at });
    expect(await recorded(fx.shipmentId)).toEqual(first);

    const listed = await admin.get(`/api/v1/shipments/${fx.shipmentId}/documents`);
    expect(listed.body.documents.map((d: { recorded: { sha256: string } }) => d.recorded.sha256).sort()).toEqual(first.map((d) => d.sha256).sort());
    const audit = await t.db.query(`SELECT actor_name FROM audit_log WHERE entity_type = 'shipment' AND entity_id = $1 AND action = 'documents_generated'`, [fx.shipmentId]);
    expect(audit.rows).toEqual([{ actor_name: 'triggers' }]);
  });

  it('records each document once when two workers race on the same shipment', async () => {
    const fx = await shippedOrder(t.db, t.crypto);
    const run = () => generateShipmentDocuments(t.db, systemActor('worker'), fx.shipmentId, { source: 'trigger', onlyMissing: true });
    const [a, b] = await Promise.all([run(), run()]);
    expect([...a.documents, ...b.documents].map((d) => d.kind).sort()).toEqual(['compliance_bundle', 'packing_list']);
    expect((await recorded(fx.shipmentId)).map((d) => d.kind)).toEqual(['compliance_bundle', 'packing_list']);
  });
});
