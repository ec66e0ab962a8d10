import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts, type DeviceFacts } from '../catalog/device-queries.ts';
import { findVisibleParty } from './party-access.ts';
import { listLicences } from './list-licences.ts';
import { mayReceive, type MayReceive } from './may-receive.ts';

export type DeviceVerdict = { deviceId: string; deviceCode: string } & MayReceive;

/**
 * The country the goods go to: the given ship-to, else the party's default ship-to, else any of
 * its addresses; a party without addresses is taken as domestic.
 */
async function destinationCountry(tx: Sql, partyId: string, shipToId: string | undefined): Promise<string> {
  const { rows } = await tx.query<{ id: string; kind: string; country: string }>(
    `SELECT id, kind, country FROM party_addresses WHERE party_id = $1
      ORDER BY (id = $2::uuid) DESC NULLS LAST, (kind = 'ship_to' AND is_default) DESC, (kind = 'ship_to') DESC, code`,
    [partyId, shipToId ?? null],
  );
  if (shipToId && (rows[0]?.id !== shipToId || rows[0].kind !== 'ship_to')) {
    throw invalid('shipToId', `address ${shipToId} is not a ship-to address of this party`);
  }
  return rows[0]?.country ?? 'CN';
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
  opts: { shipToId?: string; /** The devices' facts when the caller has read them already. */ deviceFacts?: ReadonlyMap<string, DeviceFacts> } = {},
): Promise<{ allowed: boolean; devices: DeviceVerdict[] }> {
  const { rows } = await tx.query<{ code: string; kind: string; customerType: 'hospital' | 'distributor' | 'dealer' | null }>(
    'SELECT code, kind, customer_type AS "customerType" FROM parties WHERE id = $1', [partyId]);
  const party = rows[0];
  if (!party) throw notFound('party', partyId);
  if (!party.customerType) throw new DomainError('INVALID_STATE', `party ${party.code} is a ${party.kind}, not a customer`);
  const customer = { customerType: party.customerType, country: await destinationCountry(tx, partyId, opts.shipToId) };
  const licences = await listLicences(tx, partyId);
  const facts = opts.deviceFacts ?? (await getDeviceFacts(tx, deviceIds));
  const devices = [...new Set(deviceIds)].map((id): DeviceVerdict => {
    const device = facts.get(id);
    if (!device) throw new DomainError('NOT_FOUND', `device ${id} not found`, { field: 'deviceId', details: { entity: 'device', id } });
    return { deviceId: id, deviceCode: device.code, ...mayReceive(customer, licences, device, date) };
  });
  return { allowed: devices.every((d) => d.allowed), devices };
}

/** The may-receive route: one device, for a party the actor can see. */
export const getMayReceive = (db: Database, actor: Actor, partyId: string, deviceId: string, date: string, shipToId?: string) =>
  readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    const { devices } = await checkMayReceive(tx, partyId, [deviceId], date, shipToId ? { shipToId } : {});
    return { partyId, date, ...devices[0]! };
  });
