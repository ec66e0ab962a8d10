import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { allocateOrder } from './allocate-order.ts';
import { getAllocationPreferences, setAllocationPreferences } from './allocation-preferences.ts';
import { AllocationPreferenceInput, PromiseInput } from './inventory-schemas.ts';
import { listOrderAllocations } from './list-order-allocations.ts';
import { promiseOrderLines } from './promise-order-lines.ts';
import { shippingDates } from './shipping-clock.ts';
import { AllocationAnswer, OrderAllocationsAnswer } from './inventory-answer-schemas.ts';

const tags = ['inventory'];

/** Allocating orders, their allocations, promising dates, and customers' allocation preferences. */
export function registerAllocationRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/v1/orders/:id/allocate', { config: { permission: ['inventory.write', 'orders.write'] }, schema: { tags, params: IdParams, response: { 200: AllocationAnswer } } }, async (req) => {
    return allocateOrder(db, actorOf(req), req.params.id, { earliestShipDate: shippingDates().earliestShipDate }, req.id);
  });

  app.get('/api/v1/orders/:id/allocations', { config: { permission: 'inventory.read' }, schema: { tags, params: IdParams, response: { 200: OrderAllocationsAnswer } } },
    async (req) => readTx(db, (tx) => listOrderAllocations(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/orders/promise', { config: { permission: 'orders.read' }, schema: { tags, body: PromiseInput } },
    async (req) => readTx(db, (tx) => promiseOrderLines(tx, actorOf(req), req.body, { earliestShipDate: shippingDates().earliestShipDate })));

  app.get('/api/v1/inventory/allocation-preferences/:id', { config: { permission: 'parties.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getAllocationPreferences(tx, actorOf(req), req.params.id)));

  app.put('/api/v1/inventory/allocation-preferences/:id', { config: { permission: 'parties.write' }, schema: { tags, params: IdParams, body: AllocationPreferenceInput } },
    async (req) => setAllocationPreferences(db, actorOf(req), req.params.id, req.body, req.id));
}
