/** A carrier's service as the API shows it. */
export interface CarrierServiceView {
  id: string;
  partyId: string;
  code: string;
  name: string;
  transitDays: number;
  coldChainCapable: boolean;
  active: boolean;
}

export const CARRIER_SERVICE_COLUMNS = `s.id, s.party_id AS "partyId", s.code, s.name, s.transit_days AS "transitDays",
  s.cold_chain_capable AS "coldChainCapable", s.active`;
