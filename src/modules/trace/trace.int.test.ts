import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { createUser } from '../auth/create-user.ts';
import { actorForUser } from '../auth/load-actor.ts';
import { addLotDocument } from '../inventory/add-lot-document.ts';
import { changeLotStatus } from '../inventory/change-lot-status.ts';
import { receiveStockIn } from '../inventory/receive-stock.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today, type StockWorld } from '../inventory/stock.fixture.ts';
import { createParty } from '../parties/create-party.ts';
import { addLicence } from '../parties/party-licences.ts';
import { parseGs1 } from '../udi/parse-gs1.ts';
import { lotByGtin } from './find-lot.ts';
import { shipOrderForTrace, type ShippedForTrace } from './trace.fixture.ts';
import { traceCustomerLots } from './trace-customer-lots.ts';
import { traceLot } from './trace-lot.ts';
import { traceOrder } from './trace-order.ts';
import { traceScan } from './trace-scan.ts';
import { traceSerial } from './trace-serial.ts';

const sys = systemActor('test');
let db: TestDatabase;
let world: StockWorld;
let clinicId: string;
let stentLot: string;
let reagentLot: string;
let orderA: string;
let shipA: ShippedForTrace;
const read = <T>(fn: (tx: Parameters<Parameters<typeof readTx>[1]>[0]) => Promise<T>) => readTx(db, fn);
const portal = (organisationId: string): Actor => ({ ...sys, type: 'user', roles: ['hospital_portal'], permissions: new Set(['trace.read']), organisationId });

