import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { findOpenCart } from './cart-store.ts';
import { cartView, type CartView } from './cart-view.ts';
import { portalUser } from './portal-actor.ts';

/** The user's open cart at today's prices; an empty cart when there is none. */
export const getCart = (db: Database, actor: Actor): Promise<CartView> =>
  readTx(db, async (tx) => {
    const { organisationId, userId } = portalUser(actor);
    return cartView(tx, organisationId, await findOpenCart(tx, userId), localToday());
  });
