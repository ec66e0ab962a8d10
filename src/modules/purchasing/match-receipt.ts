import { DomainError, invalid } from '../../platform/errors.ts';

export interface OpenPoLine {
  id: string;
  lineNo: number;
  deviceId: string;
  quantity: number;
  qtyReceived: number;
}

export interface ArrivingLine {
  deviceId: string;
  quantity: number;
  /** The input that brought it, for errors: `lines.3`. */
  field: string;
}

export interface LineAllocation {
  /** Index into the arriving lines. */
  arriving: number;
  poLineId: string;
  quantity: number;
}

/**
 * Binds what arrived to the purchase order's lines: each arriving line fills the open quantity of
 * the lines of its device in line order (a device ordered on two lines, for two dates, is received
 * against the earlier first). A device the order does not hold, or more units than are still
 * open, is refused naming the input line. Pure: the caller loads the lines and writes the result.
 */
export function matchReceipt(poNumber: string, poLines: readonly OpenPoLine[], arriving: readonly ArrivingLine[]): LineAllocation[] {
  const open = new Map(poLines.map((l) => [l.id, l.quantity - l.qtyReceived]));
  const byDevice = (deviceId: string) => poLines.filter((l) => l.deviceId === deviceId).sort((a, b) => a.lineNo - b.lineNo);
  const out: LineAllocation[] = [];
  arriving.forEach((a, i) => {
    const lines = byDevice(a.deviceId);
    if (!lines.length) {
      throw new DomainError('SCAN_WRONG_DEVICE', `${a.field}: purchase order ${poNumber} has no line for this device`, { field: a.field, details: { deviceId: a.deviceId } });
    }
    const free = lines.reduce((n, l) => n + open.get(l.id)!, 0);
    if (a.quantity > free) {
      throw invalid(`${a.field}.quantity`, `over-receipt: ${a.quantity} units arrived, purchase order ${poNumber} has ${free} still open for this device`);
    }
    let left = a.quantity;
    for (const l of lines) {
      const take = Math.min(left, open.get(l.id)!);
      if (take === 0) continue;
      open.set(l.id, open.get(l.id)! - take);
      out.push({ arriving: i, poLineId: l.id, quantity: take });
      left -= take;
      if (left === 0) break;
    }
  });
  return out;
}
