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
  });

  app.addHook('preHandler', async (request) => {
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
    if (permission !== 'authenticated' && !can(request.actor, permission)) {
      throw new DomainError('FORBIDDEN', `this needs the permission ${permission}`, { details: { permission } });
    }
  });
}

/** The signed-in actor of a route that declared a permission (never null there). */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'not signed in');
  return request.actor;
}
