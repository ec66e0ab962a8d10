import { DomainError } from '../../platform/errors.ts';
import type { ImportKind } from './import-types.ts';
import { IMPORT_KINDS } from './import-types.ts';
import { customersKind } from './kind-customers.ts';
import { devicesKind } from './kind-devices.ts';
import { licencesKind } from './kind-licences.ts';
import { packagingKind } from './kind-packaging.ts';
import { priceListsKind } from './kind-price-lists.ts';
import { warehousesKind } from './kind-warehouses.ts';
import { openingStockKind } from './kind-opening-stock.ts';

/** Every kind of file `lotline import` and `POST /api/v1/imports/:kind` take. */
export const IMPORT_KIND_LIST: ReadonlyArray<ImportKind<never>> = [
  devicesKind, packagingKind, customersKind, licencesKind, priceListsKind, warehousesKind, openingStockKind,
] as ReadonlyArray<ImportKind<never>>;

export function importKind(name: string): ImportKind {
  const kind = IMPORT_KIND_LIST.find((k) => k.name === name);
  if (!kind) {
    throw new DomainError('VALIDATION_FAILED', `kind: no import of "${name}"; one of ${IMPORT_KINDS.join(', ')}`, { field: 'kind' });
  }
  return kind as unknown as ImportKind;
}

