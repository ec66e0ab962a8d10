import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';
import { duplicateName, lockOwnView, nameTaken, readView, viewOwner, type SavedView } from './saved-view-record.ts';
import type { SavedViewPatch } from './saved-view-schemas.ts';

/** Renames a view of the caller's, replaces its filters or shares it; only its owner may. */
export async function updateSavedView(db: Database, actor: Actor, id: string, patch: SavedViewPatch, requestId: string | null = null): Promise<SavedView> {
  const owner = viewOwner(actor);
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const view = await lockOwnView(w.tx, actor, id);
    const after = {
      name: patch.name?.trim() ?? view.name,
      filters: patch.filters ?? view.filters,
      shared: patch.shared ?? view.shared,
    };
    const changes = diffFields({ name: view.name, filters: view.filters, shared: view.shared }, after);
    if (!Object.keys(changes).length) unchanged(view);
    if (changes.name && (await nameTaken(w.tx, owner.userId, view.screen, after.name, id))) throw duplicateName(after.name);
    await w.tx.query(
      `UPDATE saved_views SET name = $2, filters = $3::jsonb, shared = $4, updated_by = $5, updated_at = now() WHERE id = $1`,
      [id, after.name, JSON.stringify(after.filters), after.shared, actor.name]);
    w.audit({ entityType: 'saved_view', entityId: id, action: 'updated', changes });
    return readView(w.tx, owner.userId, id);
  });
}
