import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import type { PriceListLineUpdate } from './price-list-schemas.ts';
import { loadLine, loadPriceList, type PriceListLineView } from './price-list-view.ts';
import { checkBreaks } from './pricing-rules.ts';
import { insertBreaks, provenanceOf } from './write-price-list-lines.ts';

function planChange(current: PriceListLineView, patch: PriceListLineUpdate) {
  const before = { unitPriceMinor: current.unitPriceMinor, floorMinor: current.floorMinor ?? null, breaks: current.breaks };
  const after = {
    unitPriceMinor: patch.unitPriceMinor ?? before.unitPriceMinor,
    floorMinor: patch.floorMinor === undefined ? before.floorMinor : patch.floorMinor,
    breaks: patch.breaks ? [...patch.breaks].sort((a, b) => a.minQuantity - b.minQuantity) : before.breaks,
  };
  return { after, changes: diffFields(before, after) };
}

/** Changes a line's price or floor; `breaks`, when given, replaces all of its breaks. */
export async function updatePriceListLine(
  db: Database,
  actor: Actor,
  priceListId: string,
  lineId: string,
  patch: PriceListLineUpdate,
  requestId: string | null = null,
): Promise<PriceListLineView> {
  checkBreaks(patch.breaks);
  const seen = await readTx(db, async (tx) => {
    await loadPriceList(tx, actor, priceListId);
    return loadLine(tx, priceListId, lineId);
  });
  if (Object.keys(planChange(seen, patch).changes).length === 0) return seen;

  return writeTx(db, { actor, requestId }, async (w) => {
    const { after, changes } = planChange(await loadLine(w.tx, priceListId, lineId, true), patch);
    await w.tx.query(
      'UPDATE price_list_lines SET unit_price_minor = $2, floor_minor = $3, updated_by = $4, updated_at = now() WHERE id = $1',
      [lineId, after.unitPriceMinor, after.floorMinor, actor.name],
    );
    if (changes.breaks) {
      await w.tx.query('DELETE FROM price_list_breaks WHERE line_id = $1', [lineId]);
      await insertBreaks(w, after.breaks.map((b) => ({ lineId, ...b })), provenanceOf(actor));
    }
    w.audit({ entityType: 'price_list_line', entityId: lineId, action: 'updated', changes });
    w.emit({ topic: 'price_list.lines_changed', entityType: 'price_list', entityId: priceListId, payload: { deviceIds: [seen.deviceId] } });
    return loadLine(w.tx, priceListId, lineId);
  });
}
