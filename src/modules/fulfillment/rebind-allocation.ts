import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeAllocations } from '../inventory/write-allocations.ts';

export interface Rebound {
  lineId: string;
  allocationId: string;
  fromLotId: string;
}

/**
 * A substitute lot was scanned for a pick line: `units` of the line's allocation are given back
 * (the allocation shrinks, or is released when nothing of it remains) and the same units are
 * allocated from the substitute lot and bin, in the caller's transaction, so the order line's
 * allocated total does not change and both balance rows stay equal to their allocations. The
 * pick line is re-pointed when it is replaced whole, else split: the new line carries the units.
 */
export async function rebindAllocation(tx: Sql, lineId: string, to: { lotId: string; binId: string; units: number }): Promise<Rebound> {
  const { rows: [line] } = await tx.query<{ id: string; pickListId: string; allocationId: string; orderId: string; orderVersion: number; lineNo: number;
    deviceId: string; lotId: string; binId: string; quantity: number; picked: number; allocQuantity: number; allocPicks: number; allocStatus: string }>(
    `SELECT pl.id, pl.pick_list_id AS "pickListId", pl.allocation_id AS "allocationId", pl.order_id AS "orderId", a.order_version AS "orderVersion",
            pl.line_no AS "lineNo", pl.device_id AS "deviceId", pl.lot_id AS "lotId", pl.bin_id AS "binId", pl.quantity, pl.picked,
            a.quantity AS "allocQuantity", a.status AS "allocStatus",
            coalesce((SELECT sum(p.quantity) FROM picks p WHERE p.allocation_id = a.id), 0)::int AS "allocPicks"
       FROM pick_list_lines pl JOIN allocations a ON a.id = pl.allocation_id
      WHERE pl.id = $1 FOR UPDATE OF a`,
    [lineId],
  );
  if (!line || line.allocStatus !== 'open' || line.allocQuantity - line.allocPicks < to.units) {
    throw new DomainError('INVALID_STATE', 'the pick line’s allocation changed meanwhile (released or re-allocated): refresh the pick list', { field: 'scan' });
  }
  const whole = line.allocPicks === 0 && line.allocQuantity === to.units;
  await tx.query(
    `UPDATE allocations SET quantity = CASE WHEN $3 THEN quantity ELSE quantity - $2 END,
            status = CASE WHEN $3 THEN 'released' ELSE status END, released_at = CASE WHEN $3 THEN now() ELSE released_at END
      WHERE id = $1`,
    [line.allocationId, to.units, whole],
  );
  await tx.query('UPDATE stock_balances SET allocated = allocated - $3 WHERE lot_id = $1 AND bin_id = $2', [line.lotId, line.binId, to.units]);
  let written;
  try {
    [written] = await writeAllocations(tx, { id: line.orderId, version: line.orderVersion }, [{ lineNo: line.lineNo, deviceId: line.deviceId, lotId: to.lotId, binId: to.binId, quantity: to.units }]);
  } catch (e) {
    if ((e as { code?: string }).code === '23514') throw new DomainError('INSUFFICIENT_STOCK', 'the substitute lot has not enough free stock in the bin', { field: 'scan', cause: e });
    throw e;
  }
  if (line.picked === 0 && line.quantity === to.units) {
    await tx.query('UPDATE pick_list_lines SET allocation_id = $2, lot_id = $3, bin_id = $4 WHERE id = $1', [lineId, written!.allocationId, to.lotId, to.binId]);
    return { lineId, allocationId: written!.allocationId, fromLotId: line.lotId };
  }
  const newLineId = uuidv7();
  await tx.query('UPDATE pick_list_lines SET quantity = quantity - $2 WHERE id = $1', [lineId, to.units]);
  await tx.query(
    `INSERT INTO pick_list_lines (id, pick_list_id, seq, allocation_id, order_id, line_no, device_id, lot_id, bin_id, quantity)
     SELECT $1, $2, (SELECT max(seq) + 1 FROM pick_list_lines WHERE pick_list_id = $2), $3, $4, $5, $6, $7, $8, $9`,
    [newLineId, line.pickListId, written!.allocationId, line.orderId, line.lineNo, line.deviceId, to.lotId, to.binId, to.units],
  );
  return { lineId: newLineId, allocationId: written!.allocationId, fromLotId: line.lotId };
}
