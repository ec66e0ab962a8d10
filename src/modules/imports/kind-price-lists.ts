import { PriceListImportRow } from '../pricing/import-row-schema.ts';
import { upsertPriceListLines } from '../pricing/upsert-price-list-lines.ts';
import type { ImportKind } from './import-types.ts';

/** Prices by price list code, device code and min quantity (1 = base price, more = a quantity break). */
export const priceListsKind: ImportKind<PriceListImportRow> = {
  name: 'price-lists',
  entity: 'price_list_line',
  permission: 'pricing.write',
  schema: PriceListImportRow,
  keyFields: ['priceListCode', 'deviceCode', 'minQuantity'],
  keyOf: (r) => JSON.stringify([r.priceListCode, r.deviceCode, r.minQuantity ?? 1]),
  async write(w, _deps, rows, provenance) {
    const r = await upsertPriceListLines(w, rows, provenance);
    return { created: r.linesCreated, updated: r.linesUpdated, unchanged: r.unchanged, errors: r.errors };
  },
};
