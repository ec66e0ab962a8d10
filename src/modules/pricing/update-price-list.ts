import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import type { PriceListUpdate } from './price-list-schemas.ts';
import { loadPriceList, type PriceListView } from './price-list-view.ts';
import { checkValidity } from './pricing-rules.ts';
import { requireCustomer } from './reference-lookups.ts';

const HEADER_FIELDS = ['code', 'name', 'currency', 'validFrom', 'validTo', 'channel', 'customerId', 'active'] as const;
type Header = Pick<PriceListView, (typeof HEADER_FIELDS)[number]>;

const headerOf = (v: Header): Header => Object.fromEntries(HEADER_FIELDS.map((k) => [k, v[k]])) as unknown as Header;

/** Changes header fields. `version`, when given, must be the current one (optimistic locking). */
export async function updatePriceList(
  db: Database,
  actor: Actor,
  id: string,
  patch: PriceListUpdate,
  requestId: string | null = null,
): Promise<PriceListView> {
  const current = await readTx(db, (tx) => loadPriceList(tx, actor, id));
  if (patch.version !== undefined && patch.version !== current.version) {
    throw new DomainError('CONFLICT', `price list ${id} is at version ${current.version}, not ${patch.version}`, { field: 'version' });
  }
  const { version: _version, ...fields } = patch;
  const before = headerOf(current);
  const after: Header = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  checkValidity(after.validFrom, after.validTo);
  const changes = diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return current;

  return writeTx(db, { actor, requestId }, async (w) => {
    if (changes.code) {
      const taken = await w.tx.query('SELECT 1 FROM price_lists WHERE code = $1 AND id <> $2', [after.code, id]);
      if (taken.rows.length) throw new DomainError('DUPLICATE', `price list code ${after.code} already exists`, { field: 'code' });
    }
    if (changes.customerId && after.customerId) await requireCustomer(w.tx, after.customerId);
    const updated = await w.tx.query(
      `UPDATE price_lists SET code = $3, name = $4, currency = $5, valid_from = $6, valid_to = $7, channel = $8,
              customer_id = $9, active = $10, version = version + 1, updated_by = $11, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, current.version, after.code, after.name, after.currency, after.validFrom, after.validTo, after.channel,
        after.customerId, after.active, actor.name],
    );
    if (updated.rowCount === 0) throw new DomainError('CONFLICT', `price list ${id} was changed by someone else; reload it`, { field: 'version' });
    w.audit({ entityType: 'price_list', entityId: id, action: 'updated', changes });
    w.emit({ topic: 'price_list.updated', entityType: 'price_list', entityId: id, payload: { code: after.code, fields: Object.keys(changes) } });
    return loadPriceList(w.tx, actor, id);
  });
}
