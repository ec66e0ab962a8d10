import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { changeLotStatus } from '../inventory/change-lot-status.ts';
import { loadStockCandidates } from '../inventory/load-stock-candidates.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { confirmedOrder, today } from '../inventory/stock.fixture.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { invoiceShipment } from '../finance/invoice-shipment.ts';
import { shipOrderForTrace } from '../trace/trace.fixture.ts';
import { cancelReturn } from './cancel-return.ts';
import { createReturn } from './create-return.ts';
import { disposeReturnLine } from './dispose-return-line.ts';
import { getReturn } from './get-return.ts';
import { receiveReturn } from './receive-return.ts';
import type { DispositionInput, ReturnInput, ReturnReceiptInput } from './return-schemas.ts';
import { reagentScan, shippedReturnWorld, stentScan, type ReturnWorld } from './returns.fixture.ts';

let db: TestDatabase;
let crypto: FieldCrypto;
let world: ReturnWorld;
const actor = systemActor('returns-test');
beforeAll(async () => {
  db = await createTestDatabase();
  crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
  world = await shippedReturnWorld(db, crypto);
}, 180_000);
afterAll(() => db.close());

const create = (input: ReturnInput) => writeTx(db, { actor }, (w) => createReturn(w, input, today()));
const receive = (rmaId: string, input: ReturnReceiptInput) => writeTx(db, { actor }, (w) => receiveReturn(w, rmaId, input));
const dispose = (lineId: string, input: DispositionInput) => writeTx(db, { actor }, (w) => disposeReturnLine(w, lineId, input, today()));
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('not refused'); }, (e: { code: string; field?: string }) => ({ code: e.code, field: e.field }));
const one = async <T>(sql: string, params: unknown[]) => (await db.query<T>(sql, params)).rows[0]!;
const saleableBins = async (deviceId: string) =>
  (await readTx(db, (tx) => loadStockCandidates(tx, { deviceIds: [deviceId], warehouseIds: [world.warehouseId], shipDate: today(), lock: false }))).map((c) => c.binId);
const stentLine = (w: ReturnWorld, serial: string, reason: ReturnInput['lines'][number]['reason'] = 'damaged') =>
  ({ deviceId: w.stent.id, lotNumber: w.stentLot.lotNumber, serial, quantity: 1, reason });
const reagentLine = (w: ReturnWorld, quantity: number, reason: ReturnInput['lines'][number]['reason'] = 'wrong_item') =>
  ({ deviceId: w.coldDevice.id, lotNumber: w.reagentLot.lotNumber, quantity, reason });

describe('return authorisations: only what was shipped to that customer comes back', () => {
  it('authorises a shipped serial and a lot quantity, numbered RMA-YYYY-NNNNNN', async () => {
    const rma = await create({ shipmentId: world.shipmentId, lines: [stentLine(world, world.shippedSerials[0]!), reagentLine(world, 10)] });
    expect(rma.number).toMatch(new RegExp(`^RMA-${today().slice(0, 4)}-\\d{6}$`));
    expect(rma.status).toBe('authorised');
    expect(rma.lines.map((l) => [l.deviceCode, l.serial, l.quantity])).toEqual([[world.stent.code, world.shippedSerials[0], 1], [world.coldDevice.code, null, 10]]);
  });

  it('refuses what was never shipped: another device, another lot, a serial still in stock', async () => {
    expect(await refusal(create({ shipmentId: world.shipmentId, lines: [{ deviceId: world.gauze.id, lotNumber: world.gauzeLot.lotNumber, quantity: 1, reason: 'damaged' }] })))
      .toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].deviceId' });
    expect(await refusal(create({ shipmentId: world.shipmentId, lines: [{ ...reagentLine(world, 1), lotNumber: 'NOPE' }] })))
      .toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].lotNumber' });
    expect(await refusal(create({ shipmentId: world.shipmentId, lines: [stentLine(world, world.inStockSerial)] })))
      .toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].serial' });
  });

  it('refuses more than shipped less what is already authorised, and an unknown shipment', async () => {
    // 20 reagent shipped, 10 authorised above.
    expect(await refusal(create({ shipmentId: world.shipmentId, lines: [reagentLine(world, 11)] }))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].quantity' });
    expect(await refusal(create({ shipmentId: world.shipmentId, lines: [stentLine(world, world.shippedSerials[0]!)] }))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].quantity' });
    expect(await refusal(create({ shipmentId: world.stentLot.id, lines: [reagentLine(world, 1)] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'shipmentId' });
  });

  it('refuses another customer’s unit on this customer’s shipment', async () => {
    const other = await shippedReturnWorld(db, crypto);
    expect(await refusal(create({ shipmentId: world.shipmentId, lines: [stentLine(other, other.shippedSerials[0]!)] })))
      .toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].deviceId' });
  }, 180_000);
});

