import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Database } from '../src/db/types.ts';
import { systemActor, type Actor } from '../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../src/platform/crypto/field-crypto.ts';
import { createUser } from '../src/modules/auth/create-user.ts';
import { actorForUser } from '../src/modules/auth/load-actor.ts';
import { addLotDocument } from '../src/modules/inventory/add-lot-document.ts';
import { allocateOrder } from '../src/modules/inventory/allocate-order.ts';
import { shippingDates } from '../src/modules/inventory/shipping-clock.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld } from '../src/modules/inventory/stock.fixture.ts';
import { createPickList } from '../src/modules/fulfillment/create-pick-list.ts';
import { packPackage } from '../src/modules/fulfillment/pack-package.ts';
import { reviewPackage } from '../src/modules/fulfillment/review-package.ts';
import { scanPickBatch } from '../src/modules/fulfillment/scan-pick-batch.ts';
import { shipOrder } from '../src/modules/fulfillment/ship-order.ts';
import { verifyLedger } from '../src/modules/inventory/verify-ledger.ts';
import { readTx } from '../src/platform/unit-of-work.ts';
import { encodeGs1 } from '../src/modules/udi/encode-gs1.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile, round, type Figure, type Scenario } from './figure.ts';

/**
 * Picking and shipping `units` serial-tracked units (the class III stent, one GS1 label per unit)
 * through fulfilment's real use cases: a pick list for one allocated order, the labels sent in
 * batches of BATCH labels through scanPickBatch (one transaction per batch, as a scanner gun's
 * upload or `lotline pick scan` reading stdin does), then pack, the signed outbound review and
 * ship; the stock ledger must verify afterwards. Set-up (receiving, order, allocation) is not timed.
 */
const PASSWORD = 'bench-pass-12345';
const UNITS_PER_LOT = 1_000;
const UNITS_PER_LINE = 1_000;
const BATCH = 10_000;

async function person(db: Database, name: string): Promise<Actor> {
  const u = await createUser(db, systemActor('bench'), { username: name, password: PASSWORD, roles: ['warehouse'] });
  return (await actorForUser(db, u.id))!;
}

export async function run(units: number, o: { db?: Database } = {}): Promise<Figure[]> {
  const bench = o.db ? null : await benchDatabase('serial_ship');
  const db = o.db ?? bench!.db;
  try {
    const world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('bench'))));
    const admin = systemActor('bench');
    const expiry = inDays(500);
    const lots = Array.from({ length: Math.ceil(units / UNITS_PER_LOT) }, (_, i) => {
      const quantity = Math.min(UNITS_PER_LOT, units - i * UNITS_PER_LOT);
      return { deviceId: world.stent.id, lotNumber: `SS${i + 1}`, expiresOn: expiry, quantity, binId: world.bins['AMB-1'],
        serials: Array.from({ length: quantity }, (_x, k) => `B${i + 1}-${String(k + 1).padStart(5, '0')}`) };
    });
    const lotIds = await receiveReleased(db, lots);
    for (const lotId of lotIds) await addLotDocument(db, admin, lotId, { kind: 'certificate_of_conformity', reference: `COC-${lotId}` });
    const orderId = await confirmedOrder(db, world, Array.from({ length: Math.ceil(units / UNITS_PER_LINE) }, (_, i) => ({
      deviceId: world.stent.id, quantity: Math.min(UNITS_PER_LINE, units - i * UNITS_PER_LINE) })));
    const dates = shippingDates();
    await allocateOrder(db, admin, orderId, { earliestShipDate: dates.earliestShipDate });
    const [picker, reviewer] = [await person(db, 'bench-picker'), await person(db, 'bench-reviewer')];
    const labels = lots.flatMap((l) => l.serials.map((serial) => encodeGs1({ gtin: world.stent.eachGtin, lot: l.lotNumber, expiry, serial }).raw));

    const t0 = performance.now();
    const list = await createPickList(db, picker, { orderIds: [orderId] });
    const batchMs: number[] = [];
    for (let at = 0; at < labels.length; at += BATCH) {
      const s = performance.now();
      const r = await scanPickBatch(db, picker, list.id, { scans: labels.slice(at, at + BATCH) }, { shipDate: dates.earliestShipDate, language: 'en' });
      if (r.refused.length) throw new Error(`batch at ${at}: ${r.refused.length} refused, first ${r.refused[0]!.messageEn}`);
      batchMs.push(performance.now() - s);
    }
    const t1 = performance.now();
    const pkg = await packPackage(db, picker, orderId, { weightG: 20_000, lengthMm: 800, widthMm: 600, heightMm: 500 });
    const tPacked = performance.now();
    await reviewPackage(db, reviewer, pkg.id, { password: PASSWORD, meaning: '出库复核 outbound review' });
    const tReviewed = performance.now();
    const shipped = await shipOrder(db, reviewer, orderId, { carrier: 'SF Express', trackingNumber: 'SF-BENCH' }, { today: dates.today });
    const t2 = performance.now();
    if (shipped.units !== units) throw new Error(`shipped ${shipped.units} of ${units} units`);
    const mismatches = await readTx(db, verifyLedger);
    if (mismatches.length) throw new Error(`the stock ledger does not verify: ${JSON.stringify(mismatches.slice(0, 3))}`);
    batchMs.sort((a, b) => a - b);
    const total = (t2 - t0) / 1000;
    const note = `${units.toLocaleString('en')} serial units, scanPickBatch of ${BATCH.toLocaleString('en')} labels per transaction; target 30,000 in ≤ 10 s`;
    return [
      { bench: 'serial-ship', metric: `seconds_${units}_units`, value: round(total, 2), unit: 's', note },
      { bench: 'serial-ship', metric: 'scan_seconds', value: round((t1 - t0) / 1000, 2), unit: 's', note: 'pick list + every scan' },
      { bench: 'serial-ship', metric: 'batch_p50', value: round(percentile(batchMs, 50)), unit: 'ms', note: `one batch of up to ${BATCH} labels` },
      { bench: 'serial-ship', metric: 'batch_max', value: round(batchMs[batchMs.length - 1] ?? 0), unit: 'ms', note: `one batch of up to ${BATCH} labels` },
      { bench: 'serial-ship', metric: 'ledger_verified', value: 1, unit: 'bool', note: 'verifyLedger found no mismatch after the shipment' },
      { bench: 'serial-ship', metric: 'pack_review_ship_seconds', value: round((t2 - t1) / 1000, 2), unit: 's', note: 'one package, signed review, ship (set-based)' },
      { bench: 'serial-ship', metric: 'pack_seconds', value: round((tPacked - t1) / 1000, 2), unit: 's', note: 'every pick into one package' },
      { bench: 'serial-ship', metric: 'review_seconds', value: round((tReviewed - tPacked) / 1000, 2), unit: 's', note: 'signed outbound review (password hash check)' },
      { bench: 'serial-ship', metric: 'ship_seconds', value: round((t2 - tReviewed) / 1000, 2), unit: 's', note: 'shipment, trace lines, ship moves' },
      { bench: 'serial-ship', metric: 'units_per_second', value: round(units / total, 1), unit: 'units/s', note },
    ];
  } finally {
    await bench?.drop();
  }
}

export const serialShipScenario: Scenario = {
  name: 'serial-ship',
  describe: 'pick (batch scans, one label per unit), pack, review and ship 30,000 serial-tracked units (full; 2,000 small); target ≤ 10 s',
  run: ({ size }) => run(size === 'full' ? 30_000 : 2_000),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await run(Number(process.argv[2] ?? 2_000))) process.stdout.write(`${JSON.stringify(f)}\n`);
}
