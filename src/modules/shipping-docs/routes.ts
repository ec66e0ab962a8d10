import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { portalOrganisation } from '../portal/portal-actor.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { recordDocuments, renderDocumentsToRecord } from './generate-shipment-documents.ts';
import { getShipmentAsn } from './get-shipment-asn.ts';
import { getShipmentDocument, listShipmentDocuments, type DocumentFile } from './get-shipment-documents.ts';
import { addExportPermit, ExportPermitInput, ExportPermitQuery, listExportPermits } from './export-permits.ts';
import { DocumentList, DocumentParams, pdfResponse } from './shipping-doc-schemas.ts';

const tags = ['shipping documents'];
/** Whoever may read orders may read what shipped on them: sales, service, warehouse, quality, finance, auditors — and hospitals, for their own. */
const read = { permission: 'orders.read' };

const sendPdf = (reply: FastifyReply, file: DocumentFile) =>
  reply.type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-document-sha256', file.sha256)
    .header('x-document-recorded', String(file.recorded))
    .send(file.pdf);

export function registerShippingDocRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/shipments/:id/documents', { config: read, schema: { tags, params: IdParams, response: { 200: DocumentList } } },
    async (req) => listShipmentDocuments(db, actorOf(req), req.params.id));

  app.get('/api/v1/shipments/:id/documents/:kind', { config: read, schema: { tags, params: DocumentParams, response: pdfResponse } },
    async (req, reply) => sendPdf(reply, await getShipmentDocument(db, actorOf(req), req.params.id, req.params.kind)));

  app.post('/api/v1/shipments/:id/documents/generate', { config: { permission: 'fulfillment.ship' }, schema: { tags, params: IdParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const rendered = await renderDocumentsToRecord(db, actor, req.params.id, false);
      const key = req.headers['idempotency-key'];
      const r = await idempotentWrite(db, { actor, requestId: req.id },
        { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', req.url, null), status: 200 },
        (w) => recordDocuments(w, rendered, { source: 'api' }));
      if (r.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(r.status).send(r.body);
    });

  app.get('/api/v1/shipments/:id/asn', { config: { permission: 'edi.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getShipmentAsn(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/export-permits', { config: { permission: 'parties.write' }, schema: { tags, body: ExportPermitInput } },
    async (req, reply) => reply.status(201).send(await addExportPermit(db, actorOf(req), req.body, req.id)));

  app.get('/api/v1/export-permits', { config: { permission: 'parties.read' }, schema: { tags, querystring: ExportPermitQuery } },
    async (req) => readTx(db, (tx) => listExportPermits(tx, actorOf(req), req.query)));

  // The hospital portal: its own shipments' delivery note and compliance bundle.
  const portal = { permission: 'portal.use' };
  app.get('/api/v1/portal/shipments/:id/documents', { config: portal, schema: { tags: ['portal'], params: IdParams, response: { 200: DocumentList } } },
    async (req) => {
      portalOrganisation(actorOf(req));
      return listShipmentDocuments(db, actorOf(req), req.params.id);
    });

  app.get('/api/v1/portal/shipments/:id/documents/:kind', { config: portal, schema: { tags: ['portal'], params: DocumentParams, response: pdfResponse } },
    async (req, reply) => {
      portalOrganisation(actorOf(req));
      return sendPdf(reply, await getShipmentDocument(db, actorOf(req), req.params.id, req.params.kind));
    });
}
