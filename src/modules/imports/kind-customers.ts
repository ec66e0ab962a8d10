import { PartyInput } from '../parties/party-schemas.ts';
import { upsertParties } from '../parties/upsert-parties.ts';
import type { ImportKind } from './import-types.ts';
import { fromBatchResult } from './from-batch-result.ts';

/** Customers, suppliers and carriers (the `kind` column) by code; addresses as `addresses.N.…` columns. */
export const customersKind: ImportKind<PartyInput> = {
  name: 'customers',
  entity: 'party',
  permission: 'parties.write',
  schema: PartyInput,
  keyFields: ['code'],
  keyOf: (r) => r.code,
  write: async (w, deps, rows, provenance) => fromBatchResult(await upsertParties(w, deps.crypto, rows, provenance)),
};
