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
import { registerFinanceRoutes } from './modules/finance/routes.ts';
import { registerFulfillmentRoutes } from './modules/fulfillment/routes.ts';
import { registerPurchasingRoutes } from './modules/purchasing/routes.ts';
import { registerProductionRoutes } from './modules/production/routes.ts';
import { registerShippingDocRoutes } from './modules/shipping-docs/routes.ts';
import { registerReturnRoutes } from './modules/returns/routes.ts';
import { registerTraceRoutes } from './modules/trace/routes.ts';
import { registerKpiRoutes } from './modules/kpi/routes.ts';
import { registerPlanningRoutes } from './modules/planning/routes.ts';
import { registerSavedViewRoutes } from './modules/saved-views/routes.ts';
import { registerWebRoutes } from './modules/web/routes.ts';

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
  registerFinanceRoutes(app, deps);
  registerFulfillmentRoutes(app, deps);
  registerPurchasingRoutes(app, deps);
  registerProductionRoutes(app, deps);
  registerShippingDocRoutes(app, deps);
  registerReturnRoutes(app, deps);
  registerTraceRoutes(app, deps);
  registerKpiRoutes(app, deps);
  registerPlanningRoutes(app, deps);
  registerSavedViewRoutes(app, deps);
  registerWebRoutes(app); // its `/*` answers only paths no other route has
}

export const buildApp = (deps: AppDeps, opts: { logger?: boolean } = {}): Promise<App> =>
  createServer(deps, registerAllRoutes, opts);
