import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { lockOwnView } from './saved-view-record.ts';

/** Deletes a view of the caller's; the audit record keeps what it was. */
export async function deleteSavedView(db: Database, actor: Actor, id: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    const view = await lockOwnView(w.tx, actor, id);
    await w.tx.query('DELETE FROM saved_views WHERE id = $1', [id]);
    w.audit({ entityType: 'saved_view', entityId: id, action: 'deleted',
      changes: { screen: { old: view.screen }, name: { old: view.name }, filters: { old: view.filters }, shared: { old: view.shared } } });
  });
}
