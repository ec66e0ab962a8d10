import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { checkVersion, findVisibleParty } from './party-access.ts';
import type { ActivationInput } from './party-patch-schemas.ts';

/**
 * Deactivates a party (no new orders, EDI or portal use; its history stays) or makes it active
 * again. Parties are never deleted: orders, shipments and the audit trail refer to them.
 */
export async function setPartyActive(
  db: Database,
  actor: Actor,
  id: string,
  active: boolean,
  input: ActivationInput,
  requestId: string | null = null,
): Promise<{ id: string; active: boolean; version: number }> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const party = await findVisibleParty(w.tx, actor, id, { forUpdate: true });
    checkVersion('party', party.version, input.version);
    if (party.active === active) {
      throw new DomainError('INVALID_STATE', `party ${party.code} is already ${active ? 'active' : 'inactive'}`);
    }
    await w.tx.query('UPDATE parties SET active = $2, version = version + 1, updated_at = now(), updated_by = $3 WHERE id = $1', [
      id, active, actor.name,
    ]);
    const action = active ? 'reactivated' : 'deactivated';
    w.audit({
      entityType: 'party',
      entityId: id,
      action,
      reason: input.reason ?? null,
      changes: { active: { old: !active, new: active }, version: { old: party.version, new: party.version + 1 } },
    });
    w.emit({ topic: `party.${action}`, entityType: 'party', entityId: id, payload: { code: party.code } });
    return { id, active, version: party.version + 1 };
  });
}
