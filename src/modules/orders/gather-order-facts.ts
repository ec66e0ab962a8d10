import type { Sql } from '../../db/types.ts';
import type { Facts } from '../rules/rule-types.ts';
import { checkMayReceive } from '../parties/check-may-receive.ts';
import type { ReceivingCustomer } from '../parties/may-receive.ts';
import { getDeviceFacts, type DeviceFacts } from '../catalog/device-queries.ts';
import { customerReceivables } from '../finance/customer-exposure.ts';
import { customerOpenOrdersMinor } from './open-order-value.ts';

interface LineRow {
  lineNo: number;
  deviceId: string;
  quantity: number;
  unitPriceMinor: number;
  explanation: { source?: string; contractNo?: string; discountBp?: number; floorMinor?: number };
}

/** What the rules read of an order itself, whether stored or being placed. */
export interface OrderOwnFacts {
  customerId: string;
  shipToId: string;
  channel: string;
  currency: string;
  requestedDate: string | null;
  customer: {
    code: string; customerType: ReceivingCustomer['customerType']; creditLimitMinor: number | null; priorityTier: number;
    requiresSerialCapture: boolean; paymentTermsDays: number;
  };
  shipTo: { coldChainCapable: boolean; country: string };
  lines: LineRow[];
  alerts: Array<{ code: string; severity: string }>;
}

/** Whether a contract of the customer is in force on the day. */
export const contractsInForce = (customer: string, today: string): string => `
  (SELECT count(*)::int FROM contracts c WHERE c.customer_id = ${customer} AND c.active
      AND c.valid_from <= ${today} AND (c.valid_to IS NULL OR c.valid_to >= ${today})) AS contracts`;

/**
 * The facts the rules decide on, read from a stored order (on amendment and for a dry-run of a
 * new rule set). Exposure = this customer's open receivables (finance module) plus its open
 * orders at their prices; maxOverdueDays comes from the receivables' aging.
 */
export async function gatherOrderFacts(tx: Sql, orderId: string, shipDate: string, today: string): Promise<Facts> {
  // One statement for the order's own facts: header, customer, ship-to, lines, alerts, exposure, contracts.
  const { rows: [row] } = await tx.query<OrderOwnFacts & { exposure: number; contracts: number }>(
    `SELECT o.customer_id AS "customerId", o.ship_to_id AS "shipToId", o.channel, o.currency, o.requested_date AS "requestedDate",
            (SELECT json_build_object('code', p.code, 'customerType', p.customer_type, 'creditLimitMinor', p.credit_limit_minor,
                      'priorityTier', p.priority_tier, 'requiresSerialCapture', p.requires_serial_capture, 'paymentTermsDays', p.payment_terms_days)
               FROM parties p WHERE p.id = o.customer_id) AS customer,
            (SELECT json_build_object('coldChainCapable', a.cold_chain_capable, 'country', a.country)
               FROM party_addresses a WHERE a.id = o.ship_to_id) AS "shipTo",
            coalesce((SELECT json_agg(json_build_object('lineNo', l.line_no, 'deviceId', l.device_id, 'quantity', l.qty_ordered - l.qty_cancelled,
                        'unitPriceMinor', l.unit_price_minor, 'explanation', l.price_explanation) ORDER BY l.line_no)
                        FROM order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines,
            coalesce((SELECT json_agg(json_build_object('code', al.code, 'severity', al.severity))
                        FROM order_alerts al WHERE al.order_id = o.id), '[]'::json) AS alerts,
            ${customerOpenOrdersMinor('o.customer_id', 'o.id')} AS exposure, ${contractsInForce('o.customer_id', '$2::date')}
       FROM orders o WHERE o.id = $1`, [orderId, today]);
  const { exposure, contracts, ...own } = row!;
  const devices = await getDeviceFacts(tx, own.lines.map((l) => l.deviceId));
  return completeFacts(tx, own, { exposure, contracts, devices }, shipDate, today);
}

/**
 * The same facts for an order being placed, from what intake has just checked, priced and read
 * of the customer's history (its other open orders, its contracts): nothing of the order is read back.
 */
export function gatherNewOrderFacts(
  tx: Sql,
  own: OrderOwnFacts,
  known: { exposure: number; contracts: number; devices: ReadonlyMap<string, DeviceFacts> },
  shipDate: string,
  today: string,
): Promise<Facts> {
  return completeFacts(tx, own, known, shipDate, today, { customerType: own.customer.customerType, country: own.shipTo.country });
}

async function completeFacts(
  tx: Sql,
  own: OrderOwnFacts,
  known: { exposure: number; contracts: number; devices: ReadonlyMap<string, DeviceFacts> },
  shipDate: string,
  today: string,
  destination?: ReceivingCustomer,
): Promise<Facts> {
  const { lines } = own;
  const { devices } = known;
  const [verdict, receivables] = await Promise.all([
    checkMayReceive(tx, own.customerId, lines.map((l) => l.deviceId), shipDate, { shipToId: own.shipToId, deviceFacts: devices, ...(destination ? { destination } : {}) }),
    customerReceivables(tx, own.customerId, today),
  ]);
  const compliance = new Map(verdict.devices.map((d) => [d.deviceId, d.allowed ? null : d.code]));
  const orderTotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  return {
    today,
    shipDate,
    order: { channel: own.channel, currency: own.currency, requestedDate: own.requestedDate, totalMinor: orderTotal, lineCount: lines.length },
    customer: {
      ...own.customer,
      // Open receivables (finance), other open orders, and the one being decided.
      exposureMinor: receivables.openReceivablesMinor + known.exposure + orderTotal,
      maxOverdueDays: receivables.maxOverdueDays,
      hasContract: known.contracts > 0,
    },
    shipTo: own.shipTo ?? { coldChainCapable: false, country: 'CN' },
    alerts: own.alerts,
    lines: lines.map((l) => {
      const d = devices.get(l.deviceId);
      return {
        lineNo: l.lineNo,
        deviceCode: d?.code ?? null,
        deviceClass: d?.deviceClass ?? null,
        categoryCode: d?.categoryCode ?? null,
        coldChain: d?.coldChain ?? false,
        trackingMode: d?.trackingMode ?? null,
        implantable: d?.implantable ?? false,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        amountMinor: l.quantity * l.unitPriceMinor,
        floorMinor: l.explanation.floorMinor ?? null,
        discountBp: l.explanation.discountBp ?? 0,
        priceSource: l.explanation.source ?? null,
        onContract: Boolean(l.explanation.contractNo),
        compliance: compliance.get(l.deviceId) ?? null,
      };
    }),
  };
}
