import type { Sql } from '../../db/types.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { DEVICE_SELECT, type DeviceRecord } from './device-record.ts';
import type { Packaging } from './packaging-rules.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

/** A device as the API shows it. */
export interface DeviceView extends DeviceRecord, RecordStamp {
  id: string;
  coldChain: boolean;
}

export interface DeviceDetail extends DeviceView {
  /** Smallest level first. */
  packaging: Packaging[];
}

export const DEVICE_VIEW_COLUMNS = `d.id, ${DEVICE_SELECT}, d.cold_chain AS "coldChain", d.version, d.source,
  d.source_ref AS "sourceRef", d.created_by AS "createdBy", d.updated_by AS "updatedBy",
  d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

/** Orders packaging rows smallest level first in SQL. */
export const LEVEL_ORDER = `array_position(ARRAY['each', 'box', 'case', 'pallet'], p.level)`;

export async function loadPackaging(tx: Sql, deviceId: string): Promise<Packaging[]> {
  const { rows } = await tx.query<Packaging>(
    `SELECT p.level, p.gtin, p.quantity, p.hibcc FROM device_packaging p WHERE p.device_id = $1 ORDER BY ${LEVEL_ORDER}`,
    [deviceId],
  );
  return rows;
}

/** One device with its packaging; `forUpdate` locks the row for a read-modify-write. */
export async function loadDevice(tx: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<DeviceDetail> {
  const { rows } = await tx.query<DeviceView>(
    `SELECT ${DEVICE_VIEW_COLUMNS} FROM devices d WHERE d.id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const device = rows[0];
  if (!device) throw notFound('device', id);
  return { ...device, packaging: await loadPackaging(tx, id) };
}

/** The device's packaging level a GTIN-14 names; NOT_FOUND naming `gtin` when it names none of them. */
export function packagingLevelOf(device: DeviceDetail, gtin: string): DeviceDetail['packaging'][number] {
  const level = device.packaging.find((p) => p.gtin === gtin);
  if (!level) {
    throw new DomainError('NOT_FOUND', `GTIN ${gtin} is not a packaging level of device ${device.code}`, { field: 'gtin', details: { entity: 'packaging', id: gtin } });
  }
  return level;
}
