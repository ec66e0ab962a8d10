import type { Sql } from '../../db/types.ts';
import { getDeviceFacts, type DeviceFacts } from '../catalog/device-queries.ts';
import { checkMayReceive } from '../parties/check-may-receive.ts';
import { loadPricingData } from '../pricing/load-pricing-data.ts';
import { quoteLines } from '../pricing/quote-line.ts';
import { isPriceNotFound, type QuoteExplanation } from '../pricing/types.ts';

/** The price a hospital sees: its contract or list price and why — never the seller's floor. */
export interface PortalPrice {
  unitPriceMinor: number;
  currency: string;
  source: 'contract' | 'price_list' | 'break';
  explanation: QuoteExplanation;
}

export type Assessment =
  | { deviceId: string; orderable: true; device: DeviceFacts; price: PortalPrice }
  | { deviceId: string; orderable: false; device: DeviceFacts | null; reason: { code: string; en: string; zh: string } };

const refused = (deviceId: string, device: DeviceFacts | null, code: string, en: string, zh: string): Assessment =>
  ({ deviceId, orderable: false, device, reason: { code, en, zh } });

/**
 * May this customer order these devices through the portal today, and at what price? A device is
 * orderable when it is active, priced for the customer on the portal channel (contract or price
 * list, at the quantity given in base units), and its licences allow it (checkMayReceive). One
 * load per module for any number of devices.
 */
export async function assessDevices(
  tx: Sql,
  customerId: string,
  items: ReadonlyArray<{ deviceId: string; quantity: number }>,
  date: string,
): Promise<Assessment[]> {
  const ids = items.map((i) => i.deviceId);
  const facts = await getDeviceFacts(tx, ids);
  const data = await loadPricingData(tx, { customerId, deviceIds: ids, date, channel: 'portal' });
  const quotes = quoteLines(items.map((i) => ({ deviceId: i.deviceId, quantity: i.quantity, date, channel: 'portal' as const })), data);
  const candidates = [...new Set(ids.filter((id, i) => facts.get(id)?.active && !isPriceNotFound(quotes[i]!)))];
  const verdicts = candidates.length ? (await checkMayReceive(tx, customerId, candidates, date)).devices : [];
  const verdictOf = new Map(verdicts.map((v) => [v.deviceId, v]));
  return items.map(({ deviceId }, i): Assessment => {
    const device = facts.get(deviceId) ?? null;
    if (!device) return refused(deviceId, null, 'NOT_FOUND', 'no such device', '无此器械');
    if (!device.active) return refused(deviceId, device, 'INACTIVE', 'the device is no longer sold', '该器械已停售');
    const q = quotes[i]!;
    if (isPriceNotFound(q)) return refused(deviceId, device, q.error.code, q.error.message, q.error.zh);
    const verdict = verdictOf.get(deviceId)!;
    if (!verdict.allowed) return refused(deviceId, device, verdict.code, verdict.reason, verdict.reasonZh);
    return { deviceId, orderable: true, device, price: { unitPriceMinor: q.unitPriceMinor, currency: q.currency, source: q.source, explanation: q.explanation } };
  });
}
