import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { PriceListInput } from './price-list-schemas.ts';
import { checkBreaks, checkDistinctDevices, checkValidity } from './pricing-rules.ts';
import { requireCustomer, requireDevices } from './reference-lookups.ts';
import { insertLines, provenanceOf, type Provenance } from './write-price-list-lines.ts';

export function checkPriceListInput(input: PriceListInput): void {
  checkValidity(input.validFrom, input.validTo);
  checkDistinctDevices(input.lines, 'lines');
  for (const [i, l] of (input.lines ?? []).entries()) checkBreaks(l.breaks, `lines.${i}.`);
}

/** Creates a price list with its lines inside the caller's unit of work (API, import, seed). */
export async function createPriceListIn(w: Work, input: PriceListInput, provenance: Provenance = provenanceOf(w.actor)): Promise<{ id: string; code: string }> {
  checkPriceListInput(input);
  const id = uuidv7();
  const taken = await w.tx.query('SELECT 1 FROM price_lists WHERE code = $1', [input.code]);
  if (taken.rows.length) throw new DomainError('DUPLICATE', `price list code ${input.code} already exists`, { field: 'code' });
  if (input.customerId) await requireCustomer(w.tx, input.customerId);
  const lines = input.lines ?? [];
  await requireDevices(w.tx, lines, (i) => `lines.${i}.deviceId`);
  await w.tx.query(
    `INSERT INTO price_lists (id, code, name, currency, valid_from, valid_to, channel, customer_id, active,
                              source, source_ref, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [id, input.code, input.name, input.currency, input.validFrom, input.validTo ?? null, input.channel ?? null,
      input.customerId ?? null, input.active ?? true, provenance.source, provenance.sourceRef ?? null, w.actor.name],
  );
  await insertLines(w, id, lines, provenance);
  const { lines: _lines, ...header } = input;
  w.audit({
    entityType: 'price_list',
    entityId: id,
    action: 'created',
    changes: {
      ...Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined).map(([k, v]) => [k, { new: v }])),
      lines: { new: lines },
    },
  });
  w.emit({ topic: 'price_list.created', entityType: 'price_list', entityId: id, payload: { code: input.code } });
  return { id, code: input.code };
}

export const createPriceList = (
  db: Database,
  actor: Actor,
  input: PriceListInput,
  requestId: string | null = null,
  provenance: Provenance = provenanceOf(actor),
): Promise<{ id: string; code: string }> => writeTx(db, { actor, requestId }, (w) => createPriceListIn(w, input, provenance));
