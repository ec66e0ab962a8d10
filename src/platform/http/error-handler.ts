import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorBody } from '../errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

const PG_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

/** Maps anything thrown to the one error body (DESIGN.md §6); only true bugs become a 500. */
export function toDomainError(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const fe = e as FastifyError & PgError & { validation?: Array<{ instancePath?: string; params?: Record<string, unknown>; message?: string }>; validationContext?: string };
  if (fe.validation && fe.validation.length) {
    const v = fe.validation[0]!;
    const missing = (v.params?.missingProperty ?? v.params?.additionalProperty) as string | undefined;
    const path = [fe.validationContext, ...(v.instancePath ?? '').split('/').filter(Boolean), missing]
      .filter(Boolean)
      .join('.');
    const field = path.replace(/^body\./, '') || fe.validationContext || 'body';
    const why = v.params?.additionalProperty ? 'is not a field of this request' : (v.message ?? 'is invalid');
    return new DomainError('VALIDATION_FAILED', `${field}: ${why}`, { field });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('PAYLOAD_TOO_LARGE', 'the request body is too large', { field: 'body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json', { field: 'content-type' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('INVALID_JSON', 'the JSON body is empty', { field: 'body' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError('INVALID_JSON', `the body is not valid JSON: ${fe.message}`, { field: 'body' });
    case '23505':
      return new DomainError('DUPLICATE', `a record with the same key already exists${fe.constraint ? ` (${fe.constraint})` : ''}`);
    case '23503':
      return new DomainError('CONFLICT', 'the record refers to, or is referred to by, another record');
    case '40001':
    case '40P01':
      return new DomainError('CONFLICT', 'the record was changed concurrently; try again');
  }
  if (fe.code && /^22/.test(fe.code)) {
    return new DomainError('VALIDATION_FAILED', `invalid value: ${fe.message}`, fe.column ? { field: fe.column } : {});
  }
  // node-postgres reports a connection lost under a checked-out client by message, with no code.
  if ((fe.code && PG_CONNECTION_CODES.has(fe.code)) || /^Connection terminated|connection error and is not queryable/.test(fe.message ?? '')) {
    return new DomainError('DATABASE_UNAVAILABLE', 'the database is unavailable; try again shortly');
  }
  if (fe instanceof SyntaxError) return new DomainError('INVALID_JSON', `the body is not valid JSON: ${fe.message}`);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new DomainError('VALIDATION_FAILED', fe.message);
  }
  return new DomainError('INTERNAL', 'an unexpected error occurred', { cause: e });
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((e, request, reply) => {
    const err = toDomainError(e);
    if (err.code === 'INTERNAL') request.log.error({ err: e }, 'unhandled error');
    else if (err.status >= 500) request.log.warn({ err: e, code: err.code }, err.message);
    const body: ErrorBody = err.toBody();
    if (err.code === 'INTERNAL') body.error.details = { requestId: request.id };
    void reply.status(err.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new DomainError('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
    void reply.status(404).send(err.toBody());
  });
}
