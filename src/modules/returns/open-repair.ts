import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';

export interface RepairTarget {
  lineId: string;
  serialId: string;
  deviceId: string;
  lotId: string;
  binId: string;
  customerId: string;
}

/** Opens a repair order for a returned serial unit (a disposition 'repair'); the unit stays in its returns bin. */
export async function openRepair(w: Work, t: RepairTarget, today: string): Promise<{ id: string; number: string }> {
  const id = uuidv7();
  const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('repair_number_seq') AS n`)).rows[0]!.n;
  const number = `REP-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  await w.tx.query(
    `INSERT INTO repair_orders (id, number, return_line_id, serial_id, device_id, lot_id, bin_id, customer_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, number, t.lineId, t.serialId, t.deviceId, t.lotId, t.binId, t.customerId, w.actor.name]);
  w.audit({ entityType: 'repair', entityId: id, action: 'opened', changes: { number: { new: number }, serialId: { new: t.serialId } } });
  w.emit({ topic: 'repair.opened', entityType: 'repair', entityId: id, payload: { number, serialId: t.serialId } });
  return { id, number };
}
