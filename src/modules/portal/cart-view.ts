import type { Sql } from '../../db/types.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import { toBaseUnits, type PackagingLevel } from '../orders/unit-of-measure.ts';
import { assessDevices, type PortalPrice } from './assess-devices.ts';
import { loadCartLines, type CartHead } from './cart-store.ts';

/** The order unit code of each packaging level (what the order line is placed in). */
export const UNIT_OF_LEVEL: Record<PackagingLevel, string> = { each: 'EA', box: 'BX', case: 'CA', pallet: 'PL' };

export interface CartLineView {
  lineNo: number;
  deviceId: string;
  deviceCode: string | null;
  nameZh: string | null;
  nameEn: string | null;
  uom: string;
  quantity: number;
  /** Base units the line comes to (null when the device no longer has this packaging level). */
  baseQuantity: number | null;
  price: PortalPrice | null;
  lineTotalMinor: number | null;
  /** Why the line cannot be ordered as it stands (price gone, licence expired …). */
  problem: { code: string; en: string; zh: string } | null;
}

export interface CartView {
  id: string | null;
  status: 'open' | 'submitted';
  lines: CartLineView[];
  currency: string | null;
  totalMinor: number;
  updatedAt: Date | null;
}

/**
 * The cart as the hospital sees it: each line at today's price for its quantity (breaks apply to
 * base units), with the line's problem when it could not be ordered as it stands.
 */
export async function cartView(tx: Sql, customerId: string, cart: CartHead | null, today: string): Promise<CartView> {
  if (!cart) return { id: null, status: 'open', lines: [], currency: null, totalMinor: 0, updatedAt: null };
  const lines = await loadCartLines(tx, cart.id);
  const facts = await getDeviceFacts(tx, lines.map((l) => l.deviceId));
  const bases = lines.map((l) => {
    const device = facts.get(l.deviceId);
    return device ? toBaseUnits(l.quantity, l.level, device.packaging) : null;
  });
  const assessed = lines.length
    ? await assessDevices(tx, customerId, lines.map((l, i) => ({ deviceId: l.deviceId, quantity: bases[i] ?? 1 })), today)
    : [];
  const views = lines.map((line, i): CartLineView => {
    const a = assessed[i]!;
    const base = bases[i] ?? null;
    const device = facts.get(line.deviceId);
    const price = a.orderable && base !== null ? a.price : null;
    const problem = !a.orderable ? a.reason
      : base === null ? { code: 'PACKAGING_GONE', en: `the device is no longer sold by the ${line.level}`, zh: '该器械已无此包装单位' } : null;
    return {
      lineNo: line.lineNo, deviceId: line.deviceId, deviceCode: device?.code ?? null, nameZh: device?.nameZh ?? null,
      nameEn: device?.nameEn ?? null, uom: UNIT_OF_LEVEL[line.level], quantity: line.quantity, baseQuantity: base, price,
      lineTotalMinor: price && base !== null ? price.unitPriceMinor * base : null, problem,
    };
  });
  return {
    id: cart.id, status: cart.status, lines: views,
    currency: views.find((v) => v.price)?.price?.currency ?? null,
    totalMinor: views.reduce((sum, v) => sum + (v.lineTotalMinor ?? 0), 0),
    updatedAt: cart.updatedAt,
  };
}
