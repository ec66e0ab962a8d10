import { invalid } from '../../platform/errors.ts';
import { hasValidGs1CheckDigit } from '../udi/check-digit.ts';
import type { AddressInput, CarrierServiceInput, IdentifierInput, PartyInput } from './party-schemas.ts';

/** The party fields whose combination the rules below constrain (an input, or a row after a PATCH). */
export interface PartyRuleFields {
  kind: PartyInput['kind'];
  customerType?: PartyInput['customerType'] | null;
  minShelfLifeDays?: number | null;
  minShelfLifePct?: number | null;
  requiresSerialCapture?: boolean | null;
  leadTimeDays?: number | null;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

/** Rules across a party's own fields; throws VALIDATION_FAILED naming the field. */
export function checkPartyFieldRules(p: PartyRuleFields): void {
  if (p.kind !== 'customer' && given(p.customerType)) throw invalid('customerType', 'only customers have a customer type');
  if (p.kind === 'customer' && !given(p.customerType)) throw invalid('customerType', 'a customer is a hospital, distributor or dealer');
  if (p.kind !== 'customer') {
    if (given(p.minShelfLifeDays)) throw invalid('minShelfLifeDays', 'only customers have a minimum shelf life');
    if (given(p.minShelfLifePct)) throw invalid('minShelfLifePct', 'only customers have a minimum shelf life');
    if (p.requiresSerialCapture) throw invalid('requiresSerialCapture', 'only customers require serial capture');
  }
  if (given(p.minShelfLifeDays) && given(p.minShelfLifePct)) {
    throw invalid('minShelfLifePct', 'give the minimum shelf life in days or in percent, not both');
  }
  if (p.kind !== 'supplier' && given(p.leadTimeDays)) throw invalid('leadTimeDays', 'only suppliers have a lead time');
}

export const isValidGln = (gln: string): boolean => /^\d{13}$/.test(gln) && hasValidGs1CheckDigit(gln);

/** One address on its own: `path` prefixes the field named in the error. */
export function checkAddressRules(a: { kind: AddressInput['kind']; gln?: string | null; coldChainCapable?: boolean | null }, path = ''): void {
  if (a.gln && !isValidGln(a.gln)) throw invalid(`${path}gln`, `${a.gln} is not a GLN (13 digits with a GS1 check digit)`);
  if (a.coldChainCapable && a.kind !== 'ship_to') throw invalid(`${path}coldChainCapable`, 'only a ship-to address receives goods');
}

export function checkIdentifierRules(idf: IdentifierInput, path = ''): void {
  if (idf.scheme === 'GLN' && !isValidGln(idf.value)) throw invalid(`${path}value`, `${idf.value} is not a GLN (13 digits with a GS1 check digit)`);
  if (idf.scheme === 'DUNS' && !/^\d{9}$/.test(idf.value)) throw invalid(`${path}value`, `${idf.value} is not a DUNS number (9 digits)`);
}

function checkAddresses(addresses: readonly AddressInput[]): void {
  const codes = new Set<string>();
  const defaults = new Set<string>();
  for (const [i, a] of addresses.entries()) {
    if (codes.has(a.code)) throw invalid(`addresses.${i}.code`, `address code ${a.code} appears twice`);
    codes.add(a.code);
    if (a.isDefault) {
      if (defaults.has(a.kind)) throw invalid(`addresses.${i}.isDefault`, `only one ${a.kind} address can be the default`);
      defaults.add(a.kind);
    }
    checkAddressRules(a, `addresses.${i}.`);
  }
}

function checkIdentifiers(identifiers: readonly IdentifierInput[]): void {
  const seen = new Set<string>();
  for (const [i, idf] of identifiers.entries()) {
    const key = `${idf.scheme}:${idf.value}`;
    if (seen.has(key)) throw invalid(`identifiers.${i}.value`, `${idf.scheme} ${idf.value} appears twice`);
    seen.add(key);
    checkIdentifierRules(idf, `identifiers.${i}.`);
  }
}

function checkCarrierServices(kind: PartyInput['kind'], services: readonly CarrierServiceInput[]): void {
  if (services.length && kind !== 'carrier') throw invalid('carrierServices', 'only carriers offer services');
  const codes = new Set<string>();
  for (const [i, s] of services.entries()) {
    if (codes.has(s.code)) throw invalid(`carrierServices.${i}.code`, `service code ${s.code} appears twice`);
    codes.add(s.code);
  }
}

/** The rules on the children an input gives (addresses, identifiers, carrier services). */
export function checkPartyChildRules(input: PartyInput): void {
  checkAddresses(input.addresses ?? []);
  checkIdentifiers(input.identifiers ?? []);
  checkCarrierServices(input.kind, input.carrierServices ?? []);
}

/** Everything about a new party the schema alone cannot say. */
export function checkPartyRules(input: PartyInput): void {
  checkPartyFieldRules(input);
  checkPartyChildRules(input);
}
