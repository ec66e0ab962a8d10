import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/types.ts';
import { actorFromApiToken, actorFromSession } from '../../modules/auth/load-actor.ts';
import { can } from '../actor.ts';
import { DomainError } from '../errors.ts';

export const SESSION_COOKIE = 'lotline_session';

function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

/**
 * Every /api/v1 route must say which permission it needs (`config.permission`); the server
 * refuses to start otherwise. Then each request is authenticated (session cookie for people,
 * Bearer token for integrations) and checked against that permission.
 */
export function installAuthentication(app: FastifyInstance, db: Database): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith('/api/v1/docs')) {
      route.config = { ...(route.config ?? {}), permission: 'public' };
      return;
    }
    if (!route.config?.permission) {
      throw new Error(`route ${route.method} ${route.url} declares no permission (config.permission)`);
    }
    // Published on the operation, so clients and the authorization-matrix test read it there.
    route.schema = { ...(route.schema ?? {}), 'x-permission': route.config.permission } as typeof route.schema;
  });

  // onRequest, before the body is read and validated: a caller without the permission learns
  // nothing of the route's schema (a 400 naming a missing field would tell).
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || permission === 'public') return;
    const token = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await actorFromApiToken(db, token);
    else if (cookie) {
      request.actor = await actorFromSession(db, cookie);
      if (request.actor) request.sessionToken = cookie;
    }
    if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'sign in, or send an API token as Authorization: Bearer');
    if (permission === 'authenticated') return;
    const anyOf = typeof permission === 'string' ? [permission] : permission;
    if (!anyOf.some((p) => can(request.actor!, p))) {
      const what = anyOf.length === 1 ? `the permission ${anyOf[0]}` : `one of the permissions ${anyOf.join(', ')}`;
      throw new DomainError('FORBIDDEN', `this needs ${what}`, { details: { permission } });
    }
  });
}

/** The signed-in actor of a route that declared a permission (never null there). */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'not signed in');
  return request.actor;
}
