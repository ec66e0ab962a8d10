import { lotIneligibility, type LotFacts, type ShelfLifeRule } from './lot-eligibility.ts';

/** Stock that could serve a line: one lot in one bin, with what is still free there. */
export interface StockCandidate extends LotFacts {
  lotId: string;
  lotNumber: string;
  binId: string;
  deviceId: string;
  warehouseId: string;
  /** on hand − allocated */
  free: number;
  /** Pick-path order inside the warehouse (ties after expiry). */
  pickSequence: number;
}

export interface LineDemand {
  lineNo: number;
  deviceId: string;
  quantity: number;
}

export interface FefoOptions {
  shipDate: string;
  shelfLife: ShelfLifeRule;
  /** The customer asks for one lot per line when it can be had. */
  singleLotPerLine: boolean;
  /** Warehouses to draw from, most preferred first (from the ship-to); others are not used. */
  warehouseOrder: readonly string[];
}

export interface Allocation {
  lineNo: number;
  deviceId: string;
  lotId: string;
  binId: string;
  quantity: number;
}

export interface FefoResult {
  allocations: Allocation[];
  /** What could not be allocated per line (back-ordered). */
  shortfalls: Array<{ lineNo: number; quantity: number }>;
}

/**
 * First-expiry-first-out over the stock given: earliest expiry first, then the preferred
 * warehouse, then pick sequence; lots that break invariant 1 are never taken. With
 * `singleLotPerLine` a lot that can serve the whole line wins over splitting. Lines compete for
 * stock in line order; the function keeps its own running free quantities, so it is pure.
 */
export function allocateFefo(lines: readonly LineDemand[], stock: readonly StockCandidate[], o: FefoOptions): FefoResult {
  const rank = new Map(o.warehouseOrder.map((w, i) => [w, i]));
  const usable = stock
    .filter((s) => s.free > 0 && rank.has(s.warehouseId) && lotIneligibility(s, o.shipDate, o.shelfLife) === null)
    .sort((a, b) =>
      a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1
        : rank.get(a.warehouseId)! - rank.get(b.warehouseId)! || a.pickSequence - b.pickSequence || (a.lotNumber < b.lotNumber ? -1 : 1));
  const byDevice = new Map<string, Array<StockCandidate & { left: number }>>();
  for (const s of usable) {
    const list = byDevice.get(s.deviceId) ?? [];
    list.push({ ...s, left: s.free });
    byDevice.set(s.deviceId, list);
  }
  const allocations: Allocation[] = [];
  const shortfalls: FefoResult['shortfalls'] = [];
  for (const line of lines) {
    const candidates = byDevice.get(line.deviceId) ?? [];
    let need = line.quantity;
    if (o.singleLotPerLine) {
      const whole = wholeLot(candidates, need);
      if (whole) {
        for (const c of whole) {
          const take = Math.min(c.left, need);
          c.left -= take;
          need -= take;
          allocations.push({ lineNo: line.lineNo, deviceId: line.deviceId, lotId: c.lotId, binId: c.binId, quantity: take });
        }
      }
    }
    for (const c of candidates) {
      if (need === 0) break;
      if (c.left === 0) continue;
      const take = Math.min(c.left, need);
      c.left -= take;
      need -= take;
      allocations.push({ lineNo: line.lineNo, deviceId: line.deviceId, lotId: c.lotId, binId: c.binId, quantity: take });
    }
    if (need > 0) shortfalls.push({ lineNo: line.lineNo, quantity: need });
  }
  return { allocations, shortfalls };
}

/** The earliest-expiring lot whose bins (in one warehouse) hold the whole quantity, if any. */
function wholeLot<T extends StockCandidate & { left: number }>(candidates: T[], need: number): T[] | null {
  const byLot = new Map<string, T[]>();
  for (const c of candidates) {
    const key = `${c.lotId}/${c.warehouseId}`;
    const bins = byLot.get(key);
    if (bins) bins.push(c);
    else byLot.set(key, [c]);
  }
  for (const bins of byLot.values()) {
    if (bins.reduce((s, b) => s + b.left, 0) >= need) return bins;
  }
  return null;
}
