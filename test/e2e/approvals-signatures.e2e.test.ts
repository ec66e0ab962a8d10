import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';
import { verifyAuditChain } from '../../src/platform/audit/verify-audit-chain.ts';
import { bindingHash } from '../../src/modules/approvals/signature-binding.ts';
import { verifySignature } from '../../src/modules/approvals/verify-signature.ts';
import { approve, drainOutbox, tasksFor } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

let t: TestApp;
let world: OrderWorld;
let cs: HttpClient;
let qa: HttpClient;
const later = addDays(localToday(), 14);

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
  cs = await t.userClient('customer_service');
  qa = await t.userClient('quality');
});
afterAll(() => t.close());

/** An order of the class III stent to a hospital whose licence expired: a compliance hold. */
async function heldOrder(): Promise<{ id: string; task: any }> {
  const res = await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: later, lines: [{ deviceId: world.stent.id, quantity: 2 }] });
  expect(res.body).toMatchObject({ status: 'on_hold', holds: [{ type: 'compliance' }] });
  const [task] = await tasksFor(qa, res.body.id);
  return { id: res.body.id, task };
}

const decide = (client: HttpClient, taskId: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/approvals/tasks/${taskId}/decide`, body);

describe('a compliance hold opens an approval for quality', () => {
  it('puts the task in the quality inbox with the order, the reason in both languages and the rule facts', async () => {
    const { id, task } = await heldOrder();
    expect(task).toMatchObject({
      step: { no: 1, of: 1 }, roles: ['quality'], onBehalfOf: null, escalated: false,
      order: { id, status: 'on_hold', customerCode: expect.stringMatching(/^H-/), currency: 'CNY', totalMinor: 2_400_000 },
      hold: { type: 'compliance', reason: { en: expect.stringContaining('licence'), zh: expect.stringContaining('资质') } },
    });
    expect(task.hold.rules[0]).toMatchObject({ rule: 'compliance.licence', facts: { 'line.compliance': 'LICENCE_EXPIRED' } });
    expect(await tasksFor(cs, id)).toEqual([]);
  });
});

describe('deciding is an electronic signature (21 CFR Part 11)', () => {
  it('needs the username on the first signing of a session', async () => {
    const { task } = await heldOrder();
    const res = await decide(qa, task.taskId, { decision: 'approve', meaning: 'released', password: TEST_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'username' });
  });

  it('refuses a wrong password with SIGNATURE_INVALID and records the refusal in the audit trail', async () => {
    const { id, task } = await heldOrder();
    const res = await decide(qa, task.taskId, { decision: 'approve', meaning: 'released', username: qa.username, password: 'not-my-password-1' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'SIGNATURE_INVALID', field: 'password' });
    const other = await decide(qa, task.taskId, { decision: 'approve', meaning: 'released', username: cs.username, password: TEST_PASSWORD });
    expect(other.status).toBe(401);
    expect(other.body.error).toMatchObject({ code: 'SIGNATURE_INVALID', field: 'username' });
    const audit = await t.db.query<{ action: string; reason: string; actor_name: string }>(
      `SELECT action, reason, actor_name FROM audit_log WHERE entity_type = 'approval_task' AND entity_id = $1 ORDER BY seq`, [task.taskId]);
    expect(audit.rows).toEqual([
      { action: 'signature.refused', reason: 'wrong password', actor_name: qa.username },
      { action: 'signature.refused', reason: 'username is not the signed-in user', actor_name: qa.username },
    ]);
    expect((await tasksFor(qa, id)).map((x) => x.taskId)).toEqual([task.taskId]);
    expect((await cs.get(`/api/v1/orders/${id}`)).body.status).toBe('on_hold');

    const admin = await t.userClient('admin');
    await drainOutbox(t);
    const told = (await admin.get('/api/v1/notifications')).body.items.filter((n: any) => n.entityId === task.taskId).map((n: any) => n.messageEn);
    expect(told.sort()).toEqual([`Signature refused: ${qa.username} entered a wrong password`, `Signature refused: ${qa.username} signed with another user's name`]);
  });

  it('releases the hold and confirms the order with the signature linked to its audit record', async () => {
    const { id, task } = await heldOrder();
    const res = await approve(qa, task.taskId, { meaning: 'released', comment: 'renewed licence seen' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ decision: 'approve', approvalStatus: 'approved',
      order: { id, status: 'confirmed', events: ['order.hold_released', 'order.confirmed'] },
      signature: { signerName: qa.username, meaning: 'released' } });
    const seq = res.body.signature.auditSeq;
    const record = (await t.db.query<{ entity_id: string; action: string; signature: any; changes: any }>(
      'SELECT entity_id, action, signature, changes FROM audit_log WHERE seq = $1', [seq])).rows[0]!;
    expect(record).toMatchObject({ entity_id: id, action: 'approval.signed',
      signature: { meaning: 'released', signerId: qa.userId, signerName: qa.username, signedAt: res.body.signature.signedAt },
      changes: { taskId: task.taskId, signatureId: res.body.signature.id, binding: res.body.signature.bindingHash } });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    const detail = await qa.get(`/api/v1/approvals/${task.approvalId}`);
    expect(detail.body).toMatchObject({ status: 'approved', hold: { status: 'released' }, tasks: [{ status: 'approved', decidedBy: qa.username }] });
    expect(detail.body.signatures[0]).toMatchObject({ taskId: task.taskId, auditSeq: seq, verification: { ok: true, auditSeq: seq } });
    const timeline = (await cs.get(`/api/v1/orders/${id}`)).body.timeline.map((e: any) => e.action);
    expect(timeline.slice(-5)).toEqual(['approval.signed', 'hold_released', 'status', 'confirmed', 'status']);
  });

  it('asks only the password for later signings of the same session', async () => {
    const { id, task } = await heldOrder();
    const res = await decide(qa, task.taskId, { decision: 'approve', meaning: 'approved', password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await cs.get(`/api/v1/orders/${id}`)).body.status).toBe('confirmed');
  });

  it('detects a signature moved to another task, even with its binding recomputed', async () => {
    const first = await heldOrder();
    const signed = (await approve(qa, first.task.taskId)).body.signature;
    const second = await heldOrder();
    expect((await verifySignature(t.db, signed.id)).ok).toBe(true);
    await expect(t.db.query('UPDATE approval_signatures SET task_id = $2 WHERE id = $1', [signed.id, second.task.taskId])).rejects.toThrow(/append-only/);

    const row = (await t.db.query<any>('SELECT * FROM approval_signatures WHERE id = $1', [signed.id])).rows[0];
    const copy = async (id: string, recompute: boolean) => {
      const moved = { ...row, id, task_id: second.task.taskId, request_id: second.task.approvalId, order_id: second.id, hold_id: second.task.hold.id };
      const binding = recompute ? bindingHash({ signatureId: id, approvalId: moved.request_id, taskId: moved.task_id, orderId: moved.order_id,
        orderVersion: moved.order_version, holdId: moved.hold_id, decision: moved.decision, meaning: moved.meaning, signerId: moved.signer_id,
        signerName: moved.signer_name, onBehalfOf: moved.on_behalf_of, signedAt: moved.signed_at.toISOString() }) : row.binding_hash;
      await t.db.query(
        `INSERT INTO approval_signatures (id, request_id, task_id, order_id, order_version, hold_id, decision, meaning, signer_id, signer_name,
           on_behalf_of, signed_at, comment, binding_hash, audit_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [id, moved.request_id, moved.task_id, moved.order_id, moved.order_version, moved.hold_id, moved.decision, moved.meaning, moved.signer_id,
          moved.signer_name, moved.on_behalf_of, moved.signed_at, moved.comment, binding, moved.audit_seq]);
      return verifySignature(t.db, id);
    };
    expect(await copy('00000000-0000-7000-8000-000000000001', false)).toEqual({ ok: false, reason: 'the signature does not match the record it claims to sign' });
    expect(await copy('00000000-0000-7000-8000-000000000002', true)).toEqual({ ok: false, reason: 'the linked audit record is of another signature or record' });
  });
});

describe('bad decisions are refused naming the field', () => {
  it('refuses mismatched meanings, a rejection without a reason, missing fields, other roles and unknown tasks', async () => {
    const { task } = await heldOrder();
    const cases: Array<[HttpClient, string, Record<string, unknown>, number, string | undefined]> = [
      [qa, task.taskId, { decision: 'approve', meaning: 'rejected', password: TEST_PASSWORD }, 400, 'meaning'],
      [qa, task.taskId, { decision: 'reject', meaning: 'approved', password: TEST_PASSWORD, comment: 'x' }, 400, 'meaning'],
      [qa, task.taskId, { decision: 'reject', meaning: 'rejected', password: TEST_PASSWORD }, 400, 'comment'],
      [qa, task.taskId, { decision: 'approve', meaning: 'approved' }, 400, 'password'],
      [qa, task.taskId, { decision: 'maybe', meaning: 'approved', password: TEST_PASSWORD }, 400, 'decision'],
      [qa, task.taskId, { decision: 'approve', meaning: 'approved', password: TEST_PASSWORD, extra: 1 }, 400, undefined],
      [cs, task.taskId, { decision: 'approve', meaning: 'approved', password: TEST_PASSWORD, username: cs.username }, 403, undefined],
      [qa, '00000000-0000-7000-8000-000000000009', { decision: 'approve', meaning: 'approved', password: TEST_PASSWORD }, 404, undefined],
      [qa, 'not-a-uuid', { decision: 'approve', meaning: 'approved', password: TEST_PASSWORD }, 400, 'taskId'],
    ];
    for (const [client, taskId, body, status, field] of cases) {
      const res = await decide(client, taskId, body);
      expect(res.status, JSON.stringify([body, res.body])).toBe(status);
      if (field) expect(res.body.error.field, JSON.stringify(res.body)).toContain(field);
    }
  });

  it('refuses a signature by API token: a signature is a person’s, in a session', async () => {
    const { task } = await heldOrder();
    const admin = await t.userClient('admin');
    const token = (await admin.post(`/api/v1/users/${qa.username}/tokens`, { name: 'robot' })).body.token as string;
    const res = await fetch(`${t.url}/api/v1/approvals/tasks/${task.taskId}/decide`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ decision: 'approve', meaning: 'approved', username: qa.username, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(403);
  });
});

describe('a rejection', () => {
  it('closes the request as rejected, keeps the hold, and opens a new round when the order is amended', async () => {
    const { id, task } = await heldOrder();
    const res = await decide(qa, task.taskId, { decision: 'reject', meaning: 'rejected', password: TEST_PASSWORD, comment: 'licence expired, no renewal' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ approvalStatus: 'rejected', order: { status: null } });
    expect((await cs.get(`/api/v1/orders/${id}`)).body).toMatchObject({ status: 'on_hold', holds: [{ status: 'open' }] });
    expect(await tasksFor(qa, id)).toEqual([]);
    expect((await verifySignature(t.db, res.body.signature.id)).ok).toBe(true);

    const amended = await cs.request('PUT', `/api/v1/orders/${id}`, {
      customerId: world.hospital.id, requestedDate: later, lines: [{ deviceId: world.stent.id, quantity: 3 }], reason: 'one more stent',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    await drainOutbox(t);
    const [again] = await tasksFor(qa, id);
    expect(again).toMatchObject({ round: 2, order: { totalMinor: 3_600_000 } });
    const approvals = (await qa.get(`/api/v1/approvals?orderId=${id}`)).body;
    expect(approvals.items.map((a: any) => [a.round, a.status])).toEqual([[2, 'open'], [1, 'rejected']]);
  });
});
