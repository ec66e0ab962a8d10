import type { Database } from '../../src/db/types.ts';
import type { FieldCrypto } from '../../src/platform/crypto/field-crypto.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createDevice } from '../../src/modules/catalog/create-device.ts';
import { createParty } from '../../src/modules/parties/create-party.ts';
import { addLicence } from '../../src/modules/parties/party-licences.ts';
import { createPriceList } from '../../src/modules/pricing/create-price-list.ts';
import { gs1CheckDigit } from '../../src/modules/udi/check-digit.ts';

const actor = systemActor('fixtures');

/** A GTIN-14 with a valid check digit from a 13-digit body. */
export const gtin = (body13: string): string => `${body13}${gs1CheckDigit(body13)}`;

let n = 0;
const next = () => String(++n).padStart(3, '0');

export interface OrderWorld {
  hospital: { id: string; shipToId: string };
  coldDevice: { id: string; code: string; boxGtin: string };
  stent: { id: string; code: string; eachGtin: string; caseGtin: string };
  gauze: { id: string; code: string };
}

/**
 * A licensed hospital (class III licence covering 07 and 13), three devices — a class III stent
 * sold in cases of 10, a class II cold-chain reagent in boxes of 20, a class I gauze — and a
 * price list for all three.
 */
export async function orderWorld(db: Database, crypto: FieldCrypto, opts: { licenceValidTo?: string } = {}): Promise<OrderWorld> {
  const tag = next();
  const hospital = await createParty(db, crypto, actor, {
    code: `H-${tag}`, kind: 'customer', customerType: 'hospital', nameZh: `测试医院${tag}`,
    addresses: [{ code: 'MAIN', kind: 'ship_to', name: '库房', line1: '测试路1号', coldChainCapable: true, isDefault: true }],
  });
  await addLicence(db, actor, hospital.id, {
    licenceType: 'hospital_practice', number: `PDY-${tag}`, deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01',
    validTo: opts.licenceValidTo ?? '2030-12-31',
  });
  const shipTo = await db.query<{ id: string }>('SELECT id FROM party_addresses WHERE party_id = $1', [hospital.id]);
  const body = (k: number) => `69${tag.padStart(5, '0')}${String(k).padStart(6, '0')}`.slice(0, 13);
  const stent = await createDevice(db, actor, {
    code: `STENT-${tag}`, nameZh: '冠脉支架', nameEn: 'Coronary stent', deviceClass: 'III', categoryCode: '13-07-01',
    registrationKind: 'registration', registrationNumber: `国械注准20263130${tag}`, registrationIssuedOn: '2021-01-01',
    registrationExpiresOn: '2031-01-01', registrant: 'Lotline Medical', storageCondition: 'ambient', trackingMode: 'lot_serial',
    shelfLifeDays: 730, sterile: true, implantable: true,
    packaging: [{ level: 'each', gtin: gtin(body(1)), quantity: 1 }, { level: 'case', gtin: gtin(body(2)), quantity: 10 }],
  });
  const reagent = await createDevice(db, actor, {
    code: `REAG-${tag}`, nameZh: '诊断试剂', nameEn: 'Diagnostic reagent', deviceClass: 'II', categoryCode: '22-01-01',
    registrationKind: 'registration', registrationNumber: `国械注准20262220${tag}`, registrationIssuedOn: '2021-01-01',
    registrationExpiresOn: '2031-01-01', registrant: 'Lotline Medical', storageCondition: '2-8C', trackingMode: 'lot',
    shelfLifeDays: 365, packaging: [{ level: 'each', gtin: gtin(body(3)), quantity: 1 }, { level: 'box', gtin: gtin(body(4)), quantity: 20 }],
  });
  const gauze = await createDevice(db, actor, {
    code: `GAUZE-${tag}`, nameZh: '医用纱布', nameEn: 'Medical gauze', deviceClass: 'I', categoryCode: '14-10-01',
    registrationKind: 'filing', registrationNumber: `京械备2026${tag}`, registrant: 'Lotline Medical', storageCondition: 'ambient',
    trackingMode: 'lot', shelfLifeDays: 1095,
  });
  await createPriceList(db, actor, {
    code: `PL-${tag}`, name: '标准价目表', currency: 'CNY', validFrom: '2026-01-01',
    lines: [
      { deviceId: stent.id, unitPriceMinor: 1_200_000, floorMinor: 900_000, breaks: [{ minQuantity: 50, unitPriceMinor: 1_100_000 }] },
      { deviceId: reagent.id, unitPriceMinor: 8_000 },
      { deviceId: gauze.id, unitPriceMinor: 350 },
    ],
  });
  return {
    hospital: { id: hospital.id, shipToId: shipTo.rows[0]!.id },
    stent: { id: stent.id, code: stent.code, eachGtin: gtin(body(1)), caseGtin: gtin(body(2)) },
    coldDevice: { id: reagent.id, code: reagent.code, boxGtin: gtin(body(4)) },
    gauze: { id: gauze.id, code: gauze.code },
  };
}
