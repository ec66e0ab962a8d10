import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { defaultProvenance, type Provenance } from './party-record.ts';
import { checkVersion, findVisibleParty } from './party-access.ts';
import { checkLicenceHolder, checkLicenceRules } from './licence-rules.ts';
import type { LicenceInput, LicencePatch } from './licence-schemas.ts';
import { LICENCE_COLUMNS, type LicenceView } from './licence-view.ts';
import { loadLicence } from './list-licences.ts';
import { definedOnly } from './patch-values.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

/** The fields of a licence its audit records compare. */
const auditFields = (l: LicenceView) => ({
  licenceType: l.licenceType, number: l.number, deviceClasses: l.deviceClasses, categoryCodes: l.categoryCodes,
  validFrom: l.validFrom, validTo: l.validTo, issuingAuthority: l.issuingAuthority, documentRef: l.documentRef,
});

async function refuseDuplicate(w: Work, partyId: string, l: { licenceType: string; number: string }, exceptId: string | null): Promise<void> {
  const { rows } = await w.tx.query('SELECT 1 FROM licences WHERE party_id = $1 AND licence_type = $2 AND number = $3 AND id IS DISTINCT FROM $4', [
    partyId, l.licenceType, l.number, exceptId,
  ]);
  if (rows.length) throw new DomainError('DUPLICATE', `the party already has ${l.licenceType} licence ${l.number}`, { field: 'number' });
}

export async function addLicence(
  db: Database, actor: Actor, partyId: string, input: LicenceInput, requestId: string | null = null,
  provenance: Provenance = defaultProvenance(actor),
): Promise<LicenceView> {
  checkLicenceRules(input);
  return writeTx(db, { actor, requestId }, async (w) => {
    const party = await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    checkLicenceHolder(party, input.licenceType);
    await refuseDuplicate(w, partyId, input, null);
    const { rows } = await w.tx.query<LicenceView>(
      `INSERT INTO licences AS l (id, party_id, licence_type, number, device_classes, category_codes, valid_from, valid_to,
                                  issuing_authority, document_ref, source, source_ref, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING ${LICENCE_COLUMNS}`,
      [uuidv7(), partyId, input.licenceType, input.number, input.deviceClasses ?? [], input.categoryCodes ?? [], input.validFrom,
        input.validTo ?? null, input.issuingAuthority ?? null, input.documentRef ?? null, provenance.source, provenance.sourceRef ?? null, actor.name],
    );
    const licence = rows[0]!;
    w.audit({ entityType: 'licence', entityId: licence.id, action: 'created', changes: { partyId: { new: partyId }, ...diffFields(null, auditFields(licence)) } });
    w.emit({ topic: 'licence.created', entityType: 'licence', entityId: licence.id, payload: { partyId, partyCode: party.code, licenceType: licence.licenceType } });
    return licence;
  });
}

export async function updateLicence(
  db: Database, actor: Actor, partyId: string, licenceId: string, patch: LicencePatch, requestId: string | null = null,
): Promise<LicenceView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const before = await loadLicence(w.tx, partyId, licenceId, { forUpdate: true });
    checkVersion('licence', before.version, patch.version);
    const { version: _v, ...fields } = definedOnly(patch);
    const after = { ...before, ...fields };
    checkLicenceRules(after);
    const changes: Record<string, unknown> = diffFields(auditFields(before), auditFields(after));
    if (!Object.keys(changes).length) unchanged(before);
    if (after.number !== before.number) await refuseDuplicate(w, partyId, after, licenceId);
    const { rows } = await w.tx.query<LicenceView>(
      `UPDATE licences l SET number = $2, device_classes = $3, category_codes = $4, valid_from = $5, valid_to = $6,
              issuing_authority = $7, document_ref = $8, version = version + 1, updated_at = now(), updated_by = $9
        WHERE l.id = $1 RETURNING ${LICENCE_COLUMNS}`,
      [licenceId, after.number, after.deviceClasses, after.categoryCodes, after.validFrom, after.validTo, after.issuingAuthority,
        after.documentRef, actor.name],
    );
    changes.version = { old: before.version, new: before.version + 1 };
    w.audit({ entityType: 'licence', entityId: licenceId, action: 'updated', changes });
    w.emit({ topic: 'licence.updated', entityType: 'licence', entityId: licenceId, payload: { partyId, fields: Object.keys(changes) } });
    return rows[0]!;
  });
}

export async function removeLicence(db: Database, actor: Actor, partyId: string, licenceId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const before = await loadLicence(w.tx, partyId, licenceId, { forUpdate: true });
    await w.tx.query('DELETE FROM licences WHERE id = $1', [licenceId]);
    w.audit({ entityType: 'licence', entityId: licenceId, action: 'deleted', changes: { partyId: { old: partyId }, ...diffFields(auditFields(before), null) } });
    w.emit({ topic: 'licence.deleted', entityType: 'licence', entityId: licenceId, payload: { partyId, licenceType: before.licenceType } });
  });
}
