import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/actor.ts';
import { createParty } from '../../src/modules/parties/create-party.ts';
import { addLicence } from '../../src/modules/parties/party-licences.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { confirmedOrder, inDays, receiveReleased, today, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { shippedReturnWorld, stentScan, type ReturnWorld } from '../../src/modules/returns/returns.fixture.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { approve, tasksFor } from '../../src/modules/approvals/approval-test-kit.fixture.ts';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';

/**
 * Writes honour a territory as reads do: a user limited to customer A who names a record of
 * customer B (a repair, a return line, a pick list, an order's hold or approval, …) gets 404 as
 * if it did not exist, and nothing is written — neither the record nor an audit entry. The same
 * write on A's record, or by a user without a territory on B's, succeeds.
 */
const sys = systemActor('test');
let t: TestApp;
let world: ReturnWorld;
let b: string;
let bWorld: StockWorld;
let shippedB: ShippedOrderFixture;
let rep: HttpClient;
let all: HttpClient;

async function customer(code: string, licenceValidTo = '2030-12-31'): Promise<{ id: string; shipToId: string }> {
  const party = await createParty(t.db, t.crypto, sys, {
    code, kind: 'customer', customerType: 'hospital', nameZh: `医院${code}`,
    addresses: [{ code: 'WARD', kind: 'ship_to', name: '库房', line1: '和平路2号', city: '北京', coldChainCapable: true, isDefault: true }],
  });
  await addLicence(t.db, sys, party.id, { licenceType: 'hospital_practice', number: `PDY-${code}`, deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01', validTo: licenceValidTo });
  const { rows: [shipTo] } = await t.db.query<{ id: string }>('SELECT id FROM party_addresses WHERE party_id = $1', [party.id]);
  return { id: party.id, shipToId: shipTo!.id };
}

const auditRowsBy = async (client: HttpClient): Promise<number> =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1', [client.userId])).rows[0]!.n;

/** The write answers 404 as for an unknown record, and the user wrote no audit entry (so nothing at all). */
async function refused(client: HttpClient, method: string, path: string, body?: unknown): Promise<{ entity: string; id: string }> {
  const before = await auditRowsBy(client);
  const r = await client.request(method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(404);
  expect(r.body.error.code).toBe('NOT_FOUND');
  expect(await auditRowsBy(client)).toBe(before);
  return r.body.error.details;
}

/** The write succeeds and is audited as the user's. */
async function accepted(client: HttpClient, method: string, path: string, body: unknown, status = 200): Promise<any> {
  const before = await auditRowsBy(client);
  const r = await client.request(method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
  expect(await auditRowsBy(client)).toBeGreaterThan(before);
  return r.body;
}

beforeAll(async () => {
  t = await startTestApp();
  world = await shippedReturnWorld(t.db, t.crypto);
  const clinic = await customer('CLINIC-B');
  b = clinic.id;
  bWorld = { ...world, hospital: clinic };
  shippedB = await shippedOrder(t.db, t.crypto, { world: bWorld, lines: [{ device: 'stent', quantity: 2 }] });
  all = await t.userClient('admin');
  rep = await t.userClient('admin');
  expect((await all.request('PUT', `/api/v1/users/${rep.username}/customers`, { customerIds: [world.hospital.id] })).status).toBe(200);
}, 300_000);

afterAll(async () => t?.close());

/** Returns one shipped stent under a new RMA and receives it: the RMA and its line. */
async function receivedReturn(shipmentId: string, serial: string): Promise<{ rmaId: string; lineId: string }> {
  const { rows: [lot] } = await t.db.query<{ lotNumber: string }>(
    'SELECT l.lot_number AS "lotNumber" FROM serial_units su JOIN lots l ON l.id = su.lot_id WHERE su.serial = $1', [serial]);
  const rma = await accepted(all, 'POST', '/api/v1/returns', {
    shipmentId, lines: [{ deviceId: world.stent.id, lotNumber: lot!.lotNumber, serial, quantity: 1, reason: 'damaged' }],
  }, 201);
  await accepted(all, 'POST', `/api/v1/returns/${rma.id}/receipts`, { scan: stentScan(world, serial, lot!.lotNumber), binId: world.returnsBin }, 201);
  return { rmaId: rma.id, lineId: rma.lines[0].id };
}

describe('returns and repairs', () => {
  let repairA = '';
  let repairB = '';
  const repairState = async (id: string) => (await t.db.query<{ status: string }>(
    `SELECT status, diagnosis, result_note AS "resultNote", return_shipment_id AS "returnShipmentId",
            (SELECT count(*)::int FROM repair_parts p WHERE p.repair_id = r.id) AS parts
       FROM repair_orders r WHERE id = $1`, [id])).rows[0]!;

  it('a return line of another customer is not disposed of', async () => {
    const ofA = await receivedReturn(world.shipmentId, world.shippedSerials[0]!);
    const ofB = await receivedReturn(shippedB.shipmentId, shippedB.serials[0]![0]!);
    const disposition = { as: 'repair', condition: 'damaged', note: 'balloon leaks' };
    await refused(rep, 'POST', `/api/v1/returns/lines/${ofB.lineId}/disposition`, disposition);
    const { rows: [line] } = await t.db.query(
      'SELECT qty_disposed AS disposed, (SELECT count(*)::int FROM repair_orders WHERE return_line_id = $1) AS repairs FROM return_lines WHERE id = $1', [ofB.lineId]);
    expect(line).toEqual({ disposed: 0, repairs: 0 });

    repairA = (await accepted(rep, 'POST', `/api/v1/returns/lines/${ofA.lineId}/disposition`, disposition, 201)).repair.id;
    repairB = (await accepted(all, 'POST', `/api/v1/returns/lines/${ofB.lineId}/disposition`, disposition, 201)).repair.id;
  });

  it('no step of another customer’s repair is taken, while the user’s own repair goes through every step', async () => {
    const steps: Array<[string, unknown]> = [
      ['diagnosis', { diagnosis: 'balloon seal worn' }],
      ['parts', { lotId: world.gauzeLot.id, binId: world.bins['AMB-1'], quantity: 1 }],
      ['result', { result: 'repaired', note: 'seal replaced' }],
      ['ship', { carrier: 'SF', trackingNumber: 'SF-REP-1' }],
    ];
    for (const [step, body] of steps) {
      // B's repair is in the state where the step would be taken: only the territory refuses it.
      const before = await repairState(repairB);
      await refused(rep, 'POST', `/api/v1/repairs/${repairB}/${step}`, body);
      expect(await repairState(repairB), step).toEqual(before);
      await accepted(all, 'POST', `/api/v1/repairs/${repairB}/${step}`, body);
      await accepted(rep, 'POST', `/api/v1/repairs/${repairA}/${step}`, body);
    }
    expect((await repairState(repairA)).status).toBe('shipped');
    expect((await repairState(repairB)).status).toBe('shipped');
  });
});

describe('pick lists', () => {
  const lot = { lotNumber: 'PK-1', expiresOn: inDays(300) };
  const scan = () => encodeGs1({ gtin: world.reagentEachGtin, lot: lot.lotNumber, expiry: lot.expiresOn }).raw;
  const lists: Record<'a' | 'aCancel' | 'b' | 'wave', string> = { a: '', aCancel: '', b: '', wave: '' };
  const listState = async (id: string) => (await t.db.query(
    `SELECT pk.status, sum(pl.picked)::int AS picked FROM pick_lists pk JOIN pick_list_lines pl ON pl.pick_list_id = pk.id WHERE pk.id = $1 GROUP BY pk.status`,
    [id])).rows[0];

  beforeAll(async () => {
    await receiveReleased(t.db, [{ deviceId: world.coldDevice.id, ...lot, quantity: 100, binId: world.bins['COLD-1'] }]);
    const order = async (w: StockWorld) => {
      const id = await confirmedOrder(t.db, w, [{ deviceId: world.coldDevice.id, quantity: 2 }]);
      await accepted(all, 'POST', `/api/v1/orders/${id}/allocate`, undefined);
      return id;
    };
    const list = async (orderIds: string[]) => (await accepted(all, 'POST', '/api/v1/pick-lists', { orderIds }, 201)).id as string;
    lists.a = await list([await order(world)]);
    lists.aCancel = await list([await order(world)]);
    lists.b = await list([await order(bWorld)]);
    lists.wave = await list([await order(world), await order(bWorld)]);
  });

  it('nothing is scanned onto a list of another customer’s order, nor onto a wave mixing one in', async () => {
    for (const id of [lists.b, lists.wave]) {
      await refused(rep, 'POST', `/api/v1/pick-lists/${id}/scans`, { scan: scan() });
      await refused(rep, 'POST', `/api/v1/pick-lists/${id}/scans/batch`, { scans: [scan()] });
      expect(await listState(id)).toEqual({ status: 'open', picked: 0 });
    }
    await accepted(rep, 'POST', `/api/v1/pick-lists/${lists.a}/scans`, { scan: scan() }, 201);
    await accepted(rep, 'POST', `/api/v1/pick-lists/${lists.a}/scans/batch`, { scans: [scan()] }, 201);
    expect(await listState(lists.a)).toEqual({ status: 'picked', picked: 2 });
    await accepted(all, 'POST', `/api/v1/pick-lists/${lists.wave}/scans`, { scan: scan() }, 201);
  });

  it('a list of another customer’s order is not cancelled', async () => {
    await refused(rep, 'POST', `/api/v1/pick-lists/${lists.b}/cancel`, { reason: 'wrong wave' });
    expect(await listState(lists.b)).toEqual({ status: 'open', picked: 0 });
    await accepted(rep, 'POST', `/api/v1/pick-lists/${lists.aCancel}/cancel`, { reason: 'wrong wave' });
    await accepted(all, 'POST', `/api/v1/pick-lists/${lists.b}/cancel`, { reason: 'wrong wave' });
  });
});

describe('orders', () => {
  /** An order of the reagent below its list price: held for the price. */
  const underpriced = async (customerId: string) => {
    const placed = await accepted(all, 'POST', '/api/v1/orders', {
      customerId, requestedDate: inDays(14), lines: [{ deviceId: world.coldDevice.id, quantity: 2, unitPriceMinor: 1 }],
    }, 201);
    expect(placed.status).toBe('on_hold');
    const hold = (await all.get(`/api/v1/orders/${placed.id}`)).body.holds.find((h: any) => h.status === 'open');
    expect(hold.type).not.toBe('compliance');
    return { id: placed.id as string, holdId: hold.id as string };
  };
  const orderState = async (id: string) => (await t.db.query<{ status: string; openHolds: number }>(
    `SELECT o.status, (SELECT count(*)::int FROM order_holds h WHERE h.order_id = o.id AND h.status = 'open') AS "openHolds" FROM orders o WHERE o.id = $1`, [id])).rows[0]!;

  it('no order is placed for another customer, nor placed and allocated at once', async () => {
    const orders = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [b])).rows[0]!.n;
    const before = await orders();
    const body = { customerId: b, requestedDate: inDays(14), lines: [{ deviceId: world.stent.id, quantity: 1 }] };
    expect(await refused(rep, 'POST', '/api/v1/orders', body)).toEqual({ entity: 'customer', id: b });
    expect(await refused(rep, 'POST', '/api/v1/orders?allocate=true', body)).toEqual({ entity: 'customer', id: b });
    expect(await orders()).toBe(before);
    await accepted(rep, 'POST', '/api/v1/orders', { ...body, customerId: world.hospital.id }, 201);
  });

  it('another customer’s hold is not released', async () => {
    const ofB = await underpriced(b);
    const before = await orderState(ofB.id);
    await refused(rep, 'POST', `/api/v1/orders/${ofB.id}/holds/${ofB.holdId}/release`, { comment: 'agreed price' });
    expect(await orderState(ofB.id)).toEqual(before);
    const ofA = await underpriced(world.hospital.id);
    await accepted(rep, 'POST', `/api/v1/orders/${ofA.id}/holds/${ofA.holdId}/release`, { comment: 'agreed price' });
    await accepted(all, 'POST', `/api/v1/orders/${ofB.id}/holds/${ofB.holdId}/release`, { comment: 'agreed price' });
  });

  it('another customer’s approval is not decided', async () => {
    // Licences expired: a class III order is held for compliance and asks quality for a signature.
    const heldA = await customer('H-EXP-A', '2025-12-31');
    const heldB = await customer('H-EXP-B', '2025-12-31');
    const qa = await t.userClient('quality');
    const qaAll = await t.userClient('quality');
    expect((await all.request('PUT', `/api/v1/users/${qa.username}/customers`, { customerIds: [heldA.id] })).status).toBe(200);
    const task = async (customerId: string) => {
      const placed = await accepted(all, 'POST', '/api/v1/orders', { customerId, requestedDate: inDays(14), lines: [{ deviceId: world.stent.id, quantity: 1 }] }, 201);
      const [first] = await tasksFor(qaAll, placed.id);
      return { orderId: placed.id as string, taskId: first.taskId as string };
    };
    const ofB = await task(heldB.id);
    const ofA = await task(heldA.id);
    const taskStatus = async (id: string) => (await t.db.query<{ status: string }>('SELECT status FROM approval_tasks WHERE id = $1', [id])).rows[0]!.status;

    // A rejection writes the task and closes the request without touching the order: the task itself is refused.
    const reject = { decision: 'reject', meaning: 'rejected', comment: 'licence not renewed', username: qa.username, password: TEST_PASSWORD };
    for (const decision of [{ decision: 'approve', meaning: 'approved', username: qa.username, password: TEST_PASSWORD }, reject]) {
      expect(await refused(qa, 'POST', `/api/v1/approvals/tasks/${ofB.taskId}/decide`, decision)).toEqual({ entity: 'approval task', id: ofB.taskId });
    }
    expect([await taskStatus(ofB.taskId), (await orderState(ofB.orderId)).status]).toEqual(['pending', 'on_hold']);
    // Nor is its hold released by hand: the order is not found before the hold says it needs a signature.
    const [compliance] = (await all.get(`/api/v1/orders/${ofB.orderId}`)).body.holds;
    await refused(rep, 'POST', `/api/v1/orders/${ofB.orderId}/holds/${compliance.id}/release`, {});

    expect((await approve(qa, ofA.taskId)).status).toBe(200);
    expect((await approve(qaAll, ofB.taskId)).status).toBe(200);
    expect([await taskStatus(ofA.taskId), await taskStatus(ofB.taskId)]).toEqual(['approved', 'approved']);
  });
});

describe('records named in the body', () => {
  it('no complaint or export permit is recorded for another customer', async () => {
    const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [b])).rows[0]!.n;
    const complaint = { deviceId: world.stent.id, serial: shippedB.serials[0]![1]!, description: 'seal broken' };
    const permit = { country: 'HK', kind: 'import', reference: 'IMP-B', validFrom: '2026-01-01' };
    // Refused on the customer named, before a complaint is written (not on reading it back).
    expect(await refused(rep, 'POST', '/api/v1/complaints', { customerId: b, ...complaint })).toEqual({ entity: 'customer', id: b });
    expect(await refused(rep, 'POST', '/api/v1/export-permits', { customerId: b, ...permit })).toEqual({ entity: 'customer', id: b });
    expect([await count('complaints'), await count('export_permits')]).toEqual([0, 0]);
    await accepted(all, 'POST', '/api/v1/complaints', { customerId: b, ...complaint }, 201);
    await accepted(all, 'POST', '/api/v1/export-permits', { customerId: b, ...permit }, 201);
    await accepted(rep, 'POST', '/api/v1/export-permits', { customerId: world.hospital.id, ...permit, reference: 'IMP-A' }, 201);
  });
});

