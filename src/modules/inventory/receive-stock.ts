import { can } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { getDeviceFacts, type DeviceFacts } from '../catalog/device-queries.ts';
import { findVisibleParty } from '../parties/party-access.ts';
import { checkStorage, type BinPlace } from '../warehouses/check-storage.ts';
import { storageMismatch } from '../warehouses/storage-allowed.ts';
import { completeReceiptLines, typedReceiptLines } from './complete-receipt-lines.ts';
import { createSerialUnits } from './create-serial-units.ts';
import { notFoundAs } from './field-errors.ts';
import type { ReceiptInput } from './inventory-schemas.ts';
import { findLots, findOrCreateLots, lotKey } from './lot-records.ts';
import { recordMoves, type MoveInput } from './record-moves.ts';
import { linesFromScans } from './scan-receipt-lines.ts';

export interface ReceiptView {
  id: string;
  number: string;
  reason: string;
  bin: Pick<BinPlace, 'binId' | 'binCode' | 'zoneType' | 'warehouseId' | 'warehouseCode'>;
  lines: Array<{ deviceId: string; deviceCode: string; lotId: string; lotNumber: string; expiresOn: string; lotStatus: string; quantity: number; serials: string[] }>;
}

/** checkStorage's rule for the receipt's other devices, with the facts already loaded: one bin, no query per device. */
function assertStorable(place: BinPlace, device: DeviceFacts): void {
  const mismatch = storageMismatch(place.storageCondition, device);
  if (mismatch) {
    throw new DomainError('STORAGE_MISMATCH', `device ${device.code} in bin ${place.binCode}: ${mismatch}`, {
      field: 'binId', details: { ...place, deviceId: device.id, deviceCode: device.code, deviceCondition: device.storageCondition },
    });
  }
}

async function checkSupplier(w: Work, supplierId: string | undefined): Promise<void> {
  if (!supplierId) return;
  const party = await findVisibleParty(w.tx, w.actor, supplierId).catch(notFoundAs('supplierId'));
  if (party.kind !== 'supplier') throw invalid('supplierId', `${party.code} is a ${party.kind}, not a supplier`);
}

/**
 * Receives goods into one bin, from scanned labels or typed lines. New lots land in quarantine
 * (opening stock lands released, and only quality may load it); more units of a lot that is no
 * longer in quarantine must go to a quarantine-zone bin, so nothing received is sellable before
 * quality has looked at it. The bin must suit every device's storage condition. One move per
 * unit for serial-tracked devices, one per lot otherwise.
 */
export async function receiveStockIn(w: Work, input: ReceiptInput, ctx: { today: string; now: Date }): Promise<ReceiptView> {
  const reason = input.reason ?? 'purchase';
  if (!input.scans === !input.lines) throw invalid('lines', 'give either scans or lines');
  if (reason === 'opening' && !can(w.actor, 'quality.release')) {
    throw new DomainError('FORBIDDEN', 'opening stock lands released: it needs the permission quality.release', { details: { permission: 'quality.release' } });
  }
  await checkSupplier(w, input.supplierId);
  const raw = input.scans ? await linesFromScans(w.tx, input.scans, ctx.now) : typedReceiptLines(input.lines!);
  const deviceIds = [...new Set(raw.map((l) => l.deviceId))];
  const [devices, known] = await Promise.all([getDeviceFacts(w.tx, deviceIds), findLots(w.tx, raw)]);
  const lines = completeReceiptLines(raw, devices, known, ctx.today);
  const place = await checkStorage(w.tx, input.binId, deviceIds[0]!).catch(notFoundAs('binId'));
  for (const deviceId of deviceIds.slice(1)) assertStorable(place, devices.get(deviceId)!);

  const { lots, created } = await findOrCreateLots(w.tx, lines.map((l) => ({ ...l, supplierId: input.supplierId ?? null })), {
    status: reason === 'opening' ? 'released' : 'quarantine', actor: w.actor.name, reason: reason === 'opening' ? 'opening stock' : null,
  });
  for (const line of lines) {
    const lot = lots.get(lotKey(line.deviceId, line.lotNumber))!;
    if (reason !== 'opening' && lot.status !== 'quarantine' && place.zoneType !== 'quarantine') {
      throw new DomainError('INVALID_STATE', `lot ${line.lotNumber} is already ${lot.status}: put further units in a quarantine bin until quality has inspected them`, { field: 'binId' });
    }
  }
  const serialIds = await createSerialUnits(w.tx, lines.flatMap((l) => l.serials.map((serial) => ({
    deviceId: l.deviceId, lotId: lots.get(lotKey(l.deviceId, l.lotNumber))!.id, serial, field: l.field,
  }))));

  const id = uuidv7();
  const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('stock_receipt_number_seq') AS n`)).rows[0]!.n;
  const number = `RCV-${ctx.today.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  await w.tx.query(
    `INSERT INTO stock_receipts (id, number, reason, bin_id, supplier_id, reference, notes, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, number, reason, input.binId, input.supplierId ?? null, input.reference ?? null, input.notes ?? null, w.actor.name],
  );
  const moves: MoveInput[] = lines.flatMap((l) => {
    const base = { moveType: 'receipt' as const, deviceId: l.deviceId, lotId: lots.get(lotKey(l.deviceId, l.lotNumber))!.id, toBinId: input.binId, refType: 'receipt', refId: id };
    return l.serials.length
      ? l.serials.map((s) => ({ ...base, quantity: 1, serialId: serialIds.get(`${l.deviceId}/${s}`)! }))
      : [{ ...base, quantity: l.quantity }];
  });
  await recordMoves(w.tx, moves, w.actor.name);

  const view: ReceiptView = {
    id, number, reason,
    bin: { binId: place.binId, binCode: place.binCode, zoneType: place.zoneType, warehouseId: place.warehouseId, warehouseCode: place.warehouseCode },
    lines: lines.map((l) => {
      const lot = lots.get(lotKey(l.deviceId, l.lotNumber))!;
      return { deviceId: l.deviceId, deviceCode: devices.get(l.deviceId)!.code, lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, lotStatus: lot.status, quantity: l.quantity, serials: l.serials };
    }),
  };
  for (const lot of lots.values()) {
    if (created.has(lot.id)) {
      w.audit({ entityType: 'lot', entityId: lot.id, action: 'created', changes: { lotNumber: { new: lot.lotNumber }, expiresOn: { new: lot.expiresOn }, status: { new: lot.status } } });
    }
  }
  w.audit({
    entityType: 'stock_receipt', entityId: id, action: 'received',
    changes: { number: { new: number }, reason: { new: reason }, bin: { new: place.binCode }, lines: { new: view.lines.map((l) => ({ lot: l.lotNumber, quantity: l.quantity })) } },
  });
  w.emit({ topic: 'inventory.received', entityType: 'stock_receipt', entityId: id, payload: { number, reason, lots: view.lines.map((l) => ({ lotId: l.lotId, quantity: l.quantity })) } });
  return view;
}
