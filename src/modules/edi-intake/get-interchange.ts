import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { INTERCHANGE_SUMMARY } from './list-interchanges.ts';

/** One interchange: the text as received, the ack sent back, the findings and the orders it became. */
export async function getInterchange(tx: Sql, actor: Actor, id: string) {
  const { rows } = await tx.query<Record<string, unknown> & { customerId: string | null }>(
    `SELECT ${INTERCHANGE_SUMMARY}, i.raw_text AS raw, i.content_sha256 AS "contentSha256", i.ack_text AS ack,
            i.ack_control_number AS "ackControlNumber", i.issues
       FROM edi_interchanges i LEFT JOIN parties c ON c.id = i.customer_id WHERE i.id = $1`,
    [id],
  );
  const interchange = rows[0];
  if (!interchange) throw notFound('EDI interchange', id);
  assertVisible(actor, interchange.customerId, 'EDI interchange', id);
  return interchange;
}
