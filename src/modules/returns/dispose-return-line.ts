import type { Sql } from '../../db/types.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { isUuid, uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { LotStatus } from '../inventory/lot-eligibility.ts';
import { inField } from '../inventory/field-errors.ts';
import { recordMoves, type MoveInput } from '../inventory/record-moves.ts';
import { checkStorage } from '../warehouses/check-storage.ts';
import { creditReturnedUnits } from './credit-returned-units.ts';
import { decideDisposition } from './disposition-rules.ts';
import { openRepair } from './open-repair.ts';
import type { DispositionInput } from './return-schemas.ts';

interface LineFacts {
  id: string; rmaId: string; rmaNumber: string; customerId: string; lineNo: number; deviceId: string; lotId: string; lotNumber: string;
  lotStatus: LotStatus; expiresOn: string; manufacturedOn: string | null; lotSupplierId: string | null; serialId: string | null;
  qtyReceived: number; qtyDisposed: number;
}

/** The RMA line, locked; a line of a customer the actor may not see is not found (as on reads). */
async function loadLine(tx: Sql, actor: Actor, lineId: string): Promise<LineFacts> {
  if (!isUuid(lineId)) throw notFound('return line', lineId);
  // The RMA is locked too: decisions on two of its lines queue, so the last one closes it.
  await tx.query('SELECT 1 FROM return_authorisations WHERE id = (SELECT rma_id FROM return_lines WHERE id = $1) FOR UPDATE', [lineId]);
  const { rows: [line] } = await tx.query<LineFacts>(
    `SELECT rl.id, rl.rma_id AS "rmaId", ra.number AS "rmaNumber", ra.customer_id AS "customerId", rl.line_no AS "lineNo",
            rl.device_id AS "deviceId", rl.lot_id AS "lotId", l.lot_number AS "lotNumber", l.status AS "lotStatus", l.expires_on AS "expiresOn",
            l.manufactured_on AS "manufacturedOn", l.supplier_id AS "lotSupplierId", rl.serial_id AS "serialId",
            rl.qty_received AS "qtyReceived", rl.qty_disposed AS "qtyDisposed"
       FROM return_lines rl JOIN return_authorisations ra ON ra.id = rl.rma_id JOIN lots l ON l.id = rl.lot_id
      WHERE rl.id = $1 FOR UPDATE OF rl`, [lineId]);
  if (!line) throw notFound('return line', lineId);
  assertVisible(actor, line.customerId, 'return line', lineId);
  return line;
}

async function supplierOf(tx: Sql, input: DispositionInput, line: LineFacts): Promise<string | null> {
  if (input.supplierId === undefined) return line.lotSupplierId;
  const { rows } = await tx.query(`SELECT 1 FROM parties WHERE id = $1 AND kind = 'supplier'`, [input.supplierId]);
  if (rows.length === 0) throw invalid('supplierId', `no supplier ${input.supplierId}`);
  return input.supplierId;
}

/**
 * Inspection and disposition of returned units of one RMA line (a quality decision): restock,
 * quarantine, scrap, return to the supplier or repair — see decideDisposition. Takes the units
 * from the receipts not yet decided, oldest first; each decision is a ledger move with
 * ref_type 'return' (none for repair, which opens a repair order), a disposition row and an
 * audit entry. The RMA is closed when every line is received and decided.
 */
