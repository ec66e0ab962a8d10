import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { ITEM_XREF_COLUMNS, type ItemXrefView } from './item-xref-schemas.ts';
import { loadItemXref } from './item-xrefs.ts';
import { findVisibleParty } from './party-access.ts';

export interface ItemXrefQuery {
  /** Part of the partner's item code. */
  q?: string;
  deviceId?: string;
  limit: number;
  offset: number;
}

export const listItemXrefs = (db: Database, actor: Actor, partyId: string, q: ItemXrefQuery): Promise<{ items: ItemXrefView[]; total: number }> =>
  readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    const params = [partyId, q.q ? `%${q.q.toLowerCase()}%` : null, q.deviceId ?? null];
    const where = `x.party_id = $1 AND ($2::text IS NULL OR lower(x.partner_item_code) LIKE $2) AND ($3::uuid IS NULL OR x.device_id = $3)`;
    const [items, total] = await Promise.all([
      tx.query<ItemXrefView>(`SELECT ${ITEM_XREF_COLUMNS} FROM party_item_xrefs x WHERE ${where} ORDER BY x.partner_item_code LIMIT $4 OFFSET $5`,
        [...params, q.limit, q.offset]),
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM party_item_xrefs x WHERE ${where}`, params),
    ]);
    return { items: items.rows, total: total.rows[0]!.n };
  });

export const getItemXref = (db: Database, actor: Actor, partyId: string, xrefId: string): Promise<ItemXrefView> =>
  readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    return loadItemXref(tx, partyId, xrefId);
  });
