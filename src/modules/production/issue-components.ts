import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { recordMoves } from '../inventory/record-moves.ts';
import { checkIssues } from './issue-rules.ts';
import type { IssueInput } from './production-schemas.ts';
import { resolveIssueLots, type IssueLot } from './resolve-issue-lots.ts';
import { getWorkOrderExecution, loadComponentNeeds, loadWorkOrder, type WorkOrderExecution } from './work-order-records.ts';

/** Free stock (on hand less allocated) of each lot in each bin the lines take from: refused line by line. */
async function checkFreeStock(tx: Parameters<typeof loadWorkOrder>[0], lots: readonly IssueLot[]): Promise<void> {
  const { rows } = await tx.query<{ lotId: string; binId: string; free: number }>(
    `SELECT b.lot_id AS "lotId", b.bin_id AS "binId", b.on_hand - b.allocated AS free
       FROM stock_balances b JOIN jsonb_to_recordset($1::jsonb) AS r("lotId" uuid, "binId" uuid) ON b.lot_id = r."lotId" AND b.bin_id = r."binId"`,
    [JSON.stringify(lots.map((l) => ({ lotId: l.lot.id, binId: l.binId })))],
  );
  const taken = new Map<string, number>();
  for (const l of lots) {
    const key = `${l.lot.id}/${l.binId}`;
    const want = (taken.get(key) ?? 0) + l.quantity;
    const free = rows.find((r) => r.lotId === l.lot.id && r.binId === l.binId)?.free ?? 0;
    if (want > free) {
      throw new DomainError('INSUFFICIENT_STOCK', `${l.field}: the bin holds ${free} free units of lot ${l.lot.lotNumber}, ${want} asked`, { field: `${l.field}.quantity`, details: { lotId: l.lot.id, binId: l.binId, free } });
    }
    taken.set(key, want);
  }
}

/**
 * Issues component lots to a released or running work order: each a component of its BOM, never
 * beyond what the BOM asks for the order's quantity, each lot usable today, each from a bin that
 * holds it free. The stock leaves the ledger as an `adjust` move out of the bin — consumption,
 * with the reason and the work order as reference — not a `pick`, which fulfilment and trace read
 * as units bound to a customer order. The first issue puts the work order in progress.
 */
export function issueComponents(db: Database, actor: Actor, idOrNumber: string, input: IssueInput, ctx: { today: string; now: Date; requestId: string | null }): Promise<WorkOrderExecution> {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const wo = await loadWorkOrder(w.tx, idOrNumber, { forUpdate: true });
    if (wo.status !== 'released' && wo.status !== 'in_progress') {
      throw new DomainError('INVALID_STATE', `work order ${wo.number} is ${wo.status}: components are issued to a released work order`, { details: { status: wo.status } });
    }
    const lots = await resolveIssueLots(w.tx, input.lines, ctx.today, ctx.now);
    checkIssues(wo.number, await loadComponentNeeds(w.tx, wo), lots.map((l) => ({ deviceId: l.lot.deviceId, quantity: l.quantity, field: l.field })));
    for (const l of lots) {
      if (l.trackingMode !== 'lot') throw invalid(l.field, `lot ${l.lot.lotNumber} is of a serial-tracked device: issuing by serial is not supported yet`);
    }
    await checkFreeStock(w.tx, lots);
    const reason = `issued to work order ${wo.number}`;
    await recordMoves(w.tx, lots.map((l) => ({
      moveType: 'adjust' as const, deviceId: l.lot.deviceId, lotId: l.lot.id, fromBinId: l.binId, quantity: l.quantity, reason, refType: 'work_order', refId: wo.id,
    })), actor.name);
    const rows = lots.map((l) => ({ id: uuidv7(), deviceId: l.lot.deviceId, lotId: l.lot.id, binId: l.binId, quantity: l.quantity, scan: l.scan }));
    await w.tx.query(
      `INSERT INTO work_order_issues (id, work_order_id, component_device_id, lot_id, bin_id, quantity, scan, issued_by)
       SELECT r.id, $2, r."deviceId", r."lotId", r."binId", r.quantity, r.scan, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "deviceId" uuid, "lotId" uuid, "binId" uuid, quantity int, scan text)`,
      [JSON.stringify(rows), wo.id, actor.name],
    );
    if (wo.status === 'released') {
      await w.tx.query(`UPDATE work_orders SET status = 'in_progress', version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1`, [wo.id, actor.name]);
    }
    w.audit({
      entityType: 'work_order', entityId: wo.id, action: 'components_issued',
      changes: { ...(wo.status === 'released' ? { status: { old: 'released', new: 'in_progress' } } : {}), issued: { new: lots.map((l) => ({ lot: l.lot.lotNumber, quantity: l.quantity })) } },
    });
    w.emit({ topic: 'work_order.components_issued', entityType: 'work_order', entityId: wo.id, payload: { number: wo.number, lots: lots.map((l) => ({ lotId: l.lot.id, quantity: l.quantity })) } });
    return getWorkOrderExecution(w.tx, wo.id);
  });
}
