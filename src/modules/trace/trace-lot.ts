import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { customerFilter, isCustomerRestricted, orgFilter } from '../../platform/org-scope.ts';
import type { LotByNumber } from './find-lot.ts';
import { LOT_HEAD_FROM, LOT_HEAD_JSON, type LotHead } from './lot-head.ts';

export interface Quantities {
  shipped: number;
  returned: number;
  /** shipped − returned: what is still in the field */
  net: number;
}

export interface ConsigneeShipment extends Quantities {
  shipmentId: string;
  number: string;
  /** ISO 8601 */
  shippedAt: string;
  status: string;
  orderId: string;
  orderNumber: string;
}

export interface Consignee {
  customer: { id: string; code: string; nameZh: string; nameEn: string | null };
  shipTo: { id: string; code: string; name: string; line1: string; city: string | null; province: string | null; postcode: string | null; country: string } | null;
  shipments: ConsigneeShipment[];
  totals: Quantities;
}

export interface StockPlace {
  warehouseCode: string;
  binCode: string;
  zoneType: string;
  onHand: number;
  allocated: number;
}

export interface LotTrace {
  lot: LotHead;
  consignees: Consignee[];
  totals: Quantities & { consignees: number; shipments: number };
  /** Where the rest of the lot is now; empty for an organisation-scoped (portal) user. */
  onHand: StockPlace[];
  /**
   * True when the consignees are only the actor's (its portal organisation or its territory's
   * customers): not the lot's whole recall scope.
   */
  restricted: boolean;
}

type ShipmentRow = ConsigneeShipment & { customer: Consignee['customer']; shipTo: Consignee['shipTo'] };

export const sumQuantities = (rows: readonly Quantities[]): Quantities => {
  const shipped = rows.reduce((n, r) => n + r.shipped, 0);
  const returned = rows.reduce((n, r) => n + r.returned, 0);
  return { shipped, returned, net: shipped - returned };
};

/**
 * Lot → every shipment and consignee (recall scope), and where the rest of the lot is, in one
 * statement (one round trip): the shipments are aggregated from shipment_lines' covering index
 * (lot, consignee, ship-to, shipment → quantities, an index-only scan), then named by joins on
 * the few aggregated rows. A portal user sees only its own organisation's consignments and not
 * the warehouse; a lot never shipped to it is not found. A territory user sees the consignees among
 * its customers and the warehouse. The lot is given by id, or by device and lot number (looked up
 * in the same statement).
 */
export async function traceLot(tx: Sql, actor: Actor, ref: string | LotByNumber): Promise<LotTrace> {
  const label = typeof ref === 'string' ? ref : `${ref.deviceCode}/${ref.lotNumber}`;
  if (typeof ref === 'string' && !isUuid(ref)) throw notFound('lot', ref);
  const org = orgFilter(actor);
  const { rows: [found] } = await tx.query<{ lot: LotHead; shipments: ShipmentRow[]; onHand: StockPlace[] }>(
    `SELECT ${LOT_HEAD_JSON} AS lot,
            (SELECT coalesce(json_agg(json_build_object(
                      'customer', json_build_object('id', c.id, 'code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en),
                      'shipTo', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name,
                        'line1', a.line1, 'city', a.city, 'province', a.province, 'postcode', a.postcode, 'country', a.country) END,
                      'shipmentId', s.id, 'number', s.number, 'shippedAt', s.shipped_at, 'status', s.status, 'orderId', s.order_id,
                      'orderNumber', o.number, 'shipped', per.shipped, 'returned', per.returned, 'net', per.shipped - per.returned)
                    ORDER BY c.code, a.code NULLS FIRST, s.shipped_at, s.number), '[]'::json)
               FROM (SELECT sl.customer_id, sl.ship_to_id, sl.shipment_id, sum(sl.quantity)::int AS shipped, sum(sl.qty_returned)::int AS returned
                       FROM shipment_lines sl
                      WHERE sl.lot_id = l.id AND ($2::uuid IS NULL OR sl.customer_id = $2) AND ($5::uuid[] IS NULL OR sl.customer_id = ANY($5))
                      GROUP BY sl.customer_id, sl.ship_to_id, sl.shipment_id) per
               JOIN shipments s ON s.id = per.shipment_id
               JOIN orders o ON o.id = s.order_id
               JOIN parties c ON c.id = per.customer_id
               LEFT JOIN party_addresses a ON a.id = per.ship_to_id) AS shipments,
            (SELECT coalesce(json_agg(json_build_object('warehouseCode', w.code, 'binCode', wb.code, 'zoneType', z.zone_type,
                      'onHand', b.on_hand, 'allocated', b.allocated) ORDER BY w.code, wb.pick_sequence, wb.code), '[]'::json)
               FROM stock_balances b
               JOIN warehouse_bins wb ON wb.id = b.bin_id
               JOIN warehouse_zones z ON z.id = wb.zone_id
               JOIN warehouses w ON w.id = wb.warehouse_id
              WHERE b.lot_id = l.id AND b.on_hand > 0 AND $2::uuid IS NULL) AS "onHand"
       FROM ${LOT_HEAD_FROM}
      WHERE l.id = coalesce($1::uuid, (SELECT x.id FROM lots x WHERE x.device_id = $3 AND x.lot_number = $4))`,
    [...(typeof ref === 'string' ? [ref, org, null, null] : [null, org, ref.deviceId, ref.lotNumber]), customerFilter(actor)],
  );
  if (!found || (org !== null && found.shipments.length === 0)) throw notFound('lot', label);
  const consignees = groupConsignees(found.shipments);
  return {
    lot: found.lot,
    consignees,
    totals: { ...sumQuantities(found.shipments), consignees: consignees.length, shipments: new Set(found.shipments.map((r) => r.shipmentId)).size },
    onHand: found.onHand,
    restricted: isCustomerRestricted(actor),
  };
}

/** Rows arrive ordered by consignee and ship-to: one consignee per (customer, ship-to). */
function groupConsignees(rows: readonly ShipmentRow[]): Consignee[] {
  const byKey = new Map<string, Consignee>();
  for (const { customer, shipTo, ...shipment } of rows) {
    const key = `${customer.id}/${shipTo?.id ?? ''}`;
    let c = byKey.get(key);
    if (!c) {
      c = { customer, shipTo, shipments: [], totals: { shipped: 0, returned: 0, net: 0 } };
      byKey.set(key, c);
    }
    c.shipments.push(shipment);
  }
  for (const c of byKey.values()) c.totals = sumQuantities(c.shipments);
  return [...byKey.values()];
}
