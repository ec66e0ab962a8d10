import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { lotIneligibility } from '../inventory/lot-eligibility.ts';
import { loadLotHead } from '../inventory/lot-records.ts';
import { notFoundAs } from '../inventory/field-errors.ts';
import { recordMoves } from '../inventory/record-moves.ts';
import { getRepair, lockRepair, type RepairView } from './get-repair.ts';
import type { RepairPartInput, RepairResultInput } from './return-schemas.ts';

type Status = RepairView['status'];

function expect(r: RepairView, allowed: readonly Status[], what: string): void {
  if (!allowed.includes(r.status)) throw new DomainError('INVALID_STATE', `repair ${r.number} is ${r.status}: ${what}`, { details: { status: r.status } });
}

/** Records what is wrong with the unit. */
export async function diagnoseRepair(w: Work, id: string, diagnosis: string): Promise<RepairView> {
  const r = await lockRepair(w, id);
  expect(r, ['open', 'diagnosed'], 'the diagnosis can no longer change');
  await w.tx.query(`UPDATE repair_orders SET diagnosis = $2, status = 'diagnosed', updated_at = now() WHERE id = $1`, [id, diagnosis]);
  w.audit({ entityType: 'repair', entityId: id, action: 'diagnosed', changes: { diagnosis: { old: r.diagnosis, new: diagnosis }, status: { old: r.status, new: 'diagnosed' } } });
  w.emit({ topic: 'repair.diagnosed', entityType: 'repair', entityId: id, payload: { number: r.number } });
  return getRepair(w.tx, id);
}

/**
 * Issues a part from stock into the repaired unit. The part leaves stock for good, so it is a
 * 'scrap' move (the ledger's move out of stock with no destination) bound to its lot, with
 * ref_type 'repair'; the part's lot must be one that may be sent to a customer.
 */
export async function issueRepairPart(w: Work, id: string, input: RepairPartInput, today: string): Promise<RepairView> {
  const r = await lockRepair(w, id);
  expect(r, ['diagnosed'], 'parts are issued after the diagnosis and before the result');
  const lot = await loadLotHead(w.tx, input.lotId).catch(notFoundAs('lotId'));
  const why = lotIneligibility({ status: lot.status, expiresOn: lot.expiresOn, manufacturedOn: lot.manufacturedOn }, today, { minDays: null, minPct: null });
  if (why !== null) throw new DomainError(why, `lot ${lot.lotNumber} (${lot.status}, expires ${lot.expiresOn}) may not go into a unit sent to a customer`, { field: 'lotId' });
  const { rows: [tracked] } = await w.tx.query<{ mode: string }>('SELECT tracking_mode AS mode FROM devices WHERE id = $1', [lot.deviceId]);
  if (tracked!.mode !== 'lot') throw invalid('lotId', 'serial-tracked devices are not used as repair parts');
  await recordMoves(w.tx, [{ moveType: 'scrap', deviceId: lot.deviceId, lotId: lot.id, fromBinId: input.binId, quantity: input.quantity,
    reason: `used in repair ${r.number} of serial ${r.serial}`, refType: 'repair', refId: id }], w.actor.name);
  await w.tx.query(`INSERT INTO repair_parts (id, repair_id, device_id, lot_id, bin_id, quantity, issued_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [uuidv7(), id, lot.deviceId, lot.id, input.binId, input.quantity, w.actor.name]);
  w.audit({ entityType: 'repair', entityId: id, action: 'part_issued', changes: { lot: { new: lot.lotNumber }, quantity: { new: input.quantity } } });
  w.emit({ topic: 'repair.part_issued', entityType: 'repair', entityId: id, payload: { number: r.number, lotId: lot.id, quantity: input.quantity } });
  return getRepair(w.tx, id);
}

/** The result: repaired (ready to go back), or beyond repair — the unit is scrapped. */
export async function recordRepairResult(w: Work, id: string, input: RepairResultInput): Promise<RepairView> {
  const r = await lockRepair(w, id);
  expect(r, ['diagnosed'], 'the result follows a diagnosis, once');
  if (input.result === 'beyond_repair') {
    await recordMoves(w.tx, [{ moveType: 'scrap', deviceId: r.deviceId, lotId: r.lotId, serialId: r.serialId, fromBinId: r.binId, quantity: 1,
      reason: `repair ${r.number}: beyond repair`, refType: 'repair', refId: id }], w.actor.name);
  }
  await w.tx.query(`UPDATE repair_orders SET status = $2, result_note = $3, updated_at = now() WHERE id = $1`, [id, input.result, input.note ?? null]);
  w.audit({ entityType: 'repair', entityId: id, action: input.result, changes: { status: { old: r.status, new: input.result }, ...(input.note ? { note: { new: input.note } } : {}) } });
  w.emit({ topic: `repair.${input.result}`, entityType: 'repair', entityId: id, payload: { number: r.number, serialId: r.serialId } });
  return getRepair(w.tx, id);
}
