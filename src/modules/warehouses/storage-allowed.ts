import { deviceBand, isColdChain, STORAGE_BANDS, type StorageCondition } from '../catalog/storage-conditions.ts';

/** What a device's label asks for: a condition, narrowed or widened by its own limits in °C. */
export interface DeviceStorage {
  storageCondition: StorageCondition;
  minTempC?: number | null;
  maxTempC?: number | null;
}

/**
 * Why a device may not be stored in a zone of the given condition, or null when it may: the
 * zone's whole temperature band must lie within what the device tolerates. So a 2–8 °C device
 * goes only into a 2-8C zone, a frozen one only into a freezer, an ambient device (10–30 °C) into
 * an ambient or cool room but never the cold room or the freezer, and a "below 25 °C, not below
 * 2 °C" device into a cool room or the cold room.
 */
export function storageMismatch(zoneCondition: StorageCondition, device: StorageCondition | DeviceStorage): string | null {
  const d = typeof device === 'string' ? { storageCondition: device } : device;
  const zone = STORAGE_BANDS[zoneCondition];
  const tolerated = deviceBand(d.storageCondition, d.minTempC, d.maxTempC);
  if (zone.minC >= tolerated.minC && zone.maxC <= tolerated.maxC) return null;
  const what = `a ${d.storageCondition}${isColdChain(d.storageCondition) ? ' (cold-chain)' : ''} device (${tolerated.minC}…${tolerated.maxC} °C)`;
  return `${what} cannot be stored in a ${zoneCondition} zone (${zone.minC}…${zone.maxC} °C)`;
}

/** True when a device may be stored in a zone of the given condition (see storageMismatch). */
export const storageAllowed = (zoneCondition: StorageCondition, device: StorageCondition | DeviceStorage): boolean =>
  storageMismatch(zoneCondition, device) === null;
