import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';
import { openPostgres } from '../../src/db/postgres-database.ts';
import type { Database } from '../../src/db/types.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';
import { escalateOverdueApprovals } from '../../src/modules/approvals/escalate-overdue-approvals.ts';
import { approve, drainOutbox, tasksFor } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

let t: TestApp;
let world: OrderWorld;
let admin: HttpClient;
let cs: HttpClient;
let qa: HttpClient;
let sales: HttpClient;
const later = addDays(localToday(), 14);
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000);

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
  admin = await t.userClient('admin');
  cs = await t.userClient('customer_service');
  qa = await t.userClient('quality');
  sales = await t.userClient('sales');
});
afterAll(() => t.close());

const heldOrder = async () => {
  const res = await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: later, lines: [{ deviceId: world.stent.id, quantity: 1 }] });
  expect(res.body.status).toBe('on_hold');
  return res.body.id as string;
};

describe('escalation of unanswered approvals', () => {
  it('schedules a timer for the worker loop when a step opens', async () => {
    const orderId = await heldOrder();
    const [task] = await tasksFor(qa, orderId);
    const timer = await t.db.query<{ status: string; hours: number }>(
      `SELECT status, round(extract(epoch FROM available_at - created_at) / 3600)::int AS hours FROM outbox_events
        WHERE topic = 'approval.escalation_due' AND entity_id = $1`, [task.approvalId]);
    expect(timer.rows).toEqual([{ status: 'pending', hours: 24 }]);
    expect(task.escalateAt).toBeTruthy();
  });

  it('escalates each overdue task once, with two callers at the same time, and tells the escalation role', async () => {
    const orderId = await heldOrder();
    const [task] = await tasksFor(qa, orderId);
    expect((await escalateOverdueApprovals(t.db, hoursFromNow(23))).escalated).toEqual([]);
    // On PostgreSQL the second caller has its own pool, as a second worker process would.
    const other: Database = t.db.url ? openPostgres(t.db.url, { max: 4 }) : t.db;
    const runs = await Promise.all([escalateOverdueApprovals(t.db, hoursFromNow(25)), escalateOverdueApprovals(other, hoursFromNow(25))]);
    if (other !== t.db) await other.close();
    const ids = runs.flatMap((r) => r.escalated.map((e) => e.taskId));
    expect(ids.filter((id) => id === task.taskId)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await escalateOverdueApprovals(t.db, hoursFromNow(25))).escalated).toEqual([]);
    const events = await t.db.query(`SELECT 1 FROM outbox_events WHERE topic = 'approval.escalated' AND entity_id = $1`, [task.taskId]);
    expect(events.rows).toHaveLength(1);

    await drainOutbox(t);
    const notes = (await admin.get('/api/v1/notifications')).body.items.filter((n: any) => n.kind === 'approval.escalated');
    expect(notes.some((n: any) => n.entityId === task.taskId && /^Overdue: the compliance approval/.test(n.messageEn))).toBe(true);
    expect((await tasksFor(qa, orderId))[0]).toMatchObject({ escalated: true, roles: ['quality'] });
  });

  it('lets the escalation role decide once a task is escalated in add_approver mode', async () => {
    const created = await admin.post('/api/v1/workflows', { holdType: 'compliance',
      steps: [{ approvals: [{ role: 'quality' }], escalation: { afterHours: 2, role: 'sales', mode: 'add_approver' } }] });
    await admin.post(`/api/v1/workflows/${created.body.id}/activate`);
    const orderId = await heldOrder();
    expect(await tasksFor(sales, orderId)).toEqual([]);
    const { escalated } = await escalateOverdueApprovals(t.db, hoursFromNow(3));
    expect(escalated.find((e) => e.orderId === orderId)).toMatchObject({ roles: ['quality', 'sales'], escalation: { mode: 'add_approver' } });
    const [task] = await tasksFor(sales, orderId);
    expect((await approve(sales, task.taskId)).body).toMatchObject({ approvalStatus: 'approved', order: { status: 'confirmed' } });
  });

  it('runs from the worker loop when the timer falls due', async () => {
    const orderId = await heldOrder();
    const [task] = await tasksFor(qa, orderId);
    await t.db.query(`UPDATE approval_tasks SET escalate_at = now() - interval '1 minute' WHERE id = $1`, [task.taskId]);
    await t.db.query(`UPDATE outbox_events SET available_at = now() WHERE topic = 'approval.escalation_due' AND entity_id = $1`, [task.approvalId]);
    await drainOutbox(t);
    expect((await tasksFor(sales, orderId)).map((x) => x.taskId)).toEqual([task.taskId]);
  });
});

describe('lotline workflows and lotline approvals escalate', () => {
  it('creates, activates and shows a version, and escalates, with --json and exit codes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-wf-'));
    const env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: t.db.url ?? '', LOTLINE_ENCRYPTION_KEYS: t.keyLine };
    try {
      const file = path.join(dataDir, 'credit.json');
      fs.writeFileSync(file, JSON.stringify({ holdType: 'credit', steps: [{ name: 'two signatures', approvals: [{ role: 'finance' }, { role: 'sales' }] }] }));
      const created = await runCli(['workflows', 'create', file, '--json'], env);
      expect(created.code, created.stderr).toBe(0);
      const { id, version } = JSON.parse(created.stdout);
      const activated = await runCli(['workflows', 'activate', id, '--json'], env);
      expect(JSON.parse(activated.stdout)).toMatchObject({ id, holdType: 'credit', version, status: 'active' });
      const shown = await runCli(['workflows', 'show', 'credit'], env);
      expect(shown.stdout).toContain('1. two signatures: finance + sales');
      const escalate = await runCli(['approvals', 'escalate', '--json'], env);
      expect(escalate.code, escalate.stderr).toBe(0);
      expect(JSON.parse(escalate.stdout)).toEqual({ escalated: [] });

      fs.writeFileSync(file, JSON.stringify({ holdType: 'credit', steps: [{ approvals: [{ role: 'Finance' }] }] }));
      const bad = await runCli(['workflows', 'create', file, '--json'], env);
      expect(bad.code).toBe(2);
      expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'steps.0.approvals.0.role' });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
