import type { Sql } from '../../db/types.ts';
import type { KpiAnswer, KpiName, KpiRequest, KpiResult } from './kpi-types.ts';
import { FORMULAS } from './formula-texts.ts';
import { holdsByTypeAge } from './holds-by-type-age.ts';
import { inventoryByExpiry, inventoryStructure } from './inventory-kpis.ts';
import { loadOrderFacts } from './load-order-facts.ts';
import { lotQuality } from './lot-quality.ts';
import { onTimePreparation } from './on-time-preparation.ts';
import { byChannel, confirmedRatio, cycleTime, dueRatio, isErroneous, isOnTimeInFull, isPerfect, submittedRatio } from './order-kpis.ts';
import { ordersAtRisk } from './orders-at-risk.ts';
import { wip } from './wip.ts';

type Compute = (tx: Sql, q: KpiRequest, now: Date) => Promise<KpiResult>;

const COMPUTE: Record<KpiName, Compute> = {
  otif: async (tx, q) => dueRatio(await loadOrderFacts(tx, q, 'due'), q.groupBy, isOnTimeInFull),
  'perfect-order-rate': async (tx, q) => dueRatio(await loadOrderFacts(tx, q, 'due'), q.groupBy, isPerfect),
  'order-error-rate': async (tx, q) => submittedRatio(await loadOrderFacts(tx, q, 'submitted'), q.groupBy, isErroneous),
  'order-cycle-time': async (tx, q) => cycleTime(await loadOrderFacts(tx, q, 'submitted')),
  'auto-confirmed-share': async (tx, q) => confirmedRatio(await loadOrderFacts(tx, q, 'confirmed'), q.groupBy),
  'holds-by-type-age': holdsByTypeAge,
  'on-time-preparation': onTimePreparation,
  'inventory-by-expiry': inventoryByExpiry,
  'orders-by-channel': async (tx, q) => byChannel(await loadOrderFacts(tx, q, 'submitted')),
  'inventory-structure': inventoryStructure,
  'lot-quality': lotQuality,
  wip,
  'orders-at-risk': ordersAtRisk,
};

const SNAPSHOTS: ReadonlySet<KpiName> = new Set(['holds-by-type-age', 'inventory-by-expiry', 'inventory-structure', 'orders-at-risk']);

/** One KPI for one period and filter, with its formula text and the counts behind its value. */
export async function computeKpi(tx: Sql, name: KpiName, q: KpiRequest, now: Date): Promise<KpiAnswer> {
  const result = await COMPUTE[name](tx, q, now);
  return {
    kpi: name, from: q.from, to: q.to, groupBy: q.groupBy, filters: { customerId: q.customerId, channel: q.channel },
    snapshot: SNAPSHOTS.has(name), restricted: q.customerIds !== null, formula: FORMULAS[name], ...result,
  };
}
