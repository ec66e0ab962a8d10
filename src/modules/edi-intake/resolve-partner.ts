import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import type { EnvelopeParty, OrderParty } from '../edi/index.ts';
import { findPartyByIdentifier } from '../parties/find-party-by-identifier.ts';
import { partnerLookups, type PartnerLookup } from './partner-lookups.ts';

type PartyHit = Awaited<ReturnType<typeof findPartyByIdentifier>>;

export interface EdiCustomer {
  id: string;
  code: string;
}

export interface ShipToChoice {
  /** Absent: the customer's default ship-to. */
  shipToId?: string;
  /** Why the default was taken although the partner named a ship-to. */
  note?: string;
}

/**
 * Finds the customers and ship-tos an interchange names through the parties' identifiers (GLN,
 * DUNS, partner ids). Each identifier is looked up once per interchange, however many orders
 * repeat it.
 */
export function partnerResolver(tx: Sql) {
  const seen = new Map<string, Promise<PartyHit>>();
  const find = (l: PartnerLookup): Promise<PartyHit> => {
    const key = `${l.scheme}:${l.value}`;
    let hit = seen.get(key);
    if (!hit) seen.set(key, (hit = findPartyByIdentifier(tx, l.scheme, l.value)));
    return hit;
  };

  /** The first of `parties` (most specific first) that names a customer, or null. */
  async function customerOf(parties: ReadonlyArray<EnvelopeParty | OrderParty | undefined>): Promise<EdiCustomer | null> {
    for (const party of parties) {
      for (const lookup of party ? partnerLookups(party) : []) {
        const hit = await find(lookup);
        if (hit?.kind === 'customer') return { id: hit.id, code: hit.code };
      }
    }
    return null;
  }

  /** The customer's address the ship-to GLN names; another party's address is refused. */
  async function shipToOf(customer: EdiCustomer, shipTo: OrderParty | undefined): Promise<ShipToChoice> {
    const gln = shipTo ? partnerLookups(shipTo).find((l) => l.scheme === 'GLN') : undefined;
    if (!gln) return {};
    const hit = await find(gln);
    // The customer's own GLN (not one of its sites) means its usual ship-to.
    if (hit?.id === customer.id) return hit.addressId ? { shipToId: hit.addressId } : {};
    if (hit?.addressId) throw invalid('shipTo', `ship-to GLN ${gln.value} is an address of ${hit.code}, not of ${customer.code}`);
    return { note: `EDI ship-to GLN ${gln.value} is no address of ${customer.code} on file: the default ship-to was used` };
  }

  return { customerOf, shipToOf };
}
