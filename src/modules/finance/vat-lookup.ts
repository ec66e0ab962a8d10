import type { Sql } from '../../db/types.ts';

export interface VatRate {
  code: string;
  rateBp: number;
}

/**
 * The VAT rate of each device sold to a customer: the customer's own rate (an exemption, exports
 * at 0%) wins, then the device's rate, then the default rate. Rates are data (vat_rates).
 * Unknown devices are absent from the map.
 */
export async function vatRatesFor(tx: Sql, customerId: string, deviceIds: readonly string[]): Promise<Map<string, VatRate>> {
  const { rows } = await tx.query<{ deviceId: string; code: string; rateBp: number }>(
    `SELECT d.id AS "deviceId", r.code, r.rate_bp AS "rateBp"
       FROM devices d
       LEFT JOIN customer_finance_settings s ON s.customer_id = $1
       LEFT JOIN device_vat_rates dv ON dv.device_id = d.id
       JOIN vat_rates r ON r.code = coalesce(s.vat_code, dv.vat_code, (SELECT code FROM vat_rates WHERE is_default))
      WHERE d.id = ANY($2::uuid[])`,
    [customerId, [...new Set(deviceIds)]],
  );
  return new Map(rows.map((r) => [r.deviceId, { code: r.code, rateBp: r.rateBp }]));
}
