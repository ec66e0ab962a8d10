import type { Work } from '../../platform/unit-of-work.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { PriceBreakInput, PriceListLineInput } from './price-list-schemas.ts';

export interface Provenance {
  source: string;
  sourceRef?: string | null;
}

/** Inserts lines and their breaks with two statements, however many lines there are. */
export async function insertLines(w: Work, priceListId: string, lines: readonly PriceListLineInput[], provenance: Provenance): Promise<string[]> {
  if (lines.length === 0) return [];
  const rows = lines.map((l) => ({ id: uuidv7(), deviceId: l.deviceId, unitPriceMinor: l.unitPriceMinor, floorMinor: l.floorMinor ?? null, breaks: l.breaks ?? [] }));
  await w.tx.query(
    `INSERT INTO price_list_lines (id, price_list_id, device_id, unit_price_minor, floor_minor, source, source_ref, created_by, updated_by)
     SELECT r.id, $2, r."deviceId", r."unitPriceMinor", r."floorMinor", $3, $4, $5, $5
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "deviceId" uuid, "unitPriceMinor" bigint, "floorMinor" bigint)`,
    [JSON.stringify(rows), priceListId, provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
  await insertBreaks(w, rows.flatMap((r) => r.breaks.map((b) => ({ lineId: r.id, ...b }))), provenance);
  return rows.map((r) => r.id);
}

export async function insertBreaks(w: Work, breaks: ReadonlyArray<PriceBreakInput & { lineId: string }>, provenance: Provenance): Promise<void> {
  if (breaks.length === 0) return;
  await w.tx.query(
    `INSERT INTO price_list_breaks (line_id, min_quantity, unit_price_minor, source, source_ref, created_by, updated_by)
     SELECT b."lineId", b."minQuantity", b."unitPriceMinor", $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS b("lineId" uuid, "minQuantity" int, "unitPriceMinor" bigint)`,
    [JSON.stringify(breaks), provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
}

export const provenanceOf = (actor: { type: string }): Provenance => ({ source: actor.type === 'token' ? 'api_token' : 'api' });
