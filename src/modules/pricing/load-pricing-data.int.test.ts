import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { createContract } from './create-contract.ts';
import { createPriceList } from './create-price-list.ts';
import { loadPricingData } from './load-pricing-data.ts';
import { seedDevice, seedParty } from './pricing-records.fixture.ts';

let db: TestDatabase;
const actor = systemActor('pricing-test');
let customer: string;
let supplier: string;
let devices: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  const crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
  customer = await seedParty(db, crypto, 'HOSP-1');
  const other = await seedParty(db, crypto, 'HOSP-2');
  supplier = await seedParty(db, crypto, 'SUP-1', { kind: 'supplier' });
  devices = [await seedDevice(db, 'D-1'), await seedDevice(db, 'D-2'), await seedDevice(db, 'D-3')];
  const line = (deviceId: string, unitPriceMinor: number) => ({ deviceId, unitPriceMinor });
  const list = (code: string, over: Record<string, unknown>) =>
    createPriceList(db, actor, { code, name: code, currency: 'CNY', validFrom: '2026-01-01', validTo: '2026-12-31', lines: devices.map((d) => line(d, 100)), ...over });
  await list('GEN', { lines: [{ deviceId: devices[0]!, unitPriceMinor: 100, floorMinor: 90, breaks: [{ minQuantity: 10, unitPriceMinor: 95 }] }] });
  await list('USD', { currency: 'USD' });
  await list('PORTAL', { channel: 'portal' });
  await list('MINE', { customerId: customer });
  await list('THEIRS', { customerId: other });
  await list('EXPIRED', { validTo: '2026-03-31' });
  await list('INACTIVE', { active: false });
  await createContract(db, actor, { contractNo: 'HT-1', customerId: customer, validFrom: '2026-01-01', prices: [line(devices[0]!, 80), line(devices[2]!, 70)], discountPercent: '5' });
  await createContract(db, actor, { contractNo: 'HT-OTHER', customerId: other, validFrom: '2026-01-01', prices: [line(devices[0]!, 1)] });
});
afterAll(() => db.close());

const counting = (tx: Sql, counter: { n: number }): Sql => ({
  query: (text, params) => {
    counter.n++;
    return tx.query(text, params);
  },
  exec: (script) => tx.exec(script),
});

describe('loadPricingData', () => {
  it('given lists and contracts of every kind, when loading for two devices, then one query brings what can apply', async () => {
    const counter = { n: 0 };
    const data = await readTx(db, (tx) => loadPricingData(counting(tx, counter), { customerId: customer, deviceIds: [devices[0]!, devices[1]!], date: '2026-06-01', channel: null }));
    expect(counter.n).toBe(1);
    expect(data.customer).toEqual({ id: customer, currency: 'CNY' });
    expect(data.priceLists.map((l) => l.code).sort()).toEqual(['GEN', 'MINE', 'USD']);
    expect(data.listPrices.filter((p) => p.deviceId === devices[2])).toEqual([]);
    const gen = data.priceLists.find((l) => l.code === 'GEN')!;
    expect(data.listPrices.find((p) => p.priceListId === gen.id)).toEqual({
      priceListId: gen.id, deviceId: devices[0], unitPriceMinor: 100, floorMinor: 90, breaks: [{ minQuantity: 10, unitPriceMinor: 95 }],
    });
    expect(data.contracts.map((c) => [c.contractNo, c.discountBp])).toEqual([['HT-1', 500]]);
    expect(data.contractPrices).toEqual([{ contractId: data.contracts[0]!.id, deviceId: devices[0], unitPriceMinor: 80 }]);
  });

  it('given the portal channel and a date after a list ended, when loading, then channel lists come in and ended ones stay out', async () => {
    const data = await readTx(db, (tx) => loadPricingData(tx, { customerId: customer, deviceIds: devices, date: '2026-04-01', channel: 'portal' }));
    expect(data.priceLists.map((l) => l.code).sort()).toEqual(['GEN', 'MINE', 'PORTAL', 'USD']);
    const earlier = await readTx(db, (tx) => loadPricingData(tx, { customerId: customer, deviceIds: devices, date: '2026-03-31', channel: null }));
    expect(earlier.priceLists.map((l) => l.code)).toContain('EXPIRED');
  });

  it('given an unknown party or a supplier, when loading, then the customerId is at fault', async () => {
    const load = (customerId: string) => readTx(db, (tx) => loadPricingData(tx, { customerId, deviceIds: devices, date: '2026-06-01', channel: null }));
    await expect(load('00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
    await expect(load(supplier)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
  });
});
