import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, isDomainError, notFound } from '../../platform/errors.ts';
import { isUuid, uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { resolveUdiDis } from '../catalog/device-queries.ts';
import { udiDiOf, udiDiText } from '../catalog/udi-di.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { UdiScan } from '../udi/types.ts';
import { refusalText } from './scan-messages.ts';
import { decideScan, type ScanDecision, type ScanFacts } from './decide-scan.ts';
import { loadPickLines, loadScannedLot, loadSerial, lockPickList, type PickListHead } from './load-scan-facts.ts';
import { rebindAllocation } from './rebind-allocation.ts';

export interface ScanInput {
  scan: string;
  quantity?: number;
}

export interface AcceptedScan {
  pickId: string;
  pickListId: string;
  pickListStatus: string;
  lineId: string;
  orderId: string;
  lineNo: number;
  deviceId: string;
  lotId: string;
  serialId: string | null;
  binId: string;
  quantity: number;
  /** The scanned lot replaced the allocated one (the allocation was re-bound). */
  substitute: boolean;
  orderStatus: string;
}

export interface ScanContext {
  /** The day the goods are to leave: eligibility is judged on it. */
  shipDate: string;
  language: 'zh' | 'en';
  requestId?: string | null;
}

type Refusal = Extract<ScanDecision, { accept: false }>;

/** A label that does not even parse is refused like any other scan, with the parser's code. */
function parseRefusal(e: DomainError): Refusal {
  return { accept: false, code: e.code, reason: 'unreadable', field: 'scan', ...refusalText('unreadable', { error: e.message }), details: {} };
}

async function judge(w: Work, list: PickListHead, input: ScanInput, shipDate: string): Promise<{ decision: ScanDecision; scan: UdiScan | null }> {
  let scan: UdiScan;
  try {
    scan = parseScan(input.scan);
  } catch (e) {
    if (isDomainError(e)) return { decision: parseRefusal(e), scan: null };
    throw e;
  }
  const di = udiDiOf(scan);
  const packaging = di ? ((await resolveUdiDis(w.tx, [di])).get(di) ?? null) : null;
  const facts: ScanFacts = {
    packaging: packaging && { deviceId: packaging.deviceId, level: packaging.level, quantity: packaging.quantity },
    gtin: udiDiText(scan),
    ...(scan.lot !== undefined ? { lot: scan.lot } : {}),
    ...(scan.expiry !== undefined ? { expiry: scan.expiry } : {}), ...(scan.serial !== undefined ? { serial: scan.serial } : {}),
    ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
  };
  const lines = await loadPickLines(w.tx, list.id);
  const serial = packaging && scan.serial !== undefined ? await loadSerial(w.tx, packaging.deviceId, scan.serial) : null;
  const lot = packaging
    ? await loadScannedLot(w.tx, { deviceId: packaging.deviceId, ...(scan.lot !== undefined ? { lotNumber: scan.lot } : { lotId: serial?.lotId ?? null }) }, list.warehouseId)
    : null;
  return { decision: decideScan(facts, lines, { lot, serial }, { shipDate, deviceCode: packaging?.deviceCode ?? '—' }), scan };
}

/** The line's order must still be picked (not on hold, not cancelled) and its allocation still live. */
async function assertPickable(w: Work, lineId: string): Promise<void> {
  const { rows: [s] } = await w.tx.query<{ allocation: string; orderStatus: string; lifecycle: string; number: string }>(
    `SELECT a.status AS allocation, o.status AS "orderStatus", o.lifecycle, o.number
       FROM pick_list_lines pl JOIN allocations a ON a.id = pl.allocation_id JOIN orders o ON o.id = pl.order_id WHERE pl.id = $1`,
    [lineId],
  );
  if (s!.lifecycle !== 'confirmed' || s!.orderStatus === 'on_hold') {
    throw new DomainError('INVALID_STATE', `order ${s!.number} is ${s!.orderStatus}: nothing of it is picked now`, { details: { status: s!.orderStatus } });
  }
  if (s!.allocation !== 'open') {
    throw new DomainError('INVALID_STATE', `the line's allocation was ${s!.allocation} (lot blocked or recalled, or order changed): make a new pick list`, { details: { allocation: s!.allocation } });
  }
}

async function applyPick(w: Work, list: PickListHead, input: ScanInput, d: Extract<ScanDecision, { accept: true }>): Promise<AcceptedScan> {
  await assertPickable(w, d.lineId);
  const rebound = d.substitute ? await rebindAllocation(w.tx, d.lineId, { lotId: d.lotId, binId: d.binId, units: d.quantity }) : null;
  const lineId = rebound?.lineId ?? d.lineId;
  const pickId = uuidv7();
  const { rows: [pick] } = await w.tx.query<{ orderId: string; lineNo: number; deviceId: string; allocationId: string }>(
    `INSERT INTO picks (id, pick_list_line_id, allocation_id, order_id, line_no, device_id, lot_id, serial_id, bin_id, quantity, scan, picked_by, picked_by_user)
     SELECT $1, pl.id, pl.allocation_id, pl.order_id, pl.line_no, pl.device_id, pl.lot_id, $3, pl.bin_id, $4, $5, $6, $7
       FROM pick_list_lines pl WHERE pl.id = $2
     RETURNING order_id AS "orderId", line_no AS "lineNo", device_id AS "deviceId", allocation_id AS "allocationId"`,
    [pickId, lineId, d.serialId, d.quantity, input.scan, w.actor.name, w.actor.userId],
  );
  await w.tx.query('UPDATE pick_list_lines SET picked = picked + $2 WHERE id = $1', [lineId, d.quantity]);
  if (d.serialId) await w.tx.query(`UPDATE serial_units SET status = 'picked', updated_at = now() WHERE id = $1`, [d.serialId]);
  await w.tx.query('UPDATE order_lines SET qty_picked = qty_picked + $3 WHERE order_id = $1 AND line_no = $2', [pick!.orderId, pick!.lineNo, d.quantity]);
  const { rows: [state] } = await w.tx.query<{ status: string }>(
    `UPDATE pick_lists SET status = CASE WHEN NOT EXISTS (SELECT 1 FROM pick_list_lines WHERE pick_list_id = $1 AND picked < quantity) THEN 'picked' ELSE 'picking' END,
            completed_at = CASE WHEN NOT EXISTS (SELECT 1 FROM pick_list_lines WHERE pick_list_id = $1 AND picked < quantity) THEN now() END
      WHERE id = $1 RETURNING status`,
    [list.id],
  );
  const orderStatus = await refreshOrderStatus(w, pick!.orderId);
  w.audit({
    entityType: 'pick_list', entityId: list.id, action: 'scan.accepted',
    changes: {
      pick: { new: { pickId, orderId: pick!.orderId, lineNo: pick!.lineNo, lotId: d.lotId, serialId: d.serialId, binId: d.binId, quantity: d.quantity, scan: input.scan } },
      ...(rebound ? { substitute: { old: rebound.fromLotId, new: d.lotId } } : {}),
      ...(state!.status !== list.status ? { status: { old: list.status, new: state!.status } } : {}),
    },
  });
  w.emit({ topic: 'pick.accepted', entityType: 'pick_list', entityId: list.id, payload: { pickId, orderId: pick!.orderId, lineNo: pick!.lineNo, quantity: d.quantity, substitute: d.substitute } });
  if (state!.status === 'picked' && list.status !== 'picked') {
    w.emit({ topic: 'pick_list.picked', entityType: 'pick_list', entityId: list.id, payload: { number: list.number } });
  }
  return {
    pickId, pickListId: list.id, pickListStatus: state!.status, lineId, orderId: pick!.orderId, lineNo: pick!.lineNo, deviceId: pick!.deviceId,
    lotId: d.lotId, serialId: d.serialId, binId: d.binId, quantity: d.quantity, substitute: d.substitute, orderStatus,
  };
}

/**
 * Scan-to-pick: judges the scan (decideScan) and, when accepted, binds the units to the order
 * line (a picks row, the line's and order line's picked counts, the serial marked picked, the
 * allocation re-bound for a substitute lot) and refreshes the order status. The units stay in
 * their bin and allocated to the order until they ship (see README). A refused scan writes only
 * the audit entry of the refusal, then throws its typed error in the picker's language, with
 * both texts in `details`.
 */
export async function scanPick(db: Database, actor: Actor, pickListId: string, input: ScanInput, ctx: ScanContext): Promise<AcceptedScan> {
  if (!isUuid(pickListId)) throw notFound('pick list', pickListId);
  const outcome = await writeTx<{ refused: Refusal } | { accepted: AcceptedScan }>(db, { actor, requestId: ctx.requestId ?? null }, async (w) => {
    const list = await lockPickList(w.tx, w.actor, pickListId);
    if (!list) throw notFound('pick list', pickListId);
    if (list.status !== 'open' && list.status !== 'picking') {
      throw new DomainError('INVALID_STATE', `pick list ${list.number} is ${list.status}: nothing more is picked on it`, { details: { status: list.status } });
    }
    const { decision } = await judge(w, list, input, ctx.shipDate);
    if (!decision.accept) {
      w.audit({ entityType: 'pick_list', entityId: list.id, action: 'scan.refused', reason: decision.en, changes: { scan: { new: input.scan }, code: { new: decision.code }, reason: { new: decision.reason } } });
      return { refused: decision };
    }
    return { accepted: await applyPick(w, list, input, decision) };
  });
  if ('refused' in outcome) {
    const r = outcome.refused;
    throw new DomainError(r.code, ctx.language === 'zh' ? r.zh : r.en, { field: r.field, details: { reason: r.reason, messageEn: r.en, messageZh: r.zh, ...r.details } });
  }
  return outcome.accepted;
}
