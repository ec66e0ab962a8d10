import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, type ErrorCode } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { levelOfUnit, toBaseUnits } from '../orders/unit-of-measure.ts';
import { assessDevices, type Assessment } from './assess-devices.ts';
import { loadCartLines, lockOpenCart, setCartLine } from './cart-store.ts';
import { cartView, UNIT_OF_LEVEL, type CartView } from './cart-view.ts';
import type { CartLineInput } from './cart-schemas.ts';
import { portalUser } from './portal-actor.ts';

const LICENCE_CODES: ReadonlySet<string> = new Set(['LICENCE_MISSING', 'LICENCE_EXPIRED', 'LICENCE_SCOPE', 'REGISTRATION_EXPIRED']);

/**
 * Why a device cannot go into the cart: a licence refusal says so (the hospital can fix it);
 * anything else — unknown, inactive, not priced for it — is simply not in its catalogue.
 */
function refusal(a: Extract<Assessment, { orderable: false }>): DomainError {
  if (LICENCE_CODES.has(a.reason.code)) {
    return new DomainError(a.reason.code as ErrorCode, `deviceId: ${a.reason.en}`, { field: 'deviceId', details: { zh: a.reason.zh } });
  }
  return new DomainError('NOT_FOUND', `deviceId: device ${a.deviceId} is not in your catalogue`, { field: 'deviceId', details: { entity: 'device', id: a.deviceId } });
}

/** Sets how many of a device (in a unit) the cart holds; 0 takes the line out. */
export const setCartLineQuantity = (db: Database, actor: Actor, input: CartLineInput, requestId: string): Promise<CartView> =>
  writeTx(db, { actor, requestId }, async (w) => {
    const { organisationId, userId } = portalUser(actor);
    const today = localToday();
    const level = input.uom === undefined ? 'each' : levelOfUnit(input.uom);
    if (!level) throw invalid('uom', `unknown unit ${input.uom}; use EA, BX, CA or PL`);
    if (input.quantity > 0) {
      const [a] = await assessDevices(w.tx, organisationId, [{ deviceId: input.deviceId, quantity: 1 }], today);
      if (!a!.orderable) throw refusal(a!);
      if (toBaseUnits(input.quantity, level, a!.device.packaging) === null) throw invalid('uom', `device ${a!.device.code} is not sold by the ${level}`);
    }
    const cart = await lockOpenCart(w.tx, userId, organisationId);
    const old = (await loadCartLines(w.tx, cart.id)).find((l) => l.deviceId === input.deviceId && l.level === level)?.quantity ?? 0;
    await setCartLine(w.tx, cart.id, { deviceId: input.deviceId, level, quantity: input.quantity });
    w.audit({ entityType: 'portal_cart', entityId: cart.id, action: 'line_set',
      changes: { deviceId: { new: input.deviceId }, uom: { new: UNIT_OF_LEVEL[level] }, quantity: { old, new: input.quantity } } });
    return cartView(w.tx, organisationId, await lockOpenCart(w.tx, userId, organisationId), today);
  });
