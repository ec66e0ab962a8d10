import type { Database } from '../../db/types.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { createDevice } from '../catalog/create-device.ts';
import { createPriceList } from '../pricing/create-price-list.ts';
import { stockWorld, type StockWorld } from '../inventory/stock.fixture.ts';

/** Test data for planning's tests and the e2e tests: a made kit and a bought component, priced. */
const actor = systemActor('planning-fixture');
let n = 0;

export interface PlanningWorld extends StockWorld {
  /** make_or_buy = make, class I, 1095 days shelf life, no lead time (the routing sets it). */
  kit: { id: string; code: string };
  /** make_or_buy = buy, lead time 7 days, lot-tracked. */
  part: { id: string; code: string };
}

const classOne = (code: string, nameZh: string, more: { makeOrBuy: 'make' | 'buy'; leadTimeDays?: number }) => ({
  code, nameZh, nameEn: code, deviceClass: 'I' as const, categoryCode: '14-10-01', registrationKind: 'filing' as const,
  registrationNumber: `京械备2026${code}`, registrant: 'Lotline Medical', storageCondition: 'ambient' as const, trackingMode: 'lot' as const,
  shelfLifeDays: 1095, ...more,
});

/** Another class I device, made or bought. */
export async function planningDevice(db: Database, code: string, makeOrBuy: 'make' | 'buy', leadTimeDays?: number): Promise<{ id: string; code: string }> {
  const d = await createDevice(db, actor, classOne(code, '测试器械', { makeOrBuy, ...(leadTimeDays === undefined ? {} : { leadTimeDays }) }));
  return { id: d.id, code: d.code };
}

export async function planningWorld(db: Database, crypto: FieldCrypto): Promise<PlanningWorld> {
  const world = await stockWorld(db, crypto);
  const tag = `${++n}${world.gauze.code.slice(-3)}`;
  const kit = await createDevice(db, actor, classOne(`KIT-${tag}`, '手术包', { makeOrBuy: 'make' }));
  const part = await createDevice(db, actor, classOne(`PART-${tag}`, '无纺布', { makeOrBuy: 'buy', leadTimeDays: 7 }));
  await createPriceList(db, actor, {
    code: `PL-PLAN-${tag}`, name: '计划测试价目表', currency: 'CNY', validFrom: '2026-01-01',
    lines: [{ deviceId: kit.id, unitPriceMinor: 50_000 }, { deviceId: part.id, unitPriceMinor: 1_000 }],
  });
  return { ...world, kit: { id: kit.id, code: kit.code }, part: { id: part.id, code: part.code } };
}
