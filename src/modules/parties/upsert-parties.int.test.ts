import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { getParty } from './get-party.ts';
import type { PartyInput } from './party-schemas.ts';
import { testGln, uniqueCode } from './test-fixtures.ts';
import { upsertParties } from './upsert-parties.ts';

let db: TestDatabase;
const crypto = createFieldCrypto(parseKeyring(generateKeyLine('test')));
const actor = systemActor('import');
const provenance = { source: 'import', sourceRef: 'parties.xlsx' };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** Runs an upsert in its own transaction, counting the statements it sends. */
async function upsert(rows: PartyInput[]) {
  let statements = 0;
  const result = await writeTx(db, { actor }, async (w) => {
    const counting: Sql = { query: (text, params) => (statements++, w.tx.query(text, params)), exec: (s) => w.tx.exec(s) };
    const r = await upsertParties({ ...w, tx: counting }, crypto, rows, provenance);
    // The import job records itself too: a batch where nothing changed is still a write.
    w.audit({ entityType: 'import', entityId: 'test', action: 'ran' });
    return r;
  });
  return { result, statements };
}

const audits = async (id: string) =>
  (await db.query<{ action: string; changes: Record<string, unknown> }>('SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY seq', [id])).rows;

const row = (code: string, more: Partial<PartyInput> = {}): PartyInput => ({ code, kind: 'customer', customerType: 'distributor', nameZh: `公司 ${code}`, ...more });

