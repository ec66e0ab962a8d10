import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { OrderListFilters, SavedViewScreen } from './saved-view-schemas.ts';

/** A saved view as the API answers it; `mine` says whether the caller may change or delete it. */
export interface SavedView {
  id: string;
  screen: SavedViewScreen;
  name: string;
  filters: OrderListFilters;
  shared: boolean;
  ownerName: string;
  mine: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns of a SavedView from `saved_views v JOIN users u ON u.id = v.user_id`; $1 is the caller's user id. */
export const SAVED_VIEW_COLUMNS = `v.id, v.screen, v.name, v.filters, v.shared, u.display_name AS "ownerName",
  v.user_id = $1 AS mine, v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

/** A view by id as the user sees it (after a write of theirs). */
export async function readView(tx: Sql, userId: string, id: string): Promise<SavedView> {
  const { rows } = await tx.query<SavedView>(
    `SELECT ${SAVED_VIEW_COLUMNS} FROM saved_views v JOIN users u ON u.id = v.user_id WHERE v.id = $2`, [userId, id]);
  return rows[0]!;
}

/** Who owns the views an actor saves: a person (an API token acts for its user), within their organisation scope. */
export function viewOwner(actor: Actor): { userId: string; organisationId: string | null } {
  if (actor.userId === null) throw new DomainError('FORBIDDEN', 'saved views belong to a user');
  return { userId: actor.userId, organisationId: actor.organisationId };
}

/**
 * The caller's own view, locked for a change. A view the caller cannot see is not found; a shared
 * view of someone else is seen but refused, since only its owner may change or delete it.
 */
export async function lockOwnView(tx: Sql, actor: Actor, id: string): Promise<SavedView> {
  const owner = viewOwner(actor);
  const { rows } = await tx.query<SavedView & { organisationId: string | null }>(
    `SELECT ${SAVED_VIEW_COLUMNS}, v.organisation_id AS "organisationId"
       FROM saved_views v JOIN users u ON u.id = v.user_id WHERE v.id = $2 FOR UPDATE OF v`, [owner.userId, id]);
  const row = rows[0];
  if (!row || (!row.mine && !(row.shared && row.organisationId === owner.organisationId))) throw notFound('saved view', id);
  if (!row.mine) throw new DomainError('FORBIDDEN', 'only the owner may change or delete a saved view', { details: { id } });
  const { organisationId: _scope, ...view } = row;
  return view;
}

/** The owner's other view of the screen with this name, if any. */
export async function nameTaken(tx: Sql, userId: string, screen: string, name: string, exceptId: string | null = null): Promise<boolean> {
  const { rows } = await tx.query(
    'SELECT 1 FROM saved_views WHERE user_id = $1 AND screen = $2 AND name = $3 AND ($4::uuid IS NULL OR id <> $4)',
    [userId, screen, name, exceptId]);
  return rows.length > 0;
}

export const duplicateName = (name: string): DomainError =>
  new DomainError('DUPLICATE', `you already have a saved view named "${name}" on this screen`, { field: 'name' });
