import { DomainError, isDomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { receiveStockIn, type ReceiptView } from '../inventory/receive-stock.ts';
import { listInspections, type InspectionView } from './inspection-records.ts';
import { matchReceipt } from './match-receipt.ts';
import { getPurchaseOrder, loadPurchaseOrder, loadPurchaseOrderLines, type PurchaseOrderView } from './purchase-order-records.ts';
import { assertPoAction, statusAfterReceipt } from './purchase-order-status.ts';
import type { PoReceiptInput } from './purchasing-schemas.ts';
import { resolveArrivals, type Arrival } from './resolve-arrivals.ts';
import { samplingPlan } from './sampling-plan.ts';
import { planSettings } from './sampling-plans.ts';

export interface PoReceiptView {
  purchaseOrder: PurchaseOrderView;
  receipts: ReceiptView[];
  /** One incoming inspection per lot and order line, pending, with its sampling plan. */
  inspections: InspectionView[];
}

/** inventory's error fields name its own input (`scans.4`, `lines.1.expiresOn`): point them at ours. */
function renamed(e: unknown, group: readonly Arrival[], scanned: boolean): unknown {
  if (!isDomainError(e) || e.field === undefined) return e;
  const m = /^(scans|lines)\.(\d+)(\..*)?$/.exec(e.field);
  if (!m) return e;
  const k = Number(m[2]);
  const arrival = scanned ? group.find((a, i) => group.slice(0, i + 1).reduce((n, x) => n + x.scans!.length, 0) > k) : group[k];
  if (!arrival) return e;
  const field = scanned ? `${arrival.field}.scan` : `${arrival.field}${m[3] ?? ''}`;
  return new DomainError(e.code, e.message.replace(e.field, field), { field, details: e.details, cause: e });
}

/**
 * Receives goods against a purchase order: every line must be a device the order holds and no
 * more than is still open (over-receipt refused); the goods go through inventory's receiving
 * (reason 'purchase': new lots land in quarantine), the order lines count what arrived, the
 * order becomes partially received or received, and each lot gets a pending incoming inspection
 * with the sampling plan of its device or supplier. All in the caller's transaction.
 */
export async function receivePurchaseOrder(w: Work, idOrNumber: string, input: PoReceiptInput, ctx: { today: string; now: Date }): Promise<PoReceiptView> {
  const po = await loadPurchaseOrder(w.tx, idOrNumber, { forUpdate: true });
  assertPoAction('receive', po);
  const poLines = await loadPurchaseOrderLines(w.tx, po.id);
  const arrivals = await resolveArrivals(w.tx, input.lines, ctx.now);
  const allocations = matchReceipt(po.number, poLines, arrivals);

  const head = { binId: input.binId, reason: 'purchase' as const, supplierId: po.supplierId, reference: input.reference ?? po.number, ...(input.notes ? { notes: input.notes } : {}) };
  const scanned = arrivals.filter((a) => a.scans);
  const typed = arrivals.filter((a) => !a.scans);
  const receipts: ReceiptView[] = [];
  const receiptOf = new Map<number, string>();
  for (const [group, isScan] of [[scanned, true], [typed, false]] as const) {
    if (!group.length) continue;
    const body = isScan ? { ...head, scans: group.flatMap((a) => a.scans!) } : { ...head, lines: group.map((a) => {
      const { scan: _s, ...line } = input.lines[a.index]!;
      return { ...line, deviceId: a.deviceId, lotNumber: a.lotNumber!, expiresOn: line.expiresOn!, quantity: a.quantity };
    }) };
    const r = await receiveStockIn(w, body, ctx).catch((e: unknown) => { throw renamed(e, group, isScan); });
    receipts.push(r);
    for (const a of group) receiptOf.set(a.index, r.id);
  }
  const lotOf = new Map(receipts.flatMap((r) => r.lines.map((l) => [`${r.id}/${l.deviceId}/${l.lotNumber}`, l.lotId] as const)));

  await w.tx.query(
    `UPDATE purchase_order_lines l SET qty_received = l.qty_received + r.quantity
       FROM (SELECT "poLineId", sum(quantity)::int AS quantity FROM jsonb_to_recordset($1::jsonb) AS x("poLineId" uuid, quantity int) GROUP BY "poLineId") r
      WHERE l.id = r."poLineId"`,
    [JSON.stringify(allocations)],
  );
  const after = poLines.map((l) => ({ ...l, qtyReceived: l.qtyReceived + allocations.filter((a) => a.poLineId === l.id).reduce((n, a) => n + a.quantity, 0) }));
  const status = statusAfterReceipt(after);
  await w.tx.query('UPDATE purchase_orders SET status = $2, version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1', [po.id, status, w.actor.name]);

  // One inspection per lot and order line of each receipt, sized by what arrived of it.
  const settings = await planSettings(w.tx, arrivals.map((a) => a.deviceId), po.supplierId);
  const lots = new Map<string, { receiptId: string; lotId: string; poLineId: string; deviceId: string; quantity: number }>();
  for (const a of allocations) {
    const arrival = arrivals[a.arriving]!;
    const receiptId = receiptOf.get(arrival.index)!;
    const lotId = lotOf.get(`${receiptId}/${arrival.deviceId}/${arrival.lotNumber}`)!;
    const key = `${receiptId}/${lotId}/${a.poLineId}`;
    const prev = lots.get(key);
    lots.set(key, { receiptId, lotId, poLineId: a.poLineId, deviceId: arrival.deviceId, quantity: (prev?.quantity ?? 0) + a.quantity });
  }
  const inspections = [...lots.values()].map((l) => {
    const s = settings.get(l.deviceId)!;
    const plan = samplingPlan(l.quantity, s.inspectionLevel, s.aql);
    return { id: uuidv7(), ...l, inspectionLevel: s.inspectionLevel, aql: s.aql, sampleSize: plan.sampleSize, acceptNumber: plan.acceptNumber };
  });
  await w.tx.query(
    `INSERT INTO incoming_inspections (id, purchase_order_id, purchase_order_line_id, receipt_id, lot_id, device_id, received_quantity, inspection_level, aql, sample_size, accept_number)
     SELECT r.id, $2, r."poLineId", r."receiptId", r."lotId", r."deviceId", r.quantity, r."inspectionLevel", r.aql, r."sampleSize", r."acceptNumber"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "poLineId" uuid, "receiptId" uuid, "lotId" uuid, "deviceId" uuid, quantity int,
            "inspectionLevel" text, aql text, "sampleSize" int, "acceptNumber" int)`,
    [JSON.stringify(inspections), po.id],
  );

  const received = allocations.reduce((n, a) => n + a.quantity, 0);
  w.audit({
    entityType: 'purchase_order', entityId: po.id, action: 'received',
    changes: { status: { old: po.status, new: status }, received: { new: { units: received, receipts: receipts.map((r) => r.number) } } },
  });
  w.emit({
    topic: 'purchasing.goods_received', entityType: 'purchase_order', entityId: po.id,
    payload: { number: po.number, status, receipts: receipts.map((r) => r.id), lines: after.map((l) => ({ lineNo: l.lineNo, qtyReceived: l.qtyReceived })) },
  });
  const all = await Promise.all(receipts.map((r) => listInspections(w.tx, { receiptId: r.id })));
  return { purchaseOrder: await getPurchaseOrder(w.tx, po.id), receipts, inspections: all.flat() };
}
