import type { Sql } from '../../db/types.ts';
import { BUSINESS_TIME_ZONE } from '../orders/business-day.ts';
import type { InboundSupply } from '../inventory/promise-date.ts';
import type { InboundSource } from '../inventory/store-line-promises.ts';

/**
 * Inbound supply for promising (capable-to-promise), by device, in one query: the open quantity
 * of purchase order lines (approved, sent or partly received; by expected date — the promise adds
 * the inspection days) and of open work orders (by the completion date of the last finite-capacity
 * schedule, or the due date while unscheduled). Purchasing owns the first half, planning the second.
 */
export const plannedInbound: InboundSource = async (tx: Sql, deviceIds: readonly string[]) => {
  const out = new Map<string, InboundSupply[]>();
  if (deviceIds.length === 0) return out;
  const { rows } = await tx.query<InboundSupply & { deviceId: string }>(
    `SELECT l.device_id AS "deviceId", l.expected_date::text AS date, l.quantity - l.qty_received AS quantity,
            'purchase_order' AS kind, p.id::text AS ref
       FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.purchase_order_id
      WHERE l.device_id = ANY($1::uuid[]) AND p.status IN ('approved', 'sent', 'partially_received') AND l.quantity > l.qty_received
     UNION ALL
     SELECT w.device_id, coalesce((w.scheduled_end AT TIME ZONE $2)::date, w.due_date)::text, w.quantity - w.qty_completed,
            'work_order', w.id::text
       FROM work_orders w
      WHERE w.device_id = ANY($1::uuid[]) AND w.status IN ('planned', 'released', 'in_progress') AND w.quantity > w.qty_completed`,
    [[...new Set(deviceIds)], BUSINESS_TIME_ZONE],
  );
  for (const { deviceId, ...s } of rows) out.set(deviceId, [...(out.get(deviceId) ?? []), s]);
  return out;
};
