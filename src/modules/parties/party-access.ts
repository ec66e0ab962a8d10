import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { PartyView } from './party-view.ts';

export interface PartyHead {
  id: string;
  code: string;
  kind: PartyView['kind'];
  customerType: PartyView['customerType'];
  active: boolean;
  version: number;
}

/**
 * The party behind a route's :id, if the actor may see it: another organisation's party is
 * "not found" for a portal user. With `forUpdate` the row is locked for the rest of the write.
 */
export async function findVisibleParty(tx: Sql, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<PartyHead> {
  const { rows } = await tx.query<PartyHead>(
    `SELECT id, code, kind, customer_type AS "customerType", active, version FROM parties WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const party = rows[0];
  if (!party) throw notFound('party', id);
  assertVisible(actor, party.id, 'party', id);
  return party;
}

/** A child of the party changed: the party records who touched it last. */
export async function touchParty(w: Work, partyId: string): Promise<void> {
  await w.tx.query('UPDATE parties SET updated_at = now(), updated_by = $2 WHERE id = $1', [partyId, w.actor.name]);
}

/** Optimistic concurrency: the client must have read the current version. */
export function checkVersion(entity: string, current: number, given: number): void {
  if (current !== given) {
    throw new DomainError('CONFLICT', `the ${entity} was changed by someone else (version ${current}, you sent ${given}); reload and try again`, {
      field: 'version',
      details: { currentVersion: current },
    });
  }
}

export function requireKind(party: PartyHead, kinds: ReadonlyArray<PartyHead['kind']>, what: string): void {
  if (!kinds.includes(party.kind)) {
    throw new DomainError('INVALID_STATE', `party ${party.code} is a ${party.kind}; ${what} belong to a ${kinds.join(' or ')}`);
  }
}
