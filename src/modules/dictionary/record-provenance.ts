import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import type { AuditView } from '../audit/entity-history.ts';
import { getDevice } from '../catalog/get-device.ts';
import { getPartyLicence } from '../parties/list-licences.ts';
import { findVisibleParty } from '../parties/party-access.ts';
import { listParties } from '../parties/list-parties.ts';
import { getContract } from '../pricing/get-contract.ts';
import { getPriceList } from '../pricing/get-price-list.ts';
import { loadLine } from '../pricing/price-list-view.ts';
import { getWarehouse } from '../warehouses/get-warehouse.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

/** The provenance columns every master-data record carries. */
export type RecordProvenance = Omit<RecordStamp, 'version'>;

type Lookup = (db: Database, actor: Actor, id: string, history: readonly AuditView[]) => Promise<RecordProvenance>;

const pick = ({ source, sourceRef, createdBy, updatedBy, createdAt, updatedAt }: RecordProvenance): RecordProvenance =>
  ({ source, sourceRef, createdBy, updatedBy, createdAt, updatedAt });

/** A child record names its parent only in its creation: the parent's id from the `created` audit record. */
function parentId(entity: string, id: string, history: readonly AuditView[], field: string): string {
  const created = history.find((h) => h.action === 'created');
  const parent = (created?.changes[field] as { new?: unknown } | undefined)?.new;
  if (typeof parent !== 'string') throw notFound(entity, id);
  return parent;
}

async function partyProvenance(db: Database, actor: Actor, id: string): Promise<RecordProvenance> {
  return readTx(db, async (tx) => {
    const { code } = await findVisibleParty(tx, actor, id);
    const { items } = await listParties(tx, actor, { q: code, limit: 500, offset: 0 });
    const party = items.find((p) => p.id === id);
    if (!party) throw notFound('party', id);
    return pick(party);
  });
}

async function warehousePart(db: Database, entity: 'warehouse_zone' | 'warehouse_bin', id: string, history: readonly AuditView[]): Promise<RecordProvenance> {
  const warehouse = await getWarehouse(db, parentId(entity, id, history, 'warehouseId'));
  const found = (entity === 'warehouse_zone' ? warehouse.zones : warehouse.bins).find((r) => r.id === id);
  if (!found) throw notFound(entity, id);
  return pick(found);
}

/**
 * How to read each entity's provenance, through its module's own read functions (and with the
 * actor's visibility: a portal user sees only its organisation's records).
 */
const LOOKUPS: Record<string, Lookup> = {
  device: async (db, _actor, id) => pick(await getDevice(db, id)),
  party: (db, actor, id) => partyProvenance(db, actor, id),
  licence: async (db, actor, id, history) => pick(await getPartyLicence(db, actor, parentId('licence', id, history, 'partyId'), id)),
  price_list: async (db, actor, id) => pick(await getPriceList(db, actor, id)),
  price_list_line: (db, _actor, id, history) => readTx(db, async (tx) => pick(await loadLine(tx, parentId('price_list_line', id, history, 'priceListId'), id))),
  contract: async (db, actor, id) => pick(await getContract(db, actor, id)),
  warehouse: async (db, _actor, id) => pick(await getWarehouse(db, id)),
  warehouse_zone: (db, _actor, id, history) => warehousePart(db, 'warehouse_zone', id, history),
  warehouse_bin: (db, _actor, id, history) => warehousePart(db, 'warehouse_bin', id, history),
};

const LINEAGE_ENTITIES = Object.keys(LOOKUPS);

export function recordProvenance(db: Database, actor: Actor, entity: string, id: string, history: readonly AuditView[]): Promise<RecordProvenance> {
  const lookup = LOOKUPS[entity];
  if (!lookup) {
    throw new DomainError('VALIDATION_FAILED', `entity: no lineage for "${entity}"; one of ${LINEAGE_ENTITIES.join(', ')}`, { field: 'entity' });
  }
  return lookup(db, actor, id, history);
}
