import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { readTx, writeTx, type Work } from '../../platform/unit-of-work.ts';
import { CARRIER_SERVICE_COLUMNS, type CarrierServiceView } from './carrier-service-view.ts';
import { findVisibleParty, requireKind, touchParty } from './party-access.ts';
import type { CarrierServicePatch } from './party-patch-schemas.ts';
import type { CarrierServiceInput } from './party-schemas.ts';
import { definedOnly } from './patch-values.ts';
import { upsertCarrierServices } from './write-party-children.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

const prefixed = (code: string, changes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(changes).map(([k, v]) => [`carrierServices.${code}.${k}`, v]));

async function loadService(w: Work, partyId: string, serviceId: string): Promise<CarrierServiceView> {
  const { rows } = await w.tx.query<CarrierServiceView>(
    `SELECT ${CARRIER_SERVICE_COLUMNS} FROM carrier_services s WHERE s.id = $1 AND s.party_id = $2 FOR UPDATE`, [serviceId, partyId]);
  if (!rows[0]) throw notFound('carrier service', serviceId);
  return rows[0];
}

export async function listCarrierServices(db: Database, actor: Actor, partyId: string): Promise<CarrierServiceView[]> {
  return readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    const { rows } = await tx.query<CarrierServiceView>(`SELECT ${CARRIER_SERVICE_COLUMNS} FROM carrier_services s WHERE s.party_id = $1 ORDER BY s.code`, [partyId]);
    return rows;
  });
}

export async function addCarrierService(
  db: Database, actor: Actor, partyId: string, input: CarrierServiceInput, requestId: string | null = null,
): Promise<CarrierServiceView> {
  return writeTx(db, { actor, requestId }, async (w) => {
    requireKind(await findVisibleParty(w.tx, actor, partyId, { forUpdate: true }), ['carrier'], 'services');
    const taken = await w.tx.query('SELECT 1 FROM carrier_services WHERE party_id = $1 AND code = $2', [partyId, input.code]);
    if (taken.rows.length) throw new DomainError('DUPLICATE', `the carrier already has a service ${input.code}`, { field: 'code' });
    await upsertCarrierServices(w.tx, [{ ...input, partyId }]);
    const { rows } = await w.tx.query<CarrierServiceView>(
      `SELECT ${CARRIER_SERVICE_COLUMNS} FROM carrier_services s WHERE s.party_id = $1 AND s.code = $2`, [partyId, input.code]);
    const { id: _id, partyId: _p, ...fields } = rows[0]!;
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'carrier_service.added', changes: prefixed(input.code, diffFields(null, fields)) });
    return rows[0]!;
  });
}

export async function updateCarrierService(
  db: Database, actor: Actor, partyId: string, serviceId: string, patch: CarrierServicePatch, requestId: string | null = null,
): Promise<CarrierServiceView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const before = await loadService(w, partyId, serviceId);
    const after = { ...before, ...definedOnly(patch) };
    const changes = diffFields({ ...before }, { ...after });
    if (!Object.keys(changes).length) unchanged(before);
    await upsertCarrierServices(w.tx, [after]);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'carrier_service.updated', changes: prefixed(before.code, changes) });
    return after;
  });
}

export async function removeCarrierService(db: Database, actor: Actor, partyId: string, serviceId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await findVisibleParty(w.tx, actor, partyId, { forUpdate: true });
    const { id: _id, partyId: _p, ...before } = await loadService(w, partyId, serviceId);
    await w.tx.query('DELETE FROM carrier_services WHERE id = $1', [serviceId]);
    await touchParty(w, partyId);
    w.audit({ entityType: 'party', entityId: partyId, action: 'carrier_service.removed', changes: prefixed(before.code, diffFields(before, null)) });
  });
}
