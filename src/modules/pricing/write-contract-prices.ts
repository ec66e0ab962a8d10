import type { Work } from '../../platform/unit-of-work.ts';
import type { ContractDevicePrice } from './contract-schemas.ts';
import type { Provenance } from './write-price-list-lines.ts';

/**
 * Makes the contract's device prices exactly `prices` with two statements: devices no longer
 * listed go, the rest are upserted (an unchanged price keeps its provenance).
 */
export async function replaceContractPrices(w: Work, contractId: string, prices: readonly ContractDevicePrice[], provenance: Provenance): Promise<void> {
  await w.tx.query('DELETE FROM contract_prices WHERE contract_id = $1 AND NOT (device_id = ANY($2::uuid[]))', [
    contractId,
    prices.map((p) => p.deviceId),
  ]);
  if (prices.length === 0) return;
  await w.tx.query(
    `INSERT INTO contract_prices (contract_id, device_id, unit_price_minor, source, source_ref, created_by, updated_by)
     SELECT $2, p."deviceId", p."unitPriceMinor", $3, $4, $5, $5
       FROM jsonb_to_recordset($1::jsonb) AS p("deviceId" uuid, "unitPriceMinor" bigint)
     ON CONFLICT (contract_id, device_id) DO UPDATE
        SET unit_price_minor = EXCLUDED.unit_price_minor, source = EXCLUDED.source, source_ref = EXCLUDED.source_ref,
            updated_by = EXCLUDED.updated_by
      WHERE contract_prices.unit_price_minor <> EXCLUDED.unit_price_minor`,
    [JSON.stringify(prices), contractId, provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
}

/** Prices in a canonical order, so two sets compare equal whatever order they were given in. */
export const sortedPrices = (prices: readonly ContractDevicePrice[]): ContractDevicePrice[] =>
  prices.map((p) => ({ deviceId: p.deviceId, unitPriceMinor: p.unitPriceMinor })).sort((a, b) => a.deviceId.localeCompare(b.deviceId));
