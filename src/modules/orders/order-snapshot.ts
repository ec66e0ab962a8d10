import type { Sql } from '../../db/types.ts';

/** An order as it stands (header and lines) as one json value of the order row `o`. */
const SNAPSHOT = `json_build_object(
       'number', o.number, 'version', o.version, 'customerId', o.customer_id, 'shipToId', o.ship_to_id,
       'billToId', o.bill_to_id, 'carrierServiceId', o.carrier_service_id, 'externalPo', o.external_po,
       'requestedDate', o.requested_date, 'priority', o.priority, 'currency', o.currency, 'incoterms', o.incoterms,
       'notes', o.notes,
       'lines', coalesce((SELECT json_agg(json_build_object(
           'lineNo', l.line_no, 'deviceId', l.device_id, 'uom', l.ordered_uom, 'uomQuantity', l.ordered_uom_qty,
           'quantity', l.qty_ordered, 'cancelled', l.qty_cancelled, 'unitPriceMinor', l.unit_price_minor,
           'requestedDate', l.requested_date, 'buyerItem', l.buyer_item) ORDER BY l.line_no)
         FROM order_lines l WHERE l.order_id = o.id), '[]'::json))`;

/** An order as it stands (header and lines), as stored in order_versions and compared by diffs. */
export async function snapshotOrder(tx: Sql, orderId: string): Promise<Record<string, unknown>> {
  const { rows } = await tx.query<{ snapshot: Record<string, unknown> }>(`SELECT ${SNAPSHOT} AS snapshot FROM orders o WHERE o.id = $1`, [orderId]);
  return rows[0]!.snapshot;
}

/** Stores the order as it stands as a version, the snapshot taken in the same statement. */
export async function saveVersion(tx: Sql, orderId: string, version: number, reason: string | null, by: string): Promise<void> {
  const params: unknown[] = [orderId];
  await tx.query(`WITH ${versionCte('$1::uuid', { version, reason, by }, (v) => `$${params.push(v)}`)} SELECT 1`, params);
}

/** The same as a CTE `saved_version` of a larger statement (`param` adds a parameter); it sees the order as the statement starts. */
export function versionCte(orderId: string, v: { version: number; reason: string | null; by: string }, param: (value: unknown) => string): string {
  return `saved_version AS (
       INSERT INTO order_versions (order_id, version, snapshot, reason, created_by)
       SELECT o.id, ${param(v.version)}::int, (${SNAPSHOT})::jsonb, ${param(v.reason)}::text, ${param(v.by)}::text FROM orders o WHERE o.id = ${orderId}
     )`;
}
