import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { DateString, IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { QuoteInput } from './quote-input.ts';
import { createQuote, reviseQuote } from './create-quote.ts';
import { convertQuote } from './convert-quote.ts';
import { getQuote, listQuotes } from './get-quote.ts';
import { renderQuotePdf } from './render-quote-pdf.ts';

export function registerQuoteRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/v1/quotes', { config: { permission: 'orders.write' }, schema: { tags: ['quotes'], body: QuoteInput } },
    async (req, reply) => reply.status(201).send(await createQuote(db, actorOf(req), req.body, { today: localToday(), requestId: req.id })));

  app.get('/api/v1/quotes', {
    config: { permission: 'orders.read' },
    schema: { tags: ['quotes'], querystring: Type.Object({ customerId: Type.Optional(Type.String({ format: 'uuid' })),
      status: Type.Optional(Type.Enum(['open', 'superseded', 'converted', 'withdrawn'])), ...PageQuery }) },
  }, async (req) => readTx(db, (tx) => listQuotes(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));

  app.get('/api/v1/quotes/:id', { config: { permission: 'orders.read' }, schema: { tags: ['quotes'], params: IdParams } },
    async (req) => readTx(db, (tx) => getQuote(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/quotes/:id/pdf', { config: { permission: 'orders.read' }, schema: { tags: ['quotes'], params: IdParams } },
    async (req, reply) => {
      const q = await readTx(db, (tx) => getQuote(tx, actorOf(req), req.params.id));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${q.number}-r${q.revision}.pdf"`).send(await renderQuotePdf(q));
    });

  app.post('/api/v1/quotes/:id/revise', { config: { permission: 'orders.write' }, schema: { tags: ['quotes'], params: IdParams, body: QuoteInput } },
    async (req, reply) => reply.status(201).send(await reviseQuote(db, actorOf(req), req.params.id, req.body, { today: localToday(), requestId: req.id })));

  app.post('/api/v1/quotes/:id/convert', {
    config: { permission: 'orders.write' },
    schema: { tags: ['quotes'], params: IdParams, body: Type.Object({ externalPo: Type.Optional(Type.String({ maxLength: 64 })), requestedDate: Type.Optional(DateString()) }) },
  }, async (req, reply) => reply.status(201).send(await convertQuote(db, actorOf(req), req.params.id, req.body, { today: localToday(), requestId: req.id })));
}
