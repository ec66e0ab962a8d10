import type { Sql } from '../../db/types.ts';
import { DomainError, invalid } from '../../platform/errors.ts';

/** What an order needs to know of its customer, ship-to, bill-to and shipping method. */
export interface CustomerOrderFacts {
  customer: {
    id: string;
    code: string;
    nameZh: string;
    customerType: 'hospital' | 'distributor' | 'dealer';
    currency: string;
    priorityTier: number;
    minShelfLifeDays: number | null;
    minShelfLifePct: number | null;
    requiresSerialCapture: boolean;
    creditLimitMinor: number | null;
    paymentTermsDays: number;
  };
  shipTo: { id: string; code: string; country: string; coldChainCapable: boolean };
  billToId: string | null;
  carrierService: { id: string; transitDays: number; coldChainCapable: boolean } | null;
}

/**
 * Checks the references of an order against the customer (ship-to and bill-to must be its own,
 * of the right kind) and returns the facts; each failure names the field. Without a ship-to the
 * customer's default one is used.
 */
export async function getCustomerOrderFacts(
  tx: Sql,
  ref: { customerId: string; shipToId?: string | undefined; billToId?: string | undefined; carrierServiceId?: string | undefined },
): Promise<CustomerOrderFacts> {
  type Address = { id: string; code: string; kind: string; country: string; cold: boolean; is_default: boolean };
  // The customer and its addresses in one statement: every order and every allocation asks.
  const { rows } = await tx.query<CustomerOrderFacts['customer'] & { kind: string; active: boolean; addresses: Address[] }>(
    `SELECT id, code, name_zh AS "nameZh", kind, active, customer_type AS "customerType", currency,
            priority_tier AS "priorityTier", min_shelf_life_days AS "minShelfLifeDays",
            min_shelf_life_pct AS "minShelfLifePct", requires_serial_capture AS "requiresSerialCapture",
            credit_limit_minor AS "creditLimitMinor", payment_terms_days AS "paymentTermsDays",
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'kind', a.kind, 'country', a.country,
                                                        'cold', a.cold_chain_capable, 'is_default', a.is_default))
                        FROM party_addresses a WHERE a.party_id = p.id), '[]'::json) AS addresses
       FROM parties p WHERE id = $1`,
    [ref.customerId],
  );
  const c = rows[0];
  if (!c) throw invalid('customerId', `no customer ${ref.customerId}`);
  if (c.kind !== 'customer') throw invalid('customerId', `${c.code} is a ${c.kind}, not a customer`);
  if (!c.active) throw invalid('customerId', `customer ${c.code} is inactive`);
  const { kind: _k, active: _a, addresses: addressRows, ...customer } = c;
  const addresses = { rows: addressRows };
  const shipTo = ref.shipToId
    ? addresses.rows.find((a) => a.id === ref.shipToId)
    : (addresses.rows.find((a) => a.kind === 'ship_to' && a.is_default) ?? addresses.rows.find((a) => a.kind === 'ship_to'));
  if (!shipTo) {
    throw invalid('shipToId', ref.shipToId ? `address ${ref.shipToId} is not one of ${c.code}'s addresses` : `customer ${c.code} has no ship-to address`);
  }
  if (shipTo.kind !== 'ship_to') throw invalid('shipToId', `address ${shipTo.code} is a ${shipTo.kind} address`);
  let billToId: string | null = null;
  if (ref.billToId) {
    const billTo = addresses.rows.find((a) => a.id === ref.billToId);
    if (!billTo) throw invalid('billToId', `address ${ref.billToId} is not one of ${c.code}'s addresses`);
    if (billTo.kind !== 'bill_to') throw invalid('billToId', `address ${billTo.code} is a ${billTo.kind} address`);
    billToId = billTo.id;
  } else {
    billToId = addresses.rows.find((a) => a.kind === 'bill_to' && a.is_default)?.id ?? addresses.rows.find((a) => a.kind === 'bill_to')?.id ?? null;
  }

  let carrierService: CustomerOrderFacts['carrierService'] = null;
  if (ref.carrierServiceId) {
    const s = await tx.query<{ id: string; transit_days: number; cold: boolean; active: boolean }>(
      `SELECT s.id, s.transit_days, s.cold_chain_capable AS cold, s.active AND p.active AS active
         FROM carrier_services s JOIN parties p ON p.id = s.party_id WHERE s.id = $1`,
      [ref.carrierServiceId],
    );
    const svc = s.rows[0];
    if (!svc) throw invalid('carrierServiceId', `no carrier service ${ref.carrierServiceId}`);
    if (!svc.active) throw new DomainError('VALIDATION_FAILED', 'carrierServiceId: the carrier service is inactive', { field: 'carrierServiceId' });
    carrierService = { id: svc.id, transitDays: svc.transit_days, coldChainCapable: svc.cold };
  }
  return {
    customer,
    shipTo: { id: shipTo.id, code: shipTo.code, country: shipTo.country, coldChainCapable: shipTo.cold },
    billToId,
    carrierService,
  };
}
