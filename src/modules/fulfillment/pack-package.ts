import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { lockOrderHead } from '../inventory/order-demand.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { buildSscc, companyPrefix, isValidSscc } from './sscc.ts';

export interface PackInput {
  /** The picks to put in the package; default: every picked unit of the order not yet packed. */
  pickIds?: string[];
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface PackedPackage {
  id: string;
  sscc: string;
  orderId: string;
  status: 'closed';
  units: number;
  picks: string[];
  orderStatus: string;
}

/** SSCC extension digit for a carton packed here (GS1 leaves its use to the company). */
const CARTON_EXTENSION = 0;

/**
 * Packs picked units of one order into a logistic unit with a new SSCC (extension digit,
 * configured company prefix, serial reference from sscc_serial_seq, check digit), counts them as
 * packed on the order lines and refreshes the order status. The package is closed: its content is
 * what the outbound review checks and what ships.
 */
export async function packPackageIn(w: Work, orderId: string, input: PackInput): Promise<PackedPackage> {
  const head = await lockOrderHead(w.tx, w.actor, orderId);
  const { rows: picks } = await w.tx.query<{ id: string; lineNo: number; quantity: number; packageId: string | null }>(
    `SELECT id, line_no AS "lineNo", quantity, package_id AS "packageId" FROM picks
      WHERE order_id = $1 AND ${input.pickIds ? 'id = ANY($2::uuid[])' : 'package_id IS NULL'}
      ORDER BY picked_at, id FOR UPDATE`,
    input.pickIds ? [orderId, input.pickIds] : [orderId],
  );
  if (input.pickIds) {
    const found = new Set(picks.map((p) => p.id));
    const unknown = input.pickIds.filter((id) => !found.has(id));
    if (unknown.length) throw new DomainError('VALIDATION_FAILED', `pickIds: ${unknown.join(', ')} are not picks of order ${head.number}`, { field: 'pickIds', details: { unknown } });
    const packed = picks.filter((p) => p.packageId !== null).map((p) => p.id);
    if (packed.length) throw new DomainError('INVALID_STATE', `pickIds: ${packed.join(', ')} are already packed`, { field: 'pickIds', details: { packed } });
  }
  if (picks.length === 0) throw new DomainError('INVALID_STATE', `order ${head.number} has no picked unit left to pack`, { field: 'pickIds' });

  const { rows: [seq] } = await w.tx.query<{ n: number }>(`SELECT nextval('sscc_serial_seq') AS n`);
  const sscc = buildSscc(CARTON_EXTENSION, companyPrefix(), seq!.n);
  if (!isValidSscc(sscc)) throw new Error(`built an invalid SSCC ${sscc}`);
  const id = uuidv7();
  await w.tx.query(
    `INSERT INTO packages (id, sscc, order_id, status, weight_g, length_mm, width_mm, height_mm, created_by)
     VALUES ($1, $2, $3, 'closed', $4, $5, $6, $7, $8)`,
    [id, sscc, orderId, input.weightG, input.lengthMm, input.widthMm, input.heightMm, w.actor.name],
  );
  const ids = picks.map((p) => p.id);
  await w.tx.query('UPDATE picks SET package_id = $2 WHERE id = ANY($1::uuid[])', [ids, id]);
  await w.tx.query(
    `UPDATE order_lines l SET qty_packed = l.qty_packed + s.q
       FROM (SELECT line_no, sum(quantity)::int AS q FROM picks WHERE id = ANY($2::uuid[]) GROUP BY line_no) s
      WHERE l.order_id = $1 AND l.line_no = s.line_no`,
    [orderId, ids],
  );
  const units = picks.reduce((n, p) => n + p.quantity, 0);
  const orderStatus = await refreshOrderStatus(w, orderId);
  w.audit({ entityType: 'package', entityId: id, action: 'packed', changes: { sscc: { new: sscc }, orderId: { new: orderId }, picks: { new: ids }, units: { new: units } } });
  w.emit({ topic: 'package.packed', entityType: 'package', entityId: id, payload: { sscc, orderId, units } });
  return { id, sscc, orderId, status: 'closed', units, picks: ids, orderStatus };
}

export function packPackage(db: Database, actor: Actor, orderId: string, input: PackInput, requestId: string | null = null): Promise<PackedPackage> {
  for (const f of ['weightG', 'lengthMm', 'widthMm', 'heightMm'] as const) {
    if (!Number.isInteger(input[f]) || input[f] <= 0) throw invalid(f, 'must be a positive integer');
  }
  if (input.pickIds && input.pickIds.length === 0) throw invalid('pickIds', 'give at least one pick, or leave it out to pack every unpacked pick');
  return writeTx(db, { actor, requestId }, (w) => packPackageIn(w, orderId, input));
}
