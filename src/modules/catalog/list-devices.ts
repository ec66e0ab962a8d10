import type { Sql } from '../../db/types.ts';
import { DEVICE_VIEW_COLUMNS, type DeviceView } from './device-view.ts';

export interface DeviceQuery {
  q?: string | undefined;
  deviceClass?: 'I' | 'II' | 'III' | undefined;
  coldChain?: boolean | undefined;
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

/** `q` is matched literally: LIKE's own wildcards in it are escaped. */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/**
 * Devices by class, cold chain and active flag, searched by `q` in code and names (anywhere),
 * GTIN (any part, so a GTIN-13 finds its GTIN-14) and category code (from the start).
 */
export async function listDevices(tx: Sql, q: DeviceQuery): Promise<{ items: DeviceView[]; total: number }> {
  const text = q.q ? likeEscape(q.q.trim().toLowerCase()) : null;
  const params = [q.deviceClass ?? null, q.coldChain ?? null, q.active ?? null, text && `%${text}%`, text && `${text}%`, q.limit, q.offset];
  const where = `($1::text IS NULL OR d.device_class = $1)
    AND ($2::boolean IS NULL OR d.cold_chain = $2)
    AND ($3::boolean IS NULL OR d.active = $3)
    AND ($4::text IS NULL OR lower(d.code) LIKE $4 OR lower(d.name_zh) LIKE $4 OR lower(coalesce(d.name_en, '')) LIKE $4
         OR d.category_code LIKE $5::text
         OR EXISTS (SELECT 1 FROM device_packaging p WHERE p.device_id = d.id AND p.gtin LIKE $4))`;
  const [items, total] = await Promise.all([
    tx.query<DeviceView>(`SELECT ${DEVICE_VIEW_COLUMNS} FROM devices d WHERE ${where} ORDER BY d.code LIMIT $6 OFFSET $7`, params),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM devices d WHERE ${where}`, params.slice(0, 5)),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
