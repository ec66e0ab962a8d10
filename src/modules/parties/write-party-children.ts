import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor, type SensitiveColumn } from '../../platform/crypto/rotate-keys.ts';
import { CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE } from './sensitive-columns.ts';
import type { AddressInput, CarrierServiceInput, ContactInput, IdentifierInput } from './party-schemas.ts';

/**
 * Set-based writers of a party's children, shared by create (one party) and the bulk upsert
 * (many): each is one statement for any number of rows, matched by the child's natural key.
 */
type Owned<T> = T & { partyId: string };

/** An address as written: the optional fields may also be null (a row read back, or a PATCH clearing them). */
export type AddressRow = Pick<AddressInput, 'code' | 'kind' | 'name' | 'line1'> & {
  [K in Exclude<keyof AddressInput, 'code' | 'kind' | 'name' | 'line1'>]?: AddressInput[K] | null;
};

export async function upsertAddresses(tx: Sql, rows: readonly Owned<AddressRow>[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows);
  // A new default of its kind takes over from the old one (one default per party and kind).
  await tx.query(
    `UPDATE party_addresses a SET is_default = false
       FROM jsonb_to_recordset($1::jsonb) AS r("partyId" uuid, code text, kind text, "isDefault" boolean)
      WHERE r."isDefault" AND a.party_id = r."partyId" AND a.kind = r.kind AND a.code <> r.code AND a.is_default`,
    [json],
  );
  await tx.query(
    `INSERT INTO party_addresses (id, party_id, code, kind, name, line1, city, province, postcode, country, gln,
                                  cold_chain_capable, is_default)
     SELECT r.id, r."partyId", r.code, r.kind, r.name, r.line1, r.city, r.province, r.postcode, coalesce(r.country, 'CN'),
            r.gln, coalesce(r."coldChainCapable", false), coalesce(r."isDefault", false)
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "partyId" uuid, code text, kind text, name text, line1 text, city text,
            province text, postcode text, country text, gln text, "coldChainCapable" boolean, "isDefault" boolean)
     ON CONFLICT (party_id, code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, line1 = EXCLUDED.line1,
            city = EXCLUDED.city, province = EXCLUDED.province, postcode = EXCLUDED.postcode, country = EXCLUDED.country,
            gln = EXCLUDED.gln, cold_chain_capable = EXCLUDED.cold_chain_capable, is_default = EXCLUDED.is_default`,
    [JSON.stringify(rows.map((r) => ({ ...r, id: uuidv7() })))],
  );
}

/** Contacts have no natural key: they are inserted, each encrypted under its own new id (returned in order). */
export async function insertContacts(tx: Sql, crypto: FieldCrypto, rows: readonly Owned<ContactInput>[]): Promise<string[]> {
  if (!rows.length) return [];
  const encrypted = rows.map((c) => {
    const id = uuidv7();
    const enc = (col: SensitiveColumn, v: string | undefined) => (v === undefined ? null : crypto.encrypt(v, aadFor(col, id)));
    return { id, partyId: c.partyId, role: c.role ?? null, name: enc(CONTACT_NAME, c.name), phone: enc(CONTACT_PHONE, c.phone), email: enc(CONTACT_EMAIL, c.email) };
  });
  await tx.query(
    `INSERT INTO party_contacts (id, party_id, role, name_enc, phone_enc, email_enc)
     SELECT r.id, r."partyId", r.role, r.name, r.phone, r.email
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "partyId" uuid, role text, name text, phone text, email text)`,
    [JSON.stringify(encrypted)],
  );
  return encrypted.map((c) => c.id);
}

/** Identifiers already held by another party than the one in the row (EDI would not know whom it meant). */
export async function identifiersOwnedElsewhere(
  tx: Sql,
  rows: readonly Owned<IdentifierInput>[],
): Promise<Array<Owned<IdentifierInput> & { ownerCode: string }>> {
  if (!rows.length) return [];
  const { rows: taken } = await tx.query<Owned<IdentifierInput> & { ownerCode: string }>(
    `SELECT r."partyId", r.scheme, r.value, p.code AS "ownerCode"
       FROM jsonb_to_recordset($1::jsonb) AS r("partyId" uuid, scheme text, value text)
       JOIN party_identifiers i ON i.scheme = r.scheme AND i.value = r.value AND i.party_id <> r."partyId"
       JOIN parties p ON p.id = i.party_id`,
    [JSON.stringify(rows)],
  );
  return taken;
}

export async function insertIdentifiers(tx: Sql, rows: readonly Owned<IdentifierInput>[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO party_identifiers (party_id, scheme, value)
     SELECT r."partyId", r.scheme, r.value FROM jsonb_to_recordset($1::jsonb) AS r("partyId" uuid, scheme text, value text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

export async function upsertCarrierServices(tx: Sql, rows: readonly Owned<CarrierServiceInput>[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO carrier_services (id, party_id, code, name, transit_days, cold_chain_capable, active)
     SELECT r.id, r."partyId", r.code, r.name, r."transitDays", coalesce(r."coldChainCapable", false), coalesce(r.active, true)
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "partyId" uuid, code text, name text, "transitDays" int,
            "coldChainCapable" boolean, active boolean)
     ON CONFLICT (party_id, code) DO UPDATE SET name = EXCLUDED.name, transit_days = EXCLUDED.transit_days,
            cold_chain_capable = EXCLUDED.cold_chain_capable, active = EXCLUDED.active, updated_at = now()`,
    [JSON.stringify(rows.map((r) => ({ ...r, id: uuidv7() })))],
  );
}
