import { DomainError, invalid } from '../../platform/errors.ts';
import { lotIneligibility, type LotFacts } from '../inventory/lot-eligibility.ts';
import type { Condition, Disposition } from './return-schemas.ts';

export interface DispositionFacts {
  as: Disposition;
  condition: Condition;
  lot: LotFacts & { lotNumber: string };
  today: string;
  /** Zone type of the destination bin, when one was given. */
  toZoneType: string | null;
  serialId: string | null;
  supplierId: string | null;
}

export interface DispositionPlan {
  /** The ledger move that carries the decision out; null when the units stay where they are (repair). */
  moveType: 'transfer' | 'scrap' | 'ship' | null;
  toBin: boolean;
}

const SALEABLE = ['normal', 'cold_chain'];

/**
 * What a disposition of returned units does, or why it is refused. Restock puts units back into
 * saleable stock, so it takes a sound unit of a lot that may still be sold: released, not
 * expired today, not recalled. Quarantine holds them in a quarantine zone for a later decision;
 * scrap and return to the supplier take them out of stock; repair (serial units) opens a repair
 * order and leaves the unit in the returns bin. Pure.
 */
export function decideDisposition(f: DispositionFacts): DispositionPlan {
  const needBin = (zones: readonly string[], what: string): void => {
    if (f.toZoneType === null) throw invalid('toBinId', `${f.as} needs the bin the units go to`);
    if (!zones.includes(f.toZoneType)) throw invalid('toBinId', `${what}; this bin is in a ${f.toZoneType} zone`);
  };
  const noBin = (): void => {
    if (f.toZoneType !== null) throw invalid('toBinId', `${f.as} takes the units out of stock: give no bin`);
  };
  switch (f.as) {
    case 'restock': {
      if (f.condition !== 'sound') throw invalid('condition', `only a unit inspected as sound is restocked (found ${f.condition})`);
      const why = lotIneligibility(f.lot, f.today, { minDays: null, minPct: null });
      if (why !== null) {
        const message = { LOT_RECALLED: 'is recalled', LOT_EXPIRED: `expires ${f.lot.expiresOn}`, LOT_NOT_RELEASED: `is ${f.lot.status}`, SHELF_LIFE_TOO_SHORT: 'is too short-dated' }[why];
        throw new DomainError(why, `lot ${f.lot.lotNumber} ${message}: returned units of it cannot be restocked`, { field: 'as' });
      }
      needBin(SALEABLE, 'restocked units go to a saleable (normal or cold-chain) zone');
      return { moveType: 'transfer', toBin: true };
    }
    case 'quarantine':
      needBin(['quarantine'], 'quarantined units go to a quarantine zone');
      return { moveType: 'transfer', toBin: true };
    case 'scrap':
      noBin();
      return { moveType: 'scrap', toBin: false };
    case 'return_to_supplier':
      noBin();
      if (f.supplierId === null) throw invalid('supplierId', `lot ${f.lot.lotNumber} names no supplier: say which supplier the units go back to`);
      return { moveType: 'ship', toBin: false };
    case 'repair':
      noBin();
      if (f.serialId === null) throw invalid('as', 'repairs are for serial units; this line has no serial');
      if (f.lot.status === 'recalled') throw new DomainError('LOT_RECALLED', `lot ${f.lot.lotNumber} is recalled: its units are not repaired and sent back`, { field: 'as' });
      return { moveType: null, toBin: false };
    default: {
      const never: never = f.as;
      throw invalid('as', `unknown disposition ${String(never)}`);
    }
  }
}
