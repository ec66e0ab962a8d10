import type { Sql } from '../../db/types.ts';
import { checkMayReceive } from '../parties/check-may-receive.ts';
import type { CustomerOrderFacts } from '../parties/customer-order-facts.ts';
import type { ResolvedLine } from './resolve-order-lines.ts';

/**
 * Invariant 4 at the door: a device whose registration has expired, or a customer whose licence
 * is missing, expired or out of scope for the device on the ship date, puts the order on a
 * compliance hold that only a signed release lifts. One hold carries every refusal.
 */
export async function complianceHold(
  tx: Sql,
  facts: CustomerOrderFacts,
  lines: readonly ResolvedLine[],
  shipDate: string,
): Promise<{ en: string; origin: Record<string, unknown> } | null> {
  const verdict = await checkMayReceive(tx, facts.customer.id, lines.map((l) => l.device.id), shipDate, { shipToId: facts.shipTo.id });
  const refusals = verdict.devices.flatMap((d) => (d.allowed ? [] : [d]));
  if (refusals.length === 0) return null;
  return {
    en: refusals.map((r) => `${r.deviceCode}: ${r.reason}`).join('; '),
    origin: {
      check: 'compliance.may_receive',
      date: shipDate,
      zh: refusals.map((r) => `${r.deviceCode}：${r.reasonZh}`).join('；'),
      refusals: refusals.map((r) => ({ deviceId: r.deviceId, deviceCode: r.deviceCode, code: r.code })),
    },
  };
}
