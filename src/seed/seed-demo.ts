import type { Database } from '../db/types.ts';
import { systemActor } from '../platform/actor.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { DomainError, isDomainError } from '../platform/errors.ts';
import { writeTx, type Work } from '../platform/unit-of-work.ts';
import type { Runtime } from '../runtime.ts';
import { createUser } from '../modules/auth/create-user.ts';
import { upsertDevices } from '../modules/catalog/upsert-devices.ts';
import type { BatchResult } from '../modules/parties/batch-outcome.ts';
import { upsertLicences } from '../modules/parties/upsert-licences.ts';
import { upsertParties } from '../modules/parties/upsert-parties.ts';
import { createContractIn } from '../modules/pricing/create-contract.ts';
import { createPriceListIn } from '../modules/pricing/create-price-list.ts';
import { upsertWarehouses } from '../modules/warehouses/upsert-warehouses.ts';
import { todayUtc } from './demo-dates.ts';
import { demoDevices } from './demo-devices.ts';
import { demoLicences } from './demo-licences.ts';
import { DEMO_PARTIES } from './demo-parties.ts';
import { demoContracts, demoPriceLists } from './demo-pricing.ts';
import { DEMO_USERS } from './demo-users.ts';
import { DEMO_WAREHOUSES } from './demo-warehouses.ts';

export { DEMO_PASSWORD } from './demo-users.ts';

export interface DemoCounts {
  devices: number;
  parties: number;
  licences: number;
  warehouses: number;
  zones: number;
  bins: number;
  priceLists: number;
  contracts: number;
  users: number;
}

const PROVENANCE = { source: 'demo' } as const;

export async function hasDemoData(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM parties WHERE source = 'demo'`);
  return rows[0]!.n > 0;
}

/** The demo data is written by the modules' own upserts; a row they refuse is a bug in the demo data. */
function accepted(what: string, r: BatchResult): BatchResult {
  const refused = r.rows.filter((o) => o.action === 'rejected');
  if (refused.length) throw new DomainError('INTERNAL', `demo ${what} refused: ${refused.map((o) => `${o.key}: ${o.error?.message}`).join('; ')}`);
  return r;
}

async function seedMasterData(w: Work, crypto: FieldCrypto, today: string): Promise<{ counts: Omit<DemoCounts, 'users'>; partyIds: Map<string, string> }> {
  const parties = accepted('parties', await upsertParties(w, crypto, DEMO_PARTIES, PROVENANCE));
  const licences = accepted('licences', await upsertLicences(w, demoLicences(today), PROVENANCE));
  const devices = await upsertDevices(w, demoDevices(today), PROVENANCE);
  const warehouses = await upsertWarehouses(w, DEMO_WAREHOUSES, PROVENANCE);
  const ids = {
    devices: new Map(devices.devices.map((d) => [d.code, d.id])),
    parties: new Map(parties.rows.map((r) => [r.key, r.id!])),
  };
  const lists = [];
  for (const list of demoPriceLists(ids, today)) lists.push(await createPriceListIn(w, list, PROVENANCE));
  const contracts = demoContracts(ids, today, lists[0]!.id);
  for (const contract of contracts) await createContractIn(w, contract, PROVENANCE);
  const counts = {
    devices: devices.created, parties: parties.created, licences: licences.created, warehouses: warehouses.filter((x) => x.outcome === 'created').length,
    zones: DEMO_WAREHOUSES.reduce((n, x) => n + (x.zones?.length ?? 0), 0), bins: DEMO_WAREHOUSES.reduce((n, x) => n + (x.bins?.length ?? 0), 0),
    priceLists: lists.length, contracts: contracts.length,
  };
  return { counts, partyIds: ids.parties };
}

/**
 * A realistic data set for trying Lotline: devices of classes I–III with packaging GTINs and
 * registrations (some expiring, one expired), customers, suppliers and a carrier, licences (some
 * lapsed or narrow), price lists and contracts, two warehouses with GSP zones and bins, and one
 * user per role. All master data is written in one transaction through the modules' own
 * functions, with provenance `demo`; run again, it adds nothing.
 */
export async function seedDemo(rt: Pick<Runtime, 'db' | 'crypto'>): Promise<DemoCounts> {
  const actor = systemActor('demo-seed');
  const none: DemoCounts = { devices: 0, parties: 0, licences: 0, warehouses: 0, zones: 0, bins: 0, priceLists: 0, contracts: 0, users: 0 };
  if (await hasDemoData(rt.db)) return none;
  const { counts, partyIds } = await writeTx(rt.db, { actor }, (w) => seedMasterData(w, rt.crypto, todayUtc()));
  let users = 0;
  for (const u of DEMO_USERS) {
    try {
      await createUser(rt.db, actor, { ...u, organisationId: u.organisation ? (partyIds.get(u.organisation) ?? null) : null });
      users++;
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'DUPLICATE') throw e;
    }
  }
  return { ...counts, users };
}
