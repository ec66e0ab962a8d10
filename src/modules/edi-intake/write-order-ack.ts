import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { getOrder } from '../orders/get-order.ts';
import { buildOrderAck, type ConfirmedOrder, type InboundOrderLink } from './build-order-ack.ts';
import { nextControlNumber } from './control-numbers.ts';

const actor = systemActor('edi-order-ack');
const ONCE = 'edi_outbound_once';

/**
 * Writes the 855 / ORDRSP of a confirmed order that came by EDI, once per order version: an event
 * delivered again finds the message written and does nothing, and of two workers racing, the
 * unique constraint lets one write. Returns the message id, or null when there was nothing to do.
 * Sending it (AS2, SFTP) is a transport's job, started by the `edi.po_ack_written` event.
 */
export async function writeOrderAck(db: Database, orderId: string, o: { eventId?: number; now?: Date } = {}): Promise<string | null> {
  const due = await readTx(db, async (tx) => {
    const link = (await tx.query<InboundOrderLink>(
      `SELECT standard, version, po_number AS "poNumber", po_date AS "poDate", test, lines,
              json_build_object('qualifier', partner_qualifier, 'id', partner_id) AS partner,
              json_build_object('qualifier', us_qualifier, 'id', us_id) AS us
         FROM edi_inbound_orders WHERE order_id = $1`, [orderId])).rows[0];
    if (!link) return null;
    const order = (await getOrder(tx, actor, orderId)) as unknown as ConfirmedOrder & { version: number; sourceType: string | null };
    if (order.sourceType !== 'edi_interchange') return null;
    const written = await tx.query('SELECT 1 FROM edi_outbound WHERE order_id = $1 AND order_version = $2', [orderId, order.version]);
    return written.rows.length ? null : { link, order };
  });
  if (!due) return null;
  const now = o.now ?? new Date();
  const controlNumber = await nextControlNumber(db);
  const ack = buildOrderAck(due.order, due.link, { controlNumber, now, today: localToday(now) });
  const id = uuidv7();
  try {
    await writeTx(db, { actor }, async (w) => {
      await w.tx.query(
        `INSERT INTO edi_outbound (id, order_id, order_version, standard, message_type, control_number, partner_qualifier, partner_id, text, event_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, orderId, due.order.version, due.link.standard, ack.messageType, String(controlNumber), due.link.partner.qualifier,
          due.link.partner.id, ack.text, o.eventId ?? null],
      );
      w.audit({ entityType: 'edi_outbound', entityId: id, action: 'written',
        changes: { orderId: { new: orderId }, orderVersion: { new: due.order.version }, messageType: { new: ack.messageType }, controlNumber: { new: String(controlNumber) } } });
      w.emit({ topic: 'edi.po_ack_written', entityType: 'edi_outbound', entityId: id,
        payload: { orderId, messageType: ack.messageType, partner: due.link.partner } });
    });
  } catch (e) {
    if ((e as { constraint?: string }).constraint === ONCE) return null;
    throw e;
  }
  return id;
}

/** The outbox handler: an order confirmed that came by EDI gets its purchase-order acknowledgement. */
export const ediOrderAckHandler: EventHandler = {
  name: 'edi.order_ack',
  topics: ['order.confirmed'],
  async handle(event, db) {
    if (event.entityType === 'order' && event.entityId) await writeOrderAck(db, event.entityId, { eventId: event.id });
  },
};
