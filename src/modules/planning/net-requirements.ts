import { lowLevelCodes, type BomEdge } from './bom-structure.ts';
import { addDays, leadDays, orderQuantity } from './lot-sizing.ts';
import { planException } from './plan-exceptions.ts';
import type { Demand, PlanException, PlannedOrder, PlanItem, PlanResult, Supply } from './planning-types.ts';

export interface NetOptions {
  today: string;
  newId: () => string;
}

/** Supply in the netting queue; `planned` is the surplus of a planned order (minimum, multiple). */
interface Slot extends Omit<Supply, 'type'> {
  type: Supply['type'] | 'planned';
  left: number;
  used: number;
}

const TYPE_RANK: Record<Slot['type'], number> = { stock: 0, quarantine: 1, purchase_order: 2, work_order: 3, planned: 4 };
const bySlot = (a: Slot, b: Slot) => a.date.localeCompare(b.date) || TYPE_RANK[a.type] - TYPE_RANK[b.type] || a.ref.localeCompare(b.ref);
/** Real demand by date then priority; safety stock last, so customers are served from stock first. */
const byNeed = (a: Demand, b: Demand) =>
  Number(a.type === 'safety_stock') - Number(b.type === 'safety_stock') || a.date.localeCompare(b.date) || a.priority - b.priority || a.ref.localeCompare(b.ref);

/**
 * MRP netting, level by level (low-level codes): for each device, demand — order lines, open
 * forecasts, safety stock, the components of parent orders — is met in date then priority order
 * from supply (stock, quarantine releasing, purchase and work orders, then surplus of earlier
 * planned orders) earliest first; what remains becomes a planned order due on the demand's date,
 * sized by minimum and multiple, started a lead time earlier, and pegged to what it serves. A
 * planned make order places its components' demand on its start date.
 *
 * Shelf life, kept simple: a supply that expires (a stock lot, or what a make order would produce
 * plus the device's shelf life) serves only demand dated before its expiry. A planned make order
 * is always due on the date of the demand it is made for, so it is never planned so early that
 * its output expires first; only its surplus can expire unused, which is reported (shelf_life).
 */
