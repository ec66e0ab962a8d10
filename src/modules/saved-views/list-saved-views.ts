import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { SAVED_VIEW_COLUMNS, viewOwner, type SavedView } from './saved-view-record.ts';
import type { SavedViewScreen } from './saved-view-schemas.ts';

/** The caller's own views of a screen and those others shared within the caller's organisation scope, by name. */
export async function listSavedViews(tx: Sql, actor: Actor, screen: SavedViewScreen): Promise<{ items: SavedView[] }> {
  const owner = viewOwner(actor);
  const { rows } = await tx.query<SavedView>(
    `SELECT ${SAVED_VIEW_COLUMNS} FROM saved_views v JOIN users u ON u.id = v.user_id
      WHERE v.screen = $2 AND (v.user_id = $1 OR (v.shared AND v.organisation_id IS NOT DISTINCT FROM $3))
      ORDER BY v.name, u.display_name, v.id`,
    [owner.userId, screen, owner.organisationId]);
  return { items: rows };
}
