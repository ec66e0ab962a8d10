import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { recordMoves, type MoveInput } from './record-moves.ts';
import { inDays, receiveReleased, stockWorld, type StockWorld } from './stock.fixture.ts';
import { verifyLedger } from './verify-ledger.ts';

let db: TestDatabase;
let world: StockWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
});
afterAll(() => db.close());

const move = (moves: MoveInput[]) =>
  writeTx(db, { actor: systemActor('test') }, async (w) => {
    await recordMoves(w.tx, moves, 'test');
    w.audit({ entityType: 'test', entityId: 'moves', action: 'moved' });
  });
const balances = async (lotId: string) =>
  Object.fromEntries((await db.query<{ bin_id: string; on_hand: number; allocated: number }>(
    'SELECT bin_id, on_hand, allocated FROM stock_balances WHERE lot_id = $1', [lotId])).rows.map((r) => [r.bin_id, [r.on_hand, r.allocated]]));
const moveCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_moves')).rows[0]!.n;

describe('the stock ledger', () => {
  it('keeps balances equal to the sum of the moves through every move type (invariant 7)', async () => {
    const [lot] = await receiveReleased(db, [{ deviceId: world.gauze.id, lotNumber: 'LEDGER-1', expiresOn: inDays(400), quantity: 100, binId: world.bins['QC-1'] }]);
    const { 'AMB-1': a1, 'AMB-2': a2, 'QC-1': qc } = world.bins;
    const base = { deviceId: world.gauze.id, lotId: lot! };
    await move([{ ...base, moveType: 'putaway', fromBinId: qc, toBinId: a1, quantity: 60 }, { ...base, moveType: 'transfer', fromBinId: qc, toBinId: a2, quantity: 30 }]);
    await move([{ ...base, moveType: 'adjust', toBinId: a1, quantity: 2, reason: 'count: found 2' }, { ...base, moveType: 'adjust', fromBinId: a2, quantity: 5, reason: 'damaged' }]);
    await move([{ ...base, moveType: 'scrap', fromBinId: qc, quantity: 10, reason: 'crushed' }, { ...base, moveType: 'status', fromBinId: a1, toBinId: a1, quantity: 62 }]);
    // 7 units held for an order (allocation rows are the allocation tests' business): the pick consumes them.
    await db.query(`UPDATE stock_balances SET allocated = 7 WHERE lot_id = $1 AND bin_id = $2`, [lot, a1]);
    await move([{ ...base, moveType: 'pick', fromBinId: a1, quantity: 7, allocated: 7 }]);
    await move([{ ...base, moveType: 'ship', fromBinId: a2, quantity: 20, refType: 'order', refId: 'x' }, { ...base, moveType: 'return', toBinId: a2, quantity: 1 }]);
    expect(await balances(lot!)).toEqual({ [qc]: [0, 0], [a1]: [55, 0], [a2]: [6, 0] });
    expect(await readTx(db, verifyLedger)).toEqual([]);
  });

  it('refuses to take more than is free, or from a bin that holds none, and writes nothing (invariant 8)', async () => {
    const [lot] = await receiveReleased(db, [{ deviceId: world.gauze.id, lotNumber: 'LEDGER-2', expiresOn: inDays(400), quantity: 10, binId: world.bins['AMB-1'] }]);
    const base = { deviceId: world.gauze.id, lotId: lot! };
    const before = await moveCount();
    const cases: MoveInput[][] = [
      [{ ...base, moveType: 'ship', fromBinId: world.bins['AMB-1'], quantity: 11 }],
      [{ ...base, moveType: 'transfer', fromBinId: world.bins['AMB-2'], toBinId: world.bins['AMB-1'], quantity: 1 }],
      [{ ...base, moveType: 'transfer', fromBinId: world.bins['AMB-1'], toBinId: world.bins['AMB-2'], quantity: 6 },
        { ...base, moveType: 'ship', fromBinId: world.bins['AMB-1'], quantity: 5 }],
    ];
    for (const c of cases) await expect(move(c)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await db.query('UPDATE stock_balances SET allocated = 8 WHERE lot_id = $1', [lot]);
    await expect(move([{ ...base, moveType: 'ship', fromBinId: world.bins['AMB-1'], quantity: 3 }])).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await db.query('UPDATE stock_balances SET allocated = 0 WHERE lot_id = $1', [lot]);
    expect(await moveCount()).toBe(before);
    expect(await balances(lot!)).toEqual({ [world.bins['AMB-1']]: [10, 0] });
  });

  it('refuses moves of the wrong shape before writing', async () => {
    const base = { deviceId: world.gauze.id, lotId: '00000000-0000-7000-8000-000000000001', quantity: 1 };
    await expect(move([{ ...base, moveType: 'receipt', fromBinId: world.bins['AMB-1'] }])).rejects.toThrow(/wrong bins/);
    await expect(move([{ ...base, moveType: 'transfer', fromBinId: world.bins['AMB-1'], toBinId: world.bins['AMB-1'] }])).rejects.toThrow(/wrong bins/);
    await expect(move([{ ...base, moveType: 'adjust', toBinId: world.bins['AMB-1'] }])).rejects.toThrow(/reason/);
    await expect(move([{ ...base, moveType: 'ship', fromBinId: world.bins['AMB-1'], quantity: 0 }])).rejects.toThrow(/positive/);
  });

  it('moves serial units with their moves', async () => {
    const [lot] = await receiveReleased(db, [{ deviceId: world.stent.id, lotNumber: 'LEDGER-S', expiresOn: inDays(700), quantity: 2, binId: world.bins['AMB-1'], serials: ['SN-A', 'SN-B'] }]);
    const unit = async (serial: string) => (await db.query<{ id: string; bin_id: string | null; status: string }>(
      'SELECT id, bin_id, status FROM serial_units WHERE serial = $1', [serial])).rows[0]!;
    expect(await unit('SN-A')).toMatchObject({ bin_id: world.bins['AMB-1'], status: 'in_stock' });
    const base = { deviceId: world.stent.id, lotId: lot!, quantity: 1 };
    await move([{ ...base, moveType: 'pick', fromBinId: world.bins['AMB-1'], serialId: (await unit('SN-A')).id }]);
    expect(await unit('SN-A')).toMatchObject({ bin_id: null, status: 'picked' });
    await expect(move([{ ...base, moveType: 'transfer', fromBinId: world.bins['AMB-1'], toBinId: world.bins['AMB-2'], serialId: (await unit('SN-B')).id },
      { ...base, moveType: 'ship', fromBinId: world.bins['AMB-2'], serialId: (await unit('SN-B')).id }])).rejects.toThrow(/once per batch/);
  });

  it('reports a balance that no longer matches its moves', async () => {
    const [lot] = await receiveReleased(db, [{ deviceId: world.gauze.id, lotNumber: 'LEDGER-3', expiresOn: inDays(400), quantity: 4, binId: world.bins['AMB-2'] }]);
    await db.query('UPDATE stock_balances SET on_hand = 5 WHERE lot_id = $1', [lot]);
    expect(await readTx(db, verifyLedger)).toEqual([
      { lotId: lot, binId: world.bins['AMB-2'], balanceOnHand: 5, ledgerOnHand: 4, balanceAllocated: 0, allocationsHeld: 0 },
    ]);
    await db.query('UPDATE stock_balances SET on_hand = 4 WHERE lot_id = $1', [lot]);
  });
});
