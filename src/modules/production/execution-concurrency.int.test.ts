import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { createPurchaseOrder } from '../purchasing/create-purchase-order.ts';
import { changePurchaseOrderStatus } from '../purchasing/change-purchase-order-status.ts';
import { receivePurchaseOrder } from '../purchasing/receive-purchase-order.ts';
import { inDays, today } from '../inventory/stock.fixture.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { issueComponents } from './issue-components.ts';
import { productionWorld, type ProductionWorld } from './production.fixture.ts';
import { releaseWorkOrder } from './release-work-order.ts';

let db: TestDatabase;
let world: ProductionWorld;
const actor = systemActor('test');
beforeAll(async () => {
  db = await createTestDatabase();
  world = await productionWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
}, 300_000);
afterAll(() => db?.close());

describe('receipts and issues under concurrency', { timeout: 180_000 }, () => {
  it('never receives more than a purchase order line holds, however many receipts arrive at once', async () => {
    const po = await createPurchaseOrder(db, actor, { supplierId: world.supplier.id, lines: [{ deviceId: world.catheter.id, quantity: 30, unitPriceMinor: 100, expectedDate: inDays(5) }] }, { today: today(), requestId: null });
    await changePurchaseOrderStatus(db, actor, po.id, 'approve', {}, { today: today(), requestId: null });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((i) => writeTx(db, { actor }, (w) => receivePurchaseOrder(w, po.number, {
      binId: world.bins['QC-1'], lines: [{ deviceId: world.catheter.id, lotNumber: `CONC-${i}`, expiresOn: inDays(300), quantity: 10 }],
    }, { today: today(), now: new Date() }))));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
    const { rows } = await db.query<{ qty: number; lots: number }>(
      `SELECT (SELECT qty_received FROM purchase_order_lines WHERE purchase_order_id = $1) AS qty,
              (SELECT count(*)::int FROM incoming_inspections WHERE purchase_order_id = $1) AS lots`, [po.id]);
    expect(rows[0]).toEqual({ qty: 30, lots: 3 });
  });

  it('never issues more than the BOM asks for, and keeps the ledger equal to the balances', async () => {
    await releaseWorkOrder(db, actor, world.workOrder.number, null);
    // The order of 5 kits needs 5 gauze; six issues of 1 race.
    const settled = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(() => issueComponents(db, actor, world.workOrder.id, {
      lines: [{ binId: world.bins['AMB-1'], lotId: world.lots.gauze, quantity: 1 }],
    }, { today: today(), now: new Date(), requestId: null })));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(5);
    const { rows } = await db.query<{ issued: number; onHand: number }>(
      `SELECT (SELECT sum(quantity)::int FROM work_order_issues WHERE work_order_id = $1) AS issued,
              (SELECT on_hand FROM stock_balances WHERE lot_id = $2) AS "onHand"`, [world.workOrder.id, world.lots.gauze]);
    expect(rows[0]).toEqual({ issued: 5, onHand: 15 });
    expect(await verifyLedger(db)).toEqual([]);
  });
});
