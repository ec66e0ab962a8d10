import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { shippedOrder, type ShippedOrderFixture } from '../fulfillment/shipment.fixture.ts';
import { updateAddress } from '../parties/party-addresses.ts';
import { addExportPermit } from './export-permits.ts';
import { loadShipmentDocData } from './load-shipment-doc-data.ts';

let db: TestDatabase;
let fx: ShippedOrderFixture;
const admin = systemActor('test');
const portalOf = (organisationId: string): Actor => ({ ...admin, type: 'user', roles: ['hospital_portal'], organisationId });
const load = (actor: Actor, id: string) => readTx(db, (tx) => loadShipmentDocData(tx, actor, id));

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await shippedOrder(db, createFieldCrypto(parseKeyring(generateKeyLine('load1'))), {
    lines: [{ device: 'stent', quantity: 2 }, { device: 'reagent', quantity: 20 }],
  });
}, 180_000);
afterAll(async () => {
  await db?.close();
});

describe('loadShipmentDocData', { timeout: 120_000 }, () => {
  it('gathers header, lines with device, lot, serial, package, GTIN and price, packages and lot documents', async () => {
    const data = await load(admin, fx.shipmentId);
    expect(data.shipment).toMatchObject({ id: fx.shipmentId, number: fx.shipmentNumber, carrier: 'SF Express', status: 'shipped' });
    expect(data.shipment.shipDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.order).toMatchObject({ id: fx.orderId, currency: 'CNY', version: 1 });
    expect(data.customer.id).toBe(fx.world.hospital.id);
    expect(data.shipTo).toMatchObject({ country: 'CN' });
    expect(data.shipFrom.country).toBe('CN');
    expect(data.packages.map((p) => p.sscc)).toEqual(fx.ssccs);
    const stents = data.lines.filter((l) => l.lineNo === 1);
    expect(stents.map((l) => l.serial)).toEqual([...fx.serials[0]!].sort());
    expect(stents[0]).toMatchObject({
      deviceId: fx.world.stent.id, nameZh: '冠脉支架', nameEn: 'Coronary stent', deviceClass: 'III', eachGtin: fx.world.stent.eachGtin,
      lotId: fx.lotIds[0], lotNumber: fx.lotNumbers[0], sscc: fx.ssccs[0], quantity: 1, unitPriceMinor: 1_200_000,
    });
    expect(stents[0]!.registrationNumber).toMatch(/^国械注准/);
    const reagent = data.lines.filter((l) => l.lineNo === 2);
    expect(reagent.reduce((n, l) => n + l.quantity, 0)).toBe(20);
    expect(reagent[0]).toMatchObject({ serial: null, unitPriceMinor: 8_000, lotNumber: fx.lotNumbers[1] });
    expect(data.lotDocuments.map((d) => [d.kind, d.reference]).sort()).toEqual(
      fx.lotNumbers.map((lot) => ['certificate_of_conformity', `COC-${lot}`]).sort());
    expect(data.permits).toEqual([]);
  });

  it('shows a hospital its own shipment only: another organisation’s is not found', async () => {
    expect((await load(portalOf(fx.world.hospital.id), fx.shipmentId)).shipment.id).toBe(fx.shipmentId);
    await expect(load(portalOf('0196b9e0-0000-7000-8000-000000000000'), fx.shipmentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('given a ship-to abroad, then the permits valid on the ship date for that country and customer', async () => {
    await updateAddress(db, admin, fx.world.hospital.id, fx.world.hospital.shipToId, { country: 'HK' });
    await addExportPermit(db, admin, { country: 'HK', kind: 'export', reference: 'HK-ALL', validFrom: '2020-01-01' }, null);
    await addExportPermit(db, admin, { country: 'HK', kind: 'import', reference: 'HK-MINE', customerId: fx.world.hospital.id, validFrom: '2020-01-01' }, null);
    await addExportPermit(db, admin, { country: 'HK', kind: 'import', reference: 'HK-OLD', validFrom: '2020-01-01', validTo: '2021-01-01' }, null);
    await addExportPermit(db, admin, { country: 'SG', kind: 'export', reference: 'SG-1', validFrom: '2020-01-01' }, null);
    const data = await load(admin, fx.shipmentId);
    expect(data.permits.map((p) => p.reference)).toEqual(['HK-ALL', 'HK-MINE']);
  });
});