describe('upsertParties', () => {
  it('creates new parties with their children and provenance', async () => {
    const code = uniqueCode('IMP');
    const gln = testGln();
    const { result } = await upsert([row(code, {
      bankDetails: 'ACC-1', paymentTermsDays: 60,
      addresses: [{ code: 'DC', kind: 'ship_to', name: '仓', line1: '路', isDefault: true }],
      contacts: [{ name: '王经理', phone: '138 0000 0000' }], identifiers: [{ scheme: 'GLN', value: gln }],
    })]);
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const id = result.rows[0]!.id!;
    const party = await getParty(db, crypto, actor, id);
    expect(party).toMatchObject({ code, paymentTermsDays: 60, source: 'import', sourceRef: 'parties.xlsx', bankDetails: 'ACC-1', identifiers: [{ scheme: 'GLN', value: gln }] });
    expect(party.contacts[0]).toMatchObject({ name: '王经理', phone: '138 0000 0000' });
    expect(party.addresses[0]).toMatchObject({ code: 'DC', isDefault: true });
    const [created] = await audits(id);
    expect(created).toMatchObject({ action: 'created' });
    expect(JSON.stringify(created!.changes)).not.toMatch(/ACC-1|王经理/);
  });

  it('updates only what a row changes, keeps what it leaves out, and audits the difference', async () => {
    const code = uniqueCode('IMP');
    const first = await upsert([row(code, { nameEn: 'Keep me', paymentTermsDays: 30, addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l' }] })]);
    const id = first.result.rows[0]!.id!;
    const second = await upsert([row(code, { paymentTermsDays: 90, addresses: [{ code: 'B', kind: 'ship_to', name: 'b', line1: 'l' }] })]);
    expect(second.result).toMatchObject({ updated: 1, created: 0 });
    const party = await getParty(db, crypto, actor, id);
    expect(party).toMatchObject({ nameEn: 'Keep me', paymentTermsDays: 90, version: 2 });
    expect(party.addresses.map((a) => a.code)).toEqual(['A', 'B']);
    const updated = (await audits(id)).at(-1)!;
    expect(updated.action).toBe('updated');
    expect(Object.keys(updated.changes).sort()).toEqual(['addresses.B', 'paymentTermsDays']);
    expect(updated.changes.paymentTermsDays).toEqual({ old: 30, new: 90 });
  });

  it('reports an identical row as unchanged, writing nothing', async () => {
    const code = uniqueCode('IMP');
    const input = row(code, { bankDetails: 'SAME', contacts: [{ name: '李' }], identifiers: [{ scheme: 'PARTNER', value: uniqueCode('P') }],
      addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l' }] });
    const id = (await upsert([input])).result.rows[0]!.id!;
    const again = await upsert([input]);
    expect(again.result).toMatchObject({ unchanged: 1, updated: 0 });
    expect((await audits(id)).map((a) => a.action)).toEqual(['created']);
    expect((await getParty(db, crypto, actor, id)).version).toBe(1);
  });

  it('masks changed bank details and contacts in the audit record', async () => {
    const code = uniqueCode('IMP');
    const id = (await upsert([row(code, { bankDetails: 'OLD-ACC', contacts: [{ name: '甲' }] })])).result.rows[0]!.id!;
    await upsert([row(code, { bankDetails: 'NEW-ACC', contacts: [{ name: '乙' }, { name: '丙' }] })]);
    const updated = (await audits(id)).at(-1)!;
    expect(updated.changes).toEqual({ bankDetails: { old: '[encrypted]', new: '[encrypted]' }, contacts: { old: '[encrypted]', new: '[encrypted]' } });
    const party = await getParty(db, crypto, actor, id);
    expect(party.bankDetails).toBe('NEW-ACC');
    expect(party.contacts.map((c) => c.name).sort()).toEqual(['丙', '乙']);
  });

  it('rejects rows breaking a rule and writes the others', async () => {
    const existing = uniqueCode('IMP');
    const withDays = uniqueCode('IMP');
    const gln = testGln();
    await upsert([row(existing, { identifiers: [{ scheme: 'GLN', value: gln }] }), row(withDays, { minShelfLifeDays: 30 })]);
    const good = uniqueCode('IMP');
    const { result } = await upsert([
      row(good),
      row(good, { nameZh: 'twice' }),
      row(uniqueCode('IMP'), { customerType: undefined }),
      { ...row(existing), kind: 'supplier', customerType: undefined },
      row(withDays, { minShelfLifePct: 50 }),
      row(uniqueCode('IMP'), { identifiers: [{ scheme: 'GLN', value: gln }] }),
      row(uniqueCode('IMP'), { addresses: [{ code: 'A', kind: 'bill_to', name: 'a', line1: 'l', coldChainCapable: true }] }),
    ]);
    expect(result).toMatchObject({ created: 1, rejected: 6 });
    expect(result.rows.map((r) => [r.row, r.action, r.error?.field])).toEqual([
      [0, 'created', undefined],
      [1, 'rejected', 'code'],
      [2, 'rejected', 'customerType'],
      [3, 'rejected', 'kind'],
      [4, 'rejected', 'minShelfLifePct'],
      [5, 'rejected', 'identifiers'],
      [6, 'rejected', 'addresses.0.coldChainCapable'],
    ]);
    expect(result.rows[5]!.error).toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining(existing) });
  });

  it('rejects the second of two rows claiming one identifier', async () => {
    const value = uniqueCode('P');
    const { result } = await upsert([row(uniqueCode('IMP'), { identifiers: [{ scheme: 'PARTNER', value }] }), row(uniqueCode('IMP'), { identifiers: [{ scheme: 'PARTNER', value }] })]);
    expect(result.rows.map((r) => r.action)).toEqual(['created', 'rejected']);
  });

  it('hands a new default address over from the old one', async () => {
    const code = uniqueCode('IMP');
    const id = (await upsert([row(code, { addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l', isDefault: true }] })])).result.rows[0]!.id!;
    await upsert([row(code, { addresses: [{ code: 'B', kind: 'ship_to', name: 'b', line1: 'l', isDefault: true }] })]);
    const addresses = (await getParty(db, crypto, actor, id)).addresses;
    expect(addresses.map((a) => [a.code, a.isDefault])).toEqual([['A', false], ['B', true]]);
  });

  it('upserts carrier services by code', async () => {
    const code = uniqueCode('CAR');
    const carrier = (services: PartyInput['carrierServices']): PartyInput => ({ code, kind: 'carrier', nameZh: '承运商', carrierServices: services });
    const id = (await upsert([carrier([{ code: 'STD', name: '标快', transitDays: 2 }])])).result.rows[0]!.id!;
    await upsert([carrier([{ code: 'STD', name: '标快', transitDays: 3 }, { code: 'COLD', name: '冷运', transitDays: 2, coldChainCapable: true }])]);
    const services = (await getParty(db, crypto, actor, id)).carrierServices;
    expect(services.map((s) => [s.code, s.transitDays, s.coldChainCapable])).toEqual([['COLD', 2, true], ['STD', 3, false]]);
  });

  it('sends the same number of statements for 3 rows as for 60', async () => {
    const batch = (n: number) => Array.from({ length: n }, () => row(uniqueCode('BULK'), {
      addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l' }], contacts: [{ name: '张' }],
      identifiers: [{ scheme: 'PARTNER', value: uniqueCode('P') }],
    }));
    const small = await upsert(batch(3));
    const large = await upsert(batch(60));
    expect(large.result.created).toBe(60);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(14);
    const codes = large.result.rows.map((r) => r.key);
    const updateAll = await upsert(codes.map((c) => row(c, { paymentTermsDays: 75 })));
    expect(updateAll.result.updated).toBe(60);
    expect(updateAll.statements).toBeLessThanOrEqual(14);
  });
});
