import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { decodeEdiBytes } from './decode-edi-bytes.ts';
import { getInterchange } from './get-interchange.ts';
import { InboundQuery, InterchangeQuery, OutboundQuery } from './intake-schemas.ts';
import { listInterchanges } from './list-interchanges.ts';
import { listOutbound } from './list-outbound.ts';
import { receiveInterchange } from './receive-interchange.ts';

const tags = ['edi'];
export const EDI_CONTENT_TYPES = ['application/edi-x12', 'application/edifact', 'text/plain', 'application/octet-stream'];
export const EDI_BODY_LIMIT = 10 * 1024 * 1024;

export function registerEdiIntakeRoutes(app: App, { db }: AppDeps): void {
  // The body is the interchange itself, not JSON: these parsers (and the larger limit) apply to this route only.
  void app.register(async (edi: App) => {
    edi.removeAllContentTypeParsers();
    edi.addContentTypeParser(EDI_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: EDI_BODY_LIMIT },
      (_req, body, done) => done(null, decodeEdiBytes(body as Buffer)));
    edi.post('/api/v1/edi/inbound', {
      config: { permission: 'edi.receive' },
      bodyLimit: EDI_BODY_LIMIT,
      schema: { tags, consumes: EDI_CONTENT_TYPES, querystring: InboundQuery, body: Type.String({ description: 'an X12 850 or EDIFACT ORDERS interchange' }) },
    }, async (req, reply) => {
      const r = await receiveInterchange(db, actorOf(req), { text: req.body, via: 'api', ...(req.query.fileName ? { fileName: req.query.fileName } : {}) },
        { requestId: req.id });
      if (r.error) return reply.status(422).send({ error: { ...r.error, details: { interchangeId: r.interchangeId } } });
      return r;
    });
  });

  app.get('/api/v1/edi/interchanges', { config: { permission: 'edi.read' }, schema: { tags, querystring: InterchangeQuery } },
    async (req) => readTx(db, (tx) => listInterchanges(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));

  app.get('/api/v1/edi/interchanges/:id', { config: { permission: 'edi.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getInterchange(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/edi/outbound', { config: { permission: 'edi.read' }, schema: { tags, querystring: OutboundQuery } },
    async (req) => readTx(db, (tx) => listOutbound(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));
}
