import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/actor.ts';
import { createParty } from '../../src/modules/parties/create-party.ts';
import { addLicence } from '../../src/modules/parties/party-licences.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { shipOrderForTrace } from '../../src/modules/trace/trace.fixture.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

const sys = systemActor('test');
let t: TestApp;
let world: StockWorld;
let lotId: string;
let orderA: string;
let orderNumberA: string;
let clinicId: string;
let sales: HttpClient;
const expiry = inDays(400);

beforeAll(async () => {
  t = await startTestApp();
  world = await stockWorld(t.db, t.crypto);
  const clinic = await createParty(t.db, t.crypto, sys, {
    code: 'CL-HTTP', kind: 'customer', customerType: 'hospital', nameZh: '诊所', nameEn: 'Clinic',
    addresses: [{ code: 'MAIN', kind: 'ship_to', name: '药库', line1: '长安街9号', coldChainCapable: true, isDefault: true }],
  });
  await addLicence(t.db, sys, clinic.id, { licenceType: 'hospital_practice', number: 'PDY-H', deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01', validTo: '2030-12-31' });
  clinicId = clinic.id;
  lotId = (await receiveReleased(t.db, [{ deviceId: world.stent.id, lotNumber: 'H-1', expiresOn: expiry, quantity: 4, binId: world.bins['AMB-1'], serials: ['HS1', 'HS2', 'HS3', 'HS4'] }]))[0]!;
  orderA = await confirmedOrder(t.db, world, [{ deviceId: world.stent.id, quantity: 2 }]);
  const orderB = await confirmedOrder(t.db, world, [{ deviceId: world.stent.id, quantity: 1 }], { customerId: clinicId });
  await shipOrderForTrace(t.db, orderA);
  await shipOrderForTrace(t.db, orderB);
  orderNumberA = (await t.db.query<{ number: string }>('SELECT number FROM orders WHERE id = $1', [orderA])).rows[0]!.number;
  sales = await t.userClient('sales');
}, 180_000);

afterAll(async () => t?.close());

describe('trace over HTTP', { timeout: 180_000 }, () => {
  it('traces a lot by GTIN and lot number, and by lot id', async () => {
    const byGtin = await sales.get(`/api/v1/trace/lots?gtin=${world.stent.caseGtin}&lot=H-1`);
    expect(byGtin.status).toBe(200);
    expect(byGtin.body.totals).toEqual({ shipped: 3, returned: 0, net: 3, consignees: 2, shipments: 2 });
    expect(byGtin.body.onHand).toEqual([expect.objectContaining({ binCode: 'AMB-1', onHand: 1 })]);
    const byId = await sales.get(`/api/v1/trace/lots/${lotId}`);
    expect(byId.body.consignees).toEqual(byGtin.body.consignees);
    const byQueryId = await sales.get(`/api/v1/trace/lots?lotId=${lotId}`);
    expect(byQueryId.body.lot.id).toBe(lotId);
  });

  it('answers bad input with a 4xx naming the field', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/v1/trace/lots?lot=H-1', 400, 'gtin'],
      [`/api/v1/trace/lots?gtin=${world.stent.eachGtin}`, 400, 'lot'],
      ['/api/v1/trace/lots?gtin=abc&lot=H-1', 400, 'querystring.gtin'],
      ['/api/v1/trace/lots?gtin=12345678901234&lot=H-1', 400, 'gtin'],
      ['/api/v1/trace/lots?lotId=nope', 400, 'querystring.lotId'],
      ['/api/v1/trace/lots/nope', 400, 'params.id'],
      ['/api/v1/trace/serials?gtin=' + world.stent.eachGtin, 400, 'querystring.serial'],
      ['/api/v1/trace/scan?code=', 400, 'querystring.code'],
      ['/api/v1/trace/scan?code=hello', 400, 'code'],
      ['/api/v1/trace/customers/nope/lots', 400, 'params.id'],
      [`/api/v1/trace/customers/${clinicId}/lots?limit=0`, 400, 'querystring.limit'],
      ['/api/v1/trace/lots?gtin=' + world.stent.eachGtin + '&lot=H-1&extra=1', 400, 'querystring.extra'],
    ];
    for (const [path, status, field] of cases) {
      const r = await sales.get(path);
      expect([path, r.status, r.body.error?.field]).toEqual([path, status, field]);
    }
    const unknown = await sales.get(`/api/v1/trace/lots?gtin=${world.stent.eachGtin}&lot=NOPE`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('traces an order back to its serials and UDIs, by id or number', async () => {
    const r = await sales.get(`/api/v1/trace/orders/${orderNumberA}`);
    expect(r.status).toBe(200);
    const units = r.body.shipments[0].packages[0].units;
    expect(units).toHaveLength(2);
    for (const u of units) expect(u.udi.raw).toBe(encodeGs1({ gtin: world.stent.eachGtin, expiry, lot: 'H-1', serial: u.serial }).raw);
    expect((await sales.get(`/api/v1/trace/orders/${orderA}`)).body.order.number).toBe(orderNumberA);
    expect((await sales.get('/api/v1/trace/orders/SO-NOPE')).status).toBe(404);
  });

  it('gives a serial history and resolves a scan to it', async () => {
    const serial = (await sales.get(`/api/v1/trace/orders/${orderA}`)).body.shipments[0].packages[0].units[0].serial as string;
    const h = await sales.get(`/api/v1/trace/serials?gtin=${world.stent.eachGtin}&serial=${serial}`);
    expect(h.status).toBe(200);
    expect(h.body.history.map((s: { kind: string }) => s.kind)).toEqual(['move', 'pick', 'move', 'shipment']);
    const scan = encodeGs1({ gtin: world.stent.eachGtin, expiry, lot: 'H-1', serial }).raw;
    const s = await sales.get(`/api/v1/trace/scan?code=${encodeURIComponent(scan)}`);
    expect(s.body).toMatchObject({ kind: 'serial', serial, unitId: h.body.unitId });
  });

  it('needs trace.read', async () => {
    const finance = await t.userClient('finance');
    expect((await finance.get(`/api/v1/trace/lots/${lotId}`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/trace/lots/${lotId}`)).status).toBe(401);
  });
});

describe('portal scoping', { timeout: 180_000 }, () => {
  it('shows a hospital only its own consignments; another organisation’s records are not found', async () => {
    const portal = await t.userClient('hospital_portal', { organisationId: clinicId });
    const lot = await portal.get(`/api/v1/trace/lots/${lotId}`);
    expect(lot.status).toBe(200);
    expect(lot.body.consignees.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([clinicId]);
    expect(lot.body.onHand).toEqual([]);
    expect((await portal.get(`/api/v1/trace/orders/${orderA}`)).status).toBe(404);
    expect((await portal.get(`/api/v1/trace/customers/${world.hospital.id}/lots`)).status).toBe(404);
    const own = await portal.get(`/api/v1/trace/customers/${clinicId}/lots`);
    expect(own.body.items).toEqual([expect.objectContaining({ lotId, shipped: 1, net: 1 })]);
    const serialA = (await sales.get(`/api/v1/trace/orders/${orderA}`)).body.shipments[0].packages[0].units[0].serial as string;
    expect((await portal.get(`/api/v1/trace/serials?gtin=${world.stent.eachGtin}&serial=${serialA}`)).status).toBe(404);
  });
});
