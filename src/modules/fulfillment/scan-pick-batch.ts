import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, isDomainError, notFound, type ErrorCode } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { resolveUdiDis } from '../catalog/device-queries.ts';
import { udiDiOf } from '../catalog/udi-di.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { parseScan } from '../udi/parse-scan.ts';
import { decideBatch, type BatchReason, type ParsedLabel } from './decide-batch.ts';
import { loadLineGates, loadLots, loadSerials } from './load-batch-facts.ts';
import { loadPickLines, lockPickList } from './load-scan-facts.ts';
import type { ScanContext } from './scan-pick.ts';
import { writeBatchPicks, type WrittenPick } from './write-batch-picks.ts';

/** The most labels one batch takes: a pallet of serial units is far less, a day's wave about this. */
export const MAX_BATCH_SCANS = 50_000;

export interface BatchScanRefusal {
  index: number;
  scan: string;
  code: ErrorCode;
  reason: BatchReason;
  field: string;
  /** In the picker's language; both texts follow. */
  message: string;
  messageEn: string;
  messageZh: string;
}

export interface BatchInput {
  scans: string[];
  quantity?: number;
}

export interface BatchScanResult {
  pickListId: string;
  pickListStatus: string;
  accepted: number;
  units: number;
  picks: WrittenPick[];
  refused: BatchScanRefusal[];
  orders: Array<{ orderId: string; status: string }>;
}

/** Bad requests are refused whole (400): only well-formed label lists are judged label by label. */
export function checkBatchInput(scans: unknown, quantity?: unknown): asserts scans is string[] {
  if (!Array.isArray(scans)) throw invalid('scans', 'must be an array of scanned labels');
  if (scans.length === 0) throw invalid('scans', 'must hold at least one label');
  if (scans.length > MAX_BATCH_SCANS) throw invalid('scans', `holds ${scans.length} labels; at most ${MAX_BATCH_SCANS} per batch`);
  const bad = scans.findIndex((s) => typeof s !== 'string' || s.length === 0 || s.length > 400);
  if (bad >= 0) throw invalid(`scans.${bad}`, 'must be a label of 1 to 400 characters');
  if (quantity !== undefined && (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 100_000)) {
    throw invalid('quantity', 'must be a whole number from 1 to 100000');
  }
}

function parseLabel(scan: string): { scan: string; parsed: ReturnType<typeof parseScan> } | { scan: string; error: { code: DomainError['code']; message: string } } {
  try {
    return { scan, parsed: parseScan(scan) };
  } catch (e) {
    if (isDomainError(e)) return { scan, error: { code: e.code, message: e.message } };
    throw e;
  }
}

/**
 * Batch scan-to-pick: many labels in one transaction. The facts are loaded once for the whole
 * batch (lines, catalogue, serials, lots, order gates), each label is judged in order by the same
 * decideScan as a single scan, and the accepted picks are written set-based. Partial acceptance:
 * a refused label is reported with its index and reason and does not stop the others. One audit
 * entry lists the accepted serials and the refusals; one event announces the batch.
 */
export async function scanPickBatch(db: Database, actor: Actor, pickListId: string, input: BatchInput, ctx: ScanContext): Promise<BatchScanResult> {
  checkBatchInput(input.scans, input.quantity);
  return writeTx(db, { actor, requestId: ctx.requestId ?? null }, (w) => scanPickBatchIn(w, pickListId, input, ctx));
}

