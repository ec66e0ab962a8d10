import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { ADDRESS_COLUMNS, type AddressView } from './address-view.ts';
import { findVisibleParty, touchParty } from './party-access.ts';
import type { AddressPatch } from './party-patch-schemas.ts';
import { checkAddressRules } from './party-rules.ts';
import type { AddressInput } from './party-schemas.ts';
import { upsertAddresses } from './write-party-children.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';
import { definedOnly } from './patch-values.ts';

/** Address changes are recorded on the party, each field prefixed with the address code. */
const prefixed = (code: string, changes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(changes).map(([k, v]) => [`addresses.${code}.${k}`, v]));

async function loadAddress(w: Work, partyId: string, addressId: string): Promise<AddressView> {
  const { rows } = await w.tx.query<AddressView>(
    `SELECT ${ADDRESS_COLUMNS} FROM party_addresses a WHERE a.id = $1 AND a.party_id = $2 FOR UPDATE`, [addressId, partyId]);
  if (!rows[0]) throw notFound('address', addressId);
  return rows[0];
}

export async function addAddress(db: Database, actor: Actor, partyId: string, input: AddressInput, requestId: string | null = null): Promise<AddressView> {
  checkAddressRules(input);
  return writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const taken = await w.tx.query('SELECT 1 FROM party_addresses WHERE party_id = $1 AND code = $2', [partyId, input.code]);
    if (taken.rows.length) throw new DomainError('DUPLICATE', `the party already has an address ${input.code}`, { field: 'code' });
    await upsertAddresses(w.tx, [{ ...input, partyId }]);
    const { rows } = await w.tx.query<AddressView>(`SELECT ${ADDRESS_COLUMNS} FROM party_addresses a WHERE a.party_id = $1 AND a.code = $2`, [partyId, input.code]);
    const { id: _id, partyId: _p, ...fields } = rows[0]!;
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'address.added', changes: prefixed(input.code, diffFields(null, fields)) });
    return rows[0]!;
  });
}

export async function updateAddress(
  db: Database, actor: Actor, partyId: string, addressId: string, patch: AddressPatch, requestId: string | null = null,
): Promise<AddressView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const before = await loadAddress(w, partyId, addressId);
    const after: AddressView = { ...before, ...definedOnly(patch) };
    checkAddressRules(after);
    const changes = diffFields({ ...before }, { ...after });
    if (!Object.keys(changes).length) unchanged(before);
    await upsertAddresses(w.tx, [after]);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'address.updated', changes: prefixed(before.code, changes) });
    return after;
  });
}

export async function removeAddress(db: Database, actor: Actor, partyId: string, addressId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const { id: _id, partyId: _p, ...before } = await loadAddress(w, partyId, addressId);
    await w.tx.query('DELETE FROM party_addresses WHERE id = $1', [addressId]);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'address.removed', changes: prefixed(before.code, diffFields(before, null)) });
  });
}
