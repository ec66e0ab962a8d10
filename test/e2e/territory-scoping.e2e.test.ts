import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/actor.ts';
import { uuidv7 } from '../../src/platform/ids.ts';
import { writeTx } from '../../src/platform/unit-of-work.ts';
import { createParty } from '../../src/modules/parties/create-party.ts';
import { addLicence } from '../../src/modules/parties/party-licences.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { shipOrderForTrace } from '../../src/modules/trace/trace.fixture.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

/**
 * A user limited to some customers (a sales territory) sees, in every list and aggregate of
 * shipments, finance, returns, trace and KPIs, only those customers' records; a user without a
 * territory sees everyone's. Two customers, A (the territory) and B, each with two shipped orders
 * (the first invoiced) and one open, a return, a complaint, a payment and an export permit.
 */
const sys = systemActor('test');
let t: TestApp;
let world: StockWorld;
let a: string;
let b: string;
let rep: HttpClient;
let all: HttpClient;
let reagentLot: string;
const shipments: Record<'a1' | 'a2' | 'b1' | 'b2', string> = { a1: '', a2: '', b1: '', b2: '' };

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
/** The customers of listed records, which name them flat (`customerId`) or nested (`customer.id`). */
const customersOf = (items: Array<{ customerId?: string | null; customer?: { id: string } | null }>) =>
  [...new Set(items.map((i) => i.customerId ?? i.customer?.id ?? null))].sort();
const ok = async <T = any>(client: HttpClient, path: string): Promise<T> => {
  const r = await client.get<T>(path);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
};

