import type { Database } from '../../db/types.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadWarehouseDetail, type WarehouseDetail } from './warehouse-view.ts';

/** One warehouse with its zones and its bins in pick-path order. */
export const getWarehouse = (db: Database, id: string): Promise<WarehouseDetail> => readTx(db, (tx) => loadWarehouseDetail(tx, id));
