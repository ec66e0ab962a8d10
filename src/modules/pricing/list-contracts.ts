import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { orgFilter } from '../../platform/org-scope.ts';
import { CONTRACT_COLUMNS, withPercent, type ContractView } from './contract-view.ts';

export interface ContractQuery {
  customerId?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** Contracts visible to the actor (a hospital portal user sees only its organisation's). */
export async function listContracts(db: Sql, actor: Actor, q: ContractQuery): Promise<{ items: ContractView[]; total: number }> {
  const params = [orgFilter(actor), q.customerId ?? null, q.q ? `%${q.q.toLowerCase()}%` : null, q.active ?? null, q.limit, q.offset];
  const where = `($1::uuid IS NULL OR c.customer_id = $1) AND ($2::uuid IS NULL OR c.customer_id = $2)
    AND ($3::text IS NULL OR lower(c.contract_no) LIKE $3) AND ($4::boolean IS NULL OR c.active = $4)`;
  const [items, total] = await Promise.all([
    db.query<Omit<ContractView, 'discountPercent'>>(
      `SELECT ${CONTRACT_COLUMNS} FROM contracts c WHERE ${where} ORDER BY c.valid_from DESC, c.contract_no LIMIT $5 OFFSET $6`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM contracts c WHERE ${where}`, params.slice(0, 4)),
  ]);
  return { items: items.rows.map(withPercent), total: total.rows[0]!.n };
}
