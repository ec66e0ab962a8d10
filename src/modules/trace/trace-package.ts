import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { traceOrder, type OrderTrace, type ShippedUnit } from './trace-order.ts';

export interface PackageTrace {
  sscc: string;
  order: OrderTrace['order'];
  /** The shipment it left with; null while the package has not shipped. */
  shipment: Omit<OrderTrace['shipments'][number], 'packages'> | null;
  units: ShippedUnit[];
  lots: OrderTrace['lots'];
}

/** A logistic unit by its SSCC (AI 00 label): its order, shipment, the units in it and their lots' release records. */
export async function tracePackage(tx: Sql, actor: Actor, sscc: string): Promise<PackageTrace> {
  const { rows: [pkg] } = await tx.query<{ orderId: string }>('SELECT order_id AS "orderId" FROM packages WHERE sscc = $1', [sscc]);
  if (!pkg) throw notFound('package', sscc);
  const order = await traceOrder(tx, actor, pkg.orderId);
  const shipment = order.shipments.find((s) => s.packages.some((p) => p.sscc === sscc)) ?? null;
  const units = shipment?.packages.find((p) => p.sscc === sscc)?.units ?? [];
  const lotIds = new Set(units.map((u) => u.lotId));
  const head = shipment && (({ packages: _p, ...rest }) => rest)(shipment);
  return { sscc, order: order.order, shipment: head, units, lots: order.lots.filter((l) => lotIds.has(l.id)) };
}