beforeAll(async () => {
  db = await createTestDatabase();
  const crypto = createFieldCrypto(parseKeyring(generateKeyLine('t')));
  world = await stockWorld(db, crypto);
  const clinic = await createParty(db, crypto, sys, {
    code: 'CLINIC-T', kind: 'customer', customerType: 'hospital', nameZh: '第二医院', nameEn: 'Second Hospital',
    addresses: [{ code: 'WARD', kind: 'ship_to', name: '心内科', line1: '和平路2号', city: '北京', coldChainCapable: true, isDefault: true }],
  });
  await addLicence(db, sys, clinic.id, { licenceType: 'hospital_practice', number: 'PDY-C', deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01', validTo: '2030-12-31' });
  clinicId = clinic.id;
  // The reagent lot goes through quality: received in quarantine, documented, released by a signature.
  const receipt = await writeTx(db, { actor: sys }, (w) => receiveStockIn(w, {
    binId: world.bins['COLD-1'], reason: 'purchase', lines: [{ deviceId: world.coldDevice.id, lotNumber: 'R-100', expiresOn: inDays(300), quantity: 100 }],
  }, { today: today(), now: new Date() }));
  reagentLot = receipt.lines[0]!.lotId;
  await addLotDocument(db, sys, reagentLot, { kind: 'certificate_of_conformity', reference: 'COC-R-100', issuedOn: today() });
  const q = await createUser(db, sys, { username: 'qa-trace', password: 'qa-pass-12345', roles: ['quality'] });
  const qa = (await actorForUser(db, q.id))!;
  await changeLotStatus(db, qa, reagentLot, 'release', { signature: { password: 'qa-pass-12345', meaning: '放行 released for distribution' } },
    { today: today(), earliestShipDate: today(), requestId: null });
  stentLot = (await receiveReleased(db, [{ deviceId: world.stent.id, lotNumber: 'S-7', expiresOn: inDays(500), quantity: 5, binId: world.bins['AMB-1'], serials: ['SN1', 'SN2', 'SN3', 'SN4', 'SN5'] }]))[0]!;
  orderA = await confirmedOrder(db, world, [{ deviceId: world.stent.id, quantity: 2 }, { deviceId: world.coldDevice.id, quantity: 30 }]);
  const orderB = await confirmedOrder(db, world, [{ deviceId: world.stent.id, quantity: 1 }, { deviceId: world.coldDevice.id, quantity: 20 }], { customerId: clinicId });
  shipA = await shipOrderForTrace(db, orderA);
  await shipOrderForTrace(db, orderB);
  // What the returns module does when 5 units of hospital A's reagent come back.
  await writeTx(db, { actor: sys }, async (w) => {
    await w.tx.query('UPDATE shipment_lines SET qty_returned = 5 WHERE order_id = $1 AND lot_id = $2', [orderA, reagentLot]);
    w.audit({ entityType: 'shipment', entityId: shipA.shipmentId, action: 'returned', changes: { qtyReturned: 5 } });
  });
}, 180_000);

afterAll(async () => db?.close());

describe('lot → consignees', () => {
  it('lists both consignees with their shipments, the return reducing net, and where the rest is', async () => {
    const t = await read((tx) => traceLot(tx, sys, reagentLot));
    expect(t.lot).toMatchObject({ lotNumber: 'R-100', status: 'released', documents: [{ kind: 'certificate_of_conformity', reference: 'COC-R-100' }] });
    expect(t.lot.release).toMatchObject({ by: 'qa-trace', meaning: '放行 released for distribution' });
    expect(t.totals).toEqual({ shipped: 50, returned: 5, net: 45, consignees: 2, shipments: 2 });
    const byCode = Object.fromEntries(t.consignees.map((c) => [c.customer.code, c]));
    expect(byCode['CLINIC-T']!.totals).toEqual({ shipped: 20, returned: 0, net: 20 });
    expect(byCode['CLINIC-T']!.shipTo).toMatchObject({ code: 'WARD', name: '心内科', city: '北京' });
    const a = t.consignees.find((c) => c.customer.id === world.hospital.id)!;
    expect(a.totals).toEqual({ shipped: 30, returned: 5, net: 25 });
    expect(a.shipments).toEqual([expect.objectContaining({ number: shipA.shipmentNumber, shipped: 30, returned: 5, net: 25 })]);
    expect(t.onHand).toEqual([expect.objectContaining({ binCode: 'COLD-1', onHand: 50, allocated: 0 })]);
  });

  it('finds the lot by the GTIN of any packaging level', async () => {
    const byBox = await read(async (tx) => traceLot(tx, sys, await lotByGtin(tx, world.coldDevice.boxGtin, 'R-100')));
    expect(byBox.lot.id).toBe(reagentLot);
    expect(byBox.totals.net).toBe(45);
    await expect(read(async (tx) => traceLot(tx, sys, await lotByGtin(tx, world.coldDevice.boxGtin, 'NOPE')))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(read((tx) => lotByGtin(tx, '12345678901234', 'R-100'))).rejects.toMatchObject({ code: 'GTIN_INVALID', field: 'gtin' });
  });

  it('shows a portal user only its own consignment, and hides the warehouse', async () => {
    const t = await read((tx) => traceLot(tx, portal(clinicId), reagentLot));
    expect(t.consignees.map((c) => c.customer.code)).toEqual(['CLINIC-T']);
    expect(t.onHand).toEqual([]);
  });
});

describe('order → lots, serials, UDIs', () => {
  it('gives every unit per shipment and SSCC with its UDI, and the release record of each lot', async () => {
    const t = await read((tx) => traceOrder(tx, sys, orderA));
    expect(t.shipments).toHaveLength(1);
    expect(t.shipments[0]!.packages).toEqual([expect.objectContaining({ sscc: shipA.sscc })]);
    const units = t.shipments[0]!.packages[0]!.units;
    const serials = units.filter((u) => u.serial !== null);
    expect(serials.map((u) => u.serial).sort()).toEqual(['SN1', 'SN2']);
    const udi = parseGs1(serials[0]!.udi!.raw, new Date());
    expect(udi).toMatchObject({ gtin: world.stent.eachGtin, lot: 'S-7', serial: serials[0]!.serial, expiry: inDays(500) });
    expect(units.find((u) => u.serial === null)).toMatchObject({ lotNumber: 'R-100', quantity: 30, returned: 5 });
    const reagent = t.lots.find((l) => l.id === reagentLot)!;
    expect(reagent.device.registrationNumber).toMatch(/^国械注准/);
    expect(reagent.release).toMatchObject({ by: 'qa-trace', signedBy: 'qa-trace' });
    expect(t.totals).toEqual({ shipped: 32, returned: 5, net: 27, lots: 2, serials: 2 });
    const byNumber = await read((tx) => traceOrder(tx, sys, t.order.number));
    expect(byNumber.order.id).toBe(orderA);
  });

  it('is not found for another organisation', async () => {
    await expect(read((tx) => traceOrder(tx, portal(clinicId), orderA))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('serial history', () => {
  it('is received, picked and shipped to the consignee, in time order', async () => {
    const shipped = (await read((tx) => traceOrder(tx, sys, orderA))).shipments[0]!.packages[0]!.units.find((u) => u.serial)!.serial!;
    const t = await read((tx) => traceSerial(tx, sys, world.stent.caseGtin, shipped));
    expect(t).toMatchObject({ status: 'shipped', lot: { id: stentLot, lotNumber: 'S-7' }, binCode: null });
    expect(t.history.map((s) => (s.kind === 'move' ? s.moveType : s.kind))).toEqual(['receipt', 'pick', 'ship', 'shipment']);
    const last = t.history.at(-1)!;
    expect(last.kind === 'shipment' && last.customer.id).toBe(world.hospital.id);
    const times = t.history.map((s) => s.at.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it('a unit still in the warehouse shows its bin; an unknown serial is not found', async () => {
    const orders = await read((tx) => traceLot(tx, sys, stentLot));
    expect(orders.totals.shipped).toBe(3);
    const all = ['SN1', 'SN2', 'SN3', 'SN4', 'SN5'];
    const inStock: string[] = [];
    for (const sn of all) if ((await read((tx) => traceSerial(tx, sys, world.stent.eachGtin, sn))).status === 'in_stock') inStock.push(sn);
    expect(inStock).toHaveLength(2);
    expect((await read((tx) => traceSerial(tx, sys, world.stent.eachGtin, inStock[0]!))).binCode).toBe('AMB-1');
    await expect(read((tx) => traceSerial(tx, sys, world.stent.eachGtin, 'NOPE'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('scan and customer → lots', () => {
  it('resolves a serial scan to its history and a lot scan to the lot trace', async () => {
    const serial = await read((tx) => traceScan(tx, sys, `(01)${world.stent.eachGtin}(17)${inDays(500).slice(2).replaceAll('-', '')}(10)S-7(21)SN1`));
    expect(serial).toMatchObject({ kind: 'serial', serial: 'SN1' });
    const lot = await read((tx) => traceScan(tx, sys, `(01)${world.coldDevice.boxGtin}(10)R-100`));
    expect(lot).toMatchObject({ kind: 'lot', lot: { id: reagentLot } });
    await expect(read((tx) => traceScan(tx, sys, `(01)${world.coldDevice.boxGtin}`))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    await expect(read((tx) => traceScan(tx, sys, 'garbage'))).rejects.toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT', field: 'code' });
  });

  it('lists what a consignee holds, net of returns', async () => {
    const r = await read((tx) => traceCustomerLots(tx, sys, world.hospital.id, { held: true, limit: 50, offset: 0 }));
    expect(r.total).toBe(2);
    expect(r.items.find((l) => l.lotId === reagentLot)).toMatchObject({ shipped: 30, returned: 5, net: 25 });
    expect(r.items.find((l) => l.lotId === stentLot)).toMatchObject({ shipped: 2, net: 2 });
    await expect(read((tx) => traceCustomerLots(tx, portal(clinicId), world.hospital.id, { held: false, limit: 50, offset: 0 })))
      .rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
