import type { Sql } from '../../db/types.ts';

export type ExpiryWindow = 30 | 90 | 180;

export interface ExpiringRegistration {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: 'I' | 'II' | 'III';
  registrationNumber: string;
  registrationExpiresOn: string;
  registrant: string | null;
  /** Days from asOf to the expiry date (0 = expires on asOf). */
  daysLeft: number;
  /** The smallest warning window the expiry falls in. */
  bucket: ExpiryWindow;
}

export const expiryBucket = (daysLeft: number): ExpiryWindow => (daysLeft <= 30 ? 30 : daysLeft <= 90 ? 90 : 180);

/** The server's calendar day, as 'YYYY-MM-DD'. */
export const today = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * Active devices whose registration certificate expires on asOf or within `within` days after it,
 * soonest first: the renewal warning list (a certificate takes months to renew).
 */
export async function listExpiringRegistrations(
  tx: Sql,
  q: { within: ExpiryWindow; asOf: string; limit: number; offset: number },
): Promise<{ items: ExpiringRegistration[]; total: number }> {
  const where = `d.active AND d.registration_expires_on BETWEEN $1::date AND $1::date + $2::int`;
  const [items, total] = await Promise.all([
    tx.query<Omit<ExpiringRegistration, 'bucket'>>(
      `SELECT d.id, d.code, d.name_zh AS "nameZh", d.name_en AS "nameEn", d.device_class AS "deviceClass",
              d.registration_number AS "registrationNumber", d.registration_expires_on AS "registrationExpiresOn",
              d.registrant, d.registration_expires_on - $1::date AS "daysLeft"
         FROM devices d WHERE ${where}
        ORDER BY d.registration_expires_on, d.code LIMIT $3 OFFSET $4`,
      [q.asOf, q.within, q.limit, q.offset],
    ),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM devices d WHERE ${where}`, [q.asOf, q.within]),
  ]);
  return { items: items.rows.map((r) => ({ ...r, bucket: expiryBucket(r.daysLeft) })), total: total.rows[0]!.n };
}
