import type { Work } from '../../platform/unit-of-work.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { PriceListImportRow } from './import-row-schema.ts';
import { planNewLists, type PlannedRow } from './plan-price-list-import.ts';
import type { Provenance } from './write-price-list-lines.ts';

/**
 * The ids of the price lists an import batch names, creating the missing headers with one insert.
 * Codes that could not be created come back in `failedCodes` with the field at fault.
 */
export async function ensureImportPriceLists(
  w: Work,
  rows: readonly PriceListImportRow[],
  planned: readonly PlannedRow[],
  provenance: Provenance,
): Promise<{ ids: Map<string, string>; created: string[]; failedCodes: Map<string, { field: string; message: string }> }> {
  const codes = [...new Set(planned.map((p) => p.priceListCode))];
  const select = () => w.tx.query<{ id: string; code: string }>('SELECT id, code FROM price_lists WHERE code = ANY($1::text[])', [codes]);
  const existing = await select();
  const { headers, failedCodes } = planNewLists(rows, planned, new Set(existing.rows.map((r) => r.code)));
  if (headers.length === 0) return { ids: new Map(existing.rows.map((r) => [r.code, r.id])), created: [], failedCodes };

  const withIds = headers.map((h) => ({ id: uuidv7(), ...h }));
  // DO NOTHING: a list another import created meanwhile is used as it is.
  const inserted = await w.tx.query<{ id: string; code: string }>(
    `INSERT INTO price_lists (id, code, name, currency, valid_from, valid_to, channel, source, source_ref, created_by, updated_by)
     SELECT h.id, h.code, h.name, h.currency, h."validFrom", h."validTo", h.channel, $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS h(id uuid, code text, name text, currency text, "validFrom" date, "validTo" date, channel text)
     ON CONFLICT (code) DO NOTHING
     RETURNING id, code`,
    [JSON.stringify(withIds), provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
  const createdIds = new Set(inserted.rows.map((r) => r.id));
  for (const h of withIds.filter((x) => createdIds.has(x.id))) {
    const { id, ...fields } = h;
    w.audit({
      entityType: 'price_list',
      entityId: id,
      action: 'created',
      changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { new: v }])),
      reason: importReason(provenance),
    });
    w.emit({ topic: 'price_list.created', entityType: 'price_list', entityId: id, payload: { code: h.code } });
  }
  const all = inserted.rows.length === headers.length ? [...existing.rows, ...inserted.rows] : (await select()).rows;
  return { ids: new Map(all.map((r) => [r.code, r.id])), created: inserted.rows.map((r) => r.code), failedCodes };
}

export const importReason = (p: Provenance): string => `import (${p.source}${p.sourceRef ? ` ${p.sourceRef}` : ''})`;
