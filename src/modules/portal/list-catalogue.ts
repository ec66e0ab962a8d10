import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { listDevices } from '../catalog/list-devices.ts';
import type { DeviceFacts } from '../catalog/device-queries.ts';
import { assessDevices, type PortalPrice } from './assess-devices.ts';
import { portalOrganisation } from './portal-actor.ts';

export interface CatalogueItem {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: string;
  registrationNumber: string | null;
  registrationExpiresOn: string | null;
  storageCondition: string;
  coldChain: boolean;
  sterile: boolean;
  implantable: boolean;
  baseUnit: string;
  /** Smallest level first: the GTIN of each package and the base units inside. */
  packaging: DeviceFacts['packaging'];
  /** For one base unit; quantity breaks apply in the cart. */
  price: PortalPrice;
}

const PAGE = 1000;

/** Every active device the search matches, read page by page from the catalogue. */
async function activeDeviceIds(tx: Sql, q: string | undefined): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await listDevices(tx, { q, active: true, limit: PAGE, offset });
    ids.push(...items.map((d) => d.id));
    if (items.length < PAGE) return ids;
  }
}

export const catalogueItem = (d: DeviceFacts, price: PortalPrice): CatalogueItem => ({
  id: d.id, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, deviceClass: d.deviceClass, registrationNumber: d.registrationNumber,
  registrationExpiresOn: d.registrationExpiresOn, storageCondition: d.storageCondition, coldChain: d.coldChain, sterile: d.sterile,
  implantable: d.implantable, baseUnit: d.baseUnit, packaging: d.packaging, price,
});

/**
 * What the hospital may buy, by code: active devices priced for it and allowed by its licences.
 * Which devices pass depends on prices and licences, not on catalogue columns, so the matching
 * devices are assessed together and the page is cut afterwards. Stock availability is not shown:
 * it comes with the inventory module.
 */
export async function listCatalogue(tx: Sql, actor: Actor, q: { q?: string | undefined; limit: number; offset: number }, today: string) {
  const customerId = portalOrganisation(actor);
  const ids = await activeDeviceIds(tx, q.q);
  const assessed = ids.length ? await assessDevices(tx, customerId, ids.map((deviceId) => ({ deviceId, quantity: 1 })), today) : [];
  const items = assessed.flatMap((a) => (a.orderable ? [catalogueItem(a.device, a.price)] : []));
  return { items: items.slice(q.offset, q.offset + q.limit), total: items.length, limit: q.limit, offset: q.offset };
}
