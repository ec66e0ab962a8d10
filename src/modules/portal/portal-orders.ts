import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { getOrder } from '../orders/get-order.ts';
import { listOrders } from '../orders/list-orders.ts';
import { portalOrderSummary, portalOrderView, type OrderDetail } from './portal-order-view.ts';
import { portalOrganisation } from './portal-actor.ts';

export interface PortalOrderQuery {
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The hospital's own orders, newest first (the order list scopes them to its organisation). */
export async function listPortalOrders(tx: Sql, actor: Actor, q: PortalOrderQuery) {
  portalOrganisation(actor);
  const page = await listOrders(tx, actor, { ...q });
  return { ...page, items: page.items.map((o) => portalOrderSummary(o as Record<string, unknown>)) };
}

/** One of the hospital's orders; another organisation's is not found. Documents come with fulfilment. */
export async function getPortalOrder(tx: Sql, actor: Actor, id: string) {
  portalOrganisation(actor);
  return portalOrderView((await getOrder(tx, actor, id)) as OrderDetail);
}
