import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { EncodedGs1 } from '../udi/encode-gs1.ts';
import { loadLotHeads, type LotHead } from './lot-head.ts';
import { sumQuantities, type Quantities } from './trace-lot.ts';
import { udiOfUnit } from './udi-of-unit.ts';

export interface ShippedUnit {
  lineNo: number;
  deviceCode: string;
  gtin: string | null;
  lotId: string;
  lotNumber: string;
  expiresOn: string;
  serial: string | null;
  quantity: number;
  returned: number;
  udi: EncodedGs1 | null;
}

export interface OrderTrace {
  order: { id: string; number: string; status: string; customer: { id: string; code: string; nameZh: string; nameEn: string | null } };
  shipments: Array<{
    id: string; number: string; shippedAt: Date; status: string; carrier: string; trackingNumber: string;
    packages: Array<{ sscc: string | null; units: ShippedUnit[] }>;
  }>;
  /** Every lot shipped on the order with the documents and signature that released it. */
  lots: LotHead[];
  totals: Quantities & { lots: number; serials: number };
}

interface UnitRow extends ShippedUnit {
  shipmentId: string; shipmentNumber: string; shippedAt: Date; shipmentStatus: string; carrier: string; trackingNumber: string; sscc: string | null;
}

/**
 * Backward trace of an order (by id or number): per shipment and package SSCC every lot, serial
 * and UDI that left, and the release documents and signature of each lot with the device's
 * registration certificate. A portal user sees only its own organisation's orders.
 */
export async function traceOrder(tx: Sql, actor: Actor, ref: string): Promise<OrderTrace> {
  const { rows: [order] } = await tx.query<{ id: string; number: string; status: string; customerId: string; code: string; nameZh: string; nameEn: string | null }>(
    `SELECT o.id, o.number, o.status, o.customer_id AS "customerId", c.code, c.name_zh AS "nameZh", c.name_en AS "nameEn"
       FROM orders o JOIN parties c ON c.id = o.customer_id
      WHERE ${isUuid(ref) ? 'o.id = $1::uuid' : 'o.number = $1'}`,
    [ref],
  );
  if (!order) throw notFound('order', ref);
  assertVisible(actor, order.customerId, 'order', ref);
  const { rows } = await tx.query<Omit<UnitRow, 'udi'>>(
    `SELECT sl.line_no AS "lineNo", d.code AS "deviceCode",
            (SELECT p.gtin FROM device_packaging p WHERE p.device_id = sl.device_id ORDER BY p.quantity LIMIT 1) AS gtin,
            sl.lot_id AS "lotId", l.lot_number AS "lotNumber", l.expires_on AS "expiresOn", su.serial,
            sl.quantity, sl.qty_returned AS returned,
            s.id AS "shipmentId", s.number AS "shipmentNumber", s.shipped_at AS "shippedAt", s.status AS "shipmentStatus",
            s.carrier, s.tracking_number AS "trackingNumber", pk.sscc
       FROM shipment_lines sl
       JOIN shipments s ON s.id = sl.shipment_id
       JOIN lots l ON l.id = sl.lot_id
       JOIN devices d ON d.id = sl.device_id
       LEFT JOIN serial_units su ON su.id = sl.serial_id
       LEFT JOIN packages pk ON pk.id = sl.package_id
      WHERE sl.order_id = $1
      ORDER BY s.shipped_at, s.number, pk.sscc NULLS LAST, sl.line_no, l.lot_number, su.serial`,
    [order.id],
  );
  const heads = await loadLotHeads(tx, rows.map((r) => r.lotId));
  const units = rows.map((r) => ({ ...r, udi: udiOfUnit(r) }));
  return {
    order: { id: order.id, number: order.number, status: order.status, customer: { id: order.customerId, code: order.code, nameZh: order.nameZh, nameEn: order.nameEn } },
    shipments: groupShipments(units),
    lots: [...heads.values()].sort((a, b) => a.device.code.localeCompare(b.device.code) || a.lotNumber.localeCompare(b.lotNumber)),
    totals: {
      ...sumQuantities(units.map((u) => ({ shipped: u.quantity, returned: u.returned, net: 0 }))),
      lots: heads.size, serials: units.filter((u) => u.serial !== null).length,
    },
  };
}

/** Rows arrive ordered by shipment then package. */
function groupShipments(units: readonly UnitRow[]): OrderTrace['shipments'] {
  const shipments = new Map<string, OrderTrace['shipments'][number]>();
  for (const u of units) {
    let s = shipments.get(u.shipmentId);
    if (!s) {
      s = { id: u.shipmentId, number: u.shipmentNumber, shippedAt: u.shippedAt, status: u.shipmentStatus, carrier: u.carrier, trackingNumber: u.trackingNumber, packages: [] };
      shipments.set(u.shipmentId, s);
    }
    let pkg = s.packages.at(-1);
    if (!pkg || pkg.sscc !== u.sscc) {
      pkg = { sscc: u.sscc, units: [] };
      s.packages.push(pkg);
    }
    pkg.units.push({
      lineNo: u.lineNo, deviceCode: u.deviceCode, gtin: u.gtin, lotId: u.lotId, lotNumber: u.lotNumber, expiresOn: u.expiresOn,
      serial: u.serial, quantity: u.quantity, returned: u.returned, udi: u.udi,
    });
  }
  return [...shipments.values()];
}
