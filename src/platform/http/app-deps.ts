import type { Database } from '../../db/types.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../actor.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';

/** Everything a route needs, passed explicitly (no service locator). */
export interface AppDeps {
  db: Database;
  /** The read replica (DATABASE_READ_URL), for reads routed by `readerFor`. */
  replica?: Database | undefined;
  config: Config;
  crypto: FieldCrypto;
}

/**
 * `public` routes need no session; every other /api/v1 route names its permission, or the
 * permissions any one of which lets the caller in (an action more than one role may take).
 */
export type RoutePermission = 'public' | 'authenticated' | (string & {}) | readonly string[];

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}
