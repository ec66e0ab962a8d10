import type { Sql } from '../../db/types.ts';
import { DomainError, invalid, isDomainError } from '../../platform/errors.ts';
import { resolveGtins } from '../catalog/device-queries.ts';
import { lotIneligibility } from '../inventory/lot-eligibility.ts';
import { findLots, LOT_HEAD, lotKey, type LotHead } from '../inventory/lot-records.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { IssueInput } from './production-schemas.ts';

export interface IssueLot {
  field: string;
  binId: string;
  lot: LotHead;
  trackingMode: string;
  quantity: number;
  scan: string | null;
}

const NO_RULE = { minDays: null, minPct: null };

/**
 * The lot behind each issue line — from the scanned label (GTIN → device, AI 10 → lot) or the lot
 * id — refused unless it may be used today: released, not expired, not recalled (inventory's lot
 * eligibility, as for shipping). Errors name the line's scan or lotId.
 */
export async function resolveIssueLots(tx: Sql, lines: IssueInput['lines'], today: string, now: Date): Promise<IssueLot[]> {
  const parsed = lines.map((l, i) => {
    if ((l.scan === undefined) === (l.lotId === undefined)) throw invalid(`lines.${i}.scan`, 'give either a scan or a lotId');
    if (l.scan === undefined) return null;
    try {
      return parseScan(l.scan, { now });
    } catch (e) {
      if (isDomainError(e)) throw new DomainError(e.code, `lines.${i}.scan: ${e.message}`, { field: `lines.${i}.scan`, details: e.details });
      throw e;
    }
  });
  const gtins = await resolveGtins(tx, parsed.map((p) => (p?.scheme === 'GS1' ? p.gtin ?? '' : '')));
  const wanted = parsed.map((p, i) => {
    if (!p) return null;
    const field = `lines.${i}.scan`;
    const level = p.scheme === 'GS1' && p.gtin ? gtins.get(p.gtin) : undefined;
    if (!level) throw new DomainError('SCAN_UNKNOWN_GTIN', `${field}: the label names no device of the catalogue`, { field });
    if (p.lot === undefined) throw invalid(field, 'the label carries no lot (AI 10): issue by lotId');
    return { deviceId: level.deviceId, lotNumber: p.lot, trackingMode: level.trackingMode };
  });
  const byKey = await findLots(tx, wanted.filter((x) => x !== null));
  const ids = lines.map((l) => l.lotId).filter((id): id is string => id !== undefined);
  const { rows: byId } = await tx.query<LotHead & { trackingMode: string }>(
    `SELECT ${LOT_HEAD}, d.tracking_mode AS "trackingMode" FROM lots l JOIN devices d ON d.id = l.device_id WHERE l.id = ANY($1::uuid[])`, [ids]);
  return lines.map((l, i): IssueLot => {
    const field = `lines.${i}.${l.scan !== undefined ? 'scan' : 'lotId'}`;
    const w = wanted[i];
    const lot = w ? byKey.get(lotKey(w.deviceId, w.lotNumber)) : byId.find((r) => r.id === l.lotId);
    if (!lot) throw new DomainError('SCAN_WRONG_LOT', `${field}: no such lot in stock`, { field });
    const why = lotIneligibility(lot, today, NO_RULE);
    if (why) throw new DomainError(why, `${field}: lot ${lot.lotNumber} is ${lot.status}, expires ${lot.expiresOn}: it cannot be issued to production`, { field, details: { lotId: lot.id, status: lot.status, expiresOn: lot.expiresOn } });
    const trackingMode = w?.trackingMode ?? (lot as LotHead & { trackingMode: string }).trackingMode;
    return { field: `lines.${i}`, binId: l.binId, lot, trackingMode, quantity: l.quantity, scan: l.scan ?? null };
  });
}
