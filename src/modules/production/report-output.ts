import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import { receiveStockIn, type ReceiptView } from '../inventory/receive-stock.ts';
import { componentShort } from './issue-rules.ts';
import { outputExpiry } from './output-expiry.ts';
import type { OutputInput } from './production-schemas.ts';
import { getWorkOrderExecution, loadComponentNeeds, loadWorkOrder, type WorkOrderExecution } from './work-order-records.ts';

/** Receiving names its line's fields (`lines.0.serials`); ours are top-level. A known lot's other expiry is about the lot number. */
function ourField(e: unknown): unknown {
  if (!(e instanceof DomainError) || !e.field?.startsWith('lines.0.')) return e;
  const sub = e.field.slice('lines.0.'.length);
  return new DomainError(e.code, e.message, { field: sub === 'expiresOn' ? 'lotNumber' : sub, details: e.details, cause: e });
}

export interface OutputView {
  workOrder: WorkOrderExecution;
  receipt: ReceiptView;
  lot: { id: string; lotNumber: string; manufacturedOn: string; expiresOn: string; status: string; cappedByLotId: string | null };
}

/**
 * Reports units made on a work order as a new lot: made today (or the date given), expiring after
 * the device's shelf life but never after the earliest component lot issued to the order; received
 * into quarantine through inventory's receiving (reason 'production'); every component lot issued
 * to the order is recorded in the lot's genealogy. Only units whose components were issued, and
 * no more than the order's quantity, can be reported; the last unit completes the order.
 */
export function reportOutput(db: Database, actor: Actor, idOrNumber: string, input: OutputInput, ctx: { today: string; now: Date; requestId: string | null }): Promise<OutputView> {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const wo = await loadWorkOrder(w.tx, idOrNumber, { forUpdate: true });
    if (wo.status !== 'released' && wo.status !== 'in_progress') {
      throw new DomainError('INVALID_STATE', `work order ${wo.number} is ${wo.status}: output is reported on a released work order`, { details: { status: wo.status } });
    }
    const completed = wo.qtyCompleted + input.quantity;
    if (completed > wo.quantity) throw invalid('quantity', `work order ${wo.number} is for ${wo.quantity}; ${wo.qtyCompleted} already reported`);
    const short = componentShort((await loadComponentNeeds(w.tx, wo)).values(), completed);
    if (short) {
      throw new DomainError('INVALID_STATE', `${completed} units need ${short.needed} of ${short.deviceCode}; ${short.issued} issued: issue the components first`, {
        field: 'quantity', details: { deviceId: short.deviceId, needed: short.needed, issued: short.issued },
      });
    }
    const manufacturedOn = input.manufacturedOn ?? ctx.today;
    if (manufacturedOn > ctx.today) throw invalid('manufacturedOn', `${manufacturedOn} is in the future`);
    const device = (await getDeviceFacts(w.tx, [wo.deviceId])).get(wo.deviceId)!;
    const { rows: components } = await w.tx.query<{ lotId: string; expiresOn: string }>(
      `SELECT DISTINCT l.id AS "lotId", l.expires_on AS "expiresOn" FROM work_order_issues i JOIN lots l ON l.id = i.lot_id WHERE i.work_order_id = $1`, [wo.id]);
    const expiry = outputExpiry(manufacturedOn, device.shelfLifeDays, components);
    if ('error' in expiry) throw invalid('manufacturedOn', `device ${device.code} has no shelf life and no component lot to take an expiry from`);

    const receipt = await receiveStockIn(w, {
      binId: input.binId, reason: 'production', reference: wo.number,
      lines: [{ deviceId: wo.deviceId, lotNumber: input.lotNumber, expiresOn: expiry.expiresOn, manufacturedOn, quantity: input.quantity, ...(input.serials ? { serials: input.serials } : {}) }],
    }, ctx).catch((e: unknown) => { throw ourField(e); });
    const line = receipt.lines[0]!;
    await w.tx.query(
      `INSERT INTO work_order_outputs (id, work_order_id, lot_id, receipt_id, quantity, capped_by_lot_id, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [uuidv7(), wo.id, line.lotId, receipt.id, input.quantity, expiry.cappedBy, actor.name],
    );
    // The device history record: every component lot issued to this order went into this lot.
    await w.tx.query(
      `INSERT INTO lot_genealogy (parent_lot_id, component_lot_id, work_order_id, quantity)
       SELECT $1, i.lot_id, i.work_order_id, sum(i.quantity)::int FROM work_order_issues i WHERE i.work_order_id = $2 GROUP BY i.lot_id, i.work_order_id
       ON CONFLICT (parent_lot_id, component_lot_id, work_order_id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
      [line.lotId, wo.id],
    );
    const status = completed === wo.quantity ? 'completed' : 'in_progress';
    await w.tx.query('UPDATE work_orders SET qty_completed = $2, status = $3, version = version + 1, updated_by = $4, updated_at = now() WHERE id = $1',
      [wo.id, completed, status, actor.name]);
    w.audit({
      entityType: 'work_order', entityId: wo.id, action: 'output_reported',
      changes: { qtyCompleted: { old: wo.qtyCompleted, new: completed }, ...(status !== wo.status ? { status: { old: wo.status, new: status } } : {}), lot: { new: { lotNumber: line.lotNumber, quantity: input.quantity, expiresOn: line.expiresOn } } },
    });
    w.emit({ topic: 'work_order.output_reported', entityType: 'work_order', entityId: wo.id, payload: { number: wo.number, lotId: line.lotId, quantity: input.quantity, status, components: components.map((c) => c.lotId) } });
    return {
      workOrder: await getWorkOrderExecution(w.tx, wo.id), receipt,
      lot: { id: line.lotId, lotNumber: line.lotNumber, manufacturedOn, expiresOn: line.expiresOn, status: line.lotStatus, cappedByLotId: expiry.cappedBy },
    };
  });
}
