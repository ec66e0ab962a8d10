import type { Sql } from '../../db/types.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import { listLicences } from '../parties/list-licences.ts';
import { qualifySupplier } from './supplier-qualification.ts';

export interface SupplierHead {
  id: string;
  code: string;
  nameZh: string;
  currency: string;
  active: boolean;
}

/**
 * The supplier, refused unless it is qualified for every device on `date`: a party that is not a
 * supplier is bad input on `field`; a missing, expired or too narrow licence is
 * SUPPLIER_NOT_QUALIFIED with the reason and the Chinese message in the details.
 */
export async function assertSupplierQualified(tx: Sql, supplierId: string, deviceIds: readonly string[], date: string, field = 'supplierId'): Promise<SupplierHead> {
  const { rows } = await tx.query<SupplierHead & { kind: string }>(
    'SELECT id, code, kind, name_zh AS "nameZh", currency, active FROM parties WHERE id = $1', [supplierId]);
  const supplier = rows[0];
  if (!supplier) throw invalid(field, `no party ${supplierId}`);
  if (supplier.kind !== 'supplier') throw invalid(field, `party ${supplier.code} is a ${supplier.kind}, not a supplier`);
  const [licences, devices] = await Promise.all([listLicences(tx, supplierId), getDeviceFacts(tx, deviceIds)]);
  for (const id of new Set(deviceIds)) {
    const device = devices.get(id);
    if (!device) throw invalid('deviceId', `no device ${id}`);
    const verdict = qualifySupplier(supplier, licences, device, date);
    if (!verdict.qualified) {
      throw new DomainError('SUPPLIER_NOT_QUALIFIED', verdict.message, {
        field, details: { reason: verdict.reason, supplierId, supplierCode: supplier.code, deviceId: id, deviceCode: device.code, messageZh: verdict.messageZh },
      });
    }
  }
  return { id: supplier.id, code: supplier.code, nameZh: supplier.nameZh, currency: supplier.currency, active: supplier.active };
}
