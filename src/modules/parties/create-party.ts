import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import type { SensitiveColumn } from '../../platform/crypto/rotate-keys.ts';
import { BANK_DETAILS, CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE } from './sensitive-columns.ts';
import type { PartyInput } from './party-schemas.ts';

export function checkPartyRules(input: PartyInput): void {
  if (input.kind !== 'customer' && input.customerType) throw invalid('customerType', 'only customers have a customer type');
  if (input.kind === 'customer' && !input.customerType) throw invalid('customerType', 'a customer is a hospital, distributor or dealer');
  const codes = new Set<string>();
  for (const [i, a] of (input.addresses ?? []).entries()) {
    if (codes.has(a.code)) throw invalid(`addresses.${i}.code`, `address code ${a.code} appears twice`);
    codes.add(a.code);
  }
}

/** Writes the addresses, contacts (encrypted) and identifiers of a party. */
export async function writePartyChildren(w: Work, crypto: FieldCrypto, partyId: string, input: PartyInput): Promise<void> {
  for (const a of input.addresses ?? []) {
    await w.tx.query(
      `INSERT INTO party_addresses (id, party_id, code, kind, name, line1, city, province, postcode, country, gln,
                                    cold_chain_capable, is_default)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [uuidv7(), partyId, a.code, a.kind, a.name, a.line1, a.city ?? null, a.province ?? null, a.postcode ?? null,
        a.country ?? 'CN', a.gln ?? null, a.coldChainCapable ?? false, a.isDefault ?? false],
    );
  }
  for (const c of input.contacts ?? []) {
    const id = uuidv7();
    const enc = (col: SensitiveColumn, v: string | undefined) => (v === undefined ? null : crypto.encrypt(v, aadFor(col, id)));
    await w.tx.query(
      'INSERT INTO party_contacts (id, party_id, role, name_enc, phone_enc, email_enc) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, partyId, c.role ?? null, enc(CONTACT_NAME, c.name), enc(CONTACT_PHONE, c.phone), enc(CONTACT_EMAIL, c.email)],
    );
  }
  for (const idf of input.identifiers ?? []) {
    const taken = await w.tx.query<{ party_id: string }>(
      'SELECT party_id FROM party_identifiers WHERE scheme = $1 AND value = $2',
      [idf.scheme, idf.value],
    );
    if (taken.rows[0] && taken.rows[0].party_id !== partyId) {
      throw new DomainError('DUPLICATE', `${idf.scheme} ${idf.value} already identifies another party`, { field: 'identifiers' });
    }
    await w.tx.query('INSERT INTO party_identifiers (party_id, scheme, value) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      partyId, idf.scheme, idf.value,
    ]);
  }
}

export async function createParty(
  db: Database,
  crypto: FieldCrypto,
  actor: Actor,
  input: PartyInput,
  requestId: string | null = null,
  provenance: { source: string; sourceRef?: string | null } = { source: actor.type === 'token' ? 'api_token' : 'api' },
): Promise<{ id: string; code: string }> {
  checkPartyRules(input);
  const id = uuidv7();
  return writeTx(db, { actor, requestId }, async (w) => {
    const exists = await w.tx.query('SELECT 1 FROM parties WHERE code = $1', [input.code]);
    if (exists.rows.length) throw new DomainError('DUPLICATE', `party code ${input.code} already exists`, { field: 'code' });
    await w.tx.query(
      `INSERT INTO parties (id, code, kind, customer_type, name_zh, name_en, credit_code, payment_terms_days,
         credit_limit_minor, currency, priority_tier, min_shelf_life_days, min_shelf_life_pct, requires_serial_capture,
         bank_details_enc, notes, active, source, source_ref, created_by, updated_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$20)`,
      [id, input.code, input.kind, input.customerType ?? null, input.nameZh, input.nameEn ?? null, input.creditCode ?? null,
        input.paymentTermsDays ?? 30, input.creditLimitMinor ?? null, input.currency ?? 'CNY', input.priorityTier ?? 3,
        input.minShelfLifeDays ?? null, input.minShelfLifePct ?? null, input.requiresSerialCapture ?? false,
        input.bankDetails === undefined ? null : crypto.encrypt(input.bankDetails, aadFor(BANK_DETAILS, id)),
        input.notes ?? null, input.active ?? true, provenance.source, provenance.sourceRef ?? null, actor.name],
    );
    await writePartyChildren(w, crypto, id, input);
    const { bankDetails, contacts, ...plain } = input;
    w.audit({
      entityType: 'party',
      entityId: id,
      action: 'created',
      changes: Object.fromEntries(
        Object.entries({ ...plain, bankDetails: bankDetails === undefined ? undefined : '[encrypted]', contacts: contacts?.length })
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, { new: v }]),
      ),
    });
    w.emit({ topic: 'party.created', entityType: 'party', entityId: id, payload: { code: input.code, kind: input.kind } });
    return { id, code: input.code };
  });
}
