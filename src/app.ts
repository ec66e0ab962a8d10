import type { AppDeps } from './platform/http/app-deps.ts';
import { createServer, type App } from './platform/http/create-server.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerOutboxRoutes } from './modules/outbox/routes.ts';
import { registerPartyRoutes } from './modules/parties/routes.ts';
import { registerCatalogRoutes } from './modules/catalog/routes.ts';
import { registerWarehouseRoutes } from './modules/warehouses/routes.ts';
import { registerOrderRoutes } from './modules/orders/routes.ts';
import { registerRuleRoutes } from './modules/rules/routes.ts';
import { registerQuoteRoutes } from './modules/quotes/routes.ts';
import { registerPricingRoutes } from './modules/pricing/routes.ts';
import { registerLabelRoutes } from './modules/labels/routes.ts';
import { registerUdiRoutes } from './modules/udi/routes.ts';
import { registerEdiIntakeRoutes } from './modules/edi-intake/routes.ts';
import { registerForecastRoutes } from './modules/forecasts/routes.ts';
import { registerPortalRoutes } from './modules/portal/routes.ts';
import { registerInventoryRoutes } from './modules/inventory/routes.ts';
import { registerApprovalRoutes } from './modules/approvals/routes.ts';
import { registerTriggerRoutes } from './modules/triggers/routes.ts';
import { registerNotificationRoutes } from './modules/notifications/routes.ts';
import { registerImportRoutes } from './modules/imports/routes.ts';
import { registerDictionaryRoutes } from './modules/dictionary/routes.ts';

/** The composition root of the HTTP API: every module's routes, in one list. */
export function registerAllRoutes(app: App, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerPartyRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerWarehouseRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerQuoteRoutes(app, deps);
  registerPricingRoutes(app, deps);
  registerLabelRoutes(app, deps);
  registerUdiRoutes(app, deps);
  registerEdiIntakeRoutes(app, deps);
  registerForecastRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerInventoryRoutes(app, deps);
  registerApprovalRoutes(app, deps);
  registerTriggerRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerDictionaryRoutes(app, deps);
}

export const buildApp = (deps: AppDeps, opts: { logger?: boolean } = {}): Promise<App> =>
  createServer(deps, registerAllRoutes, opts);
