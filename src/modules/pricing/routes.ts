import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { registerContractRoutes } from './contract-routes.ts';
import { registerPriceListRoutes } from './price-list-routes.ts';
import { quote } from './quote.ts';
import { QuoteRequest } from './quote-schemas.ts';
import { QuoteAnswer } from './pricing-answer-schemas.ts';

/** Quoting, price lists and contracts. */
export function registerPricingRoutes(app: App, deps: AppDeps): void {
  app.post('/api/v1/pricing/quote', { config: { permission: 'pricing.read' }, schema: { tags: ['pricing'], body: QuoteRequest, response: { 200: QuoteAnswer } } },
    async (req) => quote(deps.db, actorOf(req), req.body));
  registerPriceListRoutes(app, deps);
  registerContractRoutes(app, deps);
}
