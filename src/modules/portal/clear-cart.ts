import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { deleteOpenCart, findOpenCart } from './cart-store.ts';
import { portalUser } from './portal-actor.ts';

/** Empties the cart (the open cart goes; submitted ones stay with their orders). Nothing to empty is fine. */
export async function clearCart(db: Database, actor: Actor, requestId: string): Promise<void> {
  const { userId } = portalUser(actor);
  const open = await readTx(db, (tx) => findOpenCart(tx, userId));
  if (!open) return;
  await writeTx(db, { actor, requestId }, async (w) => {
    // A submit may have taken the cart in between: then there was nothing left to clear.
    const deleted = await deleteOpenCart(w.tx, userId);
    w.audit({ entityType: 'portal_cart', entityId: deleted ?? open.id, action: 'cleared', changes: { deleted: { new: deleted !== null } } });
  });
}
