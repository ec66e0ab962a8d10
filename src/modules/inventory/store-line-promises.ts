import type { Sql } from '../../db/types.ts';
import { getLeadTimes } from '../catalog/device-queries.ts';
import { allocationCtes, type WrittenAllocation } from './write-allocations.ts';
import type { OrderLineDemand } from './order-demand.ts';
import { orderPromisedDate, promiseLines, type InboundSupply, type LinePromise } from './promise-date.ts';

/**
 * Where inbound supply comes from: purchase orders and work orders by device. Purchasing and
 * production arrive with the planning module; until then there is none and the device's lead
 * time is the fallback.
 */
export type InboundSource = (tx: Sql, deviceIds: readonly string[]) => Promise<Map<string, InboundSupply[]>>;
export const noInbound: InboundSource = async () => new Map();

/** Days a receipt spends in quarantine until quality releases it (incoming inspection). */
export const INSPECTION_DAYS = 2;

/** The lots already allocated to lines that held stock before this run. */
async function earlierLots(tx: Sql, order: { id: string; version: number }, lineNos: readonly number[]): Promise<Map<number, string[]>> {
  if (lineNos.length === 0) return new Map();
  const { rows } = await tx.query<{ lineNo: number; lotIds: string[] }>(
    `SELECT line_no AS "lineNo", array_agg(DISTINCT lot_id::text) AS "lotIds" FROM allocations
      WHERE order_id = $1 AND order_version = $2 AND status <> 'released' AND line_no = ANY($3::int[]) GROUP BY line_no`,
    [order.id, order.version, lineNos],
  );
  return new Map(rows.map((r) => [r.lineNo, r.lotIds]));
}

/**
 * Settles an order's open lines after allocating: the allocations just made (`added`) are stored
 * and counted on their balance rows, each line's `qty_allocated` grows by what was allocated to
 * it, and it is promised — from its allocated stock, then inbound supply, then lead time — with
 * the header promised date the latest line's (and its status, when the caller derived it): one
 * statement for all of it.
 */
export async function storeLinePromises(
  tx: Sql,
  order: { id: string; version: number },
  lines: readonly OrderLineDemand[],
  added: readonly WrittenAllocation[],
  o: { shipDate: string; transitDays: number; inbound: InboundSource; /** The header's new status, derived by the caller. */ status?: { status: string; by: string } },
): Promise<{ promises: LinePromise[]; promisedDate: string | null }> {
  const now = new Map<number, { quantity: number; lots: Set<string> }>();
  for (const a of added) {
    const line = now.get(a.lineNo) ?? { quantity: 0, lots: new Set<string>() };
    line.quantity += a.quantity;
    line.lots.add(a.lotId);
    now.set(a.lineNo, line);
  }
  const open = lines.filter((l) => l.open > 0);
  const before = await earlierLots(tx, order, open.filter((l) => l.allocated > 0).map((l) => l.lineNo));
  const demand = open.map((l) => ({
    lineNo: l.lineNo, deviceId: l.deviceId, quantity: l.open, fromStock: l.allocated + (now.get(l.lineNo)?.quantity ?? 0),
    lotIds: [...new Set([...(before.get(l.lineNo) ?? []), ...(now.get(l.lineNo)?.lots ?? [])])].sort(),
  }));
  const short = [...new Set(demand.filter((d) => d.fromStock < d.quantity).map((d) => d.deviceId))];
  const [inbound, leadTimeDays] = await Promise.all([o.inbound(tx, short), getLeadTimes(tx, short)]);
  const promises = promiseLines(demand, { earliestShipDate: o.shipDate, transitDays: o.transitDays, inspectionDays: INSPECTION_DAYS, inbound, leadTimeDays });
  const promisedDate = orderPromisedDate(promises);
  const params: unknown[] = [order.id, JSON.stringify(promises.map(({ lineNo, deliveryDate, ...basis }) => ({ lineNo, added: now.get(lineNo)?.quantity ?? 0, deliveryDate, basis }))),
    promisedDate, JSON.stringify(added), order.version];
  const status = o.status ? `, status = $${params.push(o.status.status)}, updated_at = now(), updated_by = $${params.push(o.status.by)}` : '';
  await tx.query(
    `WITH ${allocationCtes('$4', '$1', '$5')}, lines AS (
       UPDATE order_lines l SET qty_allocated = l.qty_allocated + r.added, promised_date = r."deliveryDate", promise_basis = r.basis
         FROM jsonb_to_recordset($2::jsonb) AS r("lineNo" int, added int, "deliveryDate" date, basis jsonb)
        WHERE l.order_id = $1 AND l.line_no = r."lineNo"
     )
     UPDATE orders SET promised_date = $3${status} WHERE id = $1`,
    params,
  );
  return { promises, promisedDate };
}
