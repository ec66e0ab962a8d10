import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { findDeviceIdsByCode } from '../catalog/device-queries.ts';
import { ensureImportPriceLists, importReason } from './ensure-import-price-lists.ts';
import type { PriceListImportRow } from './import-row-schema.ts';
import { lineKey, planLineChanges, type ExistingLine, type LineChange, type ResolvedRow } from './plan-line-changes.ts';
import { planImportRows, type ImportRowError } from './plan-price-list-import.ts';
import type { Provenance } from './write-price-list-lines.ts';

export interface PriceListImportResult {
  priceListsCreated: string[];
  linesCreated: number;
  linesUpdated: number;
  breaksSet: number;
  /** rows whose price was already as given */
  unchanged: number;
  /** rows not imported, with the field at fault, in row order; the other rows are written */
  errors: ImportRowError[];
}

async function lockExistingLines(tx: Sql, rows: readonly ResolvedRow[]): Promise<ExistingLine[]> {
  if (rows.length === 0) return [];
  const { rows: lines } = await tx.query<ExistingLine>(
    `SELECT l.id, l.price_list_id AS "priceListId", l.device_id AS "deviceId", l.unit_price_minor AS "unitPriceMinor",
            l.floor_minor AS "floorMinor",
            coalesce((SELECT json_object_agg(b.min_quantity, b.unit_price_minor) FROM price_list_breaks b WHERE b.line_id = l.id), '{}'::json) AS breaks
       FROM price_list_lines l
       JOIN unnest($1::uuid[], $2::uuid[]) AS k(list_id, device_id) ON l.price_list_id = k.list_id AND l.device_id = k.device_id
        FOR UPDATE OF l`,
    [rows.map((r) => r.priceListId), rows.map((r) => r.deviceId)],
  );
  return lines;
}

/** Inserts new lines and updates changed base prices and floors; returns every written line's id. */
async function writeLines(w: Work, changes: readonly LineChange[], provenance: Provenance): Promise<Map<string, string>> {
  const rows = changes
    .filter((c) => c.existingId === null || 'unitPriceMinor' in c.changes || 'floorMinor' in c.changes)
    .map((c) => ({ id: c.existingId ?? uuidv7(), priceListId: c.priceListId, deviceId: c.deviceId, unitPriceMinor: c.after.unitPriceMinor, floorMinor: c.after.floorMinor }));
  if (rows.length === 0) return new Map();
  const written = await w.tx.query<{ id: string; priceListId: string; deviceId: string }>(
    `INSERT INTO price_list_lines (id, price_list_id, device_id, unit_price_minor, floor_minor, source, source_ref, created_by, updated_by)
     SELECT r.id, r."priceListId", r."deviceId", r."unitPriceMinor", r."floorMinor", $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "priceListId" uuid, "deviceId" uuid, "unitPriceMinor" bigint, "floorMinor" bigint)
     ON CONFLICT (price_list_id, device_id) DO UPDATE
        SET unit_price_minor = EXCLUDED.unit_price_minor, floor_minor = EXCLUDED.floor_minor, source = EXCLUDED.source,
            source_ref = EXCLUDED.source_ref, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING id, price_list_id AS "priceListId", device_id AS "deviceId"`,
    [JSON.stringify(rows), provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
  return new Map(written.rows.map((r) => [lineKey(r.priceListId, r.deviceId), r.id]));
}

async function writeBreaks(w: Work, breaks: ReadonlyArray<{ lineId: string; minQuantity: number; unitPriceMinor: number | null }>, provenance: Provenance): Promise<void> {
  if (breaks.length === 0) return;
  await w.tx.query(
    `INSERT INTO price_list_breaks (line_id, min_quantity, unit_price_minor, source, source_ref, created_by, updated_by)
     SELECT b."lineId", b."minQuantity", b."unitPriceMinor", $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS b("lineId" uuid, "minQuantity" int, "unitPriceMinor" bigint)
     ON CONFLICT (line_id, min_quantity) DO UPDATE
        SET unit_price_minor = EXCLUDED.unit_price_minor, source = EXCLUDED.source, source_ref = EXCLUDED.source_ref,
            updated_by = EXCLUDED.updated_by`,
    [JSON.stringify(breaks), provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
}

/**
 * Set-based upsert of price-list import rows inside the caller's unit of work. Natural key: price
 * list code + device code + min quantity (1 = the line's base price, more = a quantity break).
 * Missing price list headers are created from the row's header columns. At most seven statements
 * per batch whatever its size; every created or changed line gets one audit record. Rows in
 * error are reported, not written; an all-or-nothing caller throws when `errors` is not empty.
 */
export async function upsertPriceListLines(w: Work, rows: readonly PriceListImportRow[], provenance: Provenance): Promise<PriceListImportResult> {
  const { planned, errors } = planImportRows(rows);
  const deviceIds = await findDeviceIdsByCode(w.tx, planned.map((p) => p.deviceCode));
  for (const p of planned) {
    if (!deviceIds.has(p.deviceCode)) errors.push({ index: p.index, field: 'deviceCode', code: 'NOT_FOUND', message: `device ${p.deviceCode} not found` });
  }
  const known = planned.filter((p) => deviceIds.has(p.deviceCode));
  const lists = await ensureImportPriceLists(w, rows, known, provenance);
  const resolved: ResolvedRow[] = [];
  for (const p of known) {
    const failed = lists.failedCodes.get(p.priceListCode);
    if (failed) errors.push({ index: p.index, field: failed.field, code: 'VALIDATION_FAILED', message: failed.message });
    else resolved.push({ ...p, priceListId: lists.ids.get(p.priceListCode)!, deviceId: deviceIds.get(p.deviceCode)! });
  }

  const plan = planLineChanges(resolved, await lockExistingLines(w.tx, resolved));
  errors.push(...plan.errors);
  const writtenIds = await writeLines(w, plan.changes, provenance);
  const lineIdOf = (c: LineChange) => writtenIds.get(lineKey(c.priceListId, c.deviceId)) ?? c.existingId!;
  const breaks = plan.changes.flatMap((c) =>
    Object.keys(c.changes).filter((k) => k.startsWith('breaks.'))
      .map((k) => ({ lineId: lineIdOf(c), minQuantity: Number(k.slice('breaks.'.length)), unitPriceMinor: c.after[k]! })),
  );
  await writeBreaks(w, breaks, provenance);

  const touchedDevices = new Map<string, string[]>();
  for (const c of plan.changes) {
    const created = c.existingId === null;
    const identity = created ? { priceListId: { new: c.priceListId }, deviceId: { new: c.deviceId } } : {};
    w.audit({ entityType: 'price_list_line', entityId: lineIdOf(c), action: created ? 'created' : 'updated', changes: { ...identity, ...c.changes }, reason: importReason(provenance) });
    touchedDevices.set(c.priceListId, [...(touchedDevices.get(c.priceListId) ?? []), c.deviceId]);
  }
  for (const [listId, ids] of touchedDevices) {
    w.emit({ topic: 'price_list.lines_changed', entityType: 'price_list', entityId: listId, payload: { deviceIds: ids } });
  }
  return {
    priceListsCreated: lists.created,
    linesCreated: plan.changes.filter((c) => c.existingId === null).length,
    linesUpdated: plan.changes.filter((c) => c.existingId !== null).length,
    breaksSet: breaks.length,
    unchanged: plan.unchanged,
    errors: errors.sort((a, b) => a.index - b.index),
  };
}
