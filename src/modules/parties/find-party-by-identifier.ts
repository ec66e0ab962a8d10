import type { Sql } from '../../db/types.ts';
import type { PartyHead } from './party-access.ts';

export type IdentifierScheme = 'GLN' | 'DUNS' | 'PARTNER';

/**
 * The party an outside identifier names (an EDI sender, buyer or ship-to GLN), or null. A GLN of
 * a ship-to address also finds its party, with the address id. Inactive parties are returned with
 * `active: false`: the caller decides whether to refuse them.
 */
export async function findPartyByIdentifier(
  tx: Sql,
  scheme: IdentifierScheme,
  value: string,
): Promise<(PartyHead & { nameZh: string; addressId: string | null }) | null> {
  const { rows } = await tx.query<PartyHead & { nameZh: string; addressId: string | null }>(
    `SELECT p.id, p.code, p.kind, p.customer_type AS "customerType", p.active, p.version, p.name_zh AS "nameZh", m."addressId"
       FROM (SELECT party_id, NULL::uuid AS "addressId", 0 AS rank FROM party_identifiers WHERE scheme = $1 AND value = $2
             UNION ALL
             SELECT party_id, id, 1 FROM party_addresses WHERE $1 = 'GLN' AND gln = $2) m
       JOIN parties p ON p.id = m.party_id
      ORDER BY m.rank, p.code
      LIMIT 1`,
    [scheme, value.trim()],
  );
  return rows[0] ?? null;
}
