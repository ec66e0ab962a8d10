import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { getSerialHistory } from '../inventory/get-serial-history.ts';
import { today } from '../inventory/stock.fixture.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { checkDatabase } from '../integrity/check-database.ts';
import { createReturn } from './create-return.ts';
import { disposeReturnLine } from './dispose-return-line.ts';
import { receiveReturn } from './receive-return.ts';
import { diagnoseRepair, issueRepairPart, recordRepairResult } from './repair-steps.ts';
import { shippedReturnWorld, stentScan, type ReturnWorld } from './returns.fixture.ts';
import { shipRepair } from './ship-repair.ts';

let db: TestDatabase;
let world: ReturnWorld;
const actor = systemActor('repairs-test');
beforeAll(async () => {
  db = await createTestDatabase();
  world = await shippedReturnWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
}, 180_000);
afterAll(() => db.close());

const tx = <T>(fn: Parameters<typeof writeTx<T>>[2]) => writeTx(db, { actor }, fn);
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('not refused'); }, (e: { code: string; field?: string }) => ({ code: e.code, field: e.field }));

/** Returns one shipped serial under a new RMA, receives it, and opens its repair. */
async function repairOf(k: number, shipmentId = world.shipmentId) {
  const { rows: [u] } = await db.query<{ serial: string }>(
    `SELECT su.serial FROM shipment_lines sl JOIN serial_units su ON su.id = sl.serial_id WHERE sl.shipment_id = $1 ORDER BY su.serial OFFSET $2 LIMIT 1`, [shipmentId, k]);
  const rma = await tx((w) => createReturn(w, { shipmentId, lines: [{ deviceId: world.stent.id, lotNumber: world.stentLot.lotNumber, serial: u!.serial, quantity: 1, reason: 'damaged' }] }, today()));
  await tx((w) => receiveReturn(w, rma.id, { scan: stentScan(world, u!.serial), binId: world.returnsBin }));
  const d = await tx((w) => disposeReturnLine(w, rma.lines[0]!.id, { as: 'repair', condition: 'damaged', note: 'balloon leaks' }, today()));
  return { serial: u!.serial, rma: d, repairId: d.repair!.id };
}

describe('repairs of returned serial units', () => {
  it('diagnoses, uses parts from stock, repairs and sends the unit back to the same consignee; trace and history follow', async () => {
    const { serial, rma, repairId } = await repairOf(0);
    expect(rma.repair!.number).toMatch(/^REP-\d{4}-\d{6}$/);
    expect(rma.rmaStatus).toBe('closed');
    const part = { lotId: world.gauzeLot.id, binId: world.bins['AMB-1'], quantity: 2 };
    expect(await refusal(tx((w) => issueRepairPart(w, repairId, part, today())))).toEqual({ code: 'INVALID_STATE', field: undefined });
    expect(await refusal(tx((w) => shipRepair(w, repairId, { carrier: 'SF', trackingNumber: 'SF1' }, today())))).toEqual({ code: 'INVALID_STATE', field: undefined });
    await tx((w) => diagnoseRepair(w, repairId, 'balloon seal worn'));
    expect(await refusal(tx((w) => issueRepairPart(w, repairId, { ...part, lotId: world.stentLot.id }, today())))).toEqual({ code: 'VALIDATION_FAILED', field: 'lotId' });
    expect(await refusal(tx((w) => issueRepairPart(w, repairId, { ...part, quantity: 1000 }, today())))).toEqual({ code: 'INSUFFICIENT_STOCK', field: undefined });
    const withPart = await tx((w) => issueRepairPart(w, repairId, part, today()));
    expect(withPart.parts).toMatchObject([{ lotId: world.gauzeLot.id, quantity: 2 }]);
    await tx((w) => recordRepairResult(w, repairId, { result: 'repaired', note: 'seal replaced' }));
    const shipped = await tx((w) => shipRepair(w, repairId, { carrier: 'SF', trackingNumber: 'SF123456' }, today()));
    expect(shipped.status).toBe('shipped');
    expect(shipped.returnShipmentNumber).toMatch(/^SH-\d{4}-\d{6}$/);

    const { rows: lines } = await db.query<{ shipment_id: string; customer_id: string; ship_to_id: string; net: number }>(
      `SELECT sl.shipment_id, sl.customer_id, sl.ship_to_id, sl.quantity - sl.qty_returned AS net FROM shipment_lines sl JOIN serial_units su ON su.id = sl.serial_id
        WHERE su.serial = $1 ORDER BY sl.id`, [serial]);
    expect(lines).toEqual([
      { shipment_id: world.shipmentId, customer_id: world.hospital.id, ship_to_id: world.hospital.shipToId, net: 0 },
      { shipment_id: shipped.returnShipmentId, customer_id: world.hospital.id, ship_to_id: world.hospital.shipToId, net: 1 },
    ]);
    const history = await readTx(db, (t) => getSerialHistory(t, actor, serial, world.stent.id));
    expect(history.units[0]!.status).toBe('shipped');
    const moves = history.units[0]!.history.map((e) => [e.moveType, e.reason]);
    expect(moves.slice(-2)).toEqual([['return', expect.stringContaining(rma.rmaNumber)], ['ship', expect.stringContaining(shipped.number)]]);
    expect(await readTx(db, verifyLedger)).toEqual([]);
    // The repair's return shipment is not a second sale: `lotline check` finds nothing wrong.
    expect((await checkDatabase(db)).checks.filter((c) => !c.ok && c.severity === 'breach').map((c) => c.name)).toEqual([]);

    // The unit may come back again: now against the repair's shipment.
    const again = await tx((w) => createReturn(w, { shipmentId: shipped.returnShipmentId!, lines: [{ deviceId: world.stent.id, lotNumber: world.stentLot.lotNumber, serial, quantity: 1, reason: 'complaint' }] }, today()));
    expect(again.lines).toHaveLength(1);
  }, 180_000);

  it('beyond repair scraps the unit', async () => {
    const { serial, repairId } = await repairOf(1);
    await tx((w) => diagnoseRepair(w, repairId, 'frame cracked'));
    const r = await tx((w) => recordRepairResult(w, repairId, { result: 'beyond_repair' }));
    expect(r.status).toBe('beyond_repair');
    const { rows: [u] } = await db.query<{ status: string; bin_id: string | null }>('SELECT status, bin_id FROM serial_units WHERE device_id = $1 AND serial = $2', [world.stent.id, serial]);
    expect(u).toEqual({ status: 'scrapped', bin_id: null });
    expect(await refusal(tx((w) => shipRepair(w, repairId, { carrier: 'SF', trackingNumber: 'SF2' }, today())))).toEqual({ code: 'INVALID_STATE', field: undefined });
    expect(await readTx(db, verifyLedger)).toEqual([]);
  }, 180_000);
});