/** scanPickBatch in the caller's transaction (the route's idempotent write); the input is already checked. */
export async function scanPickBatchIn(w: Work, pickListId: string, input: BatchInput, ctx: Omit<ScanContext, 'requestId'>): Promise<BatchScanResult> {
  if (!isUuid(pickListId)) throw notFound('pick list', pickListId);
  const list = await lockPickList(w.tx, w.actor, pickListId);
  if (!list) throw notFound('pick list', pickListId);
  if (list.status !== 'open' && list.status !== 'picking') {
    throw new DomainError('INVALID_STATE', `pick list ${list.number} is ${list.status}: nothing more is picked on it`, { details: { status: list.status } });
  }
  const lines = await loadPickLines(w.tx, list.id);
  const raw = input.scans.map(parseLabel);
  const dis = raw.flatMap((l) => ('parsed' in l ? [udiDiOf(l.parsed) ?? ''] : []));
  const catalogue = await resolveUdiDis(w.tx, dis);
  const labels: ParsedLabel[] = raw.map((l) => {
    if (!('parsed' in l)) return l;
    const p = catalogue.get(udiDiOf(l.parsed) ?? '');
    return { ...l, packaging: p ? { deviceId: p.deviceId, deviceCode: p.deviceCode, level: p.level, quantity: p.quantity } : null };
  });
  const known = labels.flatMap((l) => ('parsed' in l && l.packaging ? [{ deviceId: l.packaging.deviceId, parsed: l.parsed }] : []));
  const serials = await loadSerials(w.tx, known.flatMap((k) => (k.parsed.serial !== undefined ? [{ deviceId: k.deviceId, serial: k.parsed.serial }] : [])));
  const lotRefs = known.flatMap((k) => (k.parsed.lot !== undefined ? [{ deviceId: k.deviceId, lotNumber: k.parsed.lot }] : []));
  const lotIds = [...new Set([...serials.values()].flatMap((s) => (s.lotId ? [s.lotId] : [])))];
  const lots = await loadLots(w.tx, dedupe(lotRefs), lotIds, list.warehouseId);
  const gates = await loadLineGates(w.tx, list.id);
  const { picks, refusals } = decideBatch(labels, { lines, gates, serials, lots }, { shipDate: ctx.shipDate, ...(input.quantity !== undefined ? { quantity: input.quantity } : {}) });

  const { written, status } = picks.length ? await writeBatchPicks(w.tx, w.actor, list.id, picks) : { written: [], status: list.status };
  const orders: BatchScanResult['orders'] = [];
  for (const orderId of [...new Set(written.map((p) => p.orderId))].sort()) orders.push({ orderId, status: await refreshOrderStatus(w, orderId) });
  const units = written.reduce((n, p) => n + p.quantity, 0);
  w.audit({
    entityType: 'pick_list', entityId: list.id, action: 'scan.batch',
    changes: {
      picks: { new: { accepted: written.length, units, serialIds: written.flatMap((p) => (p.serialId ? [p.serialId] : [])), lineUnits: unitsPerLine(written) } },
      refused: { new: refusals.map((r) => ({ index: r.index, scan: r.scan, code: r.code, reason: r.reason })) },
      ...(status !== list.status ? { status: { old: list.status, new: status } } : {}),
    },
  });
  w.emit({ topic: 'pick.batch_accepted', entityType: 'pick_list', entityId: list.id, payload: { accepted: written.length, refused: refusals.length, units, orderIds: orders.map((o) => o.orderId) } });
  if (status === 'picked') w.emit({ topic: 'pick_list.picked', entityType: 'pick_list', entityId: list.id, payload: { number: list.number } });
  return {
    pickListId: list.id, pickListStatus: status, accepted: written.length, units, picks: written, orders,
    refused: refusals.map(({ en, zh, ...r }) => ({ ...r, message: ctx.language === 'zh' ? zh : en, messageEn: en, messageZh: zh })),
  };
}

function dedupe(refs: ReadonlyArray<{ deviceId: string; lotNumber: string }>): Array<{ deviceId: string; lotNumber: string }> {
  return [...new Map(refs.map((r) => [`${r.deviceId}\u0000${r.lotNumber}`, r])).values()];
}

function unitsPerLine(picks: readonly WrittenPick[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of picks) out[p.lineId] = (out[p.lineId] ?? 0) + p.quantity;
  return out;
}
