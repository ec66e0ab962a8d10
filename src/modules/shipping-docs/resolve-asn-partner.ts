import type { Sql } from '../../db/types.ts';
import type { EdiStandard } from '../edi/index.ts';
import type { AsnPartnerLink } from './asn-input.ts';

export interface AsnPartner extends AsnPartnerLink {
  standard: EdiStandard;
}

interface InboundRow {
  standard: EdiStandard;
  test: boolean;
  partner: { qualifier: string; id: string };
  us: { qualifier: string; id: string };
  lines: Array<{ lineNo: number; partnerLineNo?: string }> | null;
  po: { number: string; date: string } | null;
}

/**
 * Whether, and how, the customer of an order trades by EDI: the envelope of the order's own 850 /
 * ORDERS when it came that way (with the partner's line numbers), else that of the customer's
 * latest interchange Lotline accepted. A customer that never sent EDI gets no ASN.
 */
export async function resolveAsnPartner(tx: Sql, orderId: string, customerId: string): Promise<AsnPartner | null> {
  const { rows } = await tx.query<InboundRow>(
    `SELECT standard, test, lines, partner, us, po FROM (
       SELECT 1 AS rank, standard, test, lines, json_build_object('number', po_number, 'date', po_date) AS po,
              json_build_object('qualifier', partner_qualifier, 'id', partner_id) AS partner,
              json_build_object('qualifier', us_qualifier, 'id', us_id) AS us
         FROM edi_inbound_orders WHERE order_id = $1
       UNION ALL
       SELECT * FROM (
         SELECT 2, standard, test, NULL::jsonb, NULL::json,
                json_build_object('qualifier', sender_qualifier, 'id', sender_id),
                json_build_object('qualifier', receiver_qualifier, 'id', receiver_id)
           FROM edi_interchanges
          WHERE customer_id = $2 AND error_code IS NULL AND outcome <> 'rejected'
          ORDER BY received_at DESC LIMIT 1) latest) found
     ORDER BY rank LIMIT 1`,
    [orderId, customerId]);
  const row = rows[0];
  if (!row) return null;
  const lineNumbers = new Map((row.lines ?? []).filter((l) => l.partnerLineNo).map((l) => [l.lineNo, l.partnerLineNo!] as const));
  return { standard: row.standard, partner: row.partner, us: row.us, test: row.test, lineNumbers, ...(row.po ? { po: row.po } : {}) };
}
