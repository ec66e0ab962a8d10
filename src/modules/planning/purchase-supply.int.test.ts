import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { allocateOrder } from '../inventory/allocate-order.ts';
import { confirmedOrder, inDays, today } from '../inventory/stock.fixture.ts';
import { createPriceList } from '../pricing/create-price-list.ts';
import { changePurchaseOrderStatus } from '../purchasing/change-purchase-order-status.ts';
import { writePurchaseOrder } from '../purchasing/create-purchase-order.ts';
import { purchasingWorld, type PurchasingWorld } from '../purchasing/purchasing.fixture.ts';
import { runPlanning } from './run-planning.ts';

// The contract with purchasing: an approved purchase order line is supply to planning and
// inbound supply to the promise (arrival + inspection), read from purchasing's own tables.
let db: TestDatabase;
let world: PurchasingWorld;
let poId: string;
let poNumber: string;
const actor = systemActor('test');

beforeAll(async () => {
  db = await createTestDatabase();
  world = await purchasingWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('plan4'))));
  await createPriceList(db, actor, { code: 'PL-CATH', name: '导尿管价目表', currency: 'CNY', validFrom: '2026-01-01', lines: [{ deviceId: world.catheter.id, unitPriceMinor: 2_000 }] });
  const po = await writeTx(db, { actor }, (w) => writePurchaseOrder(w, { supplierId: world.supplier.id, lines: [{ deviceId: world.catheter.id, quantity: 50, unitPriceMinor: 1_200, expectedDate: inDays(5) }] }, today()));
  await changePurchaseOrderStatus(db, actor, po.id, 'approve', {}, { today: today(), requestId: null });
  poId = po.id;
  poNumber = po.number;
}, 180_000);
afterAll(async () => db?.close());

describe('open purchase orders as supply', { timeout: 180_000 }, () => {
  it('nets an order against an approved purchase order instead of planning a buy, says expedite and excess, and promises from its arrival', async () => {
    const orderId = await confirmedOrder(db, world, [{ deviceId: world.catheter.id, quantity: 30 }], { requestedDate: inDays(1) });
    const run = await runPlanning(db, actor, { today: today(), trigger: 'manual' });
    expect(run!.plannedOrders).toEqual({ make: 0, buy: 0 });
    const exceptions = await db.query<{ kind: string; ref_id: string }>('SELECT kind, ref_id FROM planning_exceptions WHERE run_id = $1', [run!.runId]);
    // Needed tomorrow, arriving in 5 days and released in 7: expedite it; 20 of the 50 are not needed.
    expect(exceptions.rows.sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([{ kind: 'excess', ref_id: poNumber }, { kind: 'expedite', ref_id: poNumber }]);

    const allocated = await allocateOrder(db, actor, orderId, { earliestShipDate: today() });
    expect(allocated.lines).toEqual([expect.objectContaining({ basis: 'inbound', fromInbound: 30, purchaseOrders: [poId] })]);
    expect(allocated.backOrders[0]!.promisedDate).toBe(inDays(7));
  });
});
