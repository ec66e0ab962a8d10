import { LicenceImportRow } from '../parties/licence-schemas.ts';
import { upsertLicences } from '../parties/upsert-licences.ts';
import type { ImportKind } from './import-types.ts';
import { fromBatchResult } from './from-batch-result.ts';

/** Licences by party code, licence type and number; the party must exist (or come earlier in the file). */
export const licencesKind: ImportKind<LicenceImportRow> = {
  name: 'licences',
  entity: 'licence',
  permission: 'parties.write',
  schema: LicenceImportRow,
  keyFields: ['partyCode', 'licenceType', 'number'],
  keyOf: (r) => JSON.stringify([r.partyCode, r.licenceType, r.number]),
  write: async (w, _deps, rows, provenance) => fromBatchResult(await upsertLicences(w, rows, provenance)),
};
