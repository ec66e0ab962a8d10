import type { Sql } from '../../db/types.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { placeOrder } from '../orders/place-order.ts';
import { parsePeriod } from './forecast-period.ts';
import type { ForecastConvertInput } from './forecast-schemas.ts';
import { planConversion, type ConversionLine, type ConvertibleForecast } from './plan-conversion.ts';

const COLUMNS = `id, customer_id AS "customerId", channel, device_id AS "deviceId", period, period_start AS "periodStart", quantity, consumed`;

/** Locks the chosen forecasts (in id order, so concurrent conversions never deadlock) and returns them as the request named them. */
async function lockSelection(tx: Sql, input: ForecastConvertInput): Promise<{ mode: 'ids' | 'period'; forecasts: ConvertibleForecast[] }> {
  if (input.forecastIds && (input.customerId || input.period)) throw invalid('forecastIds', 'give forecastIds, or customerId with period, not both');
  if (input.forecastIds) {
    const ids = input.forecastIds;
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0) throw invalid(`forecastIds.${twice}`, `forecast ${ids[twice]} is named twice`);
    const { rows } = await tx.query<ConvertibleForecast>(`SELECT ${COLUMNS} FROM forecasts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    const byId = new Map(rows.map((f) => [f.id, f]));
    const missing = ids.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw new DomainError('NOT_FOUND', `forecast ${ids[missing]} not found`, { field: `forecastIds.${missing}` });
    return { mode: 'ids', forecasts: ids.map((id) => byId.get(id)!) };
  }
  if (!input.customerId) throw invalid('forecastIds', 'give forecastIds, or customerId with period');
  if (!input.period) throw invalid('period', 'give the period to convert with customerId');
  if (!parsePeriod(input.period)) throw invalid('period', `${input.period} is no month or ISO week of that year`);
  const { rows } = await tx.query<ConvertibleForecast>(
    `SELECT ${COLUMNS} FROM forecasts WHERE customer_id = $1 AND period = $2 ORDER BY id FOR UPDATE`, [input.customerId, input.period]);
  if (!rows.length) throw new DomainError('NOT_FOUND', `no forecast of customer ${input.customerId} for ${input.period}`, { field: 'period' });
  return { mode: 'period', forecasts: rows };
}

async function recordConsumption(w: Work, consumed: Array<ConversionLine & { orderId: string; lineNo: number }>): Promise<void> {
  await w.tx.query(
    `INSERT INTO forecast_consumptions (id, forecast_id, order_id, line_no, quantity, created_by)
     SELECT r.id, r."forecastId", r."orderId", r."lineNo", r.quantity, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "forecastId" uuid, "orderId" uuid, "lineNo" int, quantity int)`,
    [JSON.stringify(consumed.map((c) => ({ ...c, id: uuidv7() }))), w.actor.name],
  );
  await w.tx.query(
    `UPDATE forecasts f SET consumed = f.consumed + r.quantity, updated_at = now(), updated_by = $2
       FROM jsonb_to_recordset($1::jsonb) AS r("forecastId" uuid, quantity int) WHERE f.id = r."forecastId"`,
    [JSON.stringify(consumed.map((c) => ({ forecastId: c.forecastId, quantity: c.quantity }))), w.actor.name],
  );
}

/**
 * Turns forecasts (all that remains, or the quantities named) into orders, one per customer,
 * through the one order intake (channel 'forecast'), and records what each order consumed. The
 * forecasts stay locked until commit, so concurrent conversions can never take more than a
 * forecast holds; the table's CHECK is the last guard.
 */
export async function convertForecasts(w: Work, input: ForecastConvertInput, today: string) {
  const { mode, forecasts } = await lockSelection(w.tx, input);
  const plan = planConversion({ mode, forecasts, quantities: input.quantities ?? {}, today });
  const orders = [];
  const consumed: Array<ConversionLine & { orderId: string; lineNo: number }> = [];
  for (const { customerId, lines } of plan.orders) {
    const placed = await placeOrder(w, {
      customerId,
      ...(input.shipToId ? { shipToId: input.shipToId } : {}),
      ...(input.externalPo ? { externalPo: input.externalPo } : {}),
      ...(input.requestedDate ? { requestedDate: input.requestedDate } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      lines: lines.map((l) => ({ deviceId: l.deviceId, quantity: l.quantity, ...(l.requestedDate && !input.requestedDate ? { requestedDate: l.requestedDate } : {}) })),
    }, { channel: 'forecast', today, source: { type: 'forecast', ref: [...new Set(lines.map((l) => l.period))].sort().join(',') } });
    lines.forEach((l, i) => consumed.push({ ...l, orderId: placed.id, lineNo: i + 1 }));
    orders.push({ id: placed.id, number: placed.number, status: placed.status, customerId, lines: lines.map((l, i) => ({ lineNo: i + 1, forecastId: l.forecastId, deviceId: l.deviceId, quantity: l.quantity })) });
  }
  await recordConsumption(w, consumed);
  const before = new Map(forecasts.map((f) => [f.id, f]));
  const after = consumed.map((c) => {
    const f = before.get(c.forecastId)!;
    w.audit({ entityType: 'forecast', entityId: f.id, action: 'converted',
      changes: { consumed: { old: f.consumed, new: f.consumed + c.quantity }, orderId: { new: c.orderId } } });
    return { id: f.id, quantity: f.quantity, consumed: f.consumed + c.quantity, remaining: f.quantity - f.consumed - c.quantity };
  });
  w.emit({ topic: 'forecast.converted', payload: { orderIds: orders.map((o) => o.id), forecastIds: after.map((f) => f.id) } });
  return { orders, forecasts: after };
}
