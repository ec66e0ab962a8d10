import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { STOCK_COLUMNS, STOCK_FROM } from './list-stock.ts';

export const LOT_VIEW = `l.id, l.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh", l.lot_number AS "lotNumber",
  l.manufactured_on AS "manufacturedOn", l.expires_on AS "expiresOn", l.status, l.status_reason AS "statusReason",
  l.supplier_id AS "supplierId", l.supplier_lot AS "supplierLot", l.released_by AS "releasedBy", l.released_at AS "releasedAt",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;

/** A lot with its documents, where its stock is, its serial units, its open allocations and its status history. */
export async function getLot(tx: Sql, lotId: string) {
  if (!isUuid(lotId)) throw notFound('lot', lotId);
  const { rows } = await tx.query<Record<string, unknown>>(`SELECT ${LOT_VIEW} FROM lots l JOIN devices d ON d.id = l.device_id WHERE l.id = $1`, [lotId]);
  if (!rows[0]) throw notFound('lot', lotId);
  const [documents, balances, serials, allocations, history] = await Promise.all([
    tx.query(`SELECT id, kind, reference, issued_on AS "issuedOn", created_by AS "createdBy", created_at AS "createdAt"
                FROM lot_documents WHERE lot_id = $1 ORDER BY created_at`, [lotId]),
    tx.query(`SELECT ${STOCK_COLUMNS} FROM ${STOCK_FROM} WHERE b.lot_id = $1 AND b.on_hand > 0 ORDER BY w.code, wb.pick_sequence, wb.code`, [lotId]),
    tx.query(`SELECT s.id, s.serial, s.status, s.bin_id AS "binId", wb.code AS "binCode"
                FROM serial_units s LEFT JOIN warehouse_bins wb ON wb.id = s.bin_id WHERE s.lot_id = $1 ORDER BY s.serial LIMIT 1000`, [lotId]),
    tx.query(`SELECT a.id, a.order_id AS "orderId", o.number AS "orderNumber", a.line_no AS "lineNo", a.bin_id AS "binId",
                     a.quantity, a.picked, a.status
                FROM allocations a JOIN orders o ON o.id = a.order_id WHERE a.lot_id = $1 AND a.status = 'open' ORDER BY o.number, a.line_no`, [lotId]),
    tx.query(`SELECT seq, at, actor_name AS actor, action, changes, reason, signature FROM audit_log
               WHERE entity_type = 'lot' AND entity_id = $1 ORDER BY seq`, [lotId]),
  ]);
  return { ...rows[0], documents: documents.rows, balances: balances.rows, serials: serials.rows, allocations: allocations.rows, history: history.rows };
}
