import type { Static } from 'typebox';
import type { Sql } from '../../db/types.ts';
import type { PickList, PickListLine } from './fulfillment-answer-schemas.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { customerFilter } from '../../platform/org-scope.ts';

/** The answer's shape, from the schema the route publishes (fulfillment-answer-schemas.ts). */
export type PickListLineView = Static<typeof PickListLine>;
export type PickListView = Static<typeof PickList>;

/**
 * Pick lists a territory user may see: those whose orders all belong to its customers. A wave
 * mixing in another territory's order is hidden whole, as its lines would reveal that order.
 */
const OWN_ORDERS_ONLY = (n: number) => `($${n}::uuid[] IS NULL OR NOT EXISTS (SELECT 1 FROM pick_list_lines ol JOIN orders oo ON oo.id = ol.order_id
    WHERE ol.pick_list_id = pk.id AND NOT (oo.customer_id = ANY($${n}::uuid[]))))`;

/** A pick list with its lines in walking order. Warehouse work: never scoped to a hospital, but to a territory. */
export async function getPickList(tx: Sql, actor: Actor, id: string): Promise<PickListView> {
  if (!isUuid(id)) throw notFound('pick list', id);
  const { rows: [head] } = await tx.query<Omit<PickListView, 'lines' | 'orderIds'>>(
    `SELECT pk.id, pk.number, pk.kind, pk.status, pk.warehouse_id AS "warehouseId", w.code AS "warehouseCode", pk.created_by AS "createdBy",
            pk.created_at AS "createdAt", pk.completed_at AS "completedAt"
       FROM pick_lists pk JOIN warehouses w ON w.id = pk.warehouse_id WHERE pk.id = $1 AND ${OWN_ORDERS_ONLY(2)}`,
    [id, customerFilter(actor)],
  );
  if (!head) throw notFound('pick list', id);
  const { rows: lines } = await tx.query<PickListLineView>(
    `SELECT pl.id, pl.seq, pl.order_id AS "orderId", o.number AS "orderNumber", pl.line_no AS "lineNo", pl.bin_id AS "binId", wb.code AS "binCode",
            pl.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh", d.name_en AS "deviceNameEn",
            pl.lot_id AS "lotId", l.lot_number AS "lotNumber", l.expires_on AS "expiresOn", pl.quantity, pl.picked
       FROM pick_list_lines pl
       JOIN orders o ON o.id = pl.order_id
       JOIN warehouse_bins wb ON wb.id = pl.bin_id
       JOIN devices d ON d.id = pl.device_id
       JOIN lots l ON l.id = pl.lot_id
      WHERE pl.pick_list_id = $1 ORDER BY wb.pick_sequence, wb.code, pl.seq`,
    [id],
  );
  return { ...head, orderIds: [...new Set(lines.map((l) => l.orderId))], lines };
}

export interface PickListSummary {
  id: string;
  number: string;
  kind: string;
  status: string;
  warehouseId: string;
  lines: number;
  units: number;
  picked: number;
  createdAt: string;
}

export async function listPickLists(tx: Sql, actor: Actor, q: { status?: string | undefined; orderId?: string | undefined; limit: number; offset: number }): Promise<{ items: PickListSummary[]; total: number }> {
  const { rows } = await tx.query<PickListSummary & { total: number }>(
    `SELECT pk.id, pk.number, pk.kind, pk.status, pk.warehouse_id AS "warehouseId", pk.created_at AS "createdAt",
            (SELECT count(*) FROM pick_list_lines pl WHERE pl.pick_list_id = pk.id)::int AS lines,
            (SELECT coalesce(sum(quantity), 0) FROM pick_list_lines pl WHERE pl.pick_list_id = pk.id)::int AS units,
            (SELECT coalesce(sum(picked), 0) FROM pick_list_lines pl WHERE pl.pick_list_id = pk.id)::int AS picked,
            count(*) OVER ()::int AS total
       FROM pick_lists pk
      WHERE ($1::text IS NULL OR pk.status = $1)
        AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM pick_list_lines pl WHERE pl.pick_list_id = pk.id AND pl.order_id = $2))
        AND ${OWN_ORDERS_ONLY(5)}
      ORDER BY pk.created_at DESC, pk.id DESC
      LIMIT $3 OFFSET $4`,
    [q.status ?? null, q.orderId ?? null, q.limit, q.offset, customerFilter(actor)],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
