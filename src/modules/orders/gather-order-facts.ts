import type { Sql } from '../../db/types.ts';
import type { Facts } from '../rules/rule-types.ts';
import { checkMayReceive } from '../parties/check-may-receive.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';

interface LineRow {
  lineNo: number;
  deviceId: string;
  quantity: number;
  unitPriceMinor: number;
  explanation: { source?: string; contractNo?: string; discountBp?: number; floorMinor?: number };
}

/**
 * The facts the rules decide on, read from a stored order (at intake, on amendment and for a
 * dry-run of a new rule set alike). Exposure = this customer's open orders at their prices;
 * receivables join it once invoicing exists (see the finance module).
 */
export async function gatherOrderFacts(tx: Sql, orderId: string, shipDate: string, today: string): Promise<Facts> {
  const head = (await tx.query<{ customerId: string; shipToId: string; channel: string; currency: string; requestedDate: string | null }>(
    `SELECT customer_id AS "customerId", ship_to_id AS "shipToId", channel, currency, requested_date AS "requestedDate"
       FROM orders WHERE id = $1`, [orderId])).rows[0]!;
  const [customer, shipTo, lines, alerts, exposure, contract] = await Promise.all([
    tx.query<Record<string, unknown>>(
      `SELECT code, customer_type AS "customerType", credit_limit_minor AS "creditLimitMinor", priority_tier AS "priorityTier",
              requires_serial_capture AS "requiresSerialCapture", payment_terms_days AS "paymentTermsDays"
         FROM parties WHERE id = $1`, [head.customerId]),
    tx.query<{ coldChainCapable: boolean; country: string }>(
      'SELECT cold_chain_capable AS "coldChainCapable", country FROM party_addresses WHERE id = $1', [head.shipToId]),
    tx.query<LineRow>(
      `SELECT line_no AS "lineNo", device_id AS "deviceId", qty_ordered - qty_cancelled AS quantity,
              unit_price_minor AS "unitPriceMinor", price_explanation AS explanation
         FROM order_lines WHERE order_id = $1 ORDER BY line_no`, [orderId]),
    tx.query<{ code: string; severity: string }>('SELECT code, severity FROM order_alerts WHERE order_id = $1', [orderId]),
    tx.query<{ exposure: number }>(
      `SELECT coalesce(sum((l.qty_ordered - l.qty_cancelled - l.qty_invoiced) * l.unit_price_minor), 0)::bigint AS exposure
         FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.customer_id = $1 AND o.lifecycle IN ('submitted', 'confirmed') AND o.id <> $2`, [head.customerId, orderId]),
    tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM contracts WHERE customer_id = $1 AND active
          AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`, [head.customerId, today]),
  ]);
  const deviceIds = lines.rows.map((l) => l.deviceId);
  const [devices, verdict] = await Promise.all([
    getDeviceFacts(tx, deviceIds),
    checkMayReceive(tx, head.customerId, deviceIds, shipDate, { shipToId: head.shipToId }),
  ]);
  const compliance = new Map(verdict.devices.map((d) => [d.deviceId, d.allowed ? null : d.code]));
  const orderTotal = lines.rows.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  return {
    today,
    shipDate,
    order: { channel: head.channel, currency: head.currency, requestedDate: head.requestedDate, totalMinor: orderTotal, lineCount: lines.rows.length },
    customer: {
      ...customer.rows[0],
      // Other open orders plus the one being decided.
      exposureMinor: exposure.rows[0]!.exposure + orderTotal,
      maxOverdueDays: 0,
      hasContract: contract.rows[0]!.n > 0,
    },
    shipTo: shipTo.rows[0] ?? { coldChainCapable: false, country: 'CN' },
    alerts: alerts.rows,
    lines: lines.rows.map((l) => {
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
