import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { rotateKeys, aadFor } from '../../src/platform/crypto/rotate-keys.ts';
import { SENSITIVE_COLUMNS } from '../../src/runtime.ts';
import { CONTACT_NAME } from '../../src/modules/parties/sensitive-columns.ts';

let t: TestApp;
let partyId: string;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.userClient('admin');
  const res = await admin.post('/api/v1/parties', {
    code: 'D-SECRET', kind: 'customer', customerType: 'distributor', nameZh: '保密经销商',
    bankDetails: '招商银行 6225 8888 7777 6666',
    contacts: [{ name: '王小明', phone: '+86 138 0000 1234', email: 'wang@example.cn', role: '采购' }],
  });
  expect(res.status).toBe(201);
  partyId = res.body.id;
});
afterAll(() => t.close());

describe('sensitive fields', () => {
  it('are stored as AES-GCM ciphertext, never as plain text', async () => {
    const raw = await t.db.query<{ bank_details_enc: string; name_enc: string; email_enc: string }>(
      `SELECT p.bank_details_enc, c.name_enc, c.email_enc FROM parties p JOIN party_contacts c ON c.party_id = p.id WHERE p.id = $1`,
      [partyId],
    );
    const row = raw.rows[0]!;
    for (const v of Object.values(row)) expect(v).toMatch(/^enc:v1:test1:/);
    expect(JSON.stringify(row)).not.toMatch(/王小明|6225|wang@/);
    const audit = await t.db.query(`SELECT changes::text AS c FROM audit_log WHERE entity_id = $1`, [partyId]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/王小明|6225|wang@/);
  });

  it('are shown only to roles allowed to see them, and each such read is audited', async () => {
    const sales = await t.userClient('sales');
    const hidden = await sales.get(`/api/v1/parties/${partyId}`);
    expect(hidden.status).toBe(200);
    expect(hidden.body.sensitiveHidden).toBe(true);
    expect(hidden.body.bankDetails).toBeUndefined();
    expect(JSON.stringify(hidden.body)).not.toMatch(/王小明|6225/);

    const finance = await t.userClient('finance');
    const shown = await finance.get(`/api/v1/parties/${partyId}`);
    expect(shown.body.bankDetails).toBe('招商银行 6225 8888 7777 6666');
    expect(shown.body.contacts[0]).toMatchObject({ name: '王小明', email: 'wang@example.cn' });
    const reads = await t.db.query<{ actor_name: string }>(
      `SELECT actor_name FROM audit_log WHERE entity_id = $1 AND action = 'sensitive.read'`,
      [partyId],
    );
    expect(reads.rows.map((r) => r.actor_name)).toEqual([finance.username]);
  });

  it('cannot be moved to another record and still decrypt', async () => {
    const contact = (await t.db.query<{ id: string; name_enc: string }>('SELECT id, name_enc FROM party_contacts LIMIT 1')).rows[0]!;
    expect(t.crypto.decrypt(contact.name_enc, aadFor(CONTACT_NAME, contact.id))).toBe('王小明');
    expect(() => t.crypto.decrypt(contact.name_enc, aadFor(CONTACT_NAME, '00000000-0000-0000-0000-000000000000'))).toThrow();
  });

  it('are re-encrypted with the new primary key on rotation', async () => {
    // The new ring: the new key first (it encrypts), the old one after it (it still decrypts).
    const ring = createFieldCrypto(parseKeyring(`${generateKeyLine('test2')}\n${t.keyLine}`));
    const first = await rotateKeys(t.db, ring, SENSITIVE_COLUMNS);
    expect(first.reencrypted).toBe(4);
    const values = await t.db.query<{ v: string }>(
      `SELECT bank_details_enc AS v FROM parties WHERE bank_details_enc IS NOT NULL
       UNION ALL SELECT name_enc FROM party_contacts UNION ALL SELECT email_enc FROM party_contacts`,
    );
    expect(values.rows.every((r) => r.v.startsWith('enc:v1:test2:'))).toBe(true);
    expect((await rotateKeys(t.db, ring, SENSITIVE_COLUMNS)).reencrypted).toBe(0);
    const contact = (await t.db.query<{ id: string; name_enc: string }>('SELECT id, name_enc FROM party_contacts LIMIT 1')).rows[0]!;
    expect(ring.decrypt(contact.name_enc, aadFor(CONTACT_NAME, contact.id))).toBe('王小明');
    expect(() => t.crypto.decrypt(contact.name_enc, aadFor(CONTACT_NAME, contact.id))).toThrow(/no key test2/);
    const rotations = await t.db.query(`SELECT 1 FROM audit_log WHERE entity_type = 'encryption_key' AND action = 'rotated'`);
    expect(rotations.rows.length).toBeGreaterThan(0);
  });
});
