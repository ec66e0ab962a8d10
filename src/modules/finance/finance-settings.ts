import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import type { FinanceSettingsInput } from './finance-schemas.ts';

export interface FinanceSettings {
  customerId: string;
  invoiceOn: 'shipment' | 'delivery';
  vatCode: string | null;
  ediStandard: 'X12' | 'EDIFACT' | null;
  ediPartnerId: string | null;
  payerAccount: string | null;
  paymentTermsDays: number;
}

const COLUMNS = `p.id AS "customerId", coalesce(f.invoice_on, 'shipment') AS "invoiceOn", f.vat_code AS "vatCode", f.edi_standard AS "ediStandard",
  f.edi_partner_id AS "ediPartnerId", f.payer_account AS "payerAccount", p.payment_terms_days AS "paymentTermsDays"`;

/** A customer's invoicing terms; the defaults when none were set. Payment terms are the party's. */
export async function getFinanceSettings(tx: Sql, actor: Actor, customerId: string): Promise<FinanceSettings> {
  const { rows } = await tx.query<FinanceSettings & { kind: string }>(
    `SELECT ${COLUMNS}, p.kind FROM parties p LEFT JOIN customer_finance_settings f ON f.customer_id = p.id WHERE p.id = $1`, [customerId]);
  const s = rows[0];
  if (!s || s.kind !== 'customer') throw notFound('customer', customerId);
  assertVisible(actor, customerId, 'customer', customerId);
  const { kind: _k, ...settings } = s;
  return settings;
}

/** Sets some of a customer's invoicing terms; fields left out keep their value. */
export async function setFinanceSettings(w: Work, customerId: string, input: FinanceSettingsInput): Promise<FinanceSettings> {
  const before = await getFinanceSettings(w.tx, w.actor, customerId);
  const after = { ...before, ...input };
  if ((after.ediStandard === null) !== (after.ediPartnerId === null)) {
    throw invalid(after.ediStandard === null ? 'ediStandard' : 'ediPartnerId', 'an EDI customer needs both the standard and its partner id');
  }
  if (after.vatCode !== null) {
    const rate = await w.tx.query('SELECT 1 FROM vat_rates WHERE code = $1', [after.vatCode]);
    if (rate.rows.length === 0) throw invalid('vatCode', `no VAT rate ${after.vatCode}`);
  }
  if (after.payerAccount !== null) {
    const taken = await w.tx.query('SELECT 1 FROM customer_finance_settings WHERE payer_account = $1 AND customer_id <> $2', [after.payerAccount, customerId]);
    if (taken.rows.length > 0) throw invalid('payerAccount', 'the account is already another customer’s');
  }
  await w.tx.query(
    `INSERT INTO customer_finance_settings (customer_id, invoice_on, vat_code, edi_standard, edi_partner_id, payer_account, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (customer_id) DO UPDATE SET invoice_on = $2, vat_code = $3, edi_standard = $4, edi_partner_id = $5, payer_account = $6,
       updated_by = $7, updated_at = now(), version = customer_finance_settings.version + 1`,
    [customerId, after.invoiceOn, after.vatCode, after.ediStandard, after.ediPartnerId, after.payerAccount, w.actor.name]);
  w.audit({ entityType: 'customer_finance_settings', entityId: customerId, action: 'update',
    changes: diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>) });
  w.emit({ topic: 'finance.settings_changed', entityType: 'party', entityId: customerId, payload: { invoiceOn: after.invoiceOn, vatCode: after.vatCode } });
  return after;
}

/** The rate a device is taxed at unless the customer's own rate overrides it. */
export async function setDeviceVat(w: Work, deviceId: string, vatCode: string): Promise<{ deviceId: string; vatCode: string }> {
  const [device, rate] = await Promise.all([
    w.tx.query('SELECT 1 FROM devices WHERE id = $1', [deviceId]),
    w.tx.query('SELECT 1 FROM vat_rates WHERE code = $1', [vatCode]),
  ]);
  if (device.rows.length === 0) throw notFound('device', deviceId);
  if (rate.rows.length === 0) throw invalid('vatCode', `no VAT rate ${vatCode}`);
  const old = await w.tx.query<{ vat_code: string }>('SELECT vat_code FROM device_vat_rates WHERE device_id = $1', [deviceId]);
  await w.tx.query(
    `INSERT INTO device_vat_rates (device_id, vat_code, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (device_id) DO UPDATE SET vat_code = $2, updated_by = $3, updated_at = now()`, [deviceId, vatCode, w.actor.name]);
  w.audit({ entityType: 'device', entityId: deviceId, action: 'vat_rate', changes: { vatCode: { old: old.rows[0]?.vat_code ?? null, new: vatCode } } });
  return { deviceId, vatCode };
}