export function netRequirements(items: ReadonlyMap<string, PlanItem>, demands: readonly Demand[], supplies: readonly Supply[], o: NetOptions): PlanResult {
  const edges: BomEdge[] = [...items.values()].flatMap((i) => i.components.map((c) => ({ parent: i.deviceId, component: c.deviceId })));
  const llc = lowLevelCodes(edges);
  const order = [...items.keys()].sort((a, b) => (llc.get(a) ?? 0) - (llc.get(b) ?? 0) || a.localeCompare(b));
  const need = groupBy(demands);
  const slots = new Map<string, Slot[]>();
  for (const s of supplies) slots.set(s.deviceId, [...(slots.get(s.deviceId) ?? []), { ...s, left: s.quantity, used: 0 }]);
  const plannedOrders: PlannedOrder[] = [];
  const exceptions: PlanException[] = [];

  for (const deviceId of order) {
    const item = items.get(deviceId)!;
    const reqs = [...(need.get(deviceId) ?? [])];
    if (item.safetyStock > 0) reqs.push({ deviceId, date: o.today, quantity: item.safetyStock, type: 'safety_stock', ref: deviceId, priority: 6 });
    reqs.sort(byNeed);
    const queue = (slots.get(deviceId) ?? []).sort(bySlot);
    const ordersOf = new Map<string, PlannedOrder>();
    const flagged = new Set<string>();
    for (const req of reqs) {
      const date = req.date < o.today ? o.today : req.date;
      let rest = req.quantity;
      for (const s of queue) {
        if (rest === 0) break;
        if (s.left === 0) continue;
        if (s.expiresOn !== undefined && s.expiresOn <= date) {
          if (s.type === 'planned' && !flagged.has(`shelf/${s.ref}`)) {
            flagged.add(`shelf/${s.ref}`);
            exceptions.push(planException('shelf_life', deviceId, 'planned_order', s.ref, { expiresOn: s.expiresOn, quantity: s.left }));
          }
          continue;
        }
        const take = Math.min(s.left, rest);
        s.left -= take;
        s.used += take;
        rest -= take;
        if (s.type === 'planned') ordersOf.get(s.ref)!.pegging.push({ type: req.type, ref: req.ref, date: req.date, quantity: take });
        if ((s.type === 'purchase_order' || s.type === 'work_order') && s.date > date && !flagged.has(`exp/${s.ref}`)) {
          flagged.add(`exp/${s.ref}`);
          exceptions.push(planException('expedite', deviceId, s.type, s.ref, { from: s.date, to: date, for: { type: req.type, ref: req.ref } }));
        }
      }
      if (rest === 0) continue;
      const quantity = orderQuantity(rest, item);
      const lead = leadDays(item, quantity);
      let due = date;
      let start = addDays(due, -lead);
      if (start < o.today || req.date < o.today) {
        start = o.today;
        due = addDays(o.today, lead);
        // Safety stock is wanted "now" by definition; only real demand can be late.
        if (req.type !== 'safety_stock') exceptions.push(planException('late', deviceId, req.type, req.ref, { neededOn: req.date, earliest: due, leadDays: lead }));
      }
      const po: PlannedOrder = {
        id: o.newId(), kind: item.makeOrBuy, deviceId, quantity, startDate: start, dueDate: due, priority: Math.min(req.priority, 5),
        pegging: [{ type: req.type, ref: req.ref, date: req.date, quantity: rest }],
      };
      plannedOrders.push(po);
      ordersOf.set(po.id, po);
      if (quantity > rest) {
        const expiresOn = item.makeOrBuy === 'make' && item.shelfLifeDays ? addDays(due, item.shelfLifeDays) : undefined;
        insertSorted(queue, { deviceId, date: due, quantity: quantity - rest, type: 'planned', ref: po.id, left: quantity - rest, used: 0, ...(expiresOn ? { expiresOn } : {}) });
      }
      if (item.makeOrBuy === 'make') explode(item, po, need, exceptions, flagged);
    }
    for (const s of queue) {
      if (s.type !== 'purchase_order' && s.type !== 'work_order') continue;
      if (s.used === 0) exceptions.push(planException('cancel', deviceId, s.type, s.ref, { quantity: s.quantity, date: s.date }));
      else if (s.left > 0) exceptions.push(planException('excess', deviceId, s.type, s.ref, { quantity: s.quantity, excess: s.left, date: s.date }));
    }
  }
  return { plannedOrders, exceptions, lowLevelCodes: Object.fromEntries(order.map((d) => [d, llc.get(d) ?? 0])) };
}

function groupBy(demands: readonly Demand[]): Map<string, Demand[]> {
  const m = new Map<string, Demand[]>();
  for (const d of demands) m.set(d.deviceId, [...(m.get(d.deviceId) ?? []), d]);
  return m;
}

function insertSorted(queue: Slot[], slot: Slot): void {
  const at = queue.findIndex((s) => bySlot(slot, s) < 0);
  queue.splice(at < 0 ? queue.length : at, 0, slot);
}

/** The components a planned make order needs, due on its start date, pegged to it. */
function explode(item: PlanItem, po: PlannedOrder, need: Map<string, Demand[]>, exceptions: PlanException[], flagged: Set<string>): void {
  if (!item.routing && item.leadTimeOverride === null && item.deviceLeadTimeDays === null && !flagged.has('no_routing')) {
    flagged.add('no_routing');
    exceptions.push(planException('no_routing', item.deviceId, 'device', item.deviceId, {}));
  }
  if (item.components.length === 0) {
    if (!flagged.has('no_bom')) {
      flagged.add('no_bom');
      exceptions.push(planException('no_bom', item.deviceId, 'device', item.deviceId, {}));
    }
    return;
  }
  for (const c of item.components) {
    const list = need.get(c.deviceId) ?? [];
    list.push({ deviceId: c.deviceId, date: po.startDate, quantity: po.quantity * c.quantityPer, type: 'planned_order', ref: po.id, priority: po.priority });
    need.set(c.deviceId, list);
  }
}
