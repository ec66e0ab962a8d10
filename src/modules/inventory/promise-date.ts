import { zonedDateFormat } from '../../platform/zoned-format.ts';

/**
 * ATP / the promise of an order line, as a pure calculation: the part served from released stock
 * ships on the earliest ship date; the rest waits for inbound purchase orders (arrival + the
 * inspection that releases them) or planned production (completion), taken in the order they
 * become available and shared between lines in line order; what still lacks waits the device's
 * lead time. The promise says when the whole line ships and arrives, and what that rests on.
 */
export type PromiseBasis = 'stock' | 'inbound' | 'production' | 'lead_time';

export interface InboundSupply {
  /** Expected arrival (purchase order) or completion (work order), 'YYYY-MM-DD'. */
  date: string;
  quantity: number;
  kind: 'purchase_order' | 'work_order';
  /** The purchase order or work order id. */
  ref: string;
}

export interface PromiseDemand {
  lineNo: number;
  deviceId: string;
  /** Units to promise: the line's open quantity. */
  quantity: number;
  /** Units of it served from released stock (allocated, or free on a dry run), and their lots. */
  fromStock: number;
  lotIds: readonly string[];
}

export interface PromiseOptions {
  /** Today, or tomorrow once the day's shipping cut-off has passed. */
  earliestShipDate: string;
  /** The carrier service's transit time (0 without one). */
  transitDays: number;
  /** Days received goods spend in quarantine before the quality release. */
  inspectionDays: number;
  /** Inbound supply by device id (purchasing and production supply it; absent = none). */
  inbound: ReadonlyMap<string, readonly InboundSupply[]>;
  /** The device's lead time in days; null or absent = unknown. */
  leadTimeDays: ReadonlyMap<string, number | null>;
}

export interface LinePromise {
  lineNo: number;
  /** When the whole line can ship; null when nothing says when the rest will come. */
  shipDate: string | null;
  deliveryDate: string | null;
  /** The source that sets the date: the last (latest) one the line needs. */
  basis: PromiseBasis;
  fromStock: number;
  fromInbound: number;
  fromProduction: number;
  fromLeadTime: number;
  lotIds: string[];
  purchaseOrders: string[];
  workOrders: string[];
}

export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const later = (a: string, b: string): string => (a > b ? a : b);

interface Supply extends InboundSupply {
  available: string;
  left: number;
}

function supplyQueues(o: PromiseOptions): Map<string, Supply[]> {
  const queues = new Map<string, Supply[]>();
  for (const [deviceId, list] of o.inbound) {
    const q = list
      .filter((s) => s.quantity > 0)
      .map((s) => ({
        ...s,
        left: s.quantity,
        available: later(o.earliestShipDate, s.kind === 'purchase_order' ? addDays(s.date, o.inspectionDays) : s.date),
      }))
      .sort((a, b) => (a.available < b.available ? -1 : a.available > b.available ? 1 : a.ref < b.ref ? -1 : 1));
    queues.set(deviceId, q);
  }
  return queues;
}

export function promiseLines(lines: readonly PromiseDemand[], o: PromiseOptions): LinePromise[] {
  const queues = supplyQueues(o);
  return lines.map((line) => {
    const p: LinePromise = {
      lineNo: line.lineNo, shipDate: o.earliestShipDate, deliveryDate: null, basis: 'stock', fromStock: Math.min(line.fromStock, line.quantity),
      fromInbound: 0, fromProduction: 0, fromLeadTime: 0, lotIds: [...line.lotIds], purchaseOrders: [], workOrders: [],
    };
    let rest = line.quantity - p.fromStock;
    let ship = o.earliestShipDate;
    for (const s of queues.get(line.deviceId) ?? []) {
      if (rest === 0) break;
      if (s.left === 0) continue;
      const take = Math.min(s.left, rest);
      s.left -= take;
      rest -= take;
      if (s.available >= ship) {
        ship = s.available;
        p.basis = s.kind === 'purchase_order' ? 'inbound' : 'production';
      }
      if (s.kind === 'purchase_order') {
        p.fromInbound += take;
        p.purchaseOrders.push(s.ref);
      } else {
        p.fromProduction += take;
        p.workOrders.push(s.ref);
      }
    }
    if (rest > 0) {
      p.fromLeadTime = rest;
      p.basis = 'lead_time';
      const lead = o.leadTimeDays.get(line.deviceId) ?? null;
      p.shipDate = lead === null ? null : later(ship, addDays(o.earliestShipDate, lead));
    } else {
      p.shipDate = ship;
    }
    p.deliveryDate = p.shipDate === null ? null : addDays(p.shipDate, o.transitDays);
    return p;
  });
}

/** The order's promised date: when its last line arrives; unknown if any line's date is. */
export function orderPromisedDate(promises: readonly LinePromise[]): string | null {
  if (promises.length === 0 || promises.some((p) => p.deliveryDate === null)) return null;
  return promises.reduce((max, p) => later(max, p.deliveryDate!), promises[0]!.deliveryDate!);
}

/**
 * The first day goods can leave: today before the shipping cut-off (local business time), else
 * tomorrow. Weekends and holidays are not skipped: the warehouse calendar is not modelled yet.
 */
export function earliestShipDate(now: Date, cutoffHour: number, timeZone: string): string {
  const parts = zonedDateFormat(timeZone, true).formatToParts(now);
  const get = (t: string) => parts.find((x) => x.type === t)!.value;
  const today = `${get('year')}-${get('month')}-${get('day')}`;
  return Number(get('hour')) >= cutoffHour ? addDays(today, 1) : today;
}
