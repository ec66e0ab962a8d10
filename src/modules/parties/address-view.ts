/** An address as the API shows it. */
export interface AddressView {
  id: string;
  partyId: string;
  code: string;
  kind: 'ship_to' | 'bill_to';
  name: string;
  line1: string;
  city: string | null;
  province: string | null;
  postcode: string | null;
  country: string;
  gln: string | null;
  coldChainCapable: boolean;
  isDefault: boolean;
}

export const ADDRESS_COLUMNS = `a.id, a.party_id AS "partyId", a.code, a.kind, a.name, a.line1, a.city, a.province,
  a.postcode, a.country, a.gln, a.cold_chain_capable AS "coldChainCapable", a.is_default AS "isDefault"`;
