import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import { defaultProvenance, type Provenance } from './party-record.ts';
import { ITEM_XREF_COLUMNS, type ItemXrefInput, type ItemXrefPatch, type ItemXrefView } from './item-xref-schemas.ts';
import { checkVersion, findVisibleParty, requireKind } from './party-access.ts';
import { definedOnly } from './patch-values.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

/** The device must exist and be packed at the level the partner's code stands for. */
async function checkDeviceLevel(tx: Sql, deviceId: string, level: ItemXrefInput['packagingLevel']): Promise<void> {
  const device = (await getDeviceFacts(tx, [deviceId])).get(deviceId);
  if (!device) throw invalid('deviceId', `no device ${deviceId}`);
  if (!device.packaging.some((p) => p.level === level)) {
    throw invalid('packagingLevel', `device ${device.code} has no ${level} level (it has ${device.packaging.map((p) => p.level).join(', ') || 'none'})`);
  }
}

export async function loadItemXref(tx: Sql, partyId: string, xrefId: string, opts: { forUpdate?: boolean } = {}): Promise<ItemXrefView> {
  const { rows } = await tx.query<ItemXrefView>(
    `SELECT ${ITEM_XREF_COLUMNS} FROM party_item_xrefs x WHERE x.id = $1 AND x.party_id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [xrefId, partyId],
  );
  if (!rows[0]) throw notFound('item cross-reference', xrefId);
  return rows[0];
}

const auditFields = (x: Pick<ItemXrefView, 'partnerItemCode' | 'deviceId' | 'packagingLevel' | 'description'>) => ({
  partnerItemCode: x.partnerItemCode, deviceId: x.deviceId, packagingLevel: x.packagingLevel, description: x.description,
});

export async function addItemXref(
  db: Database, actor: Actor, partyId: string, input: ItemXrefInput, requestId: string | null = null,
  provenance: Provenance = defaultProvenance(actor),
): Promise<ItemXrefView> {
  return writeTx(db, { actor, requestId }, async (w) => {
    requireKind(await findVisibleParty(w.tx, actor, partyId, { forUpdate: true }), ['customer', 'supplier'], 'item cross-references');
    await checkDeviceLevel(w.tx, input.deviceId, input.packagingLevel);
    const taken = await w.tx.query('SELECT 1 FROM party_item_xrefs WHERE party_id = $1 AND partner_item_code = $2', [partyId, input.partnerItemCode]);
    if (taken.rows.length) throw new DomainError('DUPLICATE', `item code ${input.partnerItemCode} is already mapped for this party`, { field: 'partnerItemCode' });
    const { rows } = await w.tx.query<ItemXrefView>(
      `INSERT INTO party_item_xrefs AS x (id, party_id, partner_item_code, device_id, packaging_level, description, source, source_ref, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${ITEM_XREF_COLUMNS}`,
      [uuidv7(), partyId, input.partnerItemCode, input.deviceId, input.packagingLevel, input.description ?? null,
        provenance.source, provenance.sourceRef ?? null, actor.name],
    );
    const xref = rows[0]!;
    w.audit({ entityType: 'party_item_xref', entityId: xref.id, action: 'created', changes: { partyId: { new: partyId }, ...diffFields(null, auditFields(xref)) } });
    return xref;
  });
}

export async function updateItemXref(
  db: Database, actor: Actor, partyId: string, xrefId: string, patch: ItemXrefPatch, requestId: string | null = null,
): Promise<ItemXrefView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const before = await loadItemXref(w.tx, partyId, xrefId, { forUpdate: true });
    checkVersion('item cross-reference', before.version, patch.version);
    const { version: _v, ...fields } = definedOnly(patch);
    const after = { ...before, ...fields };
    const changes: Record<string, unknown> = diffFields(auditFields(before), auditFields(after));
    if (!Object.keys(changes).length) unchanged(before);
    if (changes.deviceId || changes.packagingLevel) await checkDeviceLevel(w.tx, after.deviceId, after.packagingLevel);
    const { rows } = await w.tx.query<ItemXrefView>(
      `UPDATE party_item_xrefs x SET device_id = $2, packaging_level = $3, description = $4, version = version + 1,
              updated_at = now(), updated_by = $5 WHERE x.id = $1 RETURNING ${ITEM_XREF_COLUMNS}`,
      [xrefId, after.deviceId, after.packagingLevel, after.description, actor.name],
    );
    changes.version = { old: before.version, new: before.version + 1 };
    w.audit({ entityType: 'party_item_xref', entityId: xrefId, action: 'updated', changes });
    return rows[0]!;
  });
}

export async function removeItemXref(db: Database, actor: Actor, partyId: string, xrefId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const before = await loadItemXref(w.tx, partyId, xrefId, { forUpdate: true });
    await w.tx.query('DELETE FROM party_item_xrefs WHERE id = $1', [xrefId]);
    w.audit({ entityType: 'party_item_xref', entityId: xrefId, action: 'deleted', changes: { partyId: { old: partyId }, ...diffFields(auditFields(before), null) } });
  });
}
