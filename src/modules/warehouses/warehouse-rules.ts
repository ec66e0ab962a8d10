import { invalid } from '../../platform/errors.ts';
import { hasValidGs1CheckDigit } from '../udi/check-digit.ts';
import type { WarehouseInput } from './warehouse-schemas.ts';
import type { WarehouseRecord, ZoneRecord } from './warehouse-tables.ts';

/** A GLN is 13 digits ending in its GS1 check digit. */
export function checkWarehouse(w: WarehouseRecord, prefix = ''): void {
  if (w.gln !== null && !hasValidGs1CheckDigit(w.gln)) throw invalid(`${prefix}gln`, `${w.gln} is not a GLN: the check digit is wrong`);
}

/** Saleable stock sits in zones of the right kind: cold-chain zones are cold, normal zones are not. */
export function checkZone(z: Pick<ZoneRecord, 'zoneType' | 'storageCondition'>, prefix = ''): void {
  const cold = z.storageCondition === '2-8C' || z.storageCondition === 'frozen';
  if (z.zoneType === 'cold_chain' && !cold) {
    throw invalid(`${prefix}storageCondition`, `a cold_chain zone is 2-8C or frozen, not ${z.storageCondition}`);
  }
  if (z.zoneType === 'normal' && cold) {
    throw invalid(`${prefix}storageCondition`, `a ${z.storageCondition} zone for saleable stock is a cold_chain zone, not normal`);
  }
}

/** Zone and bin codes appear once in a warehouse's input. */
export function checkNestedCodes(input: Pick<WarehouseInput, 'zones' | 'bins'>): void {
  for (const [list, name] of [[input.zones, 'zones'], [input.bins, 'bins']] as const) {
    const seen = new Set<string>();
    for (const [i, item] of (list ?? []).entries()) {
      if (seen.has(item.code)) throw invalid(`${name}.${i}.code`, `${item.code} appears twice`);
      seen.add(item.code);
    }
  }
}
