import type { ErrorCode } from '../../platform/errors.ts';
import { udiDiText } from '../catalog/udi-di.ts';
import type { UdiScan } from '../udi/types.ts';
import { decideScan, type PickLineFacts, type ScanFacts, type ScannedLot, type SerialFacts } from './decide-scan.ts';
import { lotKey, serialKey, type LineGate } from './load-batch-facts.ts';
import type { RefusalReason } from './scan-messages.ts';

/** Reasons only a batch gives: the single-scan path throws these (or re-binds) instead. */
const BATCH_REFUSALS = {
  substitute_alone: {
    en: 'lot {lot} is not the allocated lot (or bin) of the line: scan this label alone to substitute it',
    zh: '批号 {lot} 不是该行已分配的批号（或库位）：请单独扫描此标签以替代',
  },
  order_not_pickable: { en: 'order {order} is {status}: nothing of it is picked now', zh: '订单 {order} 状态为 {status}，现在不能拣货' },
  allocation_gone: {
    en: 'the line’s allocation was {status} (lot blocked or recalled, or order changed): make a new pick list',
    zh: '该行的分配已{status}（批号被冻结或召回，或订单已变更）：请重新生成拣货单',
  },
} as const;

export type BatchReason = RefusalReason | keyof typeof BATCH_REFUSALS;

export interface BatchRefusal {
  index: number;
  scan: string;
  code: ErrorCode;
  reason: BatchReason;
  field: string;
  en: string;
  zh: string;
}

export interface BatchPick {
  index: number;
  scan: string;
  lineId: string;
  lotId: string;
  binId: string;
  serialId: string | null;
  quantity: number;
}

/** A label as parsed (or the parser's error), with what the catalogue says its UDI-DI (GTIN or HIBCC) is. */
export type ParsedLabel =
  | { scan: string; parsed: UdiScan; packaging: { deviceId: string; deviceCode: string; level: string; quantity: number } | null }
  | { scan: string; error: { code: ErrorCode; message: string } };

export interface BatchFacts {
  lines: readonly PickLineFacts[];
  gates: ReadonlyMap<string, LineGate>;
  serials: ReadonlyMap<string, SerialFacts>;
  lots: { byNumber: ReadonlyMap<string, ScannedLot>; byId: ReadonlyMap<string, ScannedLot> };
}

const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));

function batchRefusal(index: number, scan: string, code: ErrorCode, reason: keyof typeof BATCH_REFUSALS, vars: Record<string, string | number>): BatchRefusal {
  const t = BATCH_REFUSALS[reason];
  return { index, scan, code, reason, field: 'scan', en: fill(t.en, vars), zh: fill(t.zh, vars) };
}

function factsOf(label: Extract<ParsedLabel, { parsed: UdiScan }>, quantity: number | undefined): ScanFacts {
  const scan = label.parsed;
  return {
    packaging: label.packaging && { deviceId: label.packaging.deviceId, level: label.packaging.level, quantity: label.packaging.quantity },
    gtin: udiDiText(scan),
    ...(scan.lot !== undefined ? { lot: scan.lot } : {}),
    ...(scan.expiry !== undefined ? { expiry: scan.expiry } : {}), ...(scan.serial !== undefined ? { serial: scan.serial } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
  };
}

/**
 * Judges a batch of labels in order with decideScan, as if each were scanned alone after the
 * ones before it: the lines' remaining units and the serials' status are kept in memory, so a
 * serial scanned twice or units past the allocated quantity are refused within the batch. A label
 * that would re-bind the allocation to another lot or bin is refused (scan it alone), as is one
 * whose order or allocation may no longer be picked. Pure: the caller loaded the facts.
 */
export function decideBatch(labels: readonly ParsedLabel[], facts: BatchFacts, ctx: { shipDate: string; quantity?: number }): { picks: BatchPick[]; refusals: BatchRefusal[] } {
  const lines = facts.lines.map((l) => ({ ...l }));
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const taken = new Set<string>();
  const picks: BatchPick[] = [];
  const refusals: BatchRefusal[] = [];
  labels.forEach((label, index) => {
    if ('error' in label) {
      const t = { en: `the label cannot be read: ${label.error.message}`, zh: `无法识别的标签：${label.error.message}` };
      refusals.push({ index, scan: label.scan, code: label.error.code, reason: 'unreadable', field: 'scan', ...t });
      return;
    }
    const { parsed, packaging } = label;
    const found = packaging && parsed.serial !== undefined ? facts.serials.get(serialKey(packaging.deviceId, parsed.serial)) ?? null : null;
    const serial = found && taken.has(found.id) ? { ...found, status: 'picked' } : found;
    const lot = !packaging ? null
      : parsed.lot !== undefined ? facts.lots.byNumber.get(lotKey(packaging.deviceId, parsed.lot)) ?? null
        : serial?.lotId ? facts.lots.byId.get(serial.lotId) ?? null : null;
    const d = decideScan(factsOf(label, ctx.quantity), lines, { lot, serial }, { shipDate: ctx.shipDate, deviceCode: packaging?.deviceCode ?? '—' });
    if (!d.accept) {
      refusals.push({ index, scan: label.scan, code: d.code, reason: d.reason, field: d.field, en: d.en, zh: d.zh });
      return;
    }
    if (d.substitute) {
      refusals.push(batchRefusal(index, label.scan, 'SCAN_WRONG_LOT', 'substitute_alone', { lot: lot!.lotNumber }));
      return;
    }
    const gate = facts.gates.get(d.lineId)!;
    if (gate.lifecycle !== 'confirmed' || gate.orderStatus === 'on_hold') {
      refusals.push(batchRefusal(index, label.scan, 'INVALID_STATE', 'order_not_pickable', { order: gate.orderNumber, status: gate.orderStatus }));
      return;
    }
    if (gate.allocation !== 'open') {
      refusals.push(batchRefusal(index, label.scan, 'INVALID_STATE', 'allocation_gone', { status: gate.allocation }));
      return;
    }
    byId.get(d.lineId)!.remaining -= d.quantity;
    if (d.serialId) taken.add(d.serialId);
    picks.push({ index, scan: label.scan, lineId: d.lineId, lotId: d.lotId, binId: d.binId, serialId: d.serialId, quantity: d.quantity });
  });
  return { picks, refusals };
}
