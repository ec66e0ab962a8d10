import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { createDevice } from '../catalog/create-device.ts';
import { createParty } from '../parties/create-party.ts';

/** Customers and devices for the database tests of pricing, made through their modules' services. */
const actor = systemActor('pricing-test');

export async function seedParty(db: Database, crypto: FieldCrypto, code: string, opts: { currency?: string; kind?: 'customer' | 'supplier' } = {}): Promise<string> {
  const kind = opts.kind ?? 'customer';
  const party = await createParty(db, crypto, actor, {
    code,
    kind,
    ...(kind === 'customer' ? { customerType: 'hospital' as const } : {}),
    nameZh: `测试单位 ${code}`,
    currency: opts.currency ?? 'CNY',
  });
  return party.id;
}

export async function seedDevice(db: Database, code: string): Promise<string> {
  const device = await createDevice(db, actor, {
    code,
    nameZh: `测试器械 ${code}`,
    deviceClass: 'I',
    categoryCode: '14-01',
    storageCondition: 'ambient',
    trackingMode: 'lot',
  });
  return device.id;
}
