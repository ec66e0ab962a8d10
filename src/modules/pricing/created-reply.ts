import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/types.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import type { Work } from '../../platform/unit-of-work.ts';

/**
 * Answers a create with 201. With an Idempotency-Key header a retried request gets the first
 * answer back instead of a DUPLICATE, and the same key with another body is a 409.
 */
export async function replyCreated<T>(db: Database, req: FastifyRequest, reply: FastifyReply, create: (w: Work) => Promise<T>): Promise<FastifyReply> {
  const key = req.headers['idempotency-key'];
  const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
    { key: typeof key === 'string' ? key : undefined, requestHash: requestHash(req.method, req.url, req.body), status: 201 }, create);
  if (r.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(r.status).send(r.body);
}
