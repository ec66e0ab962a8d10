import type { Database } from '../../db/types.ts';
import { can, type Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { BANK_DETAILS, CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE } from './sensitive-columns.ts';
import { ADDRESS_COLUMNS, type AddressView } from './address-view.ts';
import { PARTY_COLUMNS, type PartyView } from './party-view.ts';
import { LICENCE_COLUMNS, type LicenceView } from './licence-view.ts';
import { CARRIER_SERVICE_COLUMNS, type CarrierServiceView } from './carrier-service-view.ts';

export interface PartyDetail extends PartyView {
  bankDetails?: string | null;
  addresses: AddressView[];
  contacts: Array<{ id: string; role: string | null; name?: string; phone?: string | null; email?: string | null }>;
  identifiers: Array<{ scheme: string; value: string }>;
  licences: LicenceView[];
  carrierServices: CarrierServiceView[];
  sensitiveHidden: boolean;
}

/**
 * One party with its addresses, contacts, identifiers and licences. Personal data and bank
 * details are decrypted only for roles with parties.sensitive.read, and each such read is itself
 * recorded in the audit trail.
 */
export async function getParty(db: Database, crypto: FieldCrypto, actor: Actor, id: string, requestId: string | null = null): Promise<PartyDetail> {
  const showSensitive = can(actor, 'parties.sensitive.read');
  const loaded = await readTx(db, async (tx) => {
    const p = await tx.query<PartyView & { bank_details_enc: string | null }>(`SELECT ${PARTY_COLUMNS}, p.bank_details_enc FROM parties p WHERE p.id = $1`, [id]);
    const party = p.rows[0];
    if (!party) throw notFound('party', id);
    assertVisible(actor, party.id, 'party', id);
    const [addresses, contacts, identifiers, licences, services] = await Promise.all([
      tx.query<AddressView>(`SELECT ${ADDRESS_COLUMNS} FROM party_addresses a WHERE a.party_id = $1 ORDER BY a.code`, [id]),
      tx.query<{ id: string; role: string | null; name_enc: string; phone_enc: string | null; email_enc: string | null }>(
        'SELECT id, role, name_enc, phone_enc, email_enc FROM party_contacts WHERE party_id = $1 ORDER BY id', [id]),
      tx.query<{ scheme: string; value: string }>('SELECT scheme, value FROM party_identifiers WHERE party_id = $1 ORDER BY scheme, value', [id]),
      tx.query<LicenceView>(`SELECT ${LICENCE_COLUMNS} FROM licences l WHERE l.party_id = $1 ORDER BY l.valid_to NULLS LAST, l.number`, [id]),
      tx.query<CarrierServiceView>(`SELECT ${CARRIER_SERVICE_COLUMNS} FROM carrier_services s WHERE s.party_id = $1 ORDER BY s.code`, [id]),
    ]);
    return { party, addresses: addresses.rows, contacts: contacts.rows, identifiers: identifiers.rows, licences: licences.rows, services: services.rows };
  });

  const { bank_details_enc, ...party } = loaded.party;
  const detail: PartyDetail = {
    ...party,
    addresses: loaded.addresses,
    identifiers: loaded.identifiers,
    licences: loaded.licences,
    carrierServices: loaded.services,
    sensitiveHidden: !showSensitive,
    contacts: loaded.contacts.map((c) =>
      showSensitive
        ? {
            id: c.id,
            role: c.role,
            name: crypto.decrypt(c.name_enc, aadFor(CONTACT_NAME, c.id)),
            phone: c.phone_enc && crypto.decrypt(c.phone_enc, aadFor(CONTACT_PHONE, c.id)),
            email: c.email_enc && crypto.decrypt(c.email_enc, aadFor(CONTACT_EMAIL, c.id)),
          }
        : { id: c.id, role: c.role },
    ),
  };
  if (showSensitive) {
    detail.bankDetails = bank_details_enc && crypto.decrypt(bank_details_enc, aadFor(BANK_DETAILS, id));
    if (bank_details_enc || loaded.contacts.length) {
      await writeTx(db, { actor, requestId }, async (w) => {
        w.audit({ entityType: 'party', entityId: id, action: 'sensitive.read', changes: { fields: { new: ['bankDetails', 'contacts'] } } });
      });
    }
  }
  return detail;
}
