import type { Sql } from '../../db/types.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';

/**
 * Existence checks of what prices refer to, each naming the field at fault. Devices go through the
 * catalogue's service; the customer's kind and currency are read from parties directly, as no
 * parties service returns the currency without demanding order addresses.
 */
export async function requireCustomer(tx: Sql, id: string, field = 'customerId'): Promise<{ id: string; currency: string }> {
  const { rows } = await tx.query<{ kind: string; currency: string }>('SELECT kind, currency FROM parties WHERE id = $1', [id]);
  const party = rows[0];
  if (!party) throw new DomainError('NOT_FOUND', `customer ${id} not found`, { field, details: { entity: 'customer', id } });
  if (party.kind !== 'customer') throw invalid(field, `party ${id} is a ${party.kind}, not a customer`);
  return { id, currency: party.currency };
}

/** Throws NOT_FOUND naming the first unknown device's field; one query for all rows. */
export async function requireDevices(tx: Sql, rows: ReadonlyArray<{ deviceId: string }>, fieldOf: (index: number) => string): Promise<void> {
  if (rows.length === 0) return;
  const known = await getDeviceFacts(tx, rows.map((r) => r.deviceId));
  const i = rows.findIndex((r) => !known.has(r.deviceId));
  if (i >= 0) {
    const id = rows[i]!.deviceId;
    throw new DomainError('NOT_FOUND', `device ${id} not found`, { field: fieldOf(i), details: { entity: 'device', id } });
  }
}

export async function requirePriceList(tx: Sql, id: string, field = 'priceListId'): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM price_lists WHERE id = $1', [id]);
  if (!rows.length) throw new DomainError('NOT_FOUND', `price list ${id} not found`, { field, details: { entity: 'price_list', id } });
}

/** Device codes by id, for views that show which device a price is for. */
export async function deviceCodes(tx: Sql, deviceIds: readonly string[]): Promise<Map<string, string>> {
  const facts = await getDeviceFacts(tx, deviceIds);
  return new Map([...facts].map(([id, f]) => [id, f.code]));
}