describe('writes that were already scoped', () => {
  it('refuse another customer’s order, shipment, package, invoice, payment, return and complaint', async () => {
    const open = await confirmedOrder(t.db, bWorld, [{ deviceId: world.coldDevice.id, quantity: 1 }]);
    const { rows: [rma] } = await t.db.query<{ id: string }>('SELECT id FROM return_authorisations WHERE customer_id = $1 LIMIT 1', [b]);
    const { rows: [complaint] } = await t.db.query<{ id: string }>('SELECT id FROM complaints WHERE customer_id = $1 LIMIT 1', [b]);
    const invoice = await accepted(all, 'POST', '/api/v1/invoices', { shipmentId: shippedB.shipmentId }, 201);
    const payment = await accepted(all, 'POST', '/api/v1/payments', { customerId: b, amountMinor: 100, currency: invoice.currency, receivedOn: today(), reference: 'BANK-B', autoAllocate: false }, 201);
    const writes: Array<[string, string, unknown?]> = [
      ['POST', `/api/v1/orders/${open}/cancel`, { reason: 'not needed' }],
      ['POST', `/api/v1/orders/${open}/lines/1/cancel`, { reason: 'not needed' }],
      ['PUT', `/api/v1/orders/${open}`, { customerId: b, lines: [{ deviceId: world.coldDevice.id, quantity: 3 }], reason: 'more' }],
      ['POST', `/api/v1/orders/${open}/allocate`],
      ['POST', '/api/v1/pick-lists', { orderIds: [open] }],
      ['POST', `/api/v1/orders/${open}/packages`, { weightG: 100, lengthMm: 100, widthMm: 100, heightMm: 100 }],
      ['POST', `/api/v1/orders/${open}/shipments`, { carrier: 'SF', trackingNumber: 'SF-X' }],
      ['POST', `/api/v1/packages/${shippedB.packageIds[0]}/review`, { password: 'irrelevant-1', meaning: 'outbound review' }],
      ['POST', `/api/v1/shipments/${shippedB.shipmentId}/delivery`, { receivedBy: '张三' }],
      ['POST', `/api/v1/shipments/${shippedB.shipmentId}/documents/generate`],
      ['POST', '/api/v1/invoices', { shipmentId: shippedB.shipmentId }],
      ['POST', '/api/v1/payments', { customerId: b, amountMinor: 100, currency: invoice.currency, receivedOn: today(), reference: 'BANK-B2' }],
      ['POST', `/api/v1/payments/${payment.id}/apply`, { allocations: [{ invoiceId: invoice.id, amountMinor: 100 }] }],
      ['POST', `/api/v1/returns/${rma!.id}/cancel`, { reason: 'not needed' }],
      ['POST', `/api/v1/complaints/${complaint!.id}/status`, { status: 'investigating' }],
    ];
    for (const [method, path, body] of writes) await refused(rep, method, path, body);
  });
});
