import { invalid } from '../../platform/errors.ts';
import type { PartyHead } from './party-access.ts';
import type { LicenceType } from './licence-schemas.ts';

export interface LicenceRuleFields {
  licenceType: LicenceType;
  deviceClasses?: readonly string[] | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
}

/** What a licence must say about itself beyond its schema; throws VALIDATION_FAILED naming the field. */
export function checkLicenceRules(l: LicenceRuleFields): void {
  if (l.validTo && l.validTo < l.validFrom) throw invalid('validTo', `the licence ends (${l.validTo}) before it starts (${l.validFrom})`);
  const classes = l.deviceClasses ?? [];
  if (l.licenceType === 'class2_filing' && classes.some((c) => c !== 'II')) {
    throw invalid('deviceClasses', 'a class II filing covers class II devices only');
  }
  if (l.licenceType === 'class3_distribution' && classes.length && !classes.includes('III')) {
    throw invalid('deviceClasses', 'a class III distribution licence covers class III');
  }
}

/** Who may hold which licence: carriers none, and only hospitals a medical institution practice licence. */
export function checkLicenceHolder(party: Pick<PartyHead, 'code' | 'kind' | 'customerType'>, licenceType: LicenceType, field = 'licenceType'): void {
  if (party.kind === 'carrier') throw invalid(field, `party ${party.code} is a carrier; carriers hold no licences`);
  if (licenceType === 'hospital_practice' && party.customerType !== 'hospital') {
    throw invalid(field, `only a hospital holds a medical institution practice licence (party ${party.code} is not one)`);
  }
}
