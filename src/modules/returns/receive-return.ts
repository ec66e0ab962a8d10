import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { inField } from '../inventory/field-errors.ts';
import { recordMoves } from '../inventory/record-moves.ts';
import { checkStorage } from '../warehouses/check-storage.ts';
import { getReturn } from './get-return.ts';
import { resolveReturnScan } from './resolve-return-scan.ts';
import type { ReturnReceiptInput } from './return-schemas.ts';

/** Zones whose stock is never allocated (see SALEABLE_ZONES): returned goods wait there for inspection. */
export const RETURN_ZONES = ['returns', 'quarantine'];

/**
 * Receives returned units by scan into a bin of a returns or quarantine zone: the scan must match
 * an open line of the RMA (device, lot, serial). Writes a 'return' move (the serial becomes
 * 'returned', in that bin), and raises qty_returned on the shipment line — what trace subtracts
 * for the net in the field — and on the order line. The units are not available: their zone is
 * not saleable, until a disposition restocks them.
 */
export async function receiveReturn(w: Work, rmaId: string, input: ReturnReceiptInput) {
  // Lock before reading the lines: a receipt waiting on another sees what that one received.
  const { rows: [locked] } = await w.tx.query<{ status: string }>('SELECT status FROM return_authorisations WHERE id = $1 FOR UPDATE', [rmaId]);
  const rma = await getReturn(w.tx, w.actor, rmaId);
  if (!['authorised', 'partially_received'].includes(locked!.status)) {
    throw new DomainError('INVALID_STATE', `RMA ${rma.number} is ${locked!.status}: nothing more is received on it`, { details: { status: locked!.status } });
  }
  const unit = await resolveReturnScan(w.tx, input.scan);
  const quantity = unit.perPackage * (input.quantity ?? 1);
  const open = rma.lines.filter((l) => l.qtyReceived < l.quantity);
  const ofDevice = open.filter((l) => l.deviceId === unit.deviceId);
  if (ofDevice.length === 0) throw new DomainError('SCAN_WRONG_DEVICE', `scan: ${unit.deviceCode} is not expected on RMA ${rma.number}`, { field: 'scan' });
  const ofLot = ofDevice.filter((l) => l.lotNumber === unit.lot);
  if (ofLot.length === 0) throw new DomainError('SCAN_WRONG_LOT', `scan: lot ${unit.lot ?? '(none)'} of ${unit.deviceCode} is not expected on RMA ${rma.number}`, { field: 'scan' });
  const serialLines = ofLot.filter((l) => l.serialId !== null);
  const lines = serialLines.length ? serialLines.filter((l) => l.serial === unit.serial) : ofLot;
  if (lines.length === 0) throw new DomainError('SERIAL_UNAVAILABLE', `scan: serial ${unit.serial ?? '(none)'} is not expected on RMA ${rma.number}`, { field: 'scan' });
  const outstanding = lines.reduce((n, l) => n + l.quantity - l.qtyReceived, 0);
  if (quantity > outstanding) {
    throw new DomainError('RETURN_NOT_AUTHORISED', `quantity: ${quantity} unit(s) scanned, RMA ${rma.number} expects ${outstanding} more of lot ${unit.lot}`, { field: 'quantity' });
  }
  const bin = await checkStorage(w.tx, input.binId, unit.deviceId).catch(inField('binId'));
  if (!RETURN_ZONES.includes(bin.zoneType)) throw invalid('binId', `returned goods go to a returns or quarantine zone; ${bin.binCode} is in a ${bin.zoneType} zone`);

  let left = quantity;
  const parts = lines.flatMap((l) => {
    const take = Math.min(left, l.quantity - l.qtyReceived);
    left -= take;
    return take > 0 ? [{ receiptId: uuidv7(), lineId: l.id, lineNo: l.lineNo, shipmentLineId: l.shipmentLineId, deviceId: l.deviceId, lotId: l.lotId, serialId: l.serialId, quantity: take, reason: l.reason }] : [];
  });
  await w.tx.query(
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("receiptId" uuid, "lineId" uuid, "shipmentLineId" bigint, quantity int)),
     receipts AS (
       INSERT INTO return_receipts (id, return_line_id, bin_id, quantity, scan, received_by)
       SELECT "receiptId", "lineId", $2, quantity, $3, $4 FROM r RETURNING id
     ), lines AS (
       UPDATE return_lines rl SET qty_received = rl.qty_received + r.quantity FROM r WHERE rl.id = r."lineId" RETURNING rl.id
     ), shipped AS (
       UPDATE shipment_lines sl SET qty_returned = sl.qty_returned + r.quantity FROM r WHERE sl.id = r."shipmentLineId"
       RETURNING sl.order_id, sl.line_no, r.quantity
     )
     UPDATE order_lines ol SET qty_returned = ol.qty_returned + x.quantity
       FROM (SELECT order_id, line_no, sum(quantity)::int AS quantity FROM shipped GROUP BY order_id, line_no) x
      WHERE ol.order_id = x.order_id AND ol.line_no = x.line_no`,
    [JSON.stringify(parts), bin.binId, input.scan, w.actor.name],
  );
  await recordMoves(w.tx, parts.map((p) => ({
    moveType: 'return' as const, deviceId: p.deviceId, lotId: p.lotId, serialId: p.serialId, toBinId: bin.binId, quantity: p.quantity,
    reason: `${rma.number} (${p.reason}) from ${rma.customerCode}`, refType: 'return', refId: rmaId,
  })), w.actor.name);
  const { rows: [state] } = await w.tx.query<{ status: string }>(
    `UPDATE return_authorisations SET updated_at = now(),
            status = CASE WHEN (SELECT bool_and(qty_received = quantity) FROM return_lines WHERE rma_id = $1) THEN 'received' ELSE 'partially_received' END
      WHERE id = $1 RETURNING status`, [rmaId]);
  w.audit({ entityType: 'return', entityId: rmaId, action: 'received', changes: {
    status: { old: locked!.status, new: state!.status }, bin: { new: bin.binCode }, scan: { new: input.scan },
    received: { new: parts.map((p) => ({ lineNo: p.lineNo, quantity: p.quantity })) },
  } });
  w.emit({ topic: 'return.received', entityType: 'return', entityId: rmaId, payload: { number: rma.number, quantity, binId: bin.binId, status: state!.status } });
  return {
    rmaId, number: rma.number, status: state!.status, bin: { id: bin.binId, code: bin.binCode, zoneType: bin.zoneType },
    received: parts.map((p) => ({ lineId: p.lineId, lineNo: p.lineNo, receiptId: p.receiptId, quantity: p.quantity })),
  };
}
