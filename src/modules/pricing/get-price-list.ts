import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadPriceList, type PriceListView } from './price-list-view.ts';

/** One price list header with its line count; its lines are paged by listPriceListLines. */
export const getPriceList = (db: Database, actor: Actor, id: string): Promise<PriceListView> =>
  readTx(db, (tx) => loadPriceList(tx, actor, id));
