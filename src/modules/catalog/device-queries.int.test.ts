import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { createDevice } from './create-device.ts';
import { findDeviceIdsByCode, getDeviceFacts, resolveGtin, resolveGtins } from './device-queries.ts';
import { coldImplant, gtinFor, sampleDevice } from './devices.fixture.ts';

let db: TestDatabase;
let infusionId: string;
let implantId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const actor = systemActor('test');
  infusionId = (await createDevice(db, actor, sampleDevice(1))).id;
  implantId = (await createDevice(db, actor, coldImplant(2, { packaging: [{ level: 'each', gtin: '6901234567892', quantity: 1 }] }))).id;
});
afterAll(() => db.close());

describe('resolveGtin', () => {
  it('finds the device, level and base-unit quantity of a GTIN-14', async () => {
    expect(await readTx(db, (tx) => resolveGtin(tx, gtinFor(1, 1)))).toEqual({
      gtin: gtinFor(1, 1), deviceId: infusionId, deviceCode: 'DEV-000001', nameZh: '一次性使用输液器 1', nameEn: 'Infusion set 1',
      level: 'box', quantity: 10, baseUnit: 'EA', trackingMode: 'lot', deviceClass: 'II', coldChain: false, active: true,
    });
  });

  it('takes the GTIN-13 printed on the label as well', async () => {
    expect(await readTx(db, (tx) => resolveGtin(tx, '6901234567892'))).toMatchObject({ deviceId: implantId, gtin: '06901234567892', coldChain: true, trackingMode: 'lot_serial' });
  });

  it('answers null for an unknown or invalid GTIN', async () => {
    expect(await readTx(db, (tx) => resolveGtin(tx, gtinFor(99)))).toBeNull();
    expect(await readTx(db, (tx) => resolveGtin(tx, '6901234567893'))).toBeNull();
    expect(await readTx(db, (tx) => resolveGtin(tx, 'abc'))).toBeNull();
  });

  it('resolves a batch of GTINs at once, keyed by GTIN-14', async () => {
    const found = await readTx(db, (tx) => resolveGtins(tx, [gtinFor(1, 0), gtinFor(1, 2), gtinFor(77), '6901234567892']));
    expect([...found.keys()].sort()).toEqual(['06901234567892', gtinFor(1, 0), gtinFor(1, 2)].sort());
  });
});

describe('getDeviceFacts', () => {
  it('gives class, category, registration, cold chain, shelf life, tracking and packaging by id', async () => {
    const facts = await readTx(db, (tx) => getDeviceFacts(tx, [infusionId, implantId, infusionId, 'not-a-uuid', '018f0000-0000-7000-8000-000000000000']));
    expect(facts.size).toBe(2);
    expect(facts.get(implantId)).toMatchObject({
      code: 'DEV-000002', deviceClass: 'III', categoryCode: '13-06-01', registrationKind: 'registration',
      registrationNumber: '国械注准20223130002', registrationExpiresOn: '2026-05-31', storageCondition: '2-8C', minTempC: 2, maxTempC: 8,
      coldChain: true, shelfLifeDays: 1095, sterile: true, implantable: true, trackingMode: 'lot_serial', active: true,
      packaging: [{ level: 'each', gtin: '06901234567892', quantity: 1 }],
    });
    expect(facts.get(infusionId)!.packaging.map((p) => p.level)).toEqual(['each', 'box', 'case']);
  });

  it('finds device ids by code', async () => {
    const ids = await readTx(db, (tx) => findDeviceIdsByCode(tx, ['DEV-000001', 'NOPE']));
    expect([...ids]).toEqual([['DEV-000001', infusionId]]);
  });
});
