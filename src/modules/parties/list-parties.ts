import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { PARTY_COLUMNS, type PartyView } from './party-view.ts';

export interface PartyQuery {
  kind?: 'customer' | 'supplier' | 'carrier';
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** Parties visible to the actor, filtered by kind, active flag and a search on code or names. */
export async function listParties(db: Sql, actor: Actor, q: PartyQuery): Promise<{ items: PartyView[]; total: number }> {
  const params = [orgFilter(actor), q.kind ?? null, q.q ? `%${q.q.toLowerCase()}%` : null, q.active ?? null, customerFilter(actor)];
  const where = `($1::uuid IS NULL OR p.id = $1) AND ($2::text IS NULL OR p.kind = $2)
    AND ($3::text IS NULL OR lower(p.code) LIKE $3 OR lower(p.name_zh) LIKE $3 OR lower(coalesce(p.name_en, '')) LIKE $3)
    AND ($4::boolean IS NULL OR p.active = $4) AND ($5::uuid[] IS NULL OR p.kind <> 'customer' OR p.id = ANY($5))`;
  const [items, total] = await Promise.all([
    db.query<PartyView>(`SELECT ${PARTY_COLUMNS} FROM parties p WHERE ${where} ORDER BY p.code LIMIT $6 OFFSET $7`, [...params, q.limit, q.offset]),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM parties p WHERE ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
