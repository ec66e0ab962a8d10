import type { AppDeps } from './platform/http/app-deps.ts';
import { createServer, type App } from './platform/http/create-server.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerOutboxRoutes } from './modules/outbox/routes.ts';
import { registerPartyRoutes } from './modules/parties/routes.ts';
import { registerOrderRoutes } from './modules/orders/routes.ts';
import { registerPricingRoutes } from './modules/pricing/routes.ts';

/** The composition root of the HTTP API: every module's routes, in one list. */
export function registerAllRoutes(app: App, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerPartyRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerPricingRoutes(app, deps);
}

export const buildApp = (deps: AppDeps, opts: { logger?: boolean } = {}): Promise<App> =>
  createServer(deps, registerAllRoutes, opts);
