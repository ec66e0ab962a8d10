import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { createDevice } from '../catalog/create-device.ts';
import { coldImplant, sampleDevice } from '../catalog/devices.fixture.ts';
import { checkStorage } from './check-storage.ts';
import { createWarehouse } from './create-warehouse.ts';
import { deactivateBin } from './update-bin.ts';
import { deactivateWarehouse } from './update-warehouse.ts';

let db: TestDatabase;
const actor = systemActor('test');
const ids = { ambient: '', cold: '', binA: '', binC: '', binOff: '', otherBin: '', warehouse: '' };

beforeAll(async () => {
  db = await createTestDatabase();
  ids.ambient = (await createDevice(db, actor, sampleDevice(1))).id;
  ids.cold = (await createDevice(db, actor, coldImplant(2))).id;
  const wh = await createWarehouse(db, actor, {
    code: 'SZ', nameZh: '苏州仓',
    zones: [{ code: 'A', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }, { code: 'C', nameZh: '冷库', zoneType: 'cold_chain', storageCondition: '2-8C' }],
    bins: [{ code: 'A-1', zoneCode: 'A' }, { code: 'C-1', zoneCode: 'C' }, { code: 'A-2', zoneCode: 'A' }],
  });
  const bin = (code: string) => wh.bins.find((b) => b.code === code)!.id;
  Object.assign(ids, { binA: bin('A-1'), binC: bin('C-1'), binOff: bin('A-2'), warehouse: wh.id });
  await deactivateBin(db, actor, wh.id, ids.binOff);
  const other = await createWarehouse(db, actor, { code: 'OLD', nameZh: '旧仓', zones: [{ code: 'A', nameZh: 'A', zoneType: 'normal', storageCondition: 'ambient' }], bins: [{ code: 'A-1', zoneCode: 'A' }] });
  ids.otherBin = other.bins[0]!.id;
  await deactivateWarehouse(db, actor, other.id);
});
afterAll(() => db.close());

const check = (binId: string, deviceId: string) => readTx(db, (tx) => checkStorage(tx, binId, deviceId));

describe('checkStorage', () => {
  it('lets a device into a bin whose zone suits it, and says where the bin is', async () => {
    expect(await check(ids.binA, ids.ambient)).toMatchObject({ binCode: 'A-1', zoneCode: 'A', zoneType: 'normal', storageCondition: 'ambient', warehouseCode: 'SZ' });
    expect(await check(ids.binC, ids.cold)).toMatchObject({ zoneCode: 'C', storageCondition: '2-8C' });
  });

  it('refuses a cold-chain device in an ambient bin and an ambient device in the cold room: STORAGE_MISMATCH', async () => {
    await expect(check(ids.binA, ids.cold)).rejects.toMatchObject({ code: 'STORAGE_MISMATCH', field: 'binId', details: { zoneCode: 'A', deviceCode: 'DEV-000002' } });
    await expect(check(ids.binC, ids.ambient)).rejects.toMatchObject({ code: 'STORAGE_MISMATCH' });
  });

  it('refuses a deactivated bin, or a bin of a deactivated warehouse: INVALID_STATE', async () => {
    await expect(check(ids.binOff, ids.ambient)).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'bin A-2 is deactivated' });
    await expect(check(ids.otherBin, ids.ambient)).rejects.toMatchObject({ code: 'INVALID_STATE', message: 'warehouse OLD is deactivated' });
  });

  it('reports an unknown bin or device as NOT_FOUND', async () => {
    await expect(check('018f0000-0000-7000-8000-000000000000', ids.ambient)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(check('nonsense', ids.ambient)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(check(ids.binA, '018f0000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
