import type { Actor } from '../../platform/actor.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { getOrder } from '../orders/get-order.ts';
import { levelOfUnit, toBaseUnits, type PackagingLevel } from '../orders/unit-of-measure.ts';
import { assessDevices } from './assess-devices.ts';
import { addCartLines, lockOpenCart } from './cart-store.ts';
import { cartView, type CartView } from './cart-view.ts';
import { portalUser } from './portal-actor.ts';

interface PastLine {
  lineNo: number;
  deviceId: string;
  deviceCode: string;
  uom: string;
  uomQuantity: number;
}

export interface ReorderResult {
  cart: CartView;
  /** Lines of the past order that could not go into the cart, and why. */
  skipped: Array<{ lineNo: number; deviceCode: string; reason: { code: string; en: string; zh: string } }>;
}

/**
 * Copies a past order of the hospital's own (another organisation's is not found) into the cart:
 * each line in the unit and quantity it was ordered in, added to what the cart holds; prices are
 * today's, shown by the cart. Lines the hospital can no longer order are reported, not copied.
 */
export async function reorderIntoCart(w: Work, actor: Actor, orderId: string, today: string): Promise<ReorderResult> {
  const { organisationId, userId } = portalUser(actor);
  const order = await getOrder(w.tx, actor, orderId);
  const past = order.lines as unknown as PastLine[];
  const assessed = await assessDevices(w.tx, organisationId, past.map((l) => ({ deviceId: l.deviceId, quantity: 1 })), today);
  const skipped: ReorderResult['skipped'] = [];
  const merged = new Map<string, { deviceId: string; level: PackagingLevel; quantity: number }>();
  past.forEach((l, i) => {
    const a = assessed[i]!;
    const level = levelOfUnit(l.uom) ?? 'each';
    if (!a.orderable) return void skipped.push({ lineNo: l.lineNo, deviceCode: l.deviceCode, reason: a.reason });
    if (toBaseUnits(1, level, a.device.packaging) === null) {
      return void skipped.push({ lineNo: l.lineNo, deviceCode: l.deviceCode,
        reason: { code: 'PACKAGING_GONE', en: `the device is no longer sold by the ${level}`, zh: '该器械已无此包装单位' } });
    }
    const key = `${l.deviceId}|${level}`;
    merged.set(key, { deviceId: l.deviceId, level, quantity: (merged.get(key)?.quantity ?? 0) + l.uomQuantity });
  });
  const cart = await lockOpenCart(w.tx, userId, organisationId);
  if (merged.size) await addCartLines(w.tx, cart.id, [...merged.values()]);
  w.audit({ entityType: 'portal_cart', entityId: cart.id, action: 'reordered',
    changes: { fromOrderId: { new: orderId }, lines: { new: merged.size }, skipped: { new: skipped.length } } });
  return { cart: await cartView(w.tx, organisationId, cart, today), skipped };
}
