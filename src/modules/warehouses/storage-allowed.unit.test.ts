import { describe, expect, it } from 'vitest';
import { STORAGE_CONDITIONS, type StorageCondition } from '../catalog/storage-conditions.ts';
import { storageAllowed, storageMismatch } from './storage-allowed.ts';

/** Zone conditions a device of each condition may go into, with no label limits of its own. */
const allowedZones = (device: Parameters<typeof storageAllowed>[1]): StorageCondition[] =>
  STORAGE_CONDITIONS.filter((zone) => storageAllowed(zone, device));

describe('storageAllowed', () => {
  it('puts a cold-chain (2–8 °C) device only in a 2-8C zone', () => {
    expect(allowedZones('2-8C')).toEqual(['2-8C']);
  });

  it('puts a frozen device only in a freezer', () => {
    expect(allowedZones('frozen')).toEqual(['frozen']);
  });

  it('puts an ambient device in ambient or cool rooms, never in the cold room or the freezer', () => {
    expect(allowedZones('ambient')).toEqual(['ambient', 'below_25C']);
  });

  it('keeps a below-25 °C device out of an ambient zone that may reach 30 °C', () => {
    expect(allowedZones('below_25C')).toEqual(['below_25C']);
  });

  it('lets the label limits widen or narrow what the device tolerates', () => {
    // "Store at 2–25 °C": a cool room or the cold room.
    expect(allowedZones({ storageCondition: 'below_25C', minTempC: 2, maxTempC: 25 })).toEqual(['below_25C', '2-8C']);
    // "Store at 15–25 °C": not even a cool room kept from 10 °C.
    expect(allowedZones({ storageCondition: 'below_25C', minTempC: 15 })).toEqual([]);
    // "Store at or below −20 °C": colder than a −15 °C freezer guarantees.
    expect(allowedZones({ storageCondition: 'frozen', maxTempC: -20 })).toEqual([]);
    expect(allowedZones({ storageCondition: 'frozen', minTempC: -40, maxTempC: -10 })).toEqual(['frozen']);
    expect(allowedZones({ storageCondition: 'ambient', minTempC: 2, maxTempC: 30 })).toEqual(['ambient', 'below_25C', '2-8C']);
  });

  it('says why a device does not fit', () => {
    expect(storageMismatch('ambient', '2-8C')).toBe('a 2-8C (cold-chain) device (2…8 °C) cannot be stored in a ambient zone (10…30 °C)');
    expect(storageMismatch('2-8C', '2-8C')).toBeNull();
  });
});
