import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import type { EnvelopeParty } from '../edi/types.ts';
import { nextControlNumber } from '../edi-intake/control-numbers.ts';
import { generate810, generateInvoic } from './build-invoice-edi.ts';
import { getInvoice } from './get-invoice.ts';
import type { InvoiceView } from './invoice-view.ts';

export interface InvoiceEdiMessage {
  invoiceId: string;
  messageType: '810' | 'INVOIC';
  controlNumber: string;
  text: string;
}

/** Who we are when no inbound order named us. */
const US: EnvelopeParty = { qualifier: 'ZZ', id: 'LOTLINE' };

interface Partner {
  standard: 'X12' | 'EDIFACT';
  partner: EnvelopeParty;
  us: EnvelopeParty;
  poNumber: string | null;
}

/** The order's inbound EDI link when it came by EDI, else the customer's EDI settings, else null. */
async function partnerOf(tx: Sql, inv: InvoiceView): Promise<Partner | null> {
  const { rows } = await tx.query<Partner>(
    `SELECT standard, json_build_object('qualifier', partner_qualifier, 'id', partner_id) AS partner,
            json_build_object('qualifier', us_qualifier, 'id', us_id) AS us, po_number AS "poNumber"
       FROM edi_inbound_orders WHERE order_id = $1
     UNION ALL
     SELECT edi_standard, json_build_object('qualifier', 'ZZ', 'id', edi_partner_id), $3::json, $4
       FROM customer_finance_settings WHERE customer_id = $2 AND edi_standard IS NOT NULL`,
    [inv.orderId, inv.customer.id, JSON.stringify(US), inv.externalPo]);
  return rows[0] ?? null;
}

const stored = async (tx: Sql, invoiceId: string) => (await tx.query<InvoiceEdiMessage>(
  `SELECT invoice_id AS "invoiceId", message_type AS "messageType", control_number AS "controlNumber", text FROM invoice_edi_messages WHERE invoice_id = $1`,
  [invoiceId])).rows[0] ?? null;

/**
 * The invoice's 810 (X12) or INVOIC (EDIFACT), written once for a customer that trades by EDI
 * and read back unchanged after. A customer without EDI is INVALID_STATE.
 */
export async function invoiceEdi(db: Database, actor: Actor, idOrNumber: string, now = new Date()): Promise<InvoiceEdiMessage> {
  const loaded = await readTx(db, async (tx) => {
    const inv = await getInvoice(tx, actor, idOrNumber);
    return { inv, message: await stored(tx, inv.id), partner: await partnerOf(tx, inv) };
  });
  if (loaded.message) return loaded.message;
  const { inv, partner } = loaded;
  if (!partner) throw new DomainError('INVALID_STATE', `customer ${inv.customer.code} does not trade by EDI (set ediStandard in its finance settings)`, { field: 'id' });
  return writeTx(db, { actor }, async (w) => {
    const gtins = await w.tx.query<{ deviceId: string; gtin: string }>(
      `SELECT device_id AS "deviceId", gtin FROM device_packaging WHERE level = 'each' AND device_id = ANY($1::uuid[])`, [inv.lines.map((l) => l.deviceId)]);
    const controlNumber = await nextControlNumber(w.tx);
    const doc = {
      ...inv, poNumber: partner.poNumber,
      lines: inv.lines.map((l) => ({ ...l, gtin: gtins.rows.find((g) => g.deviceId === l.deviceId)?.gtin ?? null })),
    };
    const env = { sender: partner.us, receiver: partner.partner, controlNumber, now };
    const messageType = partner.standard === 'X12' ? '810' : 'INVOIC';
    const text = messageType === '810' ? generate810(doc, env) : generateInvoic(doc, env);
    const { rowCount } = await w.tx.query(
      `INSERT INTO invoice_edi_messages (invoice_id, standard, message_type, control_number, partner_qualifier, partner_id, text)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (invoice_id) DO NOTHING`,
      [inv.id, partner.standard, messageType, String(controlNumber), partner.partner.qualifier, partner.partner.id, text]);
    if (rowCount === 0) return (await stored(w.tx, inv.id))!;
    w.audit({ entityType: 'invoice', entityId: inv.id, action: 'edi.written', changes: { messageType: { new: messageType }, controlNumber: { new: String(controlNumber) } } });
    w.emit({ topic: 'invoice.edi_written', entityType: 'invoice', entityId: inv.id, payload: { number: inv.number, messageType, partner: partner.partner } });
    return { invoiceId: inv.id, messageType, controlNumber: String(controlNumber), text };
  });
}
