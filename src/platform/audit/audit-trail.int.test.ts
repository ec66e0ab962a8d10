import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../actor.ts';
import { writeTx } from '../unit-of-work.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { diffFields } from './audit-record.ts';

let db: TestDatabase;
const actor = systemActor('audit-test');

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec('CREATE TABLE gadgets (id text PRIMARY KEY, colour text NOT NULL)');
});
afterAll(() => db.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

const addGadget = (id: string, colour = 'red') =>
  writeTx(db, { actor, requestId: `req-${id}` }, async (w) => {
    await w.tx.query('INSERT INTO gadgets (id, colour) VALUES ($1, $2)', [id, colour]);
    w.audit({ entityType: 'gadget', entityId: id, action: 'created', changes: { colour: { new: colour } } });
    w.emit({ topic: 'gadget.created', entityType: 'gadget', entityId: id });
  });

describe('audit trail', () => {
  it('gives every write exactly one audit record and one outbox event, in the same transaction', async () => {
    await addGadget('g1');
    expect(await count(`audit_log WHERE entity_type = 'gadget' AND entity_id = 'g1'`)).toBe(1);
    expect(await count(`outbox_events WHERE entity_id = 'g1'`)).toBe(1);
    const rec = (await db.query(`SELECT * FROM audit_log WHERE entity_id = 'g1'`)).rows[0]!;
    expect(rec).toMatchObject({ actor_name: 'audit-test', action: 'created', request_id: 'req-g1', changes: { colour: { new: 'red' } } });
  });

  it('leaves neither the row nor its audit record nor its event when the write fails', async () => {
    const auditBefore = await count('audit_log');
    const eventsBefore = await count('outbox_events');
    await expect(
      writeTx(db, { actor }, async (w) => {
        await w.tx.query(`INSERT INTO gadgets (id, colour) VALUES ('g2', 'blue')`);
        w.audit({ entityType: 'gadget', entityId: 'g2', action: 'created' });
        w.emit({ topic: 'gadget.created' });
        await w.tx.query(`INSERT INTO gadgets (id, colour) VALUES ('g2', 'green')`); // duplicate key
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count(`gadgets WHERE id = 'g2'`)).toBe(0);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count('outbox_events')).toBe(eventsBefore);
  });

  it('refuses a write that records no audit entry', async () => {
    await expect(
      writeTx(db, { actor }, async (w) => {
        await w.tx.query(`INSERT INTO gadgets (id, colour) VALUES ('g3', 'blue')`);
      }),
    ).rejects.toMatchObject({ code: 'WRITE_WITHOUT_AUDIT' });
    expect(await count(`gadgets WHERE id = 'g3'`)).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    await expect(db.query(`UPDATE audit_log SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    // Signatures reference audit records, so PostgreSQL may refuse before the trigger does.
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only|referenced in a foreign key/);
  });

  it('keeps one unforked chain under 20 concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => addGadget(`c${i}`, i % 2 ? 'red' : 'blue')));
    const seqs = (await db.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq')).rows.map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true, records: seqs.length });
  });

  it('names the first altered record once history is changed behind the trigger', async () => {
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const target = (await db.query<{ seq: number }>(`SELECT seq FROM audit_log WHERE entity_id = 'c7'`)).rows[0]!.seq;
    // A superuser can switch the trigger off; the chain still tells.
    await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
                   UPDATE audit_log SET changes = '{"colour":{"new":"purple"}}' WHERE entity_id = 'c7';
                   ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: false, brokenSeq: target });
  });
});

describe('diffFields', () => {
  it('keeps only the fields that changed', () => {
    expect(diffFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1], d: true })).toEqual({
      b: { old: 'x', new: 'y' },
      d: { new: true },
    });
    expect(diffFields(null, { a: 1 })).toEqual({ a: { new: 1 } });
  });
});
