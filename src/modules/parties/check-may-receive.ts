import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts, type DeviceFacts } from '../catalog/device-queries.ts';
import { findVisibleParty } from './party-access.ts';
import { listLicences } from './list-licences.ts';
import { mayReceive, type MayReceive, type ReceivingCustomer } from './may-receive.ts';

export type DeviceVerdict = { deviceId: string; deviceCode: string } & MayReceive;

type Address = { id: string; kind: string; country: string };

/**
 * The country the goods go to: the given ship-to, else the party's default ship-to, else any of
 * its addresses (the query orders them so); a party without addresses is taken as domestic.
 */
function destinationCountry(addresses: readonly Address[], shipToId: string | undefined): string {
  if (shipToId && (addresses[0]?.id !== shipToId || addresses[0].kind !== 'ship_to')) {
    throw invalid('shipToId', `address ${shipToId} is not a ship-to address of this party`);
  }
  return addresses[0]?.country ?? 'CN';
}

/**
 * May the customer receive each of these devices on `date`? For the order module (compliance
 * holds) and the may-receive route. Unknown devices are NOT_FOUND naming `deviceId`.
 */
export async function checkMayReceive(
  tx: Sql,
  partyId: string,
  deviceIds: readonly string[],
  date: string,
  opts: {
    shipToId?: string;
    /** The devices' facts when the caller has read them already. */
    deviceFacts?: ReadonlyMap<string, DeviceFacts>;
    /** The customer's type and the ship-to's country when the caller has checked them already (order intake). */
    destination?: ReceivingCustomer;
  } = {},
): Promise<{ allowed: boolean; devices: DeviceVerdict[] }> {
  const customer = opts.destination ?? (await destinationOf(tx, partyId, opts.shipToId));
  const licences = await listLicences(tx, partyId);
  const facts = opts.deviceFacts ?? (await getDeviceFacts(tx, deviceIds));
  const devices = [...new Set(deviceIds)].map((id): DeviceVerdict => {
    const device = facts.get(id);
    if (!device) throw new DomainError('NOT_FOUND', `device ${id} not found`, { field: 'deviceId', details: { entity: 'device', id } });
    return { deviceId: id, deviceCode: device.code, ...mayReceive(customer, licences, device, date) };
  });
  return { allowed: devices.every((d) => d.allowed), devices };
}

/** The party's customer type and the country the goods go to; a party that is no customer cannot receive. */
async function destinationOf(tx: Sql, partyId: string, shipToId: string | undefined): Promise<ReceivingCustomer> {
  // The party and its addresses, the chosen ship-to first, in one statement.
  const { rows } = await tx.query<{ code: string; kind: string; customerType: 'hospital' | 'distributor' | 'dealer' | null; addresses: Address[] }>(
    `SELECT p.code, p.kind, p.customer_type AS "customerType",
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'country', a.country)
                                      ORDER BY (a.id = $2::uuid) DESC NULLS LAST, (a.kind = 'ship_to' AND a.is_default) DESC, (a.kind = 'ship_to') DESC, a.code)
                        FROM party_addresses a WHERE a.party_id = p.id), '[]'::json) AS addresses
       FROM parties p WHERE p.id = $1`,
    [partyId, shipToId ?? null],
  );
  const party = rows[0];
  if (!party) throw notFound('party', partyId);
  if (!party.customerType) throw new DomainError('INVALID_STATE', `party ${party.code} is a ${party.kind}, not a customer`);
  return { customerType: party.customerType, country: destinationCountry(party.addresses, shipToId) };
}

/** The may-receive route: one device, for a party the actor can see. */
export const getMayReceive = (db: Database, actor: Actor, partyId: string, deviceId: string, date: string, shipToId?: string) =>
  readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    const { devices } = await checkMayReceive(tx, partyId, [deviceId], date, shipToId ? { shipToId } : {});
    return { partyId, date, ...devices[0]! };
  });
