import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { inDays, receiveReleased, stockWorld, type StockWorld } from '../inventory/stock.fixture.ts';

let db: TestDatabase;
let world: StockWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
});
afterAll(() => db.close());

async function lotExpiring(deviceId: string, expiresOn: string): Promise<string> {
  const id = uuidv7();
  await db.query(`INSERT INTO lots (id, device_id, lot_number, expires_on, status) VALUES ($1, $2, $3, $4, 'expired')`, [id, deviceId, `OLD-${id.slice(-6)}`, expiresOn]);
  return id;
}

const deleteLot = (id: string) => db.query('DELETE FROM lots WHERE id = $1', [id]);

describe('record retention (GSP) in the database', () => {
  it('keeps a lot’s records until two years past its expiry, then lets them go', async () => {
    const recent = await lotExpiring(world.gauze.id, inDays(-400));
    await expect(deleteLot(recent)).rejects.toThrow(/kept until/);
    const old = await lotExpiring(world.gauze.id, inDays(-800));
    await deleteLot(old);
    expect((await db.query('SELECT 1 FROM lots WHERE id = $1', [old])).rows).toEqual([]);
  });

  it('keeps everything about an implantable device for ever', async () => {
    await db.query('UPDATE devices SET implantable = true WHERE id = $1', [world.stent.id]);
    const ancient = await lotExpiring(world.stent.id, '2001-01-01');
    await expect(deleteLot(ancient)).rejects.toThrow(/kept until infinity/);
  });

  it('never changes or deletes a stock move (the ledger is append-only)', async () => {
    await receiveReleased(db, [{ deviceId: world.gauze.id, lotNumber: 'LEDGER-1', expiresOn: inDays(300), quantity: 5, binId: world.bins['AMB-1'] }]);
    await expect(db.query('UPDATE stock_moves SET quantity = 50')).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM stock_moves')).rejects.toThrow(/immutable/);
  });
});
