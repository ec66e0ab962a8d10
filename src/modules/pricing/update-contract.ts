import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import type { ContractUpdate } from './contract-schemas.ts';
import { loadContract, type ContractDetail } from './contract-view.ts';
import { checkContractTerms, checkDistinctDevices, checkValidity, discountBpOf } from './pricing-rules.ts';
import { requireDevices, requirePriceList } from './reference-lookups.ts';
import { replaceContractPrices, sortedPrices } from './write-contract-prices.ts';
import { provenanceOf } from './write-price-list-lines.ts';

function termsOf(c: ContractDetail) {
  return {
    contractNo: c.contractNo, channel: c.channel, currency: c.currency, validFrom: c.validFrom, validTo: c.validTo,
    priceListId: c.priceListId, discountBp: c.discountBp, active: c.active, prices: sortedPrices(c.prices),
  };
}

/** Changes a contract's terms; `prices`, when given, replaces the whole set. */
export async function updateContract(db: Database, actor: Actor, id: string, patch: ContractUpdate, requestId: string | null = null): Promise<ContractDetail> {
  const current = await readTx(db, (tx) => loadContract(tx, actor, id));
  if (patch.version !== undefined && patch.version !== current.version) {
    throw new DomainError('CONFLICT', `contract ${id} is at version ${current.version}, not ${patch.version}`, { field: 'version' });
  }
  const { version: _version, discountPercent: _percent, discountBp: _bp, prices, ...fields } = patch;
  const discountBp = discountBpOf(patch);
  const before = termsOf(current);
  const after = {
    ...before,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(discountBp === undefined ? {} : { discountBp }),
    ...(prices ? { prices: sortedPrices(prices) } : {}),
  } as typeof before;
  checkValidity(after.validFrom, after.validTo);
  if (prices) checkDistinctDevices(prices, 'prices');
  checkContractTerms({ discountBp: after.discountBp, priceListId: after.priceListId, priceCount: after.prices.length });
  const changes = diffFields(before, after);
  if (Object.keys(changes).length === 0) return current;

  return writeTx(db, { actor, requestId }, async (w) => {
    if (changes.contractNo) {
      const taken = await w.tx.query('SELECT 1 FROM contracts WHERE contract_no = $1 AND id <> $2', [after.contractNo, id]);
      if (taken.rows.length) throw new DomainError('DUPLICATE', `contract ${after.contractNo} already exists`, { field: 'contractNo' });
    }
    if (changes.priceListId && after.priceListId) await requirePriceList(w.tx, after.priceListId);
    if (prices) await requireDevices(w.tx, prices, (i) => `prices.${i}.deviceId`);
    const updated = await w.tx.query(
      `UPDATE contracts SET contract_no = $3, channel = $4, currency = $5, valid_from = $6, valid_to = $7, price_list_id = $8,
              discount_bp = $9, active = $10, version = version + 1, updated_by = $11, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, current.version, after.contractNo, after.channel, after.currency, after.validFrom, after.validTo, after.priceListId,
        after.discountBp, after.active, actor.name],
    );
    if (updated.rowCount === 0) throw new DomainError('CONFLICT', `contract ${id} was changed by someone else; reload it`, { field: 'version' });
    if (changes.prices) await replaceContractPrices(w, id, after.prices, provenanceOf(actor));
    w.audit({ entityType: 'contract', entityId: id, action: 'updated', changes });
    w.emit({ topic: 'contract.updated', entityType: 'contract', entityId: id, payload: { contractNo: after.contractNo, fields: Object.keys(changes) } });
    return loadContract(w.tx, actor, id);
  });
}
