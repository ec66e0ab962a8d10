import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';

export interface NewSerial {
  deviceId: string;
  lotId: string;
  serial: string;
  /** The input that named it, for the error. */
  field: string;
}

/**
 * Registers serial units, set-based; a serial exists once per device, so one already known is a
 * DUPLICATE naming the input. Units start without a bin: their receipt move puts them in one.
 * Returns the new unit ids by `deviceId/serial`.
 */
export async function createSerialUnits(tx: Sql, serials: readonly NewSerial[]): Promise<Map<string, string>> {
  if (serials.length === 0) return new Map();
  const rows = serials.map((s) => ({ id: uuidv7(), ...s }));
  const { rows: created } = await tx.query<{ id: string }>(
    `INSERT INTO serial_units (id, device_id, lot_id, serial)
     SELECT id, "deviceId", "lotId", serial FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "deviceId" uuid, "lotId" uuid, serial text)
     ON CONFLICT (device_id, serial) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  if (created.length !== rows.length) {
    const made = new Set(created.map((c) => c.id));
    const taken = rows.find((r) => !made.has(r.id))!;
    throw new DomainError('DUPLICATE', `${taken.field}: serial ${taken.serial} of this device is already registered`, {
      field: taken.field, details: { serial: taken.serial },
    });
  }
  return new Map(rows.map((r) => [`${r.deviceId}/${r.serial}`, r.id]));
}
