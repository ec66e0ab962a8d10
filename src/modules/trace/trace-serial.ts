import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerFilter, isCustomerRestricted, orgFilter } from '../../platform/org-scope.ts';
import { getSerialHistory, type SerialEvent } from '../inventory/get-serial-history.ts';
import type { EncodedGs1 } from '../udi/encode-gs1.ts';
import { deviceOfGtin } from './find-lot.ts';
import { udiOfUnit } from './udi-of-unit.ts';

/** One step of a serial's life, oldest first: a stock move (received, stored, moved, returned …), a pick or a shipment. */
export type SerialStep =
  | ({ kind: 'move'; at: Date } & Omit<SerialEvent, 'at'>)
  | { kind: 'pick'; at: Date; orderNumber: string; lineNo: number; bin: string; packageSscc: string | null; pickedBy: string }
  | {
    kind: 'shipment'; at: Date; shipmentNumber: string; orderNumber: string; packageSscc: string | null; returned: number;
    customer: { id: string; code: string; nameZh: string; nameEn: string | null }; shipTo: { code: string; name: string; line1: string; city: string | null } | null;
  };

export interface SerialTrace {
  gtin: string;
  serial: string;
  unitId: string;
  status: string;
  device: { id: string; code: string; nameZh: string; nameEn: string | null };
  lot: { id: string; lotNumber: string; expiresOn: string; status: string } | null;
  udi: EncodedGs1 | null;
  /** Where it is now when in the warehouse. */
  binCode: string | null;
  history: SerialStep[];
  /** True when the picks and shipments are only those for the actor's organisation or territory's customers. */
  restricted: boolean;
}

interface PickRow { at: Date; orderNumber: string; lineNo: number; bin: string; packageSscc: string | null; pickedBy: string }
interface ShipRow { at: Date; shipmentNumber: string; orderNumber: string; packageSscc: string | null; returned: number; customerId: string; code: string; nameZh: string; nameEn: string | null; shipTo: { code: string; name: string; line1: string; city: string | null } | null }

/**
 * A serial's history, the device named by any GTIN of it: the ledger's moves (inventory's serial
 * history: receipt, bins over time, status changes, returns), the picks that bound it to an order
 * and the shipments that took it to a consignee, in time order. A portal user sees a unit only
 * once shipped to its organisation, and then only those shipments; a territory user sees the
 * moves and only the picks and shipments for its customers.
 */
export async function traceSerial(tx: Sql, actor: Actor, gtin: string, serial: string): Promise<SerialTrace> {
  const device = await deviceOfGtin(tx, gtin);
  const found = await getSerialHistory(tx, actor, serial, device.deviceId);
  const unit = found.units[0]!;
  const org = orgFilter(actor);
  const territory = customerFilter(actor);
  // Picks, shipments and the each-level GTIN in one round trip.
  const { rows: [more] } = await tx.query<{ eachGtin: string | null; picks: Array<Omit<PickRow, 'at'> & { at: string }>; shipments: Array<Omit<ShipRow, 'at'> & { at: string }> }>(
    `SELECT (SELECT p.gtin FROM device_packaging p WHERE p.device_id = $3 ORDER BY p.quantity LIMIT 1) AS "eachGtin",
            (SELECT coalesce(json_agg(json_build_object('at', p.picked_at, 'orderNumber', o.number, 'lineNo', p.line_no, 'bin', wb.code,
                      'packageSscc', pk.sscc, 'pickedBy', p.picked_by) ORDER BY p.picked_at), '[]'::json)
               FROM picks p JOIN orders o ON o.id = p.order_id JOIN warehouse_bins wb ON wb.id = p.bin_id
               LEFT JOIN packages pk ON pk.id = p.package_id
              WHERE p.serial_id = $1 AND $2::uuid IS NULL AND ($4::uuid[] IS NULL OR o.customer_id = ANY($4))) AS picks,
            (SELECT coalesce(json_agg(json_build_object('at', sl.shipped_at, 'shipmentNumber', s.number, 'orderNumber', o.number,
                      'packageSscc', pk.sscc, 'returned', sl.qty_returned, 'customerId', c.id, 'code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en,
                      'shipTo', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('code', a.code, 'name', a.name, 'line1', a.line1, 'city', a.city) END)
                    ORDER BY sl.shipped_at), '[]'::json)
               FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id JOIN orders o ON o.id = sl.order_id
               JOIN parties c ON c.id = sl.customer_id LEFT JOIN party_addresses a ON a.id = sl.ship_to_id
               LEFT JOIN packages pk ON pk.id = sl.package_id
              WHERE sl.serial_id = $1 AND ($2::uuid IS NULL OR sl.customer_id = $2) AND ($4::uuid[] IS NULL OR sl.customer_id = ANY($4))) AS shipments`,
    [unit.id, org, device.deviceId, territory],
  );
  const picks = more!.picks.map((p) => ({ ...p, at: new Date(p.at) }));
  const shipments = more!.shipments.map((x) => ({ ...x, at: new Date(x.at) }));
  if (org !== null && shipments.length === 0) throw notFound('serial', serial);
  const steps: SerialStep[] = [
    ...(org === null ? unit.history.map(({ at, ...e }): SerialStep => ({ kind: 'move', at: new Date(at), ...e })) : []),
    ...picks.map((p): SerialStep => ({ kind: 'pick', ...p })),
    ...shipments.map(({ customerId, code, nameZh, nameEn, ...s }): SerialStep => ({ kind: 'shipment', ...s, customer: { id: customerId, code, nameZh, nameEn } })),
  ];
  // Stable: a move, the pick and the shipment of one moment keep that order.
  const rank = { move: 0, pick: 1, shipment: 2 } as const;
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);
  return {
    gtin: device.gtin, serial, unitId: unit.id, status: unit.status,
    device: { id: device.deviceId, code: device.deviceCode, nameZh: device.nameZh, nameEn: device.nameEn },
    lot: unit.lotId === null ? null : { id: unit.lotId, lotNumber: unit.lotNumber!, expiresOn: unit.expiresOn!, status: unit.lotStatus! },
    udi: udiOfUnit({ gtin: more!.eachGtin, expiresOn: unit.expiresOn, lotNumber: unit.lotNumber, serial }),
    binCode: org === null ? unit.binCode : null,
    history: steps,
    restricted: isCustomerRestricted(actor),
  };
}
