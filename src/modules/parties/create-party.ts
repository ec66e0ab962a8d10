import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import { BANK_DETAILS, ENCRYPTED } from './sensitive-columns.ts';
import type { PartyInput } from './party-schemas.ts';
import { checkPartyRules } from './party-rules.ts';
import { defaultProvenance, newPartyRecord, writePartyRows, type Provenance } from './party-record.ts';
import { identifiersOwnedElsewhere, insertContacts, insertIdentifiers, upsertAddresses, upsertCarrierServices } from './write-party-children.ts';

/** The audit view of a new party: every given field, sensitive ones masked. */
export function createdChanges(input: PartyInput): Record<string, { new: unknown }> {
  const { bankDetails, contacts, ...plain } = input;
  return Object.fromEntries(
    Object.entries({ ...plain, bankDetails: bankDetails === undefined ? undefined : ENCRYPTED, contacts: contacts?.length ? ENCRYPTED : undefined })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, { new: v }]),
  );
}

export async function createParty(
  db: Database,
  crypto: FieldCrypto,
  actor: Actor,
  input: PartyInput,
  requestId: string | null = null,
  provenance: Provenance = defaultProvenance(actor),
): Promise<{ id: string; code: string }> {
  checkPartyRules(input);
  const id = uuidv7();
  return writeTx(db, { actor, requestId }, async (w) => {
    const exists = await w.tx.query('SELECT 1 FROM parties WHERE code = $1', [input.code]);
    if (exists.rows.length) throw new DomainError('DUPLICATE', `party code ${input.code} already exists`, { field: 'code' });
    const identifiers = (input.identifiers ?? []).map((i) => ({ ...i, partyId: id }));
    const [taken] = await identifiersOwnedElsewhere(w.tx, identifiers);
    if (taken) {
      throw new DomainError('DUPLICATE', `${taken.scheme} ${taken.value} already identifies party ${taken.ownerCode}`, { field: 'identifiers' });
    }
    const bankDetailsEnc = input.bankDetails === undefined ? null : crypto.encrypt(input.bankDetails, aadFor(BANK_DETAILS, id));
    const written = await writePartyRows(w.tx, [{ ...newPartyRecord(input), id, code: input.code, kind: input.kind, bankDetailsEnc }], provenance, actor.name);
    // Created concurrently by someone else between the check above and the insert.
    if (written.get(input.code) !== id) throw new DomainError('DUPLICATE', `party code ${input.code} already exists`, { field: 'code' });
    const own = <T extends object>(rows: T[] | undefined) => (rows ?? []).map((r) => ({ ...r, partyId: id }));
    await upsertAddresses(w.tx, own(input.addresses));
    await insertContacts(w.tx, crypto, own(input.contacts));
    await insertIdentifiers(w.tx, identifiers);
    await upsertCarrierServices(w.tx, own(input.carrierServices));
    w.audit({ entityType: 'party', entityId: id, action: 'created', changes: createdChanges(input) });
    w.emit({ topic: 'party.created', entityType: 'party', entityId: id, payload: { code: input.code, kind: input.kind } });
    return { id, code: input.code };
  });
}
