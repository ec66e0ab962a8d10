import type { Database } from '../../db/types.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { orderWorld, type OrderWorld } from '../../../test/helpers/order-fixtures.ts';
import { localToday } from '../orders/business-day.ts';
import { placeOrder } from '../orders/place-order.ts';
import type { OrderInput } from '../orders/order-input.ts';
import { createWarehouse } from '../warehouses/create-warehouse.ts';
import { addDays } from './promise-date.ts';
import { receiveStockIn } from './receive-stock.ts';

/** Test data for inventory's tests, the e2e tests and the benchmark: a warehouse and stock. */
const actor = systemActor('stock-fixture');
let n = 0;

export const today = (): string => localToday();
export const inDays = (days: number): string => addDays(localToday(), days);

export interface StockWorld extends OrderWorld {
  warehouseId: string;
  /** AMB-1, AMB-2 (normal, ambient), COLD-1 (cold chain), QC-1 (quarantine) → bin id */
  bins: Record<'AMB-1' | 'AMB-2' | 'COLD-1' | 'QC-1', string>;
}

/** orderWorld's customer and devices, and a warehouse with ambient, cold and quarantine bins. */
export async function stockWorld(db: Database, crypto: FieldCrypto): Promise<StockWorld> {
  const world = await orderWorld(db, crypto);
  const wh = await createWarehouse(db, actor, {
    code: `WH-${++n}`, nameZh: `测试仓${n}`,
    zones: [
      { code: 'AMB', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' },
      { code: 'COLD', nameZh: '冷库', zoneType: 'cold_chain', storageCondition: '2-8C' },
      { code: 'QC', nameZh: '待验区', zoneType: 'quarantine', storageCondition: 'ambient' },
    ],
    bins: [
      { code: 'AMB-1', zoneCode: 'AMB', pickSequence: 10 }, { code: 'AMB-2', zoneCode: 'AMB', pickSequence: 20 },
      { code: 'COLD-1', zoneCode: 'COLD', pickSequence: 5 }, { code: 'QC-1', zoneCode: 'QC', pickSequence: 1 },
    ],
  });
  const bins = Object.fromEntries(wh.bins.map((b) => [b.code, b.id])) as StockWorld['bins'];
  return { ...world, warehouseId: wh.id, bins };
}

export interface LotSpec {
  deviceId: string;
  lotNumber: string;
  expiresOn: string;
  quantity: number;
  binId: string;
  manufacturedOn?: string;
  serials?: string[];
}

/** Opening stock: lands released. Returns the lot ids in the order given. */
export async function receiveReleased(db: Database, lots: readonly LotSpec[]): Promise<string[]> {
  const byBin = new Map<string, LotSpec[]>();
  for (const l of lots) byBin.set(l.binId, [...(byBin.get(l.binId) ?? []), l]);
  const ids = new Map<string, string>();
  for (const [binId, specs] of byBin) {
    const r = await writeTx(db, { actor }, (w) => receiveStockIn(w, {
      binId, reason: 'opening',
      lines: specs.map(({ binId: _b, ...l }) => l),
    }, { today: localToday(), now: new Date() }));
    for (const l of r.lines) ids.set(`${l.deviceId}/${l.lotNumber}`, l.lotId);
  }
  return lots.map((l) => ids.get(`${l.deviceId}/${l.lotNumber}`)!);
}

/** A confirmed order of the world's hospital (delivery asked in 14 days). Returns its id. */
export async function confirmedOrder(db: Database, world: OrderWorld, lines: OrderInput['lines'], more: Partial<OrderInput> = {}): Promise<string> {
  const placed = await writeTx(db, { actor }, (w) => placeOrder(w, { customerId: world.hospital.id, requestedDate: inDays(14), lines, ...more }, { channel: 'api', today: localToday() }));
  if (placed.status !== 'confirmed') throw new Error(`fixture order is ${placed.status}: ${JSON.stringify(placed.holds)}`);
  return placed.id;
}
