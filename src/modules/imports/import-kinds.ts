import { DomainError } from '../../platform/errors.ts';
import type { ImportKind } from './import-types.ts';
import { IMPORT_KINDS } from './import-types.ts';
import { customersKind } from './kind-customers.ts';
import { devicesKind } from './kind-devices.ts';
import { licencesKind } from './kind-licences.ts';
import { packagingKind } from './kind-packaging.ts';
import { priceListsKind } from './kind-price-lists.ts';
import { warehousesKind } from './kind-warehouses.ts';

/**
 * Every kind of file `lotline import` and `POST /api/v1/imports/:kind` take. Opening stock is not
 * here: it needs the inventory module's receipts.
 */
export const IMPORT_KIND_LIST: ReadonlyArray<ImportKind<never>> = [
  devicesKind, packagingKind, customersKind, licencesKind, priceListsKind, warehousesKind,
] as ReadonlyArray<ImportKind<never>>;

export function importKind(name: string): ImportKind {
  const kind = IMPORT_KIND_LIST.find((k) => k.name === name);
  if (name === 'opening-stock') {
    throw new DomainError('VALIDATION_FAILED', 'kind: opening stock cannot be imported yet (it needs the inventory module\'s receipts)', { field: 'kind' });
  }
  if (!kind) {
    throw new DomainError('VALIDATION_FAILED', `kind: no import of "${name}"; one of ${IMPORT_KINDS.join(', ')}`, { field: 'kind' });
  }
  return kind as unknown as ImportKind;
}

