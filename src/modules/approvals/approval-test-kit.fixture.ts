import type { Database } from '../../db/types.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { drainOutboxOnce, type DrainOptions } from '../../platform/outbox/outbox-worker.ts';
import { eventHandlers } from '../../runtime.ts';
import { TEST_PASSWORD, type HttpClient as Client } from '../../../test/helpers/test-app.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- like the tests it serves, it reads JSON answers of any shape */
/** Test helpers shared by the approvals and triggers end-to-end tests (not used by the product). */

/** Runs the real outbox handlers until nothing is due (retries back off by 1 ms). */
export async function drainOutbox(rt: { db: Database; config: Config; crypto: FieldCrypto }, o: Partial<DrainOptions> = {}): Promise<void> {
  const handlers = eventHandlers(rt);
  let idle = 0;
  for (let i = 0; i < 200 && idle < 3; i++) {
    const r = await drainOutboxOnce(rt.db, handlers, { workerId: 'test', backoffMs: 1, ...o });
    idle = r.claimed === 0 ? idle + 1 : 0;
    if (r.claimed === 0) await new Promise((res) => setTimeout(res, 5));
  }
}

/** The user's inbox tasks for one order. */
export async function tasksFor(client: Client, orderId: string): Promise<any[]> {
  const res = await client.get('/api/v1/approvals/inbox');
  if (res.status !== 200) throw new Error(`inbox of ${client.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.filter((t: any) => t.order.id === orderId);
}

/** Signs a task as approved, giving the username too (valid on any signing). */
export const approve = (client: Client, taskId: string, more: Record<string, unknown> = {}) =>
  client.post(`/api/v1/approvals/tasks/${taskId}/decide`, {
    decision: 'approve', meaning: 'approved', username: client.username, password: TEST_PASSWORD, ...more,
  });
