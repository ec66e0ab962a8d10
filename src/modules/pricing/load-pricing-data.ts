import type { Sql } from '../../db/types.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
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
 * its lists and its contracts in one query however many devices (the checks of requireCustomer). Lists in other currencies are loaded too, so quoting can
 * say a price exists only in another currency. The filters here only narrow the load; quoteLine
 * applies every rule itself. An unknown customer is NOT_FOUND naming customerId.
 */
export async function loadPricingData(tx: Sql, scope: PricingScope): Promise<PricingData> {
  const deviceIds = [...new Set(scope.deviceIds)];
  // One round trip: the customer row with its lists and contracts (both empty when it is none).
  const { rows } = await tx.query<{ kind: string; currency: string; lists: ListPriceRow[]; contracts: ContractRow[] }>(
    `SELECT p.kind, p.currency,
            coalesce((SELECT json_agg(json_build_object(
                        'id', pl.id, 'code', pl.code, 'currency', pl.currency, 'channel', pl.channel, 'customerId', pl.customer_id,
                        'validFrom', pl.valid_from, 'validTo', pl.valid_to, 'active', pl.active, 'deviceId', l.device_id,
                        'unitPriceMinor', l.unit_price_minor, 'floorMinor', l.floor_minor,
                        'breaks', coalesce((SELECT json_agg(json_build_object('minQuantity', b.min_quantity, 'unitPriceMinor', b.unit_price_minor))
                                              FROM price_list_breaks b WHERE b.line_id = l.id), '[]'::json)))
                        FROM price_list_lines l JOIN price_lists pl ON pl.id = l.price_list_id
                       WHERE l.device_id = ANY($1::uuid[]) AND pl.active
                         AND pl.valid_from <= $2::date AND (pl.valid_to IS NULL OR pl.valid_to >= $2::date)
                         AND (pl.channel IS NULL OR pl.channel = $3) AND (pl.customer_id IS NULL OR pl.customer_id = p.id)), '[]'::json) AS lists,
            coalesce((SELECT json_agg(json_build_object(
                        'id', c.id, 'contractNo', c.contract_no, 'customerId', c.customer_id, 'channel', c.channel, 'currency', c.currency,
                        'validFrom', c.valid_from, 'validTo', c.valid_to, 'active', c.active, 'priceListId', c.price_list_id,
                        'discountBp', c.discount_bp,
                        'prices', coalesce((SELECT json_agg(json_build_object('deviceId', cp.device_id, 'unitPriceMinor', cp.unit_price_minor))
                                              FROM contract_prices cp WHERE cp.contract_id = c.id AND cp.device_id = ANY($1::uuid[])), '[]'::json)))
                        FROM contracts c
                       WHERE c.customer_id = p.id AND c.active
                         AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to >= $2::date)
                         AND (c.channel IS NULL OR c.channel = $3)), '[]'::json) AS contracts
       FROM parties p WHERE p.id = $4`,
    [deviceIds, scope.date, scope.channel, scope.customerId],
  );
  const party = rows[0];
  if (!party) throw new DomainError('NOT_FOUND', `customer ${scope.customerId} not found`, { field: 'customerId', details: { entity: 'customer', id: scope.customerId } });
  if (party.kind !== 'customer') throw invalid('customerId', `party ${scope.customerId} is a ${party.kind}, not a customer`);
  const customer = { id: scope.customerId, currency: party.currency };
  const lists = { rows: party.lists };
  const contracts = { rows: party.contracts };

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
