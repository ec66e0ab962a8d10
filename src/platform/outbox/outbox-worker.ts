import type { Database } from '../../db/types.ts';
import type { OutboxEvent } from './domain-event.ts';

/**
 * Reacts to events after they commit. Delivery is at least once: a handler may see an event
 * again after a crash, so it must be idempotent (use the event id as its de-duplication key).
 */
export interface EventHandler {
  name: string;
  topics: readonly string[] | '*';
  handle(event: OutboxEvent, db: Database): Promise<void>;
}

export interface DrainOptions {
  workerId: string;
  batchSize?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt. */
  backoffMs?: number;
  /** How long a claimed event stays invisible to other workers while this one handles it. */
  leaseMs?: number;
}

export interface DrainResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

interface EventRow {
  id: number;
  topic: string;
  entity_type: string | null;
  entity_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
}

const wants = (h: EventHandler, topic: string): boolean => h.topics === '*' || h.topics.includes(topic);

/**
 * Claims due events with FOR UPDATE SKIP LOCKED (so any number of workers share the queue without
 * taking the same event), leases them, runs the handlers outside any transaction, then records
 * the outcome: done, retry later with exponential backoff, or dead after maxAttempts.
 */
export async function drainOutboxOnce(
  db: Database,
  handlers: readonly EventHandler[],
  o: DrainOptions,
): Promise<DrainResult> {
  const batchSize = o.batchSize ?? 20;
  const maxAttempts = o.maxAttempts ?? 8;
  const backoffMs = o.backoffMs ?? 1000;
  const leaseMs = o.leaseMs ?? 60_000;
  const { rows } = await db.query<EventRow>(
    `UPDATE outbox_events e
        SET attempts = e.attempts + 1,
            available_at = now() + make_interval(secs => $2::double precision / 1000),
            handled_by = $3
      WHERE e.id IN (SELECT id FROM outbox_events
                      WHERE status = 'pending' AND available_at <= now()
                      ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING e.id, e.topic, e.entity_type, e.entity_id, e.payload, e.attempts, e.created_at`,
    [batchSize, leaseMs, o.workerId],
  );
  const result: DrainResult = { claimed: rows.length, done: 0, retried: 0, dead: 0 };
  if (rows.length === 0) return result;
  rows.sort((a, b) => a.id - b.id);

  const handled = await db.query<{ event_id: number; handler: string }>(
    'SELECT event_id, handler FROM outbox_handled WHERE event_id = ANY($1::bigint[])',
    [rows.map((r) => r.id)],
  );
  const already = new Set(handled.rows.map((h) => `${h.event_id}/${h.handler}`));

  for (const row of rows) {
    const event: OutboxEvent = {
      id: row.id,
      topic: row.topic,
      entityType: row.entity_type,
      entityId: row.entity_id,
      payload: row.payload,
      attempts: row.attempts,
      createdAt: row.created_at,
    };
    let failure: string | null = null;
    for (const h of handlers) {
      if (!wants(h, event.topic) || already.has(`${event.id}/${h.name}`)) continue;
      try {
        await h.handle(event, db);
        await db.query('INSERT INTO outbox_handled (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          event.id,
          h.name,
        ]);
      } catch (e) {
        failure = `${h.name}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 2000);
        break;
      }
    }
    if (failure === null) {
      await db.query(`UPDATE outbox_events SET status = 'done', handled_at = now(), last_error = NULL WHERE id = $1`, [
        event.id,
      ]);
      result.done++;
    } else if (event.attempts >= maxAttempts) {
      await db.query(`UPDATE outbox_events SET status = 'dead', last_error = $2 WHERE id = $1`, [event.id, failure]);
      result.dead++;
    } else {
      const delay = backoffMs * 2 ** (event.attempts - 1);
      await db.query(
        `UPDATE outbox_events SET last_error = $2,
                available_at = now() + make_interval(secs => $3::double precision / 1000) WHERE id = $1`,
        [event.id, failure, delay],
      );
      result.retried++;
    }
  }
  return result;
}

export interface RunningWorker {
  stop(): Promise<void>;
  /** Resolves once the queue has no due event (used by tests and the CLI's --once). */
  idle(): Promise<void>;
}

/** Polls the outbox until stopped; drains back-to-back while there is work. */
export function startOutboxWorker(
  db: Database,
  handlers: readonly EventHandler[],
  o: DrainOptions & { pollMs?: number; onError?: (e: unknown) => void },
): RunningWorker {
  let stopping = false;
  let wake: (() => void) | null = null;
  let idleWaiters: Array<() => void> = [];
  const loop = (async () => {
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = (await drainOutboxOnce(db, handlers, o)).claimed;
      } catch (e) {
        o.onError?.(e);
      }
      if (claimed > 0) continue;
      idleWaiters.forEach((r) => r());
      idleWaiters = [];
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, o.pollMs ?? 500).unref();
      });
      wake = null;
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      idleWaiters.forEach((r) => r());
    },
    idle: () => new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}