beforeAll(async () => {
  t = await startTestApp();
  world = await stockWorld(t.db, t.crypto);
  a = world.hospital.id;
  const clinic = await createParty(t.db, t.crypto, sys, {
    code: 'CLINIC-B', kind: 'customer', customerType: 'hospital', nameZh: '第二医院', nameEn: 'Second Hospital',
    addresses: [{ code: 'WARD', kind: 'ship_to', name: '心内科', line1: '和平路2号', city: '北京', coldChainCapable: true, isDefault: true }],
  });
  await addLicence(t.db, sys, clinic.id, { licenceType: 'hospital_practice', number: 'PDY-B', deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01', validTo: '2030-12-31' });
  b = clinic.id;
  [reagentLot] = await receiveReleased(t.db, [
    { deviceId: world.coldDevice.id, lotNumber: 'R-1', expiresOn: inDays(300), quantity: 100, binId: world.bins['COLD-1'] },
    { deviceId: world.stent.id, lotNumber: 'S-1', expiresOn: inDays(500), quantity: 4, binId: world.bins['AMB-1'], serials: ['SN1', 'SN2', 'SN3', 'SN4'] },
  ]) as [string];
  const ship = async (customerId: string, lines: Array<{ deviceId: string; quantity: number }>) => {
    const { shipmentId } = await shipOrderForTrace(t.db, await confirmedOrder(t.db, world, lines, { customerId }));
    // What fulfilment's shipping does to the order lines, which invoicing and reconciliation read.
    await writeTx(t.db, { actor: sys }, async (w) => {
      await w.tx.query(
        `UPDATE order_lines l SET qty_shipped = l.qty_shipped + s.q
           FROM (SELECT order_id, line_no, sum(quantity)::int AS q FROM shipment_lines WHERE shipment_id = $1 GROUP BY order_id, line_no) s
          WHERE l.order_id = s.order_id AND l.line_no = s.line_no`, [shipmentId]);
      w.audit({ entityType: 'shipment', entityId: shipmentId, action: 'shipped', changes: {} });
    });
    return shipmentId;
  };
  shipments.a1 = await ship(a, [{ deviceId: world.stent.id, quantity: 2 }, { deviceId: world.coldDevice.id, quantity: 30 }]);
  shipments.b1 = await ship(b, [{ deviceId: world.stent.id, quantity: 1 }, { deviceId: world.coldDevice.id, quantity: 20 }]);
  shipments.a2 = await ship(a, [{ deviceId: world.coldDevice.id, quantity: 5 }]);
  shipments.b2 = await ship(b, [{ deviceId: world.coldDevice.id, quantity: 5 }]);
  // Not shipped yet: an open line each for the orders at risk.
  for (const customerId of [a, b]) await confirmedOrder(t.db, world, [{ deviceId: world.coldDevice.id, quantity: 1 }], { customerId });

  all = await t.userClient('admin');
  rep = await t.userClient('admin');
  const post = async (path: string, body: unknown) => {
    const r = await all.post(path, body);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(201);
    return r.body;
  };
  for (const [customerId, shipmentId] of [[a, shipments.a1], [b, shipments.b1]] as const) {
    const invoice = await post('/api/v1/invoices', { shipmentId });
    await post('/api/v1/payments', { customerId, amountMinor: 100, currency: invoice.currency, receivedOn: today(), reference: `BANK-${customerId.slice(-4)}`, autoAllocate: false });
    await post('/api/v1/returns', { shipmentId, lines: [{ deviceId: world.coldDevice.id, lotNumber: 'R-1', quantity: 1, reason: 'damaged' }] });
    await post('/api/v1/complaints', { customerId, deviceId: world.coldDevice.id, lotNumber: 'R-1', description: 'seal broken' });
    await post('/api/v1/export-permits', { customerId, country: 'HK', kind: 'import', reference: `IMP-${customerId.slice(-4)}`, validFrom: '2026-01-01' });
  }
  await post('/api/v1/export-permits', { country: 'HK', kind: 'export', reference: 'EXP-ALL', validFrom: '2026-01-01' });
  const limited = await all.request('PUT', `/api/v1/users/${rep.username}/customers`, { customerIds: [a] });
  expect(limited.status).toBe(200);
}, 300_000);

afterAll(async () => t?.close());

describe('shipments and their documents', () => {
  it('lists only the territory’s shipments, and another customer’s shipment and documents are not found', async () => {
    expect(ids((await ok(rep, '/api/v1/shipments?limit=200')).items).sort()).toEqual([shipments.a1, shipments.a2].sort());
    expect(ids((await ok(all, '/api/v1/shipments?limit=200')).items).sort()).toEqual(Object.values(shipments).sort());
    expect((await ok(rep, `/api/v1/shipments?customerId=${b}`)).total).toBe(0);
    expect((await rep.get(`/api/v1/shipments/${shipments.b1}`)).status).toBe(404);
    expect((await rep.get(`/api/v1/shipments/${shipments.b1}/documents`)).status).toBe(404);
    expect((await ok(rep, `/api/v1/shipments/${shipments.a1}/documents`)).documents.length).toBeGreaterThan(0);
    expect((await all.get(`/api/v1/shipments/${shipments.b1}/documents`)).status).toBe(200);
  });

  it('lists the territory’s export permits and those for every customer', async () => {
    expect(customersOf((await ok(rep, '/api/v1/export-permits')).items)).toEqual([a, null].sort());
    expect(customersOf((await ok(all, '/api/v1/export-permits')).items)).toEqual([a, b, null].sort());
  });
});

describe('finance', () => {
  it('lists the territory’s invoices and payments only', async () => {
    const mine = await ok(rep, '/api/v1/invoices?limit=200');
    expect(customersOf(mine.items)).toEqual([a]);
    expect(mine.total).toBe(1);
    expect(customersOf((await ok(all, '/api/v1/invoices?limit=200')).items)).toEqual([a, b].sort());
    const payments = await ok(rep, '/api/v1/payments?limit=200');
    expect(customersOf(payments.items)).toEqual([a]);
    expect(payments.total).toBe(1);
    expect((await ok(all, '/api/v1/payments?limit=200')).total).toBe(2);
  });

  it('ages and reconciles the territory’s receivables only', async () => {
    const aging = await ok(rep, '/api/v1/finance/aging');
    expect(aging.customers.map((c: { customerId: string }) => c.customerId)).toEqual([a]);
    const whole = await ok(all, '/api/v1/finance/aging');
    expect(whole.customers.map((c: { customerId: string }) => c.customerId).sort()).toEqual([a, b].sort());
    expect(aging.total.openMinor).toBe(whole.customers.find((c: { customerId: string }) => c.customerId === a).openMinor);

    const exceptions = await ok(rep, '/api/v1/reconciliation/exceptions?type=shipped_not_invoiced');
    expect(exceptions.count).toBeGreaterThan(0);
    expect(customersOf(exceptions.exceptions)).toEqual([a]);
    expect(customersOf((await ok(all, '/api/v1/reconciliation/exceptions?type=shipped_not_invoiced')).exceptions)).toEqual([a, b].sort());
    expect((await rep.get(`/api/v1/reconciliation/customers/${b}`)).status).toBe(404);
  });
});

describe('returns and complaints', () => {
  it('lists the territory’s RMAs and complaints only', async () => {
    expect(customersOf((await ok(rep, '/api/v1/returns?limit=200')).items)).toEqual([a]);
    expect(customersOf((await ok(all, '/api/v1/returns?limit=200')).items)).toEqual([a, b].sort());
    expect((await ok(rep, `/api/v1/returns?customerId=${b}`)).total).toBe(0);
    const complaints = await ok(rep, '/api/v1/complaints?limit=200');
    expect(customersOf(complaints.items)).toEqual([a]);
    expect((await ok(all, '/api/v1/complaints?limit=200')).total).toBe(2);
  });
});

/** Warehouse work recorded straight from the shipped orders' allocations: a pick list or repair per customer, and a wave mixing both. */
async function fixtureRow(sql: string, params: unknown[], entityType: string): Promise<string> {
  const id = uuidv7();
  await writeTx(t.db, { actor: sys }, async (w) => {
    const r = await w.tx.query(sql, [id, ...params]);
    expect(r.rowCount ?? r.rows.length).not.toBe(0);
    w.audit({ entityType, entityId: id, action: 'created', changes: {} });
  });
  return id;
}
async function pickList(number: string, shipmentIds: string[]): Promise<string> {
  const id = await fixtureRow(
    `INSERT INTO pick_lists (id, number, warehouse_id, kind, created_by) SELECT $1, $2, warehouse_id, $3, 'test' FROM warehouse_bins WHERE id = $4`,
    [number, shipmentIds.length > 1 ? 'wave' : 'order', world.bins['AMB-1']], 'pick_list');
  await writeTx(t.db, { actor: sys }, async (w) => {
    await w.tx.query(
      `INSERT INTO pick_list_lines (id, pick_list_id, seq, allocation_id, order_id, line_no, device_id, lot_id, bin_id, quantity)
       SELECT gen_random_uuid(), $1, row_number() OVER (ORDER BY al.id), al.id, al.order_id, al.line_no, al.device_id, al.lot_id, al.bin_id, al.quantity
         FROM allocations al WHERE al.order_id IN (SELECT order_id FROM shipment_lines WHERE shipment_id = ANY($2::uuid[]))`, [id, shipmentIds]);
    w.audit({ entityType: 'pick_list', entityId: id, action: 'lines_added', changes: {} });
  });
  return id;
}

describe('pick lists', () => {
  it('a territory user sees only the pick lists whose orders are all its customers’; a wave mixing in another customer is hidden', async () => {
    const ofA = await pickList('PL-T-A', [shipments.a1]);
    const ofB = await pickList('PL-T-B', [shipments.b1]);
    const mixed = await pickList('PL-T-AB', [shipments.a2, shipments.b2]);
    expect(ids((await ok(rep, '/api/v1/pick-lists?limit=200')).items)).toEqual([ofA]);
    expect((await ok(rep, '/api/v1/pick-lists?limit=200')).total).toBe(1);
    expect(ids((await ok(all, '/api/v1/pick-lists?limit=200')).items).sort()).toEqual([ofA, ofB, mixed].sort());
    expect((await ok(rep, `/api/v1/pick-lists/${ofA}`)).lines.length).toBeGreaterThan(0);
    expect((await rep.get(`/api/v1/pick-lists/${ofB}`)).status).toBe(404);
    expect((await rep.get(`/api/v1/pick-lists/${mixed}`)).status).toBe(404);
    expect((await ok(all, `/api/v1/pick-lists/${mixed}`)).orderIds).toHaveLength(2);
  });
});

describe('a lot’s complaints and repairs', () => {
  it('a lot’s complaint summary counts only the territory’s complaints and says so', async () => {
    const mine = await ok(rep, `/api/v1/lots/${reagentLot}/complaints`);
    expect([mine.total, mine.customers, mine.byStatus, mine.restricted]).toEqual([1, 1, { open: 1 }, true]);
    const whole = await ok(all, `/api/v1/lots/${reagentLot}/complaints`);
    expect([whole.total, whole.customers, whole.restricted]).toEqual([2, 2, false]);
  });

  it('another customer’s repair is not found', async () => {
    const repairOf = (customerId: string, number: string) => fixtureRow(
      `INSERT INTO repair_orders (id, number, return_line_id, serial_id, device_id, lot_id, bin_id, customer_id, created_by)
       SELECT $1, $2, rl.id, su.id, su.device_id, su.lot_id, $3, ra.customer_id, 'test'
         FROM return_authorisations ra JOIN return_lines rl ON rl.rma_id = ra.id
         JOIN shipment_lines sl ON sl.customer_id = ra.customer_id JOIN serial_units su ON su.id = sl.serial_id
        WHERE ra.customer_id = $4 LIMIT 1`, [number, world.bins['AMB-1'], customerId], 'repair');
    const ofA = await repairOf(a, 'REP-T-A');
    const ofB = await repairOf(b, 'REP-T-B');
    expect((await ok(rep, `/api/v1/repairs/${ofA}`)).customerId).toBe(a);
    expect((await rep.get(`/api/v1/repairs/${ofB}`)).status).toBe(404);
    expect((await ok(all, `/api/v1/repairs/${ofB}`)).customerId).toBe(b);
  });
});

describe('trace', () => {
  const consignees = (trace: { consignees: Array<{ customer: { id: string } }> }) => trace.consignees.map((c) => c.customer.id).sort();

  it('a lot shows only the territory’s consignees, says the view is restricted, and keeps the warehouse', async () => {
    const mine = await ok(rep, `/api/v1/trace/lots/${reagentLot}`);
    expect(consignees(mine)).toEqual([a]);
    expect(mine.restricted).toBe(true);
    expect(mine.totals.shipped).toBe(35);
    expect(mine.onHand.length).toBeGreaterThan(0);
    const whole = await ok(all, `/api/v1/trace/lots/${reagentLot}`);
    expect(consignees(whole)).toEqual([a, b].sort());
    expect(whole.restricted).toBe(false);
    expect(whole.totals.shipped).toBe(60);

    const scan = encodeGs1({ gtin: world.coldDevice.boxGtin, lot: 'R-1', expiry: inDays(300) }).raw;
    const scanned = await ok(rep, `/api/v1/trace/scan?code=${encodeURIComponent(scan)}`);
    expect([scanned.kind, consignees(scanned), scanned.restricted]).toEqual(['lot', [a], true]);
    const byGtin = await ok(rep, `/api/v1/trace/lots?gtin=${world.coldDevice.boxGtin}&lot=R-1`);
    expect(consignees(byGtin)).toEqual([a]);
  });

  it('a serial shows the picks and shipments of the territory’s customers only', async () => {
    const { rows } = await t.db.query<{ serial: string; customerId: string }>(
      `SELECT su.serial, sl.customer_id AS "customerId" FROM shipment_lines sl JOIN serial_units su ON su.id = sl.serial_id`);
    const ofB = rows.find((r) => r.customerId === b)!.serial;
    const ofA = rows.find((r) => r.customerId === a)!.serial;
    const codeA = (await t.db.query<{ code: string }>('SELECT code FROM parties WHERE id = $1', [a])).rows[0]!.code;
    const steps = async (client: HttpClient, serial: string) => {
      const trace = await ok(client, `/api/v1/trace/serials?gtin=${world.stent.eachGtin}&serial=${serial}`);
      const history = trace.history as Array<{ kind: string; customerCode?: string | null; orderNumber?: string | null }>;
      return {
        restricted: trace.restricted, kinds: [...new Set(history.map((s) => s.kind))].sort(),
        // The ledger's ship move names the order's customer.
        shippedTo: history.filter((s) => s.kind === 'move' && s.orderNumber).map((s) => s.customerCode),
      };
    };
    expect(await steps(rep, ofB)).toEqual({ restricted: true, kinds: ['move'], shippedTo: [] });
    expect(await steps(rep, ofA)).toEqual({ restricted: true, kinds: ['move', 'pick', 'shipment'], shippedTo: [codeA] });
    expect(await steps(all, ofB)).toEqual({ restricted: false, kinds: ['move', 'pick', 'shipment'], shippedTo: ['CLINIC-B'] });
  });

  it('a serial’s inventory history keeps every move but blanks another customer’s order and customer', async () => {
    const { rows } = await t.db.query<{ serial: string; customerId: string }>(
      `SELECT su.serial, sl.customer_id AS "customerId" FROM shipment_lines sl JOIN serial_units su ON su.id = sl.serial_id`);
    const history = async (client: HttpClient, customerId: string) => {
      const found = await ok(client, `/api/v1/inventory/serials/${rows.find((r) => r.customerId === customerId)!.serial}?deviceId=${world.stent.id}`);
      const events = found.units[0].history as Array<{ moveType: string; orderNumber: string | null; customerCode: string | null }>;
      return { restricted: found.restricted, moves: events.length, named: events.filter((e) => e.orderNumber !== null).map((e) => e.customerCode !== null) };
    };
    const hidden = await history(rep, b);
    const shown = await history(all, b);
    expect(shown.named.length).toBeGreaterThan(0);
    expect(hidden).toEqual({ restricted: true, moves: shown.moves, named: [] });
    expect(shown.restricted).toBe(false);
    expect((await history(rep, a)).named).toEqual((await history(all, a)).named);
    expect((await history(rep, a)).named.length).toBeGreaterThan(0);
  });
});

describe('KPIs', () => {
  it('are computed over the territory’s customers only and say so', async () => {
    const mine = await ok(rep, '/api/v1/kpi/orders-by-channel');
    const whole = await ok(all, '/api/v1/kpi/orders-by-channel');
    expect([mine.value, mine.restricted]).toEqual([3, true]);
    expect([whole.value, whole.restricted]).toEqual([6, false]);
    const complaints = async (client: HttpClient) =>
      (await ok(client, '/api/v1/kpi/lot-quality')).breakdown.find((r: { key: string }) => r.key === 'complaints_per_shipped_lot').numerator;
    expect([await complaints(rep), await complaints(all)]).toEqual([1, 2]);
    const openLines = async (client: HttpClient) => (await ok(client, '/api/v1/kpi/orders-at-risk')).denominator;
    expect([await openLines(rep), await openLines(all)]).toEqual([1, 2]);
  });

  it('an unrestricted user filtering one customer gets that customer’s numbers', async () => {
    expect((await ok(all, `/api/v1/kpi/orders-by-channel?customerId=${b}`)).value).toBe(3);
    expect((await ok(rep, `/api/v1/kpi/orders-by-channel?customerId=${b}`)).value).toBe(0);
  });
});
