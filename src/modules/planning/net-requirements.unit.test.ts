import { describe, expect, it } from 'vitest';
import { netRequirements } from './net-requirements.ts';
import type { Demand, PlanItem, Supply } from './planning-types.ts';
import { findCycle } from './bom-structure.ts';

const today = '2026-12-01';
const ids = () => {
  let n = 0;
  return () => `P${++n}`;
};

const item = (deviceId: string, more: Partial<PlanItem> = {}): PlanItem => ({
  deviceId, makeOrBuy: 'buy', leadTimeOverride: null, deviceLeadTimeDays: 0, routing: null, inspectionDays: 0, shelfLifeDays: null,
  safetyStock: 0, minOrderQty: 0, orderMultiple: 1, components: [], ...more,
});
const itemsOf = (...list: PlanItem[]) => new Map(list.map((i) => [i.deviceId, i]));
const line = (deviceId: string, date: string, quantity: number, ref = 'O1/1', priority = 3): Demand => ({ deviceId, date, quantity, type: 'order_line', ref, priority });
const stock = (deviceId: string, quantity: number, more: Partial<Supply> = {}): Supply => ({ deviceId, date: today, quantity, type: 'stock', ref: `lot-${deviceId}`, ...more });

describe('netting', () => {
  it('given stock short of an order line, when netted, then plans a buy for the shortfall only, pegged to the line', () => {
    const r = netRequirements(itemsOf(item('A', { deviceLeadTimeDays: 5 })), [line('A', '2026-12-20', 30)], [stock('A', 12)], { today, newId: ids() });
    expect(r.plannedOrders).toEqual([{ id: 'P1', kind: 'buy', deviceId: 'A', quantity: 18, startDate: '2026-12-15', dueDate: '2026-12-20', priority: 3,
      pegging: [{ type: 'order_line', ref: 'O1/1', date: '2026-12-20', quantity: 18 }] }]);
    expect(r.exceptions).toEqual([]);
  });

  it('given a two-level BOM, when the finished device is short, then its make order places component demand on its start date, netted against component stock', () => {
    const items = itemsOf(
      item('KIT', { makeOrBuy: 'make', leadTimeOverride: 3, components: [{ deviceId: 'SUB', quantityPer: 2 }, { deviceId: 'BOX', quantityPer: 1 }] }),
      item('SUB', { makeOrBuy: 'make', leadTimeOverride: 2, components: [{ deviceId: 'RAW', quantityPer: 5 }] }),
      item('BOX', { deviceLeadTimeDays: 1 }),
      item('RAW', { deviceLeadTimeDays: 4, inspectionDays: 1 }),
    );
    const r = netRequirements(items, [line('KIT', '2026-12-20', 10)], [stock('SUB', 4), stock('RAW', 20)], { today, newId: ids() });
    const by = Object.fromEntries(r.plannedOrders.map((p) => [p.deviceId, p]));
    expect(by.KIT).toMatchObject({ kind: 'make', quantity: 10, startDate: '2026-12-17', dueDate: '2026-12-20' });
    // 20 SUB needed on the 17th, 4 in stock: 16 made, started 2 days earlier, pegged to the KIT order.
    expect(by.SUB).toMatchObject({ kind: 'make', quantity: 16, startDate: '2026-12-15', dueDate: '2026-12-17', pegging: [{ type: 'planned_order', ref: by.KIT!.id, quantity: 16 }] });
    expect(by.BOX).toMatchObject({ kind: 'buy', quantity: 10, dueDate: '2026-12-17', startDate: '2026-12-16' });
    // 80 RAW for 16 SUB on the 15th, 20 in stock: 60 bought, 4 days lead + 1 day inspection.
    expect(by.RAW).toMatchObject({ kind: 'buy', quantity: 60, dueDate: '2026-12-15', startDate: '2026-12-10', pegging: [{ type: 'planned_order', ref: by.SUB!.id }] });
    expect(r.lowLevelCodes).toMatchObject({ KIT: 0, SUB: 1, BOX: 1, RAW: 2 });
  });

  it('given a component used on two levels, when netted, then it is planned once at its lowest level with both demands', () => {
    const items = itemsOf(
      item('TOP', { makeOrBuy: 'make', leadTimeOverride: 1, components: [{ deviceId: 'MID', quantityPer: 1 }, { deviceId: 'SCREW', quantityPer: 1 }] }),
      item('MID', { makeOrBuy: 'make', leadTimeOverride: 1, components: [{ deviceId: 'SCREW', quantityPer: 2 }] }),
      item('SCREW', { minOrderQty: 100 }),
    );
    const r = netRequirements(items, [line('TOP', '2026-12-10', 5)], [], { today, newId: ids() });
    const screws = r.plannedOrders.filter((p) => p.deviceId === 'SCREW');
    // 10 for MID on the 8th, then 5 for TOP on the 9th served by the surplus of the minimum 100.
    expect(screws).toHaveLength(1);
    expect(screws[0]).toMatchObject({ quantity: 100, dueDate: '2026-12-08' });
    expect(screws[0]!.pegging.map((p) => p.quantity)).toEqual([10, 5]);
  });

  it('given a lead time longer than the time left, when netted, then the order starts today and a late exception says when it can be ready', () => {
    const r = netRequirements(itemsOf(item('A', { deviceLeadTimeDays: 10 })), [line('A', '2026-12-05', 3)], [], { today, newId: ids() });
    expect(r.plannedOrders[0]).toMatchObject({ startDate: today, dueDate: '2026-12-11' });
    expect(r.exceptions).toEqual([expect.objectContaining({ kind: 'late', refType: 'order_line', refId: 'O1/1', details: { neededOn: '2026-12-05', earliest: '2026-12-11', leadDays: 10 } })]);
    expect(r.exceptions[0]!.zh).toContain('最早');
  });

  it('given demand already past due, then it is planned for today and reported late even without a lead time', () => {
    const r = netRequirements(itemsOf(item('A', { deviceLeadTimeDays: 0 })), [line('A', '2026-11-20', 3)], [], { today, newId: ids() });
    expect(r.plannedOrders[0]).toMatchObject({ startDate: today, dueDate: today, pegging: [{ date: '2026-11-20' }] });
    expect(r.exceptions.map((e) => [e.kind, e.details.neededOn])).toEqual([['late', '2026-11-20']]);
  });

  it('derives a make lead time from the routing minutes for the quantity', () => {
    const r = netRequirements(itemsOf(item('M', { makeOrBuy: 'make', routing: { setupMinutes: 60, runMinutesPerUnit: 10 }, components: [{ deviceId: 'C', quantityPer: 1 }] }), item('C')),
      [line('M', '2026-12-20', 100)], [], { today, newId: ids() });
    // 60 + 100 × 10 = 1060 minutes = 3 shifts of 480.
    expect(r.plannedOrders.find((p) => p.deviceId === 'M')).toMatchObject({ startDate: '2026-12-17', dueDate: '2026-12-20' });
  });

  it('rounds order quantities up to the minimum and then the multiple', () => {
    const plan = (net: number) => netRequirements(itemsOf(item('A', { minOrderQty: 50, orderMultiple: 12 })), [line('A', '2026-12-20', net)], [], { today, newId: ids() }).plannedOrders[0]!.quantity;
    expect([plan(1), plan(50), plan(61), plan(73)]).toEqual([60, 60, 72, 84]);
  });

  it('meets demand in date order, then by priority, and pegs each demand to the order that serves it', () => {
    const r = netRequirements(itemsOf(item('A')), [line('A', '2026-12-10', 5, 'LOW/1', 5), line('A', '2026-12-10', 5, 'HIGH/1', 1), line('A', '2026-12-08', 5, 'EARLY/1', 4)],
      [stock('A', 10)], { today, newId: ids() });
    expect(r.plannedOrders.map((p) => p.pegging.map((g) => g.ref))).toEqual([['LOW/1']]);
  });

  it('keeps safety stock: plans it after the real demand is met, without a late exception', () => {
    const r = netRequirements(itemsOf(item('A', { safetyStock: 20, deviceLeadTimeDays: 3 })), [line('A', '2026-12-10', 10)], [stock('A', 25)], { today, newId: ids() });
    expect(r.plannedOrders).toEqual([expect.objectContaining({ quantity: 5, dueDate: '2026-12-04', pegging: [{ type: 'safety_stock', ref: 'A', date: today, quantity: 5 }] })]);
    expect(r.exceptions).toEqual([]);
  });

  it('counts open purchase and work orders as supply, and says expedite, cancel or excess about them', () => {
    const supplies: Supply[] = [
      { deviceId: 'A', date: '2026-12-15', quantity: 10, type: 'purchase_order', ref: 'PO-LATE' },
      { deviceId: 'B', date: '2026-12-05', quantity: 10, type: 'work_order', ref: 'WO-UNUSED' },
      { deviceId: 'C', date: '2026-12-05', quantity: 10, type: 'purchase_order', ref: 'PO-BIG' },
    ];
    const r = netRequirements(itemsOf(item('A'), item('B', { makeOrBuy: 'make' }), item('C')), [line('A', '2026-12-10', 10), line('C', '2026-12-10', 4)], supplies, { today, newId: ids() });
    expect(r.plannedOrders).toEqual([]);
    expect(r.exceptions.map((e) => [e.kind, e.refId])).toEqual([['expedite', 'PO-LATE'], ['cancel', 'WO-UNUSED'], ['excess', 'PO-BIG']]);
  });

  it('does not let stock serve demand on or after its expiry, nor the surplus of a make order beyond its shelf life', () => {
    const items = itemsOf(item('S', { makeOrBuy: 'make', leadTimeOverride: 0, minOrderQty: 100, shelfLifeDays: 30, components: [{ deviceId: 'X', quantityPer: 1 }] }), item('X'));
    const r = netRequirements(items, [line('S', '2026-12-10', 10, 'A/1'), line('S', '2027-02-01', 10, 'B/1')], [stock('S', 50, { expiresOn: '2026-12-10' })], { today, newId: ids() });
    const made = r.plannedOrders.filter((p) => p.deviceId === 'S');
    expect(made.map((p) => [p.dueDate, p.quantity])).toEqual([['2026-12-10', 100], ['2027-02-01', 100]]);
    expect(r.exceptions.map((e) => e.kind)).toEqual(['shelf_life']);
  });

  it('flags a make device without a bill of material', () => {
    const r = netRequirements(itemsOf(item('M', { makeOrBuy: 'make' })), [line('M', '2026-12-20', 1)], [], { today, newId: ids() });
    expect(r.exceptions.map((e) => e.kind)).toEqual(['no_bom']);
  });
});

describe('BOM cycles', () => {
  it('finds a cycle through any depth and none in a tree', () => {
    expect(findCycle([{ parent: 'A', component: 'B' }, { parent: 'B', component: 'C' }, { parent: 'C', component: 'A' }])).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycle([{ parent: 'A', component: 'B' }, { parent: 'A', component: 'C' }, { parent: 'B', component: 'C' }])).toBeNull();
  });
});
