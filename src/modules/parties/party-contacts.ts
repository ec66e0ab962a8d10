import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { findVisibleParty, touchParty } from './party-access.ts';
import type { ContactPatch } from './party-patch-schemas.ts';
import type { ContactInput } from './party-schemas.ts';
import { CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE, ENCRYPTED } from './sensitive-columns.ts';
import { insertContacts } from './write-party-children.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

/**
 * Contacts are personal data: stored encrypted, and in the audit trail a changed name, phone or
 * e-mail shows as '[encrypted]'. Only the role is plain.
 */
const SENSITIVE = { name: CONTACT_NAME, phone: CONTACT_PHONE, email: CONTACT_EMAIL } as const;
type SensitiveField = keyof typeof SENSITIVE;
const mask = (v: string | null | undefined) => (v === null || v === undefined ? null : ENCRYPTED);

interface ContactRow { id: string; role: string | null; name_enc: string; phone_enc: string | null; email_enc: string | null }

async function loadContact(w: Work, partyId: string, contactId: string): Promise<ContactRow> {
  const { rows } = await w.tx.query<ContactRow>(
    'SELECT id, role, name_enc, phone_enc, email_enc FROM party_contacts WHERE id = $1 AND party_id = $2 FOR UPDATE', [contactId, partyId]);
  if (!rows[0]) throw notFound('contact', contactId);
  return rows[0];
}

export async function addContact(
  db: Database, crypto: FieldCrypto, actor: Actor, partyId: string, input: ContactInput, requestId: string | null = null,
): Promise<{ id: string; role: string | null }> {
  return writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const [id] = await insertContacts(w.tx, crypto, [{ ...input, partyId }]);
    await touchParty(w, partyId);
    w.audit({
      entityType: 'party', entityId: partyId, action: 'contact.added',
      changes: { [`contacts.${id}`]: { new: { role: input.role ?? null, name: ENCRYPTED, phone: mask(input.phone), email: mask(input.email) } } },
    });
    return { id: id!, role: input.role ?? null };
  });
}

export async function updateContact(
  db: Database, crypto: FieldCrypto, actor: Actor, partyId: string, contactId: string, patch: ContactPatch, requestId: string | null = null,
): Promise<{ id: string; role: string | null }> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const row = await loadContact(w, partyId, contactId);
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    const sets: Array<[string, unknown]> = [];
    if (patch.role !== undefined && patch.role !== row.role) {
      changes[`contacts.${contactId}.role`] = { old: row.role, new: patch.role };
      sets.push(['role', patch.role]);
    }
    for (const field of Object.keys(SENSITIVE) as SensitiveField[]) {
      const next = patch[field];
      if (next === undefined) continue;
      const col = SENSITIVE[field];
      const stored = row[`${field}_enc`];
      const old = stored === null ? null : crypto.decrypt(stored, aadFor(col, contactId));
      if (old === next) continue;
      changes[`contacts.${contactId}.${field}`] = { old: mask(old), new: mask(next) };
      sets.push([col.column, next === null ? null : crypto.encrypt(next, aadFor(col, contactId))]);
    }
    if (!sets.length) unchanged({ id: contactId, role: row.role });
    await w.tx.query(`UPDATE party_contacts SET ${sets.map(([c], i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      contactId, ...sets.map(([, v]) => v),
    ]);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'contact.updated', changes });
    return { id: contactId, role: patch.role === undefined ? row.role : patch.role };
  });
}

export async function removeContact(db: Database, actor: Actor, partyId: string, contactId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const row = await loadContact(w, partyId, contactId);
    await w.tx.query('DELETE FROM party_contacts WHERE id = $1', [contactId]);
    await touchParty(w, partyId);
    w.audit({
      entityType: 'party', entityId: partyId, action: 'contact.removed',
      changes: { [`contacts.${contactId}`]: { old: { role: row.role, name: ENCRYPTED, phone: mask(row.phone_enc), email: mask(row.email_enc) } } },
    });
  });
}
