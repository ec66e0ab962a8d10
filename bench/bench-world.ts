import type { Database } from '../src/db/types.ts';
import type { FieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { systemActor } from '../src/platform/actor.ts';
import { createParty } from '../src/modules/parties/create-party.ts';
import { addLicence } from '../src/modules/parties/party-licences.ts';
import { createDevice } from '../src/modules/catalog/create-device.ts';
import { createPriceList } from '../src/modules/pricing/create-price-list.ts';
import { gs1CheckDigit } from '../src/modules/udi/check-digit.ts';
import { createWarehouse } from '../src/modules/warehouses/create-warehouse.ts';
import { receiveStockIn } from '../src/modules/inventory/receive-stock.ts';
import { writeTx } from '../src/platform/unit-of-work.ts';
import { localToday } from '../src/modules/orders/business-day.ts';

/**
 * Licensed hospitals, class II devices with GTINs, one price list and (with `stockPerDevice`)
 * released stock in three lots per device in one warehouse, for the benchmarks.
 */
export async function benchWorld(db: Database, crypto: FieldCrypto, o: { devices: number; customers?: number; stockPerDevice?: number }) {
  const actor = systemActor('bench');
  const customerIds: string[] = [];
  for (let c = 0; c < (o.customers ?? 10); c++) {
    const { id } = await createParty(db, crypto, actor, {
      code: `BH-${c}`, kind: 'customer', customerType: 'hospital', nameZh: `基准医院${c}`,
      addresses: [{ code: 'MAIN', kind: 'ship_to', name: '库房', line1: '基准路1号', coldChainCapable: true, isDefault: true }],
    });
    await addLicence(db, actor, id, { licenceType: 'hospital_practice', number: `BH-LIC-${c}`, deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01', validTo: '2035-12-31' });
    customerIds.push(id);
  }
  const deviceIds: string[] = [];
  for (let d = 0; d < o.devices; d++) {
    const body = `0691234${String(d).padStart(6, '0')}`;
    const device = await createDevice(db, actor, {
      code: `BD-${d}`, nameZh: `基准器械${d}`, deviceClass: 'II', categoryCode: '14-01-01', registrationKind: 'registration',
      registrationNumber: `国械注准2026214${String(d).padStart(4, '0')}`, registrationIssuedOn: '2021-01-01', registrationExpiresOn: '2035-01-01',
      registrant: 'Bench Medical', storageCondition: 'ambient', trackingMode: 'lot', shelfLifeDays: 1095,
      packaging: [{ level: 'each', gtin: `${body}${gs1CheckDigit(body)}`, quantity: 1 }],
    });
    deviceIds.push(device.id);
  }
  await createPriceList(db, actor, {
    code: 'BENCH', name: 'bench', currency: 'CNY', validFrom: '2020-01-01',
    lines: deviceIds.map((deviceId, i) => ({ deviceId, unitPriceMinor: 1000 + i })),
  });
  if (o.stockPerDevice) {
    const wh = await createWarehouse(db, actor, {
      code: 'BWH', nameZh: '基准仓', zones: [{ code: 'AMB', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }],
      bins: [{ code: 'A-1', zoneCode: 'AMB', pickSequence: 1 }],
    });
    const per = Math.ceil(o.stockPerDevice / 3);
    await writeTx(db, { actor }, (w) => receiveStockIn(w, {
      binId: wh.bins[0]!.id, reason: 'opening',
      lines: deviceIds.flatMap((deviceId, d) => [1, 2, 3].map((k) => ({
        deviceId, lotNumber: `B${d}-${k}`, expiresOn: `${2027 + k}-06-30`, quantity: per }))),
    }, { today: localToday(), now: new Date() }));
  }
  return { customerIds, deviceIds };
}
