import type { Database } from '../../db/types.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../actor.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';

/** Everything a route needs, passed explicitly (no service locator). */
export interface AppDeps {
  db: Database;
  config: Config;
  crypto: FieldCrypto;
}

/** `public` routes need no session; every other /api/v1 route names its permission. */
export type RoutePermission = 'public' | 'authenticated' | (string & {});

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}
