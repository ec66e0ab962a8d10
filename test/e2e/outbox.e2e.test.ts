import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { writeTx } from '../../src/platform/unit-of-work.ts';
import { drainOutboxOnce, type EventHandler } from '../../src/platform/outbox/outbox-worker.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('outbox through the API', () => {
  it('shows dead-lettered events, and an admin puts one back in the queue', async () => {
    await writeTx(t.db, { actor: systemActor('test') }, async (w) => {
      w.emit({ topic: 'webhook.call', entityType: 'order', entityId: 'o-1', payload: { url: 'http://127.0.0.1:9/' } });
      w.audit({ entityType: 'order', entityId: 'o-1', action: 'notified' });
    });
    const down: EventHandler = { name: 'webhook', topics: ['webhook.call'], handle: async () => { throw new Error('connection refused'); } };
    for (let i = 0; i < 3; i++) {
      await drainOutboxOnce(t.db, [down], { workerId: 'w', maxAttempts: 2, backoffMs: 1 });
      await new Promise((r) => setTimeout(r, 10));
    }
    const auditor = await t.userClient('auditor');
    const dead = await auditor.get('/api/v1/outbox?status=dead');
    expect(dead.status).toBe(200);
    expect(dead.body.counts.dead).toBe(1);
    expect(dead.body.items[0]).toMatchObject({ topic: 'webhook.call', attempts: 2, lastError: 'webhook: connection refused' });
    expect((await auditor.post(`/api/v1/outbox/${dead.body.items[0].id}/retry`)).status).toBe(403);
    const admin = await t.userClient('admin');
    expect((await admin.post(`/api/v1/outbox/${dead.body.items[0].id}/retry`)).status).toBe(200);
    expect((await admin.post(`/api/v1/outbox/${dead.body.items[0].id}/retry`)).status).toBe(404);
    const up: EventHandler = { name: 'webhook', topics: ['webhook.call'], handle: async () => {} };
    await drainOutboxOnce(t.db, [up], { workerId: 'w' });
    const after = await auditor.get('/api/v1/outbox?status=done');
    expect(after.body.items.find((e: any) => e.id === dead.body.items[0].id)).toMatchObject({ topic: 'webhook.call', status: 'done' });
    expect(after.body.counts.dead).toBeUndefined();
  });
});
