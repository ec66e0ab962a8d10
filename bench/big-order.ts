import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Database } from '../src/db/types.ts';
import { systemActor } from '../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../src/platform/crypto/field-crypto.ts';
import { writeTx } from '../src/platform/unit-of-work.ts';
import { sampleDevice } from '../src/modules/catalog/devices.fixture.ts';
import { upsertDevices } from '../src/modules/catalog/upsert-devices.ts';
import { createPriceList } from '../src/modules/pricing/create-price-list.ts';
import { allocateOrder } from '../src/modules/inventory/allocate-order.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today } from '../src/modules/inventory/stock.fixture.ts';
import { benchDatabase } from './bench-database.ts';
import { round, type Figure, type Scenario } from './figure.ts';

const actor = systemActor('bench');

export interface BigOrderResult {
  seconds: number;
  lines: number;
  lots: number;
  allocations: number;
  allocatedUnits: number;
  backOrderedUnits: number;
}

/**
 * Allocating one big order: `lines` lines over `lots` released lots (five lots and ten lines per
 * device, each device's stock a quarter more than its lines ask, so lines split across lots).
 * Only the allocation is timed — one transaction: candidate stock for every device in one
 * locking query, FEFO, set-based writes of allocations, balances, lines and promises.
 */
export async function run(o: { lines: number; lots: number; db?: Database }): Promise<BigOrderResult> {
  const bench = o.db ? null : await benchDatabase('big_order');
  const db = o.db ?? bench!.db;
  try {
    const world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('bench'))));
    const deviceCount = Math.max(1, Math.round(o.lots / 5));
    const made = await writeTx(db, { actor }, (w) => upsertDevices(w, Array.from({ length: deviceCount }, (_, i) =>
      sampleDevice(900_000 + i, { code: `BIG-${i}`, registrationExpiresOn: '2035-12-31', leadTimeDays: 21 })), { source: 'bench' }));
    const deviceIds = made.devices.map((d) => d.id);
    await createPriceList(db, actor, { code: `BIG-${Date.now()}`, name: 'big order', currency: 'CNY', validFrom: '2020-01-01',
      lines: deviceIds.map((deviceId) => ({ deviceId, unitPriceMinor: 1000 })) });
    const perLine = 10;
    const linesPerDevice = Math.ceil(o.lines / deviceCount);
    const lotSize = Math.ceil((linesPerDevice * perLine * 1.25) / Math.ceil(o.lots / deviceCount));
    for (let start = 0; start < o.lots; start += 1000) {
      await receiveReleased(db, Array.from({ length: Math.min(1000, o.lots - start) }, (_, k) => {
        const i = start + k;
        return { deviceId: deviceIds[i % deviceCount]!, lotNumber: `L${i}`, expiresOn: inDays(200 + (i * 7) % 500), quantity: lotSize, binId: world.bins['AMB-1'] };
      }));
    }
    const orderId = await confirmedOrder(db, world, Array.from({ length: o.lines }, (_, i) => ({ deviceId: deviceIds[i % deviceCount]!, quantity: perLine })));

    const t0 = performance.now();
    const r = await allocateOrder(db, actor, orderId, { earliestShipDate: today() });
    const seconds = (performance.now() - t0) / 1000;
    return {
      seconds, lines: o.lines, lots: o.lots, allocations: r.allocations.length,
      allocatedUnits: r.allocations.reduce((n, a) => n + a.quantity, 0), backOrderedUnits: r.backOrders.reduce((n, b) => n + b.quantity, 0),
    };
  } finally {
    await bench?.drop();
  }
}

export const figureOf = (r: BigOrderResult): Figure => ({
  bench: 'big-order', metric: `seconds_${r.lines}_lines`, value: round(r.seconds, 3), unit: 's',
  note: `${r.lots} lots, ${r.allocations} allocations, ${r.allocatedUnits} units allocated, ${r.backOrderedUnits} back-ordered`,
});

export const bigOrderScenario: Scenario = {
  name: 'big-order',
  describe: 'allocating one order of 1,000 and of 10,000 lines over 5,000 lots (FEFO, one transaction); peer: 6.3 s and 80 s',
  async run({ size }) {
    const shapes = size === 'full' ? [{ lines: 1_000, lots: 5_000 }, { lines: 10_000, lots: 5_000 }] : [{ lines: 1_000, lots: 1_000 }];
    const figures: Figure[] = [];
    for (const shape of shapes) figures.push(figureOf(await run(shape)));
    return figures;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run({ lines: 10_000, lots: 5_000 });
  const { note: _n, ...figure } = figureOf(r);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}
