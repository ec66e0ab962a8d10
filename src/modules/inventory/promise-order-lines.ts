import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { getDeviceFacts, getLeadTimes } from '../catalog/device-queries.ts';
import { allocateFefo } from './allocate-fefo.ts';
import { loadAllocationPolicy } from './allocation-policy.ts';
import type { PromiseInput } from './inventory-schemas.ts';
import { loadStockCandidates } from './load-stock-candidates.ts';
import { addDays, orderPromisedDate, promiseLines, type LinePromise } from './promise-date.ts';
import { INSPECTION_DAYS, type InboundSource } from './store-line-promises.ts';
import { plannedInbound } from '../planning/inbound-supply.ts';

export interface PromiseAnswer {
  shipDate: string;
  promisedDate: string | null;
  lines: Array<LinePromise & { deviceId: string; quantity: number }>;
}

/**
 * What order entry can promise before the order exists: a dry-run FEFO allocation over the free
 * stock the customer would accept (nothing is reserved, so a later allocation may find less),
 * then inbound supply and lead time, as for an allocated order.
 */
export async function promiseOrderLines(
  tx: Sql, actor: Actor, input: PromiseInput, ctx: { earliestShipDate: string; inbound?: InboundSource },
): Promise<PromiseAnswer> {
  assertVisible(actor, input.customerId, 'customer', input.customerId);
  const policy = await loadAllocationPolicy(tx, input);
  const byRequest = input.requestedDate ? addDays(input.requestedDate, -policy.transitDays) : ctx.earliestShipDate;
  const shipDate = byRequest > ctx.earliestShipDate ? byRequest : ctx.earliestShipDate;
  const deviceIds = [...new Set(input.lines.map((l) => l.deviceId))];
  const devices = await getDeviceFacts(tx, deviceIds);
  input.lines.forEach((l, i) => {
    if (!devices.has(l.deviceId)) throw invalid(`lines.${i}.deviceId`, `no device ${l.deviceId}`);
  });
  const demand = input.lines.map((l, i) => ({ lineNo: i + 1, deviceId: l.deviceId, quantity: l.quantity }));
  const stock = await loadStockCandidates(tx, { deviceIds, warehouseIds: policy.warehouseOrder, shipDate, lock: false });
  const fefo = allocateFefo(demand, stock, { shipDate, ...policy });
  const short = [...new Set(fefo.shortfalls.map((s) => demand[s.lineNo - 1]!.deviceId))];
  const [inbound, leadTimeDays] = await Promise.all([(ctx.inbound ?? plannedInbound)(tx, short), getLeadTimes(tx, short)]);
  const promises = promiseLines(demand.map((d) => {
    const mine = fefo.allocations.filter((a) => a.lineNo === d.lineNo);
    return { ...d, fromStock: mine.reduce((n, a) => n + a.quantity, 0), lotIds: [...new Set(mine.map((a) => a.lotId))] };
  }), { earliestShipDate: shipDate, transitDays: policy.transitDays, inspectionDays: INSPECTION_DAYS, inbound, leadTimeDays });
  return {
    shipDate,
    promisedDate: orderPromisedDate(promises),
    lines: promises.map((p) => ({ ...p, deviceId: demand[p.lineNo - 1]!.deviceId, quantity: demand[p.lineNo - 1]!.quantity })),
  };
}
