import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash, type IdempotentResult } from '../../platform/idempotency.ts';
import { readTx, writeTx, type Work } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { ApplyPaymentBody, CreditNoteInput, InvoiceCreateInput, PaymentInput } from './finance-schemas.ts';
import { getInvoice } from './get-invoice.ts';
import { invoiceShipment } from './invoice-shipment.ts';
import { issueCreditNote } from './issue-credit-note.ts';
import { listInvoices } from './list-invoices.ts';
import { recordPayment } from './record-payment.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';
import { registerFinanceReportRoutes } from './report-routes.ts';
import { registerPaymentImportRoute } from './payment-import-route.ts';
import { getPayment } from './get-payment.ts';
import { listPayments } from './list-payments.ts';
import { applyPayment } from './apply-payment.ts';

const read = { permission: 'finance.read' } as const;
const write = { permission: 'finance.write' } as const;
const tags = ['finance'];

export function registerFinanceRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const idempotent = <T>(req: FastifyRequest, path: string, fn: (w: Work) => Promise<T>) => {
    const key = req.headers['idempotency-key'];
    return idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', path, req.body), status: 201 }, fn);
  };
  const created = <T>(reply: FastifyReply, r: IdempotentResult<T>) => {
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  };

  app.post('/api/v1/invoices', { config: write, schema: { tags, body: InvoiceCreateInput } }, async (req, reply) => {
    return created(reply, await idempotent(req, '/api/v1/invoices', (w) => invoiceShipment(w, req.body.shipmentId, { trigger: 'manual', today: localToday() })));
  });

  app.get('/api/v1/invoices', {
    config: read,
    schema: {
      tags,
      querystring: Type.Object({
        customerId: Type.Optional(Type.String({ format: 'uuid' })),
        orderId: Type.Optional(Type.String({ format: 'uuid' })),
        kind: Type.Optional(Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')])),
        open: Type.Optional(Type.Boolean()),
        ...PageQuery,
      }),
    },
  }, async (req) => {
    const { limit = 50, offset = 0, ...f } = req.query;
    return { ...(await readTx(db, (tx) => listInvoices(tx, actorOf(req), { ...f, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/invoices/:id', { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getInvoice(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/invoices/:id/pdf', { config: read, schema: { tags, params: IdParams } }, async (req, reply) => {
    const inv = await readTx(db, (tx) => getInvoice(tx, actorOf(req), req.params.id));
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${inv.number}.pdf"`).send(await renderInvoicePdf(inv));
  });

  app.post('/api/v1/credit-notes', { config: write, schema: { tags, body: CreditNoteInput } }, async (req, reply) => {
    return created(reply, await idempotent(req, '/api/v1/credit-notes', (w) => issueCreditNote(w, req.body, { today: localToday() })));
  });

  app.post('/api/v1/payments', { config: write, schema: { tags, body: PaymentInput } }, async (req, reply) => {
    return created(reply, await idempotent(req, '/api/v1/payments', (w) => recordPayment(w, req.body, 'api')));
  });

  app.get('/api/v1/payments', {
    config: read,
    schema: { tags, querystring: Type.Object({ customerId: Type.Optional(Type.String({ format: 'uuid' })), unapplied: Type.Optional(Type.Boolean()), ...PageQuery }) },
  }, async (req) => {
    const { limit = 50, offset = 0, ...f } = req.query;
    return { ...(await readTx(db, (tx) => listPayments(tx, actorOf(req), { ...f, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/payments/:id', { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getPayment(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/payments/:id/apply', { config: write, schema: { tags, params: IdParams, body: ApplyPaymentBody } },
    async (req) => writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => applyPayment(w, req.params.id, req.body)));

  registerPaymentImportRoute(app, deps);
  registerFinanceReportRoutes(app, deps);
}
