import type { Sql } from '../../db/types.ts';
import { scopeKey, type KeyedRow } from './forecast-rows.ts';
import type { StoredForecast, UpsertPlan } from './plan-forecast-upsert.ts';

/** Serialises imports: two batches creating the same new forecast would otherwise race to insert it. */
const IMPORT_LOCK = 7_240_070;

export const lockForecastImports = (tx: Sql): Promise<unknown> => tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);

/**
 * The stored forecasts of the batch's customers/channels and devices whose periods fall in the
 * span the batch covers for them: the rows it may update and the ones it may overlap.
 */
export async function loadNeighbours(tx: Sql, rows: readonly KeyedRow[], opts: { lock: boolean }): Promise<StoredForecast[]> {
  const spans = new Map<string, { scope: string; deviceId: string; start: string; end: string }>();
  for (const r of rows) {
    const key = `${scopeKey(r)}|${r.deviceId}`;
    const s = spans.get(key);
    if (!s) spans.set(key, { scope: scopeKey(r), deviceId: r.deviceId, start: r.period.start, end: r.period.end });
    else spans.set(key, { ...s, start: r.period.start < s.start ? r.period.start : s.start, end: r.period.end > s.end ? r.period.end : s.end });
  }
  if (!spans.size) return [];
  const { rows: found } = await tx.query<StoredForecast>(
    `SELECT f.id, f.customer_id AS "customerId", f.channel, f.device_id AS "deviceId", f.period, f.quantity, f.consumed
       FROM forecasts f
       JOIN jsonb_to_recordset($1::jsonb) AS k(scope text, "deviceId" uuid, start date, "end" date)
         ON coalesce(f.customer_id::text, 'channel:' || f.channel) = k.scope AND f.device_id = k."deviceId"
        AND f.period_start <= k."end" AND f.period_end >= k.start
      ORDER BY f.id${opts.lock ? ' FOR UPDATE OF f' : ''}`,
    [JSON.stringify([...spans.values()])],
  );
  return found;
}

/** Writes a plan: one INSERT for the new forecasts, one UPDATE for the changed ones. */
export async function writeForecastPlan(tx: Sql, plan: UpsertPlan, who: { actor: string; source: string; sourceRef: string | null }): Promise<void> {
  if (plan.create.length) {
    await tx.query(
      `INSERT INTO forecasts (id, customer_id, channel, device_id, period, period_start, period_end, quantity,
                              source, source_ref, created_by, updated_by)
       SELECT r.id, r."customerId", r.channel, r."deviceId", r.period, r.start, r."end", r.quantity, $2, $3, $4, $4
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "customerId" uuid, channel text, "deviceId" uuid, period text,
              start date, "end" date, quantity int)`,
      [JSON.stringify(plan.create.map((r) => ({ id: r.id, customerId: r.customerId, channel: r.channel, deviceId: r.deviceId,
        period: r.period.period, start: r.period.start, end: r.period.end, quantity: r.quantity }))), who.source, who.sourceRef, who.actor],
    );
  }
  if (plan.update.length) {
    await tx.query(
      `UPDATE forecasts f SET quantity = r.quantity, version = f.version + 1, source = $2, source_ref = $3,
              updated_by = $4, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, quantity int)
        WHERE f.id = r.id`,
      [JSON.stringify(plan.update.map((r) => ({ id: r.id, quantity: r.quantity }))), who.source, who.sourceRef, who.actor],
    );
  }
}
