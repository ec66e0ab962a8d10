import type { Sql } from '../../db/types.ts';
import { requireCustomer } from './reference-lookups.ts';
import type { Channel, ContractFacts, ContractPriceFacts, ListPriceFacts, PriceBreak, PriceListFacts, PricingData } from './types.ts';

export interface PricingScope {
  customerId: string;
  deviceIds: readonly string[];
  /** 'YYYY-MM-DD' */
  date: string;
  channel: Channel | null;
}

type ListPriceRow = PriceListFacts & { deviceId: string; unitPriceMinor: number; floorMinor: number | null; breaks: PriceBreak[] };
type ContractRow = ContractFacts & { prices: Array<{ deviceId: string; unitPriceMinor: number }> };

/**
 * Loads what can price the given devices for one customer on one day: the customer's currency,
 * then two queries however many devices. Lists in other currencies are loaded too, so quoting can
 * say a price exists only in another currency. The filters here only narrow the load; quoteLine
 * applies every rule itself. An unknown customer is NOT_FOUND naming customerId.
 */
export async function loadPricingData(tx: Sql, scope: PricingScope): Promise<PricingData> {
  const customer = await requireCustomer(tx, scope.customerId);
  const deviceIds = [...new Set(scope.deviceIds)];
  const [lists, contracts] = await Promise.all([
    tx.query<ListPriceRow>(
      `SELECT pl.id, pl.code, pl.currency, pl.channel, pl.customer_id AS "customerId", pl.valid_from AS "validFrom",
              pl.valid_to AS "validTo", pl.active, l.device_id AS "deviceId", l.unit_price_minor AS "unitPriceMinor",
              l.floor_minor AS "floorMinor",
              coalesce((SELECT json_agg(json_build_object('minQuantity', b.min_quantity, 'unitPriceMinor', b.unit_price_minor))
                          FROM price_list_breaks b WHERE b.line_id = l.id), '[]'::json) AS breaks
         FROM price_list_lines l JOIN price_lists pl ON pl.id = l.price_list_id
        WHERE l.device_id = ANY($1::uuid[]) AND pl.active
          AND pl.valid_from <= $2::date AND (pl.valid_to IS NULL OR pl.valid_to >= $2::date)
          AND (pl.channel IS NULL OR pl.channel = $3) AND (pl.customer_id IS NULL OR pl.customer_id = $4)`,
      [deviceIds, scope.date, scope.channel, customer.id],
    ),
    tx.query<ContractRow>(
      `SELECT c.id, c.contract_no AS "contractNo", c.customer_id AS "customerId", c.channel, c.currency,
              c.valid_from AS "validFrom", c.valid_to AS "validTo", c.active, c.price_list_id AS "priceListId",
              c.discount_bp AS "discountBp",
              coalesce((SELECT json_agg(json_build_object('deviceId', cp.device_id, 'unitPriceMinor', cp.unit_price_minor))
                          FROM contract_prices cp WHERE cp.contract_id = c.id AND cp.device_id = ANY($1::uuid[])), '[]'::json) AS prices
         FROM contracts c
        WHERE c.customer_id = $4 AND c.active
          AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to >= $2::date)
          AND (c.channel IS NULL OR c.channel = $3)`,
      [deviceIds, scope.date, scope.channel, customer.id],
    ),
  ]);

  const priceLists = new Map<string, PriceListFacts>();
  const listPrices: ListPriceFacts[] = [];
  for (const { deviceId, unitPriceMinor, floorMinor, breaks, ...list } of lists.rows) {
    priceLists.set(list.id, list);
    listPrices.push({ priceListId: list.id, deviceId, unitPriceMinor, floorMinor, breaks });
  }
  const contractPrices: ContractPriceFacts[] = contracts.rows.flatMap((c) =>
    c.prices.map((p) => ({ contractId: c.id, deviceId: p.deviceId, unitPriceMinor: p.unitPriceMinor })),
  );
  return {
    customer,
    priceLists: [...priceLists.values()],
    listPrices,
    contracts: contracts.rows.map(({ prices: _prices, ...c }) => c),
    contractPrices,
  };
}
