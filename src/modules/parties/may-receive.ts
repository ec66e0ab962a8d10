import type { LicenceType } from './licence-schemas.ts';

export type DeviceClass = 'I' | 'II' | 'III';

export interface ReceivingCustomer {
  customerType: 'hospital' | 'distributor' | 'dealer';
  /** ISO country of the ship-to the goods go to. */
  country: string;
}

export interface LicenceFacts {
  licenceType: LicenceType;
  number: string;
  deviceClasses: readonly string[];
  categoryCodes: readonly string[];
  validFrom: string;
  validTo: string | null;
}

export interface DeviceCompliance {
  deviceClass: DeviceClass;
  categoryCode: string | null;
  registrationNumber: string | null;
  /** Last day the registration certificate is valid; null for a filing (class I) that does not expire. */
  registrationExpiresOn: string | null;
}

export type RefusalCode = 'LICENCE_MISSING' | 'LICENCE_EXPIRED' | 'LICENCE_SCOPE' | 'REGISTRATION_EXPIRED';
export type MayReceive = { allowed: true } | { allowed: false; code: RefusalCode; reason: string; reasonZh: string };

export const LICENCE_NAMES_ZH: Record<LicenceType, string> = {
  class3_distribution: '医疗器械经营许可证',
  class2_filing: '第二类医疗器械经营备案凭证',
  hospital_practice: '医疗机构执业许可证',
  manufacturing: '医疗器械生产许可证',
  foreign_registration: '境外注册/准入证明',
};

const IMPLIED_CLASSES: Record<LicenceType, readonly DeviceClass[]> = {
  class2_filing: ['II'],
  class3_distribution: ['III'],
  hospital_practice: ['I', 'II', 'III'],
  manufacturing: [],
  foreign_registration: ['I', 'II', 'III'],
};

export const isForeign = (c: ReceivingCustomer): boolean => c.country !== 'CN';

/** The licence types that can entitle this customer to receive a device of this class. */
export function acceptedLicenceTypes(c: ReceivingCustomer, cls: Exclude<DeviceClass, 'I'>): LicenceType[] {
  if (isForeign(c)) return ['foreign_registration'];
  const types: LicenceType[] = cls === 'II' ? ['class2_filing', 'class3_distribution'] : ['class3_distribution'];
  return c.customerType === 'hospital' ? [...types, 'hospital_practice'] : types;
}

export function coversClass(l: LicenceFacts, cls: DeviceClass): boolean {
  if (l.licenceType === 'hospital_practice') return true;
  return (l.deviceClasses.length ? l.deviceClasses : IMPLIED_CLASSES[l.licenceType]).includes(cls);
}

/** Category codes have fixed two-digit levels, so a plain prefix is a parent category. */
export function coversCategory(l: LicenceFacts, categoryCode: string | null): boolean {
  if (!l.categoryCodes.length) return true;
  return categoryCode !== null && l.categoryCodes.some((scope) => categoryCode.startsWith(scope));
}

export const validOn = (l: Pick<LicenceFacts, 'validFrom' | 'validTo'>, date: string): boolean =>
  l.validFrom <= date && (l.validTo === null || date <= l.validTo);

const refuse = (code: RefusalCode, reason: string, reasonZh: string): MayReceive => ({ allowed: false, code, reason, reasonZh });
const names = (types: readonly LicenceType[]) => types.map((t) => LICENCE_NAMES_ZH[t]).map((n) => `《${n}》`).join('或');

/**
 * May customer C receive device D on date T? The Chinese rules, as a pure function:
 * - a device whose registration certificate has expired on T is refused to everyone;
 * - class I devices need no customer licence;
 * - class II needs a class II filing or a class III distribution licence covering class II;
 * - class III needs a class III distribution licence covering class III and, when the licence
 *   lists category codes, the device's category (a code covers its sub-categories: 07 covers 07-03-01);
 * - a hospital's practice licence covers the use of devices of any class (its category codes, if
 *   listed, still bound class III);
 * - a customer abroad needs a foreign registration instead, with the same scope rules;
 * - validity includes both its first and its last day.
 * A licence that lists no device classes covers what its type implies (filing: II; class III
 * distribution: III; practice licence and foreign registration: all).
 */
export function mayReceive(customer: ReceivingCustomer, licences: readonly LicenceFacts[], device: DeviceCompliance, date: string): MayReceive {
  if (device.registrationExpiresOn !== null && device.registrationExpiresOn < date) {
    const cert = device.registrationNumber ? ` ${device.registrationNumber}` : '';
    return refuse('REGISTRATION_EXPIRED',
      `the device's registration certificate${cert} expired on ${device.registrationExpiresOn}`,
      `产品注册证${cert}已于 ${device.registrationExpiresOn} 过期`);
  }
  const cls = device.deviceClass;
  if (cls === 'I') return { allowed: true };

  const types = acceptedLicenceTypes(customer, cls);
  const held = licences.filter((l) => types.includes(l.licenceType));
  if (!held.length) {
    return refuse('LICENCE_MISSING',
      `a class ${cls} device needs a ${types.join(' or ')} licence${isForeign(customer) ? ' for a customer abroad' : ''}; the customer holds none`,
      `${isForeign(customer) ? '境外客户' : '客户'}收货第${cls === 'II' ? '二' : '三'}类医疗器械需持有${names(types)}，客户未持有`);
  }
  const inScope = held.filter((l) => coversClass(l, cls) && (cls !== 'III' || coversCategory(l, device.categoryCode)));
  if (!inScope.length) {
    const numbers = held.map((l) => l.number).join(', ');
    return refuse('LICENCE_SCOPE',
      `licence ${numbers} does not cover class ${cls}${cls === 'III' ? ` category ${device.categoryCode ?? '(none)'}` : ''}`,
      `许可证 ${numbers} 的经营范围不含第${cls === 'II' ? '二' : '三'}类${cls === 'III' ? `，分类编码 ${device.categoryCode ?? '（无）'}` : ''}`);
  }
  if (!inScope.some((l) => validOn(l, date))) {
    // Name the licence to renew: the one that ends last.
    const l = inScope.reduce((a, b) => ((b.validTo ?? '9999') > (a.validTo ?? '9999') ? b : a));
    const span = `${l.validFrom} – ${l.validTo ?? '…'}`;
    return refuse('LICENCE_EXPIRED',
      `licence ${l.number} is valid ${span}, not on ${date}`,
      `许可证 ${l.number} 有效期为 ${span}，${date} 不在有效期内`);
  }
  return { allowed: true };
}
