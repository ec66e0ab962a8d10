import type { EnvelopeParty, OrderParty } from '../edi/index.ts';
import { hasValidGs1CheckDigit } from '../udi/check-digit.ts';
import type { IdentifierScheme } from '../parties/find-party-by-identifier.ts';

/** One identifier to look a partner up by, in the parties' own schemes. */
export interface PartnerLookup {
  scheme: IdentifierScheme;
  value: string;
}

/** ISA05/07 and UNB 0007 qualifiers, and N103 / NAD 3055 codes, that name a GLN or a DUNS number. */
const GLN_QUALIFIERS = new Set(['UL', '14', '08']);
const DUNS_QUALIFIERS = new Set(['1', '01']);

const isGln = (value: string): boolean => /^\d{13}$/.test(value) && hasValidGs1CheckDigit(value);

/**
 * The identifiers an envelope party or an order party may be known by, most specific first: the
 * scheme its qualifier names, then what the value's shape says (a 13-digit GLN, a 9-digit DUNS),
 * then the id as a partner-specific id (ISA `ZZ` / UNB `ZZZ` ids are stored as PARTNER).
 */
export function partnerLookups(party: EnvelopeParty | OrderParty): PartnerLookup[] {
  const value = party.id?.trim() ?? '';
  if (!value) return [];
  const scheme = 'scheme' in party ? party.scheme : undefined;
  const qualifier = (party.qualifier ?? '').toUpperCase();
  const out: PartnerLookup[] = [];
  const add = (s: IdentifierScheme, v: string) => {
    if (!out.some((l) => l.scheme === s && l.value === v)) out.push({ scheme: s, value: v });
  };
  const duns = /^\d{9}/.exec(value)?.[0];
  if ((scheme === 'GLN' || (!scheme && GLN_QUALIFIERS.has(qualifier))) && isGln(value)) add('GLN', value);
  if ((scheme === 'DUNS' || scheme === 'DUNS+4' || (!scheme && DUNS_QUALIFIERS.has(qualifier))) && duns) add('DUNS', duns);
  if (isGln(value)) add('GLN', value);
  if (/^\d{9}$/.test(value)) add('DUNS', value);
  add('PARTNER', value);
  return out;
}
