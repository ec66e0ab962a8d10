import { DomainError, invalid } from '../../platform/errors.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { rejected, summarise, type BatchResult, type RowOutcome } from './batch-outcome.ts';
import type { Provenance } from './party-record.ts';
import type { PartyHead } from './party-access.ts';
import { checkLicenceHolder, checkLicenceRules } from './licence-rules.ts';
import type { LicenceImportRow } from './licence-schemas.ts';

/** The licence fields an import row sets; what a row leaves out keeps its value (or default). */
interface LicenceRecord {
  licenceType: LicenceImportRow['licenceType'];
  number: string;
  deviceClasses: string[];
  categoryCodes: string[];
  validFrom: string;
  validTo: string | null;
  issuingAuthority: string | null;
  documentRef: string | null;
}
type Stored = LicenceRecord & { id: string; partyId: string };

const audited = ({ id: _i, partyId: _p, ...fields }: Stored): Record<string, unknown> => ({ ...fields });
const keyOf = (partyCode: string, l: { licenceType: string; number: string }) => `${partyCode}|${l.licenceType}|${l.number}`;

function merge(row: LicenceImportRow, before: LicenceRecord | undefined): LicenceRecord {
  const pick = <K extends keyof LicenceRecord>(k: K, dflt: LicenceRecord[K]): LicenceRecord[K] =>
    (row[k] !== undefined ? row[k] : before ? before[k] : dflt) as LicenceRecord[K];
  return {
    licenceType: row.licenceType, number: row.number, validFrom: row.validFrom,
    deviceClasses: pick('deviceClasses', []), categoryCodes: pick('categoryCodes', []), validTo: pick('validTo', null),
    issuingAuthority: pick('issuingAuthority', null), documentRef: pick('documentRef', null),
  };
}

/**
 * Creates or updates licences by their natural key (party code, type, number) for the bulk
 * import, in a fixed handful of statements per batch. Rows naming an unknown party or breaking a
 * rule are rejected with the reason; the others are written.
 */
export async function upsertLicences(w: Work, rows: readonly LicenceImportRow[], provenance: Provenance): Promise<BatchResult> {
  const outcomes: RowOutcome[] = [];
  const { rows: parties } = await w.tx.query<PartyHead>(
    `SELECT id, code, kind, customer_type AS "customerType", active, version FROM parties WHERE code = ANY($1::text[])`,
    [[...new Set(rows.map((r) => r.partyCode))]],
  );
  const partyByCode = new Map(parties.map((p) => [p.code, p]));
  const { rows: stored } = await w.tx.query<Stored & { partyCode: string }>(
    `SELECT l.id, l.party_id AS "partyId", p.code AS "partyCode", l.licence_type AS "licenceType", l.number,
            l.device_classes AS "deviceClasses", l.category_codes AS "categoryCodes", l.valid_from AS "validFrom",
            l.valid_to AS "validTo", l.issuing_authority AS "issuingAuthority", l.document_ref AS "documentRef"
       FROM licences l JOIN parties p ON p.id = l.party_id
       JOIN jsonb_to_recordset($1::jsonb) AS k("partyCode" text, "licenceType" text, number text)
         ON k."partyCode" = p.code AND k."licenceType" = l.licence_type AND k.number = l.number
      ORDER BY l.id FOR UPDATE OF l`,
    [JSON.stringify(rows.map((r) => ({ partyCode: r.partyCode, licenceType: r.licenceType, number: r.number })))],
  );
  const before = new Map(stored.map(({ partyCode, ...l }) => [keyOf(partyCode, l), l]));

  const seen = new Set<string>();
  const planned: Array<{ row: number; key: string; record: Stored; old: Stored | undefined }> = [];
  for (const [row, input] of rows.entries()) {
    const key = keyOf(input.partyCode, input);
    try {
      if (seen.has(key)) throw invalid('number', `licence ${input.licenceType} ${input.number} of ${input.partyCode} appears twice in the batch`);
      seen.add(key);
      const party = partyByCode.get(input.partyCode);
      if (!party) throw invalid('partyCode', `no party with code ${input.partyCode}`);
      checkLicenceHolder(party, input.licenceType);
      const old = before.get(key);
      const record = { ...merge(input, old), id: old?.id ?? uuidv7(), partyId: party.id };
      checkLicenceRules(record);
      planned.push({ row, key, record, old });
    } catch (e) {
      outcomes.push(rejected(row, key, e));
    }
  }

  const compared = planned.map((p) => ({ ...p, changes: diffFields(p.old ? audited(p.old) : null, audited(p.record)) }));
  const changed = compared.filter((p) => !p.old || Object.keys(p.changes).length);
  for (const p of compared) if (!changed.includes(p)) outcomes.push({ row: p.row, key: p.key, id: p.record.id, action: 'unchanged' });
  if (changed.length) {
    const { rows: written } = await w.tx.query<{ id: string }>(
      `INSERT INTO licences (id, party_id, licence_type, number, device_classes, category_codes, valid_from, valid_to,
                             issuing_authority, document_ref, source, source_ref, created_by, updated_by)
       SELECT r.id, r."partyId", r."licenceType", r.number, r."deviceClasses", r."categoryCodes", r."validFrom", r."validTo",
              r."issuingAuthority", r."documentRef", $2, $3, $4, $4
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "partyId" uuid, "licenceType" text, number text, "deviceClasses" text[],
              "categoryCodes" text[], "validFrom" date, "validTo" date, "issuingAuthority" text, "documentRef" text)
       ON CONFLICT (party_id, licence_type, number) DO UPDATE SET device_classes = EXCLUDED.device_classes,
              category_codes = EXCLUDED.category_codes, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
              issuing_authority = EXCLUDED.issuing_authority, document_ref = EXCLUDED.document_ref,
              version = licences.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING id`,
      [JSON.stringify(changed.map((p) => p.record)), provenance.source, provenance.sourceRef ?? null, w.actor.name],
    );
    // A licence inserted by a concurrent import between our read and our write keeps its own id.
    const ids = new Set(written.map((r) => r.id));
    const raced = changed.find((p) => !ids.has(p.record.id));
    if (raced) throw new DomainError('CONFLICT', `licence ${raced.key} was created concurrently; run the import again`);
  }
  for (const p of changed) {
    const action = p.old ? 'updated' : 'created';
    outcomes.push({ row: p.row, key: p.key, id: p.record.id, action });
    w.audit({ entityType: 'licence', entityId: p.record.id, action, changes: p.old ? p.changes : { partyId: { new: p.record.partyId }, ...p.changes } });
    w.emit({ topic: `licence.${action}`, entityType: 'licence', entityId: p.record.id, payload: { partyId: p.record.partyId, licenceType: p.record.licenceType } });
  }
  return summarise(outcomes);
}
