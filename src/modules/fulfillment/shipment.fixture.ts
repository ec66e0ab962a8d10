import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { actorForUser } from '../auth/load-actor.ts';
import { createUser } from '../auth/create-user.ts';
import { addLotDocument } from '../inventory/add-lot-document.ts';
import { allocateOrder } from '../inventory/allocate-order.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, type LotSpec, type StockWorld } from '../inventory/stock.fixture.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { confirmDelivery } from './confirm-delivery.ts';
import { createPickList } from './create-pick-list.ts';
import { packPackage } from './pack-package.ts';
import { reviewPackage } from './review-package.ts';
import { scanPick } from './scan-pick.ts';
import { shipOrder } from './ship-order.ts';

/**
 * Test data for fulfilment's tests and every module after it (shipping documents, trace,
 * invoicing, returns): an order shipped through the real use cases — stock received released
 * with a certificate of conformity, a confirmed order allocated FEFO, a pick list scanned with
 * GS1 labels, one package packed and reviewed, shipped (and delivered when asked).
 */
export const FIXTURE_PASSWORD = 'fixture-pass-12345';

export interface ShippedOrderOptions {
  /** Order lines; default one box (20) of the cold-chain reagent. Stent lines are serial-tracked: one serial per unit. */
  lines?: Array<{ device: 'reagent' | 'stent'; quantity: number }>;
  /** Confirm delivery too. */
  deliver?: boolean;
  /** Ship into an existing world (another order of the same customer and warehouse). */
  world?: StockWorld;
}

export interface ShippedOrderFixture {
  world: StockWorld;
  orderId: string;
  shipmentId: string;
  shipmentNumber: string;
  pickListId: string;
  packageIds: string[];
  ssccs: string[];
  /** Lot ids in the order of `lines` (one lot per line). */
  lotIds: string[];
  lotNumbers: string[];
  /** Serials shipped per line (empty for lot-tracked lines). */
  serials: string[][];
  picker: Actor;
  reviewer: Actor;
}

let n = 0;

async function signedInUser(db: Database, name: string): Promise<Actor> {
  const u = await createUser(db, systemActor('shipment-fixture'), { username: name, password: FIXTURE_PASSWORD, roles: ['warehouse'] });
  return (await actorForUser(db, u.id))!;
}

async function gtinOf(db: Database, deviceId: string, level: 'each' | 'box' | 'case'): Promise<string | null> {
  const { rows } = await db.query<{ gtin: string }>('SELECT gtin FROM device_packaging WHERE device_id = $1 AND level = $2', [deviceId, level]);
  return rows[0]?.gtin ?? null;
}

/** GS1 labels picking `quantity` units: whole boxes where the device has one, then single units. */
async function labelsFor(db: Database, deviceId: string, lot: string, expiry: string, quantity: number, serials: string[]): Promise<Array<{ scan: string; quantity?: number }>> {
  const each = (await gtinOf(db, deviceId, 'each'))!;
  if (serials.length) return serials.map((serial) => ({ scan: encodeGs1({ gtin: each, lot, expiry, serial }).raw }));
  const box = await gtinOf(db, deviceId, 'box');
  const boxSize = box ? (await db.query<{ q: number }>('SELECT quantity AS q FROM device_packaging WHERE gtin = $1', [box])).rows[0]!.q : 0;
  const boxes = box ? Math.floor(quantity / boxSize) : 0;
  const labels: Array<{ scan: string; quantity?: number }> = Array.from({ length: boxes }, () => ({ scan: encodeGs1({ gtin: box!, lot, expiry }).raw }));
  const rest = quantity - boxes * boxSize;
  if (rest > 0) labels.push({ scan: encodeGs1({ gtin: each, lot, expiry }).raw, quantity: rest });
  return labels;
}

export async function shippedOrder(db: Database, crypto: FieldCrypto, opts: ShippedOrderOptions = {}): Promise<ShippedOrderFixture> {
  const world = opts.world ?? (await stockWorld(db, crypto));
  const tag = `${++n}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const lines = opts.lines ?? [{ device: 'reagent', quantity: 20 }];
  const expiry = inDays(400);
  const specs: Array<LotSpec & { serials: string[] }> = lines.map((l, i) => {
    const stent = l.device === 'stent';
    return {
      deviceId: stent ? world.stent.id : world.coldDevice.id, lotNumber: `FX${tag}L${i + 1}`, expiresOn: expiry, quantity: l.quantity,
      binId: stent ? world.bins['AMB-1'] : world.bins['COLD-1'],
      serials: stent ? Array.from({ length: l.quantity }, (_x, k) => `SN${tag}-${i + 1}-${k + 1}`) : [],
    };
  });
  const lotIds = await receiveReleased(db, specs.map(({ serials, ...s }) => (serials.length ? { ...s, serials } : s)));
  const admin = systemActor('shipment-fixture');
  for (const [i, lotId] of lotIds.entries()) {
    await addLotDocument(db, admin, lotId, { kind: 'certificate_of_conformity', reference: `COC-${specs[i]!.lotNumber}` });
  }
  const orderId = await confirmedOrder(db, world, specs.map((s) => ({ deviceId: s.deviceId, quantity: s.quantity })));
  const dates = shippingDates();
  await allocateOrder(db, admin, orderId, { earliestShipDate: dates.earliestShipDate });

  const picker = await signedInUser(db, `picker-${tag.toLowerCase()}`);
  const reviewer = await signedInUser(db, `reviewer-${tag.toLowerCase()}`);
  const list = await createPickList(db, picker, { orderIds: [orderId] });
  for (const s of specs) {
    for (const label of await labelsFor(db, s.deviceId, s.lotNumber, s.expiresOn, s.quantity, s.serials)) {
      await scanPick(db, picker, list.id, label, { shipDate: dates.earliestShipDate, language: 'en' });
    }
  }
  const pkg = await packPackage(db, picker, orderId, { weightG: 1500, lengthMm: 400, widthMm: 300, heightMm: 200 });
  await reviewPackage(db, reviewer, pkg.id, { password: FIXTURE_PASSWORD, meaning: '出库复核 outbound review' });
  const shipment = await shipOrder(db, reviewer, orderId, { carrier: 'SF Express', trackingNumber: `SF${tag}` }, { today: dates.today });
  if (opts.deliver) await confirmDelivery(db, reviewer, shipment.id, { receivedBy: '库房 张三', podReference: `POD-${tag}` }, { now: new Date() });
  return {
    world, orderId, shipmentId: shipment.id, shipmentNumber: shipment.number, pickListId: list.id, packageIds: [pkg.id], ssccs: [pkg.sscc],
    lotIds, lotNumbers: specs.map((s) => s.lotNumber), serials: specs.map((s) => s.serials), picker, reviewer,
  };
}
