import type { Database } from '../../db/types.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadDevice, type DeviceDetail } from './device-view.ts';

/** One device with its packaging levels. */
export const getDevice = (db: Database, id: string): Promise<DeviceDetail> => readTx(db, (tx) => loadDevice(tx, id));
