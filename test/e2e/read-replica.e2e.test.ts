import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openPostgres } from '../../src/db/postgres-database.ts';
import type { Database } from '../../src/db/types.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import type { App } from '../../src/platform/http/create-server.ts';
import { createUser } from '../../src/modules/auth/create-user.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { httpClient, loginCookie, TEST_PASSWORD, type HttpClient } from '../helpers/test-app.ts';

/**
 * Reads routed to DATABASE_READ_URL, and read-your-writes across it. Here the "replica" is a
 * second connection pool on the same database (not in recovery, so never behind); the topology
 * test (scripts/topology) runs the same routes against a real streaming replica with lag.
 */
let db: TestDatabase;
let replica: Database;
let app: App;
let cs: HttpClient;
let world: OrderWorld;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  db = await createTestDatabase();
  replica = openPostgres(db.url!, { max: 2 });
  const crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
  app = await buildApp({ db, replica, crypto, config: { ...loadConfig({}), port: 0, logLevel: 'silent' } }, { logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await createUser(db, systemActor('test'), { username: 'cs-replica', password: TEST_PASSWORD, roles: ['customer_service'] });
  cs = httpClient(url, await loginCookie(url, 'cs-replica', TEST_PASSWORD));
  world = await orderWorld(db, crypto);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await replica?.close();
  await db?.close();
});

describe.runIf(process.env.DATABASE_URL)('a read replica (DATABASE_READ_URL)', () => {
  it('serves list reads from the replica and hands a writer its WAL position back', async () => {
    const list = await cs.get('/api/v1/orders');
    expect(list.status).toBe(200);
    expect(list.headers.get('x-lotline-read-from')).toBe('replica');

    const placed = await cs.post('/api/v1/orders', { customerId: world.hospital.id, lines: [{ deviceId: world.gauze.id, quantity: 1 }] });
    expect(placed.status).toBe(201);
    const lsn = placed.headers.get('x-lotline-lsn');
    expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(placed.headers.get('set-cookie')).toMatch(/lotline_lsn=/);

    // A reader that asks for its own write reads it (here the replica is never behind).
    const after = await cs.request('GET', '/api/v1/orders', undefined, { 'x-lotline-min-lsn': lsn! });
    expect(after.body.items.map((o: { id: string }) => o.id)).toContain(placed.body.id);
    expect((await cs.request('GET', '/api/v1/orders', undefined, { 'x-lotline-min-lsn': 'not-an-lsn' })).status).toBe(200);
  });

  it('shows the replication status', async () => {
    const r = await cs.get('/api/v1/system/replication');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ replica: false, primaryLsn: expect.stringMatching(/\//), lagBytes: 0 });
  });
});
