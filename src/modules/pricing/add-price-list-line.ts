import { DomainError } from '../../platform/errors.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { PriceListLineInput } from './price-list-schemas.ts';
import { loadLine, loadPriceList, type PriceListLineView } from './price-list-view.ts';
import { checkBreaks } from './pricing-rules.ts';
import { requireDevices } from './reference-lookups.ts';
import { insertLines, provenanceOf } from './write-price-list-lines.ts';

/** Adds a device's price to a list inside the caller's unit of work; a device is on a list once. */
export async function addPriceListLineIn(w: Work, priceListId: string, line: PriceListLineInput): Promise<PriceListLineView> {
  checkBreaks(line.breaks);
  await loadPriceList(w.tx, w.actor, priceListId, true);
  await requireDevices(w.tx, [line], () => 'deviceId');
  const taken = await w.tx.query('SELECT id FROM price_list_lines WHERE price_list_id = $1 AND device_id = $2', [priceListId, line.deviceId]);
  if (taken.rows.length) {
    throw new DomainError('DUPLICATE', `device ${line.deviceId} already has a line on this price list; change that line instead`, { field: 'deviceId' });
  }
  const [lineId] = await insertLines(w, priceListId, [line], provenanceOf(w.actor));
  w.audit({
    entityType: 'price_list_line',
    entityId: lineId!,
    action: 'created',
    changes: Object.fromEntries(Object.entries({ priceListId, ...line }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, { new: v }])),
  });
  w.emit({ topic: 'price_list.lines_changed', entityType: 'price_list', entityId: priceListId, payload: { deviceIds: [line.deviceId] } });
  return loadLine(w.tx, priceListId, lineId!);
}
