import type { Database, Sql } from '../../db/types.ts';
import { can, type Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import { checkStorage } from '../warehouses/check-storage.ts';
import { inField, notFoundAs } from './field-errors.ts';
import type { TransferInput } from './inventory-schemas.ts';
import { loadLotHead } from './lot-records.ts';
import { recordMoves } from './record-moves.ts';

async function sourceBin(tx: Sql, binId: string): Promise<{ code: string; zoneType: string }> {
  const { rows } = await tx.query<{ code: string; zoneType: string }>(
    'SELECT b.code, z.zone_type AS "zoneType" FROM warehouse_bins b JOIN warehouse_zones z ON z.id = b.zone_id WHERE b.id = $1', [binId]);
  if (!rows[0]) throw invalid('fromBinId', `no bin ${binId}`);
  return rows[0];
}

async function serialIds(tx: Sql, o: { deviceId: string; lotId: string; binId: string; serials: readonly string[] }): Promise<string[]> {
  const { rows } = await tx.query<{ id: string; serial: string }>(
    `SELECT id, serial FROM serial_units WHERE device_id = $1 AND lot_id = $2 AND bin_id = $3 AND status IN ('in_stock', 'returned')
        AND serial = ANY($4::text[]) ORDER BY id FOR UPDATE`,
    [o.deviceId, o.lotId, o.binId, o.serials],
  );
  const here = new Set(rows.map((r) => r.serial));
  const missing = o.serials.find((s) => !here.has(s));
  if (missing !== undefined) throw new DomainError('SERIAL_UNAVAILABLE', `serials: serial ${missing} of this lot is not in stock in the source bin`, { field: 'serials' });
  return rows.map((r) => r.id);
}

/**
 * Moves free stock of a lot from one bin to another (put-away out of quarantine, transfers). The
 * destination must suit the device's storage condition. Taking goods out of a quarantine zone
 * is quality's decision (permission quality.release) and only for a released lot: that is when
 * received units become sellable. Serial-tracked stock moves by named serials.
 */
export function transferStock(db: Database, actor: Actor, input: TransferInput, requestId: string | null = null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    if (input.fromBinId === input.toBinId) throw invalid('toBinId', 'the destination is the source bin');
    const lot = await loadLotHead(w.tx, input.lotId).catch(notFoundAs('lotId'));
    const from = await sourceBin(w.tx, input.fromBinId);
    const to = await checkStorage(w.tx, input.toBinId, lot.deviceId).catch(inField('toBinId'));
    const outOfQuarantine = from.zoneType === 'quarantine' && to.zoneType !== 'quarantine';
    if (outOfQuarantine && !can(actor, 'quality.release')) {
      throw new DomainError('FORBIDDEN', 'taking goods out of quarantine is a quality decision (permission quality.release)', { details: { permission: 'quality.release' } });
    }
    if (outOfQuarantine && to.zoneType !== 'rejected' && lot.status !== 'released') {
      throw new DomainError('LOT_NOT_RELEASED', `lot ${lot.lotNumber} is ${lot.status}: it stays in quarantine until released`, { field: 'lotId' });
    }
    const device = (await getDeviceFacts(w.tx, [lot.deviceId])).get(lot.deviceId)!;
    const serials = input.serials ?? [];
    if (device.trackingMode !== 'lot' && serials.length !== input.quantity) throw invalid('serials', `${device.code} is serial-tracked: name the ${input.quantity} serials moved`);
    if (device.trackingMode === 'lot' && serials.length) throw invalid('serials', `${device.code} is tracked by lot only: give no serials`);
    const moveType = from.zoneType === 'quarantine' ? 'putaway' : 'transfer';
    const base = { moveType, deviceId: lot.deviceId, lotId: lot.id, fromBinId: input.fromBinId, toBinId: input.toBinId, refType: 'lot', refId: lot.id } as const;
    const ids = serials.length ? await serialIds(w.tx, { deviceId: lot.deviceId, lotId: lot.id, binId: input.fromBinId, serials }) : [];
    await recordMoves(w.tx, ids.length ? ids.map((serialId) => ({ ...base, quantity: 1, serialId })) : [{ ...base, quantity: input.quantity }], actor.name);
    w.audit({ entityType: 'lot', entityId: lot.id, action: moveType, changes: { from: { new: from.code }, to: { new: to.binCode }, quantity: { new: input.quantity } } });
    w.emit({ topic: 'inventory.moved', entityType: 'lot', entityId: lot.id, payload: { moveType, fromBinId: input.fromBinId, toBinId: input.toBinId, quantity: input.quantity } });
    return { lotId: lot.id, lotNumber: lot.lotNumber, moveType, from: from.code, to: to.binCode, quantity: input.quantity };
  });
}
