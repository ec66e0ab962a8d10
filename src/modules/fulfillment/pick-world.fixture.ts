import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { actorForUser } from '../auth/load-actor.ts';
import { createUser } from '../auth/create-user.ts';
import { addLotDocument } from '../inventory/add-lot-document.ts';
import { allocateOrder } from '../inventory/allocate-order.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { confirmedOrder, stockWorld, type StockWorld } from '../inventory/stock.fixture.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { FIXTURE_PASSWORD } from './shipment.fixture.ts';

/** Fulfilment's own tests: a stock world with the reagent's and stent's GTINs, two warehouse people, and helpers. */
export interface PickWorld extends StockWorld {
  reagentEach: string;
  reagentBox: string;
  stentEach: string;
  picker: Actor;
  reviewer: Actor;
}

let n = 0;

export async function pickWorld(db: Database, crypto: FieldCrypto): Promise<PickWorld> {
  const world = await stockWorld(db, crypto);
  const gtin = async (deviceId: string, level: string) =>
    (await db.query<{ gtin: string }>('SELECT gtin FROM device_packaging WHERE device_id = $1 AND level = $2', [deviceId, level])).rows[0]!.gtin;
  const person = async (name: string) => {
    const u = await createUser(db, systemActor('test'), { username: `${name}-${++n}`, password: FIXTURE_PASSWORD, roles: ['warehouse'] });
    return (await actorForUser(db, u.id))!;
  };
  return {
    ...world, reagentEach: await gtin(world.coldDevice.id, 'each'), reagentBox: world.coldDevice.boxGtin, stentEach: world.stent.eachGtin,
    picker: await person('picker'), reviewer: await person('reviewer'),
  };
}

export const label = (gtin: string, lot: string, expiry: string, serial?: string): string =>
  encodeGs1({ gtin, lot, expiry, ...(serial ? { serial } : {}) }).raw;

export async function withCertificates(db: Database, lotIds: readonly string[]): Promise<void> {
  for (const lotId of lotIds) await addLotDocument(db, systemActor('test'), lotId, { kind: 'certificate_of_conformity', reference: `COC-${lotId}` });
}

/** A confirmed order of the world's hospital, allocated FEFO. */
export async function allocatedOrder(db: Database, world: StockWorld, lines: Array<{ deviceId: string; quantity: number }>): Promise<string> {
  const orderId = await confirmedOrder(db, world, lines);
  await allocateOrder(db, systemActor('test'), orderId, { earliestShipDate: shippingDates().earliestShipDate });
  return orderId;
}

export const scanCtx = () => ({ shipDate: shippingDates().earliestShipDate, language: 'en' as const });
