import { createHash } from 'node:crypto';
import type { Sql } from '../../db/types.ts';
import type { EdiIssue, EdiOutcome, EdiStandard } from '../edi/index.ts';
import type { IntakeChannel, IntakeError, IntakeOrderResult, InterchangeResult } from './intake-result.ts';
import type { InterchangeKey } from './read-interchange-key.ts';

/** The unique index behind invariant 6: a second insert of the same key fails on it. */
export const INTERCHANGE_KEY_INDEX = 'edi_interchanges_key';
export const UNKNOWN_PARTNER = 'EDI_UNKNOWN_PARTNER';

export interface NewInterchange {
  id: string;
  key: InterchangeKey;
  via: IntakeChannel;
  fileName: string | null;
  receivedBy: string;
  text: string;
  outcome: EdiOutcome;
  ack: string | null;
  ackControlNumber: string | null;
  issues: EdiIssue[];
  error: IntakeError | null;
  customerId: string | null;
}

export async function insertInterchange(tx: Sql, r: NewInterchange): Promise<void> {
  await tx.query(
    `INSERT INTO edi_interchanges (id, standard, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number, test,
       received_via, received_by, file_name, raw_text, content_sha256, outcome, ack_text, ack_control_number, error_code,
       error_summary, issues, customer_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [r.id, r.key.standard, r.key.sender.qualifier, r.key.sender.id, r.key.receiver.qualifier, r.key.receiver.id, r.key.controlNumber,
      r.key.test, r.via, r.receivedBy, r.fileName, r.text, createHash('sha256').update(r.text).digest('hex'), r.outcome, r.ack,
      r.ackControlNumber, r.error?.code ?? null, r.error?.message ?? null, JSON.stringify(r.issues), r.customerId],
  );
}

/** Records what became of the orders, once they are placed or refused. */
export async function completeInterchange(tx: Sql, id: string, done: { orders: IntakeOrderResult[]; errorSummary: string | null }): Promise<void> {
  await tx.query(
    'UPDATE edi_interchanges SET orders = $2, order_ids = $3::uuid[], error_summary = $4 WHERE id = $1',
    [id, JSON.stringify(done.orders), done.orders.flatMap((o) => (o.orderId ? [o.orderId] : [])), done.errorSummary],
  );
}

interface StoredRow {
  id: string;
  standard: EdiStandard;
  outcome: EdiOutcome;
  ack: string | null;
  orders: IntakeOrderResult[];
  issues: EdiIssue[];
}

/** The answer given the first time this interchange came in, if it did (and claimed its key). */
export async function findInterchangeByKey(sql: Sql, key: InterchangeKey): Promise<InterchangeResult | null> {
  const { rows } = await sql.query<StoredRow>(
    `SELECT id, standard, outcome, ack_text AS ack, orders, issues
       FROM edi_interchanges
      WHERE standard = $1 AND sender_qualifier = $2 AND sender_id = $3 AND control_number = $4
        AND error_code IS DISTINCT FROM '${UNKNOWN_PARTNER}'`,
    [key.standard, key.sender.qualifier, key.sender.id, key.controlNumber],
  );
  const row = rows[0];
  if (!row) return null;
  return { interchangeId: row.id, duplicate: true, standard: row.standard, outcome: row.outcome, ack: row.ack, orders: row.orders, issues: row.issues };
}
