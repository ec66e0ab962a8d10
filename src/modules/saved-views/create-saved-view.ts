import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { duplicateName, nameTaken, readView, viewOwner, type SavedView } from './saved-view-record.ts';
import type { SavedViewInput } from './saved-view-schemas.ts';

/** Saves a set of list filters under a name of the caller's; a name already in use on the screen is a 409. */
export async function createSavedView(db: Database, actor: Actor, input: SavedViewInput, requestId: string | null = null): Promise<SavedView> {
  const owner = viewOwner(actor);
  const name = input.name.trim();
  const shared = input.shared ?? false;
  const id = uuidv7();
  return writeTx(db, { actor, requestId }, async (w) => {
    if (await nameTaken(w.tx, owner.userId, input.screen, name)) throw duplicateName(name);
    // ON CONFLICT: the same name saved at the same moment by another request of the same user.
    const inserted = await w.tx.query(
      `INSERT INTO saved_views (id, user_id, organisation_id, screen, name, filters, shared, source, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $9) ON CONFLICT (user_id, screen, name) DO NOTHING RETURNING id`,
      [id, owner.userId, owner.organisationId, input.screen, name, JSON.stringify(input.filters), shared,
        actor.type === 'token' ? 'api_token' : 'api', actor.name]);
    if (!inserted.rows.length) throw duplicateName(name);
    w.audit({ entityType: 'saved_view', entityId: id, action: 'created',
      changes: { screen: { new: input.screen }, name: { new: name }, filters: { new: input.filters }, shared: { new: shared } } });
    return readView(w.tx, owner.userId, id);
  });
}
