import type { Sql } from '../../db/types.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import type { AddressInput, CarrierServiceInput, ContactInput, IdentifierInput, PartyInput } from './party-schemas.ts';
import { CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE, ENCRYPTED } from './sensitive-columns.ts';
import type { AddressRow } from './write-party-children.ts';

/**
 * What an import row does to a party's children. Addresses and carrier services are matched by
 * code and replaced whole when they differ; identifiers are added; the contacts, having no key,
 * are replaced as a list when the row gives a different list. Children the row leaves out stay.
 */
const normAddress = (a: AddressRow) => ({
  code: a.code, kind: a.kind, name: a.name, line1: a.line1, city: a.city ?? null, province: a.province ?? null,
  postcode: a.postcode ?? null, country: a.country ?? 'CN', gln: a.gln ?? null, coldChainCapable: a.coldChainCapable ?? false, isDefault: a.isDefault ?? false,
});
const normService = (s: CarrierServiceInput) => ({
  code: s.code, name: s.name, transitDays: s.transitDays, coldChainCapable: s.coldChainCapable ?? false, active: s.active ?? true,
});
const normContact = (c: { role?: string | null; name: string; phone?: string | null; email?: string | null }) => ({
  role: c.role ?? null, name: c.name, phone: c.phone ?? null, email: c.email ?? null,
});
const sameContacts = (a: ReturnType<typeof normContact>[], b: ReturnType<typeof normContact>[]) =>
  canonicalJson(a.map(canonicalJson).sort()) === canonicalJson(b.map(canonicalJson).sort());

export interface ExistingChildren {
  addresses: Map<string, ReturnType<typeof normAddress>>;
  services: Map<string, ReturnType<typeof normService>>;
  identifiers: Set<string>;
  contacts: ReturnType<typeof normContact>[];
}

const empty = (): ExistingChildren => ({ addresses: new Map(), services: new Map(), identifiers: new Set(), contacts: [] });

/** The children of the given parties, contacts decrypted to compare: four statements for the whole batch. */
export async function loadExistingChildren(tx: Sql, crypto: FieldCrypto, partyIds: readonly string[]): Promise<Map<string, ExistingChildren>> {
  const out = new Map<string, ExistingChildren>(partyIds.map((id) => [id, empty()]));
  if (!partyIds.length) return out;
  const [addresses, services, identifiers, contacts] = [
    await tx.query<AddressRow & { partyId: string }>(
      `SELECT party_id AS "partyId", code, kind, name, line1, city, province, postcode, country, gln,
              cold_chain_capable AS "coldChainCapable", is_default AS "isDefault" FROM party_addresses WHERE party_id = ANY($1::uuid[])`, [partyIds]),
    await tx.query<CarrierServiceInput & { partyId: string }>(
      `SELECT party_id AS "partyId", code, name, transit_days AS "transitDays", cold_chain_capable AS "coldChainCapable", active
         FROM carrier_services WHERE party_id = ANY($1::uuid[])`, [partyIds]),
    await tx.query<IdentifierInput & { partyId: string }>(
      'SELECT party_id AS "partyId", scheme, value FROM party_identifiers WHERE party_id = ANY($1::uuid[])', [partyIds]),
    await tx.query<{ id: string; partyId: string; role: string | null; name: string; phone: string | null; email: string | null }>(
      `SELECT id, party_id AS "partyId", role, name_enc AS name, phone_enc AS phone, email_enc AS email
         FROM party_contacts WHERE party_id = ANY($1::uuid[])`, [partyIds]),
  ];
  for (const a of addresses.rows) out.get(a.partyId)!.addresses.set(a.code, normAddress(a));
  for (const s of services.rows) out.get(s.partyId)!.services.set(s.code, normService(s));
  for (const i of identifiers.rows) out.get(i.partyId)!.identifiers.add(`${i.scheme}:${i.value}`);
  for (const c of contacts.rows) {
    out.get(c.partyId)!.contacts.push(normContact({
      role: c.role,
      name: crypto.decrypt(c.name, aadFor(CONTACT_NAME, c.id)),
      phone: c.phone && crypto.decrypt(c.phone, aadFor(CONTACT_PHONE, c.id)),
      email: c.email && crypto.decrypt(c.email, aadFor(CONTACT_EMAIL, c.id)),
    }));
  }
  return out;
}

export interface ChildrenPlan {
  addresses: Array<AddressInput & { partyId: string }>;
  services: Array<CarrierServiceInput & { partyId: string }>;
  identifiers: Array<IdentifierInput & { partyId: string }>;
  /** null: keep the contacts as they are. */
  contacts: Array<ContactInput & { partyId: string }> | null;
  /** Audit changes, personal data masked. */
  changes: Record<string, unknown>;
}

export function planChildren(partyId: string, input: PartyInput, existing: ExistingChildren = empty()): ChildrenPlan {
  const plan: ChildrenPlan = { addresses: [], services: [], identifiers: [], contacts: null, changes: {} };
  for (const a of input.addresses ?? []) {
    const before = existing.addresses.get(a.code);
    const after = normAddress(a);
    if (before && canonicalJson(before) === canonicalJson(after)) continue;
    plan.addresses.push({ ...a, partyId });
    plan.changes[`addresses.${a.code}`] = before ? { old: before, new: after } : { new: after };
  }
  for (const s of input.carrierServices ?? []) {
    const before = existing.services.get(s.code);
    const after = normService(s);
    if (before && canonicalJson(before) === canonicalJson(after)) continue;
    plan.services.push({ ...s, partyId });
    plan.changes[`carrierServices.${s.code}`] = before ? { old: before, new: after } : { new: after };
  }
  const added = (input.identifiers ?? []).filter((i) => !existing.identifiers.has(`${i.scheme}:${i.value}`));
  if (added.length) {
    plan.identifiers = added.map((i) => ({ ...i, partyId }));
    const old = [...existing.identifiers].sort();
    plan.changes.identifiers = { old, new: [...old, ...added.map((i) => `${i.scheme}:${i.value}`)].sort() };
  }
  if (input.contacts && !sameContacts(existing.contacts, input.contacts.map(normContact))) {
    plan.contacts = input.contacts.map((c) => ({ ...c, partyId }));
    plan.changes.contacts = { old: existing.contacts.length ? ENCRYPTED : null, new: input.contacts.length ? ENCRYPTED : null };
  }
  return plan;
}
