import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { orgFilter } from '../../platform/org-scope.ts';
import { LICENCE_COLUMNS, type LicenceView } from './licence-view.ts';

export interface ExpiringLicence extends LicenceView {
  partyCode: string;
  partyNameZh: string;
  partyNameEn: string | null;
  partyKind: string;
  daysLeft: number;
  /** The party already holds a licence of the same type that carries on after this one ends. */
  renewed: boolean;
}

export interface ExpiringQuery {
  within: number;
  /** Default: the database's current date. */
  asOf?: string;
  kind?: 'customer' | 'supplier';
  limit: number;
  offset: number;
}

/**
 * Licences of active parties ending between `asOf` and `asOf + within` days (both inclusive),
 * soonest first, for the compliance team to chase renewals before orders are held.
 */
export async function listExpiringLicences(tx: Sql, actor: Actor, q: ExpiringQuery): Promise<{ items: ExpiringLicence[]; total: number; asOf: string }> {
  const params = [q.asOf ?? null, q.within, orgFilter(actor), q.kind ?? null];
  const from = `FROM licences l JOIN parties p ON p.id = l.party_id
     WHERE p.active AND l.valid_to BETWEEN coalesce($1::date, current_date) AND coalesce($1::date, current_date) + $2::int
       AND ($3::uuid IS NULL OR p.id = $3) AND ($4::text IS NULL OR p.kind = $4)`;
  const [items, total, asOf] = await Promise.all([
    tx.query<ExpiringLicence>(
      `SELECT ${LICENCE_COLUMNS}, p.code AS "partyCode", p.name_zh AS "partyNameZh", p.name_en AS "partyNameEn", p.kind AS "partyKind",
              (l.valid_to - coalesce($1::date, current_date)) AS "daysLeft",
              EXISTS (SELECT 1 FROM licences n WHERE n.party_id = l.party_id AND n.licence_type = l.licence_type AND n.id <> l.id
                         AND n.valid_from <= l.valid_to + 1 AND (n.valid_to IS NULL OR n.valid_to > l.valid_to)) AS renewed
         ${from} ORDER BY l.valid_to, p.code, l.number LIMIT $5 OFFSET $6`,
      [...params, q.limit, q.offset],
    ),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
    tx.query<{ d: string }>('SELECT coalesce($1::date, current_date) AS d', [q.asOf ?? null]),
  ]);
  return { items: items.rows, total: total.rows[0]!.n, asOf: asOf.rows[0]!.d };
}
