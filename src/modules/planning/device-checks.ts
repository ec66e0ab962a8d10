import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';

export interface DeviceBasics {
  id: string;
  code: string;
  makeOrBuy: 'make' | 'buy';
  active: boolean;
}

/** The devices named by ids (unknown ones absent). */
export async function loadDeviceBasics(tx: Sql, ids: readonly string[]): Promise<Map<string, DeviceBasics>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<DeviceBasics>(
    'SELECT id, code, make_or_buy AS "makeOrBuy", active FROM devices WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** What is made here must be a known, active device marked make_or_buy = 'make'. */
export function assertMadeDevice(devices: ReadonlyMap<string, DeviceBasics>, id: string, field: string): DeviceBasics {
  const d = devices.get(id);
  if (!d) throw invalid(field, `no device ${id}`);
  if (!d.active) throw invalid(field, `device ${d.code} is inactive`);
  if (d.makeOrBuy !== 'make') throw invalid(field, `device ${d.code} is bought, not made (make_or_buy = buy)`);
  return d;
}
