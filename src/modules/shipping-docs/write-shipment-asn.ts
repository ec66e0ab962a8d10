import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { nextControlNumber } from '../edi-intake/control-numbers.ts';
import { asnFromShipment } from './asn-input.ts';
import { generate856 } from './build-856.ts';
import { generateDesadv } from './build-desadv.ts';
import { loadShipmentDocData } from './load-shipment-doc-data.ts';
import { resolveAsnPartner } from './resolve-asn-partner.ts';

const actor = systemActor('edi-asn');
const ONCE = 'edi_outbound_asn_once';

/**
 * Writes the ASN of a shipment for a customer that trades by EDI: an X12 856 (004010) or an
 * EDIFACT DESADV (D.96A), in the standard the customer sends, into edi_outbound beside the
 * purchase-order acknowledgements. Once per shipment: an event delivered again finds it written,
 * and of two racing workers the unique index lets one write. Returns the message id, or null.
 */
export async function writeShipmentAsn(db: Database, shipmentId: string, o: { eventId?: number; now?: Date } = {}): Promise<string | null> {
  const due = await readTx(db, async (tx) => {
    const written = await tx.query('SELECT 1 FROM edi_outbound WHERE shipment_id = $1', [shipmentId]);
    if (written.rows.length) return null;
    const data = await loadShipmentDocData(tx, actor, shipmentId);
    const partner = await resolveAsnPartner(tx, data.order.id, data.customer.id);
    return partner ? { data, partner } : null;
  });
  if (!due) return null;
  const now = o.now ?? new Date();
  const controlNumber = await nextControlNumber(db);
  const x12 = due.partner.standard === 'X12';
  const input = asnFromShipment(due.data, due.partner, { controlNumber, now, version: x12 ? '004010' : 'D96A' });
  const messageType = x12 ? '856' : 'DESADV';
  const text = x12 ? generate856(input) : generateDesadv(input);
  const id = uuidv7();
  try {
    await writeTx(db, { actor }, async (w) => {
      await w.tx.query(
        `INSERT INTO edi_outbound (id, order_id, order_version, standard, message_type, control_number, partner_qualifier, partner_id,
                                   text, event_id, shipment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, due.data.order.id, due.data.order.version, due.partner.standard, messageType, String(controlNumber),
          due.partner.partner.qualifier, due.partner.partner.id, text, o.eventId ?? null, shipmentId]);
      w.audit({ entityType: 'edi_outbound', entityId: id, action: 'written', changes: {
        shipmentId: { new: shipmentId }, orderId: { new: due.data.order.id }, messageType: { new: messageType },
        controlNumber: { new: String(controlNumber) } } });
      w.emit({ topic: 'edi.asn_written', entityType: 'edi_outbound', entityId: id,
        payload: { shipmentId, orderId: due.data.order.id, messageType, partner: due.partner.partner } });
    });
  } catch (e) {
    if ((e as { constraint?: string }).constraint === ONCE) return null;
    throw e;
  }
  return id;
}

const shipmentOf = (event: { entityType: string | null; entityId: string | null; payload: Record<string, unknown> }): string | null =>
  event.entityType === 'shipment' && event.entityId ? event.entityId : typeof event.payload.shipmentId === 'string' ? event.payload.shipmentId : null;

/** The outbox handler: a shipment that left for an EDI customer gets its ASN. */
export const ediAsnHandler: EventHandler = {
  name: 'edi.asn',
  topics: ['shipment.shipped'],
  async handle(event, db) {
    const shipmentId = shipmentOf(event);
    if (shipmentId) await writeShipmentAsn(db, shipmentId, { eventId: event.id });
  },
};
