import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { createParty } from './create-party.ts';
import type { LicenceImportRow } from './licence-schemas.ts';
import { listLicences } from './list-licences.ts';
import { distributorInput, hospitalInput, uniqueCode } from './test-fixtures.ts';
import { upsertLicences } from './upsert-licences.ts';

let db: TestDatabase;
const crypto = createFieldCrypto(parseKeyring(generateKeyLine('test')));
const actor = systemActor('import');
let distributor: { id: string; code: string };
let hospital: { id: string; code: string };
let carrier: { id: string; code: string };

beforeAll(async () => {
  db = await createTestDatabase();
  distributor = await createParty(db, crypto, actor, distributorInput());
  hospital = await createParty(db, crypto, actor, hospitalInput());
  carrier = await createParty(db, crypto, actor, { code: uniqueCode('C'), kind: 'carrier', nameZh: '承运商' });
});
afterAll(() => db.close());

async function upsert(rows: LicenceImportRow[]) {
  let statements = 0;
  const result = await writeTx(db, { actor }, async (w) => {
    const counting: Sql = { query: (text, params) => (statements++, w.tx.query(text, params)), exec: (s) => w.tx.exec(s) };
    const r = await upsertLicences({ ...w, tx: counting }, rows, { source: 'import', sourceRef: 'licences.csv' });
    w.audit({ entityType: 'import', entityId: 'test', action: 'ran' });
    return r;
  });
  return { result, statements };
}

const licence = (partyCode: string, more: Partial<LicenceImportRow> = {}): LicenceImportRow => ({
  partyCode, licenceType: 'class3_distribution', number: uniqueCode('粤械经营许'), validFrom: '2024-01-01', validTo: '2028-12-31', ...more,
});

describe('upsertLicences', () => {
  it('creates licences by party code with provenance and an audit record each', async () => {
    const row = licence(distributor.code, { deviceClasses: ['II', 'III'], categoryCodes: ['07', '6815'], issuingAuthority: '广东省药监局' });
    const { result } = await upsert([row]);
    expect(result).toMatchObject({ created: 1, rejected: 0 });
    const stored = (await listLicences(db, distributor.id)).find((l) => l.number === row.number)!;
    expect(stored).toMatchObject({ deviceClasses: ['II', 'III'], categoryCodes: ['07', '6815'], validTo: '2028-12-31', source: 'import', sourceRef: 'licences.csv', version: 1 });
    const audit = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1', [stored.id]);
    expect(audit.rows.map((a) => a.action)).toEqual(['created']);
  });

  it('updates by natural key, keeping fields the row leaves out, and audits the changed fields only', async () => {
    const row = licence(distributor.code, { documentRef: 'scan://1', categoryCodes: ['07'] });
    const id = (await upsert([row])).result.rows[0]!.id!;
    const { result } = await upsert([{ ...row, validTo: '2030-06-30', documentRef: undefined, categoryCodes: undefined }]);
    expect(result.rows[0]).toMatchObject({ action: 'updated', id });
    const stored = (await listLicences(db, distributor.id)).find((l) => l.id === id)!;
    expect(stored).toMatchObject({ validTo: '2030-06-30', documentRef: 'scan://1', categoryCodes: ['07'], version: 2 });
    const audit = await db.query<{ changes: Record<string, unknown> }>(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'updated'`, [id]);
    expect(audit.rows[0]!.changes).toEqual({ validTo: { old: '2028-12-31', new: '2030-06-30' } });
  });

  it('reports an identical row as unchanged', async () => {
    const row = licence(hospital.code, { licenceType: 'hospital_practice' });
    await upsert([row]);
    expect((await upsert([row])).result).toMatchObject({ unchanged: 1, updated: 0, created: 0 });
  });

  it('rejects unknown parties, rule breaches and repeated keys, writing the other rows', async () => {
    const repeated = licence(distributor.code);
    const { result } = await upsert([
      licence(distributor.code),
      licence('NO-SUCH-PARTY'),
      licence(carrier.code),
      licence(distributor.code, { licenceType: 'hospital_practice' }),
      licence(distributor.code, { validTo: '2023-12-31' }),
      licence(distributor.code, { licenceType: 'class2_filing', deviceClasses: ['III'] }),
      repeated,
      repeated,
    ]);
    expect(result.rows.map((r) => [r.action, r.error?.field])).toEqual([
      ['created', undefined], ['rejected', 'partyCode'], ['rejected', 'licenceType'], ['rejected', 'licenceType'],
      ['rejected', 'validTo'], ['rejected', 'deviceClasses'], ['created', undefined], ['rejected', 'number'],
    ]);
  });

  it('sends the same number of statements for 2 rows as for 80', async () => {
    const small = await upsert([licence(distributor.code), licence(hospital.code)]);
    const large = await upsert(Array.from({ length: 80 }, (_, i) => licence(i % 2 ? distributor.code : hospital.code)));
    expect(large.result.created).toBe(80);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);
  });
});
