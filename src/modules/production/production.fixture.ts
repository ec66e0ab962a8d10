import type { Database } from '../../db/types.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { createDevice } from '../catalog/create-device.ts';
import { inDays, receiveReleased } from '../inventory/stock.fixture.ts';
import { createBom } from '../planning/create-bom.ts';
import { createWorkOrder } from '../planning/create-work-order.ts';
import { purchasingWorld, type PurchasingWorld } from '../purchasing/purchasing.fixture.ts';
import { gtin } from '../../../test/helpers/order-fixtures.ts';

/** Test data for production: a kit made of 2 catheters and 1 gauze, released component lots, and a work order for 5 kits. */
const actor = systemActor('production-fixture');
let n = 0;

export interface ProductionWorld extends PurchasingWorld {
  /** Class II kit, made, lot-tracked, 730 days shelf life. */
  kit: { id: string; code: string; eachGtin: string };
  /** Released component lots: catheter CAT-A (6, expires in 100 days), CAT-B (10, in 200 days), gauze G-1 (20, in 400 days), all in AMB-1. */
  lots: { catA: string; catB: string; gauze: string };
  workOrder: { id: string; number: string };
}

export async function productionWorld(db: Database, crypto: FieldCrypto): Promise<ProductionWorld> {
  const world = await purchasingWorld(db, crypto);
  const tag = `${process.pid % 1000}${++n}`.padStart(5, '0').slice(-5);
  const eachGtin = gtin(`67${tag}000001`.slice(0, 13));
  const kit = await createDevice(db, actor, {
    code: `KIT-${tag}`, nameZh: '导尿包', nameEn: 'Catheterisation kit', deviceClass: 'II', categoryCode: '14-05-02',
    registrationKind: 'registration', registrationNumber: `国械注准20262141${tag}`, registrationIssuedOn: '2021-01-01',
    registrationExpiresOn: '2031-01-01', registrant: 'Lotline Medical', storageCondition: 'ambient', trackingMode: 'lot',
    shelfLifeDays: 730, sterile: true, makeOrBuy: 'make', packaging: [{ level: 'each', gtin: eachGtin, quantity: 1 }],
  });
  await createBom(db, actor, { deviceId: kit.id, lines: [{ componentDeviceId: world.catheter.id, quantityPer: 2 }, { componentDeviceId: world.gauze.id, quantityPer: 1 }] });
  const bin = world.bins['AMB-1'];
  const [catA, catB, gauze] = await receiveReleased(db, [
    { deviceId: world.catheter.id, lotNumber: 'CAT-A', expiresOn: inDays(100), quantity: 6, binId: bin },
    { deviceId: world.catheter.id, lotNumber: 'CAT-B', expiresOn: inDays(200), quantity: 10, binId: bin },
    { deviceId: world.gauze.id, lotNumber: 'G-1', expiresOn: inDays(400), quantity: 20, binId: bin },
  ]);
  const wo = await createWorkOrder(db, actor, { deviceId: kit.id, quantity: 5, dueDate: inDays(10) });
  return { ...world, kit: { id: kit.id, code: kit.code, eachGtin }, lots: { catA: catA!, catB: catB!, gauze: gauze! }, workOrder: { id: wo.id, number: wo.number } };
}
