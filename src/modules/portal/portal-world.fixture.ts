import type { Database } from '../../db/types.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { createDevice } from '../catalog/create-device.ts';
import { sampleDevice } from '../catalog/devices.fixture.ts';
import { createParty } from '../parties/create-party.ts';
import { createContract } from '../pricing/create-contract.ts';
import { createPriceList } from '../pricing/create-price-list.ts';
import { orderWorld, type OrderWorld } from '../../../test/helpers/order-fixtures.ts';

const actor = systemActor('fixtures');
let n = 0;

export interface PortalWorld {
  /** Hospital A, with a contract price for its stent. */
  a: OrderWorld;
  b: OrderWorld;
  contractNo: string;
  /** A hospital holding no licence: it may receive class I devices only. */
  unlicensed: { id: string };
  /** Active, but no price list or contract prices it. */
  unpriced: { id: string; code: string };
  /** Priced, but no longer sold. */
  retired: { id: string; code: string };
}

/** Two licensed hospitals (orderWorld each), an unlicensed one, and devices the portal must not offer. */
export async function portalWorld(db: Database, crypto: FieldCrypto): Promise<PortalWorld> {
  const tag = `${process.pid}${++n}`;
  const a = await orderWorld(db, crypto);
  const b = await orderWorld(db, crypto);
  const unlicensed = await createParty(db, crypto, actor, {
    code: `H-NL-${tag}`, kind: 'customer', customerType: 'hospital', nameZh: `无证医院${tag}`,
    addresses: [{ code: 'MAIN', kind: 'ship_to', name: '库房', line1: '测试路2号', isDefault: true }],
  });
  const device = (k: number, code: string, active: boolean) => createDevice(db, actor, sampleDevice(Number(`9${tag}${k}`), {
    code, deviceClass: 'I', registrationKind: 'filing', registrationNumber: `京械备${tag}${k}`, registrationIssuedOn: undefined,
    registrationExpiresOn: undefined, active,
  }));
  const unpriced = await device(1, `UNPRICED-${tag}`, true);
  const retired = await device(2, `RETIRED-${tag}`, false);
  await createPriceList(db, actor, { code: `PL-R-${tag}`, name: '停售', currency: 'CNY', validFrom: '2026-01-01', lines: [{ deviceId: retired.id, unitPriceMinor: 100 }] });
  const contractNo = `HT-${tag}`;
  await createContract(db, actor, { contractNo, customerId: a.hospital.id, validFrom: '2026-01-01', prices: [{ deviceId: a.stent.id, unitPriceMinor: 1_000_000 }] });
  return { a, b, contractNo, unlicensed, unpriced: { id: unpriced.id, code: unpriced.code }, retired: { id: retired.id, code: retired.code } };
}
