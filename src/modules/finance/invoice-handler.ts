import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { isDomainError } from '../../platform/errors.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { invoiceEdi } from './invoice-edi.ts';
import { invoiceShipment } from './invoice-shipment.ts';

const actor = systemActor('finance-invoicing');

/**
 * Invoices a shipment when the customer's terms say so: on 'shipment.shipped' for customers
 * invoiced on shipment, on 'shipment.delivered' for those invoiced on delivery. Idempotent: an
 * event seen again, or two workers racing, find the invoice written and do nothing. Returns the
 * invoice id, or null when there was nothing to do.
 */
export async function invoiceOnEvent(db: Database, shipmentId: string, event: 'shipment' | 'delivery', now = new Date()): Promise<string | null> {
  const due = await readTx(db, async (tx) => (await tx.query<{ invoiceOn: string; invoiced: boolean }>(
    `SELECT coalesce(f.invoice_on, 'shipment') AS "invoiceOn",
            EXISTS (SELECT 1 FROM invoices i WHERE i.shipment_id = s.id AND i.kind = 'invoice') AS invoiced
       FROM shipments s LEFT JOIN customer_finance_settings f ON f.customer_id = s.customer_id WHERE s.id = $1`, [shipmentId])).rows[0]);
  if (!due || due.invoiced || due.invoiceOn !== event) return null;
  try {
    const invoice = await writeTx(db, { actor }, (w) => invoiceShipment(w, shipmentId, { trigger: event, today: localToday(now) }));
    return invoice.id;
  } catch (e) {
    if (isDomainError(e) && e.code === 'DUPLICATE') return null;
    if ((e as { constraint?: string }).constraint === 'invoices_once_per_shipment') return null;
    throw e;
  }
}

/** Invoices shipments as their events arrive. */
export const invoiceHandler: EventHandler = {
  name: 'finance.invoice_shipment',
  topics: ['shipment.shipped', 'shipment.delivered'],
  async handle(event, db) {
    if (event.entityType !== 'shipment' || !event.entityId) return;
    await invoiceOnEvent(db, event.entityId, event.topic === 'shipment.delivered' ? 'delivery' : 'shipment');
  },
};

/** For a customer trading by EDI, every invoice and credit note gets its 810 / INVOIC written once. */
export const invoiceEdiHandler: EventHandler = {
  name: 'finance.invoice_edi',
  topics: ['invoice.issued', 'credit_note.issued'],
  async handle(event, db) {
    if (event.entityType !== 'invoice' || !event.entityId) return;
    try {
      await invoiceEdi(db, systemActor('finance-edi'), event.entityId);
    } catch (e) {
      // A customer without EDI has nothing to send.
      if (!(isDomainError(e) && e.code === 'INVALID_STATE')) throw e;
    }
  },
};

/** The finance module's outbox handlers, registered in src/runtime.ts. */
export const financeHandlers: readonly EventHandler[] = [invoiceHandler, invoiceEdiHandler];