export async function disposeReturnLine(w: Work, lineId: string, input: DispositionInput, today: string) {
  const line = await loadLine(w.tx, w.actor, lineId);
  const undecided = line.qtyReceived - line.qtyDisposed;
  if (undecided === 0) throw new DomainError('INVALID_STATE', `line ${line.lineNo} of ${line.rmaNumber} has no received units awaiting a decision`, { field: 'quantity' });
  const quantity = input.quantity ?? undecided;
  if (quantity > undecided) throw invalid('quantity', `only ${undecided} received unit(s) of this line await a decision`);
  const to = input.toBinId === undefined ? null : await checkStorage(w.tx, input.toBinId, line.deviceId).catch(inField('toBinId'));
  const supplierId = await supplierOf(w.tx, input, line);
  const plan = decideDisposition({
    as: input.as, condition: input.condition, today, toZoneType: to?.zoneType ?? null, serialId: line.serialId, supplierId,
    lot: { lotNumber: line.lotNumber, status: line.lotStatus, expiresOn: line.expiresOn, manufacturedOn: line.manufacturedOn },
  });
  const { rows: receipts } = await w.tx.query<{ id: string; binId: string; left: number }>(
    `SELECT id, bin_id AS "binId", quantity - qty_disposed AS left FROM return_receipts
      WHERE return_line_id = $1 AND qty_disposed < quantity ORDER BY received_at, id FOR UPDATE`, [lineId]);
  let wanted = quantity;
  const parts = receipts.flatMap((r) => {
    const take = Math.min(wanted, r.left);
    wanted -= take;
    return take > 0 ? [{ id: uuidv7(), receiptId: r.id, fromBinId: r.binId, quantity: take }] : [];
  });
  const repair = input.as === 'repair' ? await openRepair(w, { lineId, serialId: line.serialId!, deviceId: line.deviceId, lotId: line.lotId, binId: parts[0]!.fromBinId, customerId: line.customerId }, today) : null;
  if (plan.moveType !== null) {
    const reason = input.as === 'return_to_supplier' ? `${line.rmaNumber}: returned to supplier` : `${line.rmaNumber}: ${input.as} (${input.condition})`;
    await recordMoves(w.tx, parts.map((p): MoveInput => ({
      moveType: plan.moveType!, deviceId: line.deviceId, lotId: line.lotId, serialId: line.serialId, fromBinId: p.fromBinId,
      toBinId: plan.toBin ? to!.binId : null, quantity: p.quantity, reason, refType: 'return', refId: line.rmaId,
    })), w.actor.name);
  }
  await w.tx.query(
    `WITH p AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, "receiptId" uuid, "fromBinId" uuid, quantity int)),
     d AS (
       INSERT INTO return_dispositions (id, return_line_id, receipt_id, disposition, condition, quantity, from_bin_id, to_bin_id, supplier_id, repair_id, note, decided_by)
       SELECT p.id, $2, p."receiptId", $3, $4, p.quantity, p."fromBinId", $5, $6, $7, $8, $9 FROM p RETURNING id
     ), r AS (
       UPDATE return_receipts rr SET qty_disposed = rr.qty_disposed + p.quantity FROM p WHERE rr.id = p."receiptId" RETURNING rr.id
     )
     UPDATE return_lines SET qty_disposed = qty_disposed + $10 WHERE id = $2`,
    [JSON.stringify(parts), lineId, input.as, input.condition, to?.binId ?? null, input.as === 'return_to_supplier' ? supplierId : null,
      repair?.id ?? null, input.note ?? null, w.actor.name, quantity],
  );
  const credit = input.as === 'repair' ? null : await creditReturnedUnits(w, {
    rmaId: line.rmaId, rmaNumber: line.rmaNumber, customerId: line.customerId, lineId, deviceId: line.deviceId, lotId: line.lotId, quantity, reason: input.as,
  }, today);
  if (credit) await w.tx.query('UPDATE return_dispositions SET credit_note_id = $2 WHERE id = ANY($1::uuid[])', [parts.map((p) => p.id), credit.id]);
  const { rows: [rma] } = await w.tx.query<{ status: string }>(
    `UPDATE return_authorisations SET updated_at = now(),
            status = CASE WHEN status = 'received' AND (SELECT bool_and(qty_disposed = quantity) FROM return_lines WHERE rma_id = $1) THEN 'closed' ELSE status END
      WHERE id = $1 RETURNING status`, [line.rmaId]);
  w.audit({ entityType: 'return', entityId: line.rmaId, action: `disposition.${input.as}`, changes: {
    line: { new: line.lineNo }, quantity: { new: quantity }, condition: { new: input.condition },
    ...(to ? { toBin: { new: to.binCode } } : {}), ...(repair ? { repair: { new: repair.number } } : {}), ...(credit ? { creditNote: { new: credit.number } } : {}), ...(input.note ? { note: { new: input.note } } : {}),
  } });
  w.emit({ topic: 'return.disposed', entityType: 'return', entityId: line.rmaId, payload: { number: line.rmaNumber, lineNo: line.lineNo, disposition: input.as, quantity } });
  return {
    rmaId: line.rmaId, rmaNumber: line.rmaNumber, rmaStatus: rma!.status, lineId, lineNo: line.lineNo, disposition: input.as, condition: input.condition,
    quantity, toBin: to ? { id: to.binId, code: to.binCode, zoneType: to.zoneType } : null, repair, creditNote: credit,
  };
}
