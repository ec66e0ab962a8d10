import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { assertSupplierQualified } from './check-supplier.ts';
import { getPurchaseOrder, type PurchaseOrderView } from './purchase-order-records.ts';
import type { PurchaseOrderInput } from './purchasing-schemas.ts';

/**
 * Writes a draft purchase order to a supplier qualified for every device on it (today), with
 * its lines set-based. For a manual order and for requisitions converted into one.
 */
export async function writePurchaseOrder(w: Work, input: PurchaseOrderInput, today: string): Promise<PurchaseOrderView> {
  const supplier = await assertSupplierQualified(w.tx, input.supplierId, input.lines.map((l) => l.deviceId), today);
  const id = uuidv7();
  const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('purchase_order_number_seq') AS n`)).rows[0]!.n;
  const number = `PO-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  const currency = input.currency ?? supplier.currency;
  await w.tx.query(
    `INSERT INTO purchase_orders (id, number, supplier_id, currency, notes, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [id, number, supplier.id, currency, input.notes ?? null, w.actor.name],
  );
  const lines = input.lines.map((l, i) => ({ id: uuidv7(), lineNo: i + 1, ...l }));
  await w.tx.query(
    `INSERT INTO purchase_order_lines (id, purchase_order_id, line_no, device_id, quantity, unit_price_minor, expected_date)
     SELECT r.id, $2, r."lineNo", r."deviceId", r.quantity, r."unitPriceMinor", r."expectedDate"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "lineNo" int, "deviceId" uuid, quantity int, "unitPriceMinor" bigint, "expectedDate" date)`,
    [JSON.stringify(lines), id],
  );
  w.audit({
    entityType: 'purchase_order', entityId: id, action: 'created',
    changes: { number: { new: number }, supplier: { new: supplier.code }, currency: { new: currency }, lines: { new: lines.map((l) => ({ deviceId: l.deviceId, quantity: l.quantity, expectedDate: l.expectedDate })) } },
  });
  w.emit({ topic: 'purchasing.order_created', entityType: 'purchase_order', entityId: id, payload: { number, supplierId: supplier.id, lines: lines.length } });
  return getPurchaseOrder(w.tx, id);
}

/** A purchase order entered by hand: its expected dates may not lie in the past (converted requisitions keep the planner's need dates). */
export function createPurchaseOrder(db: Database, actor: Actor, input: PurchaseOrderInput, ctx: { today: string; requestId: string | null }): Promise<PurchaseOrderView> {
  input.lines.forEach((l, i) => {
    if (l.expectedDate < ctx.today) throw invalid(`lines.${i}.expectedDate`, `${l.expectedDate} is in the past`);
  });
  return writeTx(db, { actor, requestId: ctx.requestId }, (w) => writePurchaseOrder(w, input, ctx.today));
}
