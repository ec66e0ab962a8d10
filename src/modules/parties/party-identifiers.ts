import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { findVisibleParty, touchParty } from './party-access.ts';
import { checkIdentifierRules } from './party-rules.ts';
import type { IdentifierInput } from './party-schemas.ts';
import { identifiersOwnedElsewhere, insertIdentifiers } from './write-party-children.ts';

/** An identifier names one party only: EDI resolves senders and ship-tos through it. */
async function claim(w: Work, partyId: string, idf: IdentifierInput): Promise<void> {
  const [elsewhere] = await identifiersOwnedElsewhere(w.tx, [{ ...idf, partyId }]);
  if (elsewhere) throw new DomainError('DUPLICATE', `${idf.scheme} ${idf.value} already identifies party ${elsewhere.ownerCode}`, { field: 'value' });
  const mine = await w.tx.query('SELECT 1 FROM party_identifiers WHERE party_id = $1 AND scheme = $2 AND value = $3', [partyId, idf.scheme, idf.value]);
  if (mine.rows.length) throw new DomainError('DUPLICATE', `the party already has ${idf.scheme} ${idf.value}`, { field: 'value' });
  await insertIdentifiers(w.tx, [{ ...idf, partyId }]);
}

async function release(w: Work, partyId: string, idf: IdentifierInput): Promise<void> {
  const gone = await w.tx.query('DELETE FROM party_identifiers WHERE party_id = $1 AND scheme = $2 AND value = $3', [partyId, idf.scheme, idf.value]);
  if (!gone.rowCount) throw notFound('identifier', `${idf.scheme} ${idf.value}`);
}

export async function addIdentifier(db: Database, actor: Actor, partyId: string, idf: IdentifierInput, requestId: string | null = null): Promise<IdentifierInput> {
  checkIdentifierRules(idf);
  return writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    await claim(w, partyId, idf);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'identifier.added', changes: { [`identifiers.${idf.scheme}`]: { new: idf.value } } });
    w.emit({ topic: 'party.identifiers_changed', entityType: 'party', entityId: partyId, payload: { added: idf } });
    return idf;
  });
}

/** Replaces the value of one identifier (a corrected GLN, a partner's new id). */
export async function updateIdentifier(
  db: Database, actor: Actor, partyId: string, current: IdentifierInput, value: string, requestId: string | null = null,
): Promise<IdentifierInput> {
  const next = { scheme: current.scheme, value };
  checkIdentifierRules(next);
  return writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    await release(w, partyId, current);
    if (value !== current.value) await claim(w, partyId, next);
    else await insertIdentifiers(w.tx, [{ ...next, partyId }]);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'identifier.updated', changes: { [`identifiers.${current.scheme}`]: { old: current.value, new: value } } });
    w.emit({ topic: 'party.identifiers_changed', entityType: 'party', entityId: partyId, payload: { removed: current, added: next } });
    return next;
  });
}

export async function removeIdentifier(db: Database, actor: Actor, partyId: string, idf: IdentifierInput, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    await release(w, partyId, idf);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'identifier.removed', changes: { [`identifiers.${idf.scheme}`]: { old: idf.value } } });
    w.emit({ topic: 'party.identifiers_changed', entityType: 'party', entityId: partyId, payload: { removed: idf } });
  });
}
