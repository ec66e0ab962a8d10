import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { loadLine, loadPriceList } from './price-list-view.ts';

/** Removes a device's price (and its breaks) from a list; the audit record keeps what it was. */
export async function removePriceListLine(db: Database, actor: Actor, priceListId: string, lineId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await loadPriceList(w.tx, actor, priceListId, true);
    const line = await loadLine(w.tx, priceListId, lineId, true);
    await w.tx.query('DELETE FROM price_list_lines WHERE id = $1', [lineId]);
    w.audit({
      entityType: 'price_list_line',
      entityId: lineId,
      action: 'removed',
      changes: {
        priceListId: { old: priceListId },
        deviceId: { old: line.deviceId },
        unitPriceMinor: { old: line.unitPriceMinor },
        floorMinor: { old: line.floorMinor ?? null },
        breaks: { old: line.breaks },
      },
    });
    w.emit({ topic: 'price_list.lines_changed', entityType: 'price_list', entityId: priceListId, payload: { deviceIds: [line.deviceId] } });
  });
}
