import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { DateString, IdParams } from '../../platform/http/schemas.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { agingReport } from './aging-report.ts';
import { customerExposure } from './customer-exposure.ts';
import { DeviceVatInput, FinanceSettingsInput } from './finance-schemas.ts';
import { getFinanceSettings, setDeviceVat, setFinanceSettings } from './finance-settings.ts';
import { listExceptions, reconcileCustomer, reconcileOrder } from './reconcile.ts';
import { invoiceEdi } from './invoice-edi.ts';

const read = { permission: 'finance.read' } as const;
const write = { permission: 'finance.write' } as const;
const tags = ['finance'];
const AsOf = Type.Object({ today: Type.Optional(DateString({ description: 'as of this date (default: the business day)' })) });
const ExceptionQuery = Type.Object({
  today: Type.Optional(DateString({ description: 'as of this date (default: the business day)' })),
  type: Type.Optional(Type.Union([Type.Literal('shipped_not_invoiced'), Type.Literal('invoiced_not_shipped'), Type.Literal('price_differs_from_order'),
    Type.Literal('short_delivery'), Type.Literal('overdue')])),
});

/** Reconciliation, exposure, aging, per-customer terms and device VAT rates, and EDI invoices. */
export function registerFinanceReportRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/reconciliation/orders/:id', { config: read, schema: { tags, params: IdParams, querystring: AsOf } },
    async (req) => readTx(db, (tx) => reconcileOrder(tx, actorOf(req), req.params.id, req.query.today ?? localToday())));

  app.get('/api/v1/reconciliation/customers/:id', { config: read, schema: { tags, params: IdParams, querystring: AsOf } },
    async (req) => readTx(db, (tx) => reconcileCustomer(tx, actorOf(req), req.params.id, req.query.today ?? localToday())));

  app.get('/api/v1/reconciliation/exceptions', { config: read, schema: { tags, querystring: ExceptionQuery } },
    async (req) => readTx(db, (tx) => listExceptions(tx, actorOf(req), req.query.today ?? localToday(), { type: req.query.type })));

  app.get('/api/v1/customers/:id/exposure', { config: read, schema: { tags, params: IdParams, querystring: AsOf } },
    async (req) => readTx(db, (tx) => customerExposure(tx, actorOf(req), req.params.id, req.query.today ?? localToday())));

  app.get('/api/v1/finance/aging', { config: read, schema: { tags, querystring: AsOf } },
    async (req) => readTx(db, (tx) => agingReport(tx, actorOf(req), req.query.today ?? localToday())));

  app.get('/api/v1/customers/:id/finance-settings', { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getFinanceSettings(tx, actorOf(req), req.params.id)));

  app.put('/api/v1/customers/:id/finance-settings', { config: write, schema: { tags, params: IdParams, body: FinanceSettingsInput } },
    async (req) => writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => setFinanceSettings(w, req.params.id, req.body)));

  app.put('/api/v1/devices/:id/vat-rate', { config: write, schema: { tags, params: IdParams, body: DeviceVatInput } },
    async (req) => writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => setDeviceVat(w, req.params.id, req.body.vatCode)));

  app.get('/api/v1/finance/vat-rates', { config: read, schema: { tags } },
    async () => readTx(db, async (tx) => (await tx.query(
      'SELECT code, rate_bp AS "rateBp", name_zh AS "nameZh", name_en AS "nameEn", is_default AS "isDefault" FROM vat_rates ORDER BY rate_bp DESC, code')).rows));

  // Written once on first read (audited), then served as stored.
  app.get('/api/v1/invoices/:id/edi', { config: read, schema: { tags, params: IdParams } }, async (req, reply) => {
    const edi = await invoiceEdi(db, actorOf(req), req.params.id);
    return reply.type('text/plain; charset=utf-8').header('x-edi-message-type', edi.messageType).send(edi.text);
  });
}