describe('receiving returns and their disposition', () => {
  it('receives by scan into the returns zone (not available, qty_returned raised, serial returned); restock makes it available and shippable again', async () => {
    const serial = world.shippedSerials[1]!;
    const rma = await create({ shipmentId: world.shipmentId, lines: [stentLine(world, serial, 'wrong_item'), reagentLine(world, 10)] });
    expect(await refusal(receive(rma.id, { scan: stentScan(world, serial), binId: world.bins['AMB-2'] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'binId' });
    expect(await refusal(receive(rma.id, { scan: reagentScan(world, 'each'), quantity: 10, binId: world.returnsBin }))).toEqual({ code: 'STORAGE_MISMATCH', field: 'binId' });
    expect(await refusal(receive(rma.id, { scan: stentScan(world, world.inStockSerial), binId: world.returnsBin }))).toEqual({ code: 'SERIAL_UNAVAILABLE', field: 'scan' });
    expect(await refusal(receive(rma.id, { scan: reagentScan(world, 'box'), binId: world.coldReturnsBin }))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'quantity' });
    expect(await refusal(receive(rma.id, { scan: reagentScan(world, 'each', 'OTHER'), binId: world.coldReturnsBin }))).toEqual({ code: 'SCAN_WRONG_LOT', field: 'scan' });
    expect(await refusal(receive(rma.id, { scan: 'garbage', binId: world.returnsBin }))).toEqual({ code: 'SCAN_UNKNOWN_FORMAT', field: 'scan' });

    const got = await receive(rma.id, { scan: stentScan(world, serial), binId: world.returnsBin });
    expect(got).toMatchObject({ status: 'partially_received', bin: { code: 'RET-1', zoneType: 'returns' } });
    expect((await receive(rma.id, { scan: reagentScan(world, 'each'), quantity: 10, binId: world.coldReturnsBin })).status).toBe('received');
    expect(await one('SELECT status, bin_id FROM serial_units WHERE device_id = $1 AND serial = $2', [world.stent.id, serial])).toEqual({ status: 'returned', bin_id: world.returnsBin });
    expect(await one(
      `SELECT (SELECT sum(qty_returned)::int FROM shipment_lines WHERE shipment_id = $1 AND device_id = $2) AS sl,
              (SELECT qty_returned FROM order_lines WHERE order_id = $3 AND device_id = $2) AS ol`, [world.shipmentId, world.coldDevice.id, world.orderId])).toEqual({ sl: 10, ol: 10 });
    expect(await saleableBins(world.coldDevice.id)).not.toContain(world.coldReturnsBin);
    expect(await readTx(db, verifyLedger)).toEqual([]);

    const [stent, reagent] = (await readTx(db, (tx) => getReturn(tx, actor, rma.id))).lines;
    expect(await refusal(dispose(reagent!.id, { as: 'restock', condition: 'damaged', toBinId: world.bins['COLD-1'] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'condition' });
    expect(await refusal(dispose(reagent!.id, { as: 'restock', condition: 'sound', toBinId: world.coldReturnsBin }))).toEqual({ code: 'VALIDATION_FAILED', field: 'toBinId' });
    expect(await refusal(dispose(reagent!.id, { as: 'restock', condition: 'sound', quantity: 11, toBinId: world.bins['COLD-1'] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'quantity' });
    await dispose(reagent!.id, { as: 'scrap', condition: 'damaged', quantity: 3 });
    const restocked = await dispose(reagent!.id, { as: 'restock', condition: 'sound', toBinId: world.bins['COLD-1'] });
    expect(restocked.quantity).toBe(7);
    expect(restocked.creditNote).toBeNull(); // the shipment was not invoiced
    expect(await saleableBins(world.coldDevice.id)).toContain(world.bins['COLD-1']);
    expect(await one('SELECT on_hand FROM stock_balances WHERE lot_id = $1 AND bin_id = $2', [world.reagentLot.id, world.bins['COLD-1']])).toEqual({ on_hand: 7 });
    const last = await dispose(stent!.id, { as: 'restock', condition: 'sound', toBinId: world.bins['AMB-1'] });
    expect(last.rmaStatus).toBe('closed');
    const unit = await one<{ id: string; status: string; bin_id: string }>('SELECT id, status, bin_id FROM serial_units WHERE device_id = $1 AND serial = $2', [world.stent.id, serial]);
    expect([unit.status, unit.bin_id]).toEqual(['in_stock', world.bins['AMB-1']]);
    expect(await readTx(db, verifyLedger)).toEqual([]);

    // Restocked, the serial ships again: a new order allocates and ships it.
    const again = await confirmedOrder(db, world, [{ deviceId: world.stent.id, quantity: 2 }]);
    const shipped = await shipOrderForTrace(db, again);
    expect(shipped.units.map((u) => u.serialId)).toContain(unit.id);
    expect(await readTx(db, verifyLedger)).toEqual([]);
  }, 180_000);

  it('refuses to restock a recalled lot (LOT_RECALLED) and quarantines it instead', async () => {
    const w2 = await shippedReturnWorld(db, crypto);
    const rma = await create({ shipmentId: w2.shipmentId, lines: [stentLine(w2, w2.shippedSerials[0]!, 'recall')] });
    await receive(rma.id, { scan: stentScan(w2, w2.shippedSerials[0]!), binId: w2.returnsBin });
    await changeLotStatus(db, actor, w2.stentLot.id, 'recall', { reason: 'recall notice R-1' }, { ...shippingDates(), requestId: null });
    expect(await refusal(dispose(rma.lines[0]!.id, { as: 'restock', condition: 'sound', toBinId: w2.bins['AMB-1'] }))).toEqual({ code: 'LOT_RECALLED', field: 'as' });
    expect(await refusal(dispose(rma.lines[0]!.id, { as: 'quarantine', condition: 'sound', toBinId: w2.bins['AMB-1'] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'toBinId' });
    const q = await dispose(rma.lines[0]!.id, { as: 'quarantine', condition: 'sound', toBinId: w2.bins['QC-1'] });
    expect(q.toBin).toMatchObject({ zoneType: 'quarantine' });
    expect(await one('SELECT on_hand FROM stock_balances WHERE lot_id = $1 AND bin_id = $2', [w2.stentLot.id, w2.bins['QC-1']])).toEqual({ on_hand: 1 });
    expect(await readTx(db, verifyLedger)).toEqual([]);
  }, 180_000);

  it('a cancelled RMA frees its units for another; a received one cannot be cancelled', async () => {
    const w3 = await shippedReturnWorld(db, crypto);
    const first = await create({ shipmentId: w3.shipmentId, lines: [reagentLine(w3, 20, 'expired')] });
    expect(await refusal(create({ shipmentId: w3.shipmentId, lines: [reagentLine(w3, 1)] }))).toEqual({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].quantity' });
    await writeTx(db, { actor }, (w) => cancelReturn(w, first.id, 'customer kept them'));
    const second = await create({ shipmentId: w3.shipmentId, lines: [reagentLine(w3, 20, 'expired')] });
    await receive(second.id, { scan: reagentScan(w3, 'box'), binId: w3.coldReturnsBin });
    expect(await refusal(writeTx(db, { actor }, (w) => cancelReturn(w, second.id, 'too late')))).toEqual({ code: 'INVALID_STATE', field: undefined });
  }, 180_000);

  it('authorises the same units once under concurrent requests, and credits units of an invoiced shipment against its invoice', async () => {
    const w4 = await shippedReturnWorld(db, crypto);
    const invoice = await writeTx(db, { actor }, (w) => invoiceShipment(w, w4.shipmentId, { trigger: 'manual', today: today() }));
    // Two RMAs for 15 of the 20 shipped, at once: one is authorised, the other refused.
    const raced = await Promise.allSettled([1, 2].map(() => create({ shipmentId: w4.shipmentId, lines: [reagentLine(w4, 15)] })));
    expect(raced.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((raced.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'RETURN_NOT_AUTHORISED', field: 'lines[0].quantity' });
    const rma = await create({ shipmentId: w4.shipmentId, lines: [reagentLine(w4, 5, 'damaged')] });
    await receive(rma.id, { scan: reagentScan(w4, 'each'), quantity: 5, binId: w4.coldReturnsBin });
    const scrapped = await dispose(rma.lines[0]!.id, { as: 'scrap', condition: 'damaged' });
    expect(scrapped.creditNote).toMatchObject({ number: expect.stringMatching(/^CN-/) });
    expect(scrapped.creditNote!.totalMinor).toBeLessThan(0);
    expect(await one('SELECT credited_invoice_id, source_ref FROM invoices WHERE id = $1', [scrapped.creditNote!.id])).toEqual({ credited_invoice_id: invoice.id, source_ref: rma.number });
    expect(await one('SELECT credit_note_id FROM return_dispositions WHERE return_line_id = $1', [rma.lines[0]!.id])).toEqual({ credit_note_id: scrapped.creditNote!.id });
    expect(await readTx(db, verifyLedger)).toEqual([]);
  }, 180_000);
});
