import type { Database } from '../../db/types.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { createDevice } from '../catalog/create-device.ts';
import { createParty } from '../parties/create-party.ts';
import { addLicence } from '../parties/party-licences.ts';
import { gtin } from '../../../test/helpers/order-fixtures.ts';
import { stockWorld, type StockWorld } from '../inventory/stock.fixture.ts';

/** Test data for purchasing's tests: qualified and unqualified suppliers, and a lot-tracked class II device with GTINs. */
const actor = systemActor('purchasing-fixture');
let n = 0;

export interface PurchasingWorld extends StockWorld {
  /** Manufacturing licence for classes II and III, categories 13 and 14, valid to 2030. */
  supplier: { id: string; code: string };
  /** Its only licence expired at the end of 2024. */
  lapsedSupplier: { id: string; code: string };
  /** A distribution filing for class II only. */
  classTwoSupplier: { id: string; code: string };
  /** Class II catheter, lot-tracked, ambient, 365 days shelf life; each and box of 10. */
  catheter: { id: string; code: string; eachGtin: string; boxGtin: string };
}

export async function purchasingWorld(db: Database, crypto: FieldCrypto): Promise<PurchasingWorld> {
  const world = await stockWorld(db, crypto);
  const tag = `${process.pid % 1000}${++n}`.padStart(5, '0').slice(-5);
  const supplierOf = async (code: string, validTo: string, licenceType: 'manufacturing' | 'class2_filing' = 'manufacturing') => {
    const s = await createParty(db, crypto, actor, { code, kind: 'supplier', nameZh: `供应商${code}`, leadTimeDays: 14 });
    await addLicence(db, actor, s.id, {
      licenceType, number: `SC-${code}`, deviceClasses: licenceType === 'manufacturing' ? ['II', 'III'] : ['II'],
      categoryCodes: licenceType === 'manufacturing' ? ['13', '14'] : [], validFrom: '2020-01-01', validTo,
    });
    return { id: s.id, code };
  };
  const supplier = await supplierOf(`SUP-${tag}`, '2030-12-31');
  const lapsedSupplier = await supplierOf(`SUPX-${tag}`, '2024-12-31');
  const classTwoSupplier = await supplierOf(`SUP2-${tag}`, '2030-12-31', 'class2_filing');
  const body = (k: number) => `68${tag}${String(k).padStart(6, '0')}`.slice(0, 13);
  const cath = await createDevice(db, actor, {
    code: `CATH-${tag}`, nameZh: '导尿管', nameEn: 'Urinary catheter', deviceClass: 'II', categoryCode: '14-05-01',
    registrationKind: 'registration', registrationNumber: `国械注准20262140${tag}`, registrationIssuedOn: '2021-01-01',
    registrationExpiresOn: '2031-01-01', registrant: 'Lotline Medical', storageCondition: 'ambient', trackingMode: 'lot',
    shelfLifeDays: 365, sterile: true,
    packaging: [{ level: 'each', gtin: gtin(body(1)), quantity: 1 }, { level: 'box', gtin: gtin(body(2)), quantity: 10 }],
  });
  return { ...world, supplier, lapsedSupplier, classTwoSupplier, catheter: { id: cath.id, code: cath.code, eachGtin: gtin(body(1)), boxGtin: gtin(body(2)) } };
}
