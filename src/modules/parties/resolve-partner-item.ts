import type { Sql } from '../../db/types.ts';
import type { ItemXrefView } from './item-xref-schemas.ts';

export interface PartnerItem {
  xrefId: string;
  deviceId: string;
  packagingLevel: ItemXrefView['packagingLevel'];
}

/** Our device and packaging level behind a partner's item code (an EDI buyer item), or null. */
export async function resolvePartnerItem(tx: Sql, partyId: string, partnerItemCode: string): Promise<PartnerItem | null> {
  const { rows } = await tx.query<PartnerItem>(
    `SELECT id AS "xrefId", device_id AS "deviceId", packaging_level AS "packagingLevel"
       FROM party_item_xrefs WHERE party_id = $1 AND partner_item_code = $2`,
    [partyId, partnerItemCode.trim()],
  );
  return rows[0] ?? null;
}
