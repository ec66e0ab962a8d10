import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { ContractPriceInput } from './contract-schemas.ts';
import { checkContractTerms, checkDistinctDevices, checkValidity, discountBpOf } from './pricing-rules.ts';
import { requireCustomer, requireDevices, requirePriceList } from './reference-lookups.ts';
import { replaceContractPrices } from './write-contract-prices.ts';
import { provenanceOf, type Provenance } from './write-price-list-lines.ts';

/** Creates a contract with its device prices inside the caller's unit of work. */
export async function createContractIn(w: Work, input: ContractPriceInput, provenance: Provenance = provenanceOf(w.actor)): Promise<{ id: string; contractNo: string }> {
  const discountBp = discountBpOf(input) ?? null;
  const prices = input.prices ?? [];
  checkValidity(input.validFrom, input.validTo);
  checkDistinctDevices(prices, 'prices');
  checkContractTerms({ discountBp, priceListId: input.priceListId ?? null, priceCount: prices.length });
  const id = uuidv7();
  const taken = await w.tx.query('SELECT 1 FROM contracts WHERE contract_no = $1', [input.contractNo]);
  if (taken.rows.length) throw new DomainError('DUPLICATE', `contract ${input.contractNo} already exists`, { field: 'contractNo' });
  const customer = await requireCustomer(w.tx, input.customerId);
  if (input.priceListId) await requirePriceList(w.tx, input.priceListId);
  await requireDevices(w.tx, prices, (i) => `prices.${i}.deviceId`);
  const currency = input.currency ?? customer.currency;
  await w.tx.query(
    `INSERT INTO contracts (id, contract_no, customer_id, channel, currency, valid_from, valid_to, price_list_id, discount_bp,
                            active, source, source_ref, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [id, input.contractNo, input.customerId, input.channel ?? null, currency, input.validFrom, input.validTo ?? null,
      input.priceListId ?? null, discountBp, input.active ?? true, provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
  await replaceContractPrices(w, id, prices, provenance);
  const { discountPercent: _percent, prices: _prices, ...header } = input;
  w.audit({
    entityType: 'contract',
    entityId: id,
    action: 'created',
    changes: {
      ...Object.fromEntries(Object.entries({ ...header, currency, discountBp }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, { new: v }])),
      prices: { new: prices },
    },
  });
  w.emit({ topic: 'contract.created', entityType: 'contract', entityId: id, payload: { contractNo: input.contractNo, customerId: input.customerId } });
  return { id, contractNo: input.contractNo };
}

export const createContract = (
  db: Database,
  actor: Actor,
  input: ContractPriceInput,
  requestId: string | null = null,
  provenance: Provenance = provenanceOf(actor),
): Promise<{ id: string; contractNo: string }> => writeTx(db, { actor, requestId }, (w) => createContractIn(w, input, provenance));
