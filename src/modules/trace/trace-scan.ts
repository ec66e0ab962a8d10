import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, isDomainError, notFound } from '../../platform/errors.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { UdiScan } from '../udi/types.ts';
import { lotByGtin } from './find-lot.ts';
import { traceLot, type LotTrace } from './trace-lot.ts';
import { tracePackage, type PackageTrace } from './trace-package.ts';
import { traceSerial, type SerialTrace } from './trace-serial.ts';

export type ScanTrace = ({ kind: 'serial' } & SerialTrace) | ({ kind: 'lot' } & LotTrace) | ({ kind: 'package' } & PackageTrace);

/** A scan error names the request's field, not the parser's. */
function parseAs(code: string, field: string, now: Date): UdiScan {
  try {
    return parseScan(code, { now });
  } catch (e) {
    if (isDomainError(e)) throw new DomainError(e.code, e.message, { field, details: e.details });
    throw e;
  }
}

/**
 * A UDI scan as the entry point: a label with a serial leads to that unit's history, one with a
 * lot to the lot's trace, an SSCC (logistic label) to the package and what is in it. HIBCC labels carry no GTIN, so their lot or serial is looked up by
 * itself and must name exactly one lot or unit.
 */
export async function traceScan(tx: Sql, actor: Actor, code: string, opts: { field?: string; now?: Date } = {}): Promise<ScanTrace> {
  const field = opts.field ?? 'code';
  const scan = parseAs(code, field, opts.now ?? new Date());
  if (scan.scheme === 'GS1' && scan.gtin !== undefined) {
    if (scan.serial !== undefined) return { kind: 'serial', ...(await traceSerial(tx, actor, scan.gtin, scan.serial)) };
    if (scan.lot !== undefined) return { kind: 'lot', ...(await traceLot(tx, actor, await lotByGtin(tx, scan.gtin, scan.lot))) };
  }
  if (scan.scheme === 'GS1' && scan.sscc !== undefined) return { kind: 'package', ...(await tracePackage(tx, actor, scan.sscc)) };
  if (scan.scheme === 'HIBCC' && (scan.serial !== undefined || scan.lot !== undefined)) {
    const ref = await uniqueByIdentifier(tx, scan.serial, scan.lot, field);
    if (ref.kind === 'serial') return { kind: 'serial', ...(await traceSerial(tx, actor, ref.gtin, ref.serial)) };
    return { kind: 'lot', ...(await traceLot(tx, actor, ref.lotId)) };
  }
  throw invalid(field, 'the scan carries neither a GTIN with a lot or serial, an SSCC, nor an HIBCC lot or serial to trace');
}

type Ref = { kind: 'serial'; gtin: string; serial: string } | { kind: 'lot'; lotId: string };

async function uniqueByIdentifier(tx: Sql, serial: string | undefined, lot: string | undefined, field: string): Promise<Ref> {
  const { rows } = serial !== undefined
    ? await tx.query<{ gtin: string | null; lotId: string }>(
      `SELECT (SELECT p.gtin FROM device_packaging p WHERE p.device_id = s.device_id ORDER BY p.quantity LIMIT 1) AS gtin, s.lot_id AS "lotId"
         FROM serial_units s WHERE s.serial = $1 LIMIT 2`, [serial])
    : await tx.query<{ gtin: string | null; lotId: string }>('SELECT NULL AS gtin, id AS "lotId" FROM lots WHERE lot_number = $1 LIMIT 2', [lot]);
  if (rows.length === 0) throw notFound(serial !== undefined ? 'serial' : 'lot', (serial ?? lot)!);
  if (rows.length > 1) throw invalid(field, 'the HIBCC label names several devices with this lot or serial; trace by GTIN instead');
  const row = rows[0]!;
  if (serial !== undefined && row.gtin !== null) return { kind: 'serial', gtin: row.gtin, serial };
  if (serial !== undefined) throw notFound('serial', serial);
  return { kind: 'lot', lotId: row.lotId };
}
