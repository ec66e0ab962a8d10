import type { LicenceType } from '../parties/licence-schemas.ts';
import { coversCategory, coversClass, validOn, type DeviceCompliance, type LicenceFacts } from '../parties/may-receive.ts';

/** The licences under which a supplier may make or sell us a device. */
export const SUPPLIER_LICENCES: readonly LicenceType[] = ['manufacturing', 'class3_distribution', 'class2_filing', 'foreign_registration'];

export type QualificationRefusal = 'INACTIVE' | 'REGISTRATION_EXPIRED' | 'LICENCE_MISSING' | 'LICENCE_SCOPE' | 'LICENCE_EXPIRED';
export type Qualification = { qualified: true } | { qualified: false; reason: QualificationRefusal; message: string; messageZh: string };

const refuse = (reason: QualificationRefusal, message: string, messageZh: string): Qualification => ({ qualified: false, reason, message, messageZh });

/**
 * May we buy device D from supplier S on date T? Parties' licence rules, seen from the buying side:
 * - an inactive supplier and a device whose registration certificate has expired are refused;
 * - class I devices need no supplier licence;
 * - class II and III need a manufacturing licence, a distribution licence/filing or (abroad) a
 *   foreign registration that covers the class and, for class III, the device's category;
 * - that licence must be valid on T.
 */
export function qualifySupplier(supplier: { code: string; active: boolean }, licences: readonly LicenceFacts[], device: DeviceCompliance & { code: string }, date: string): Qualification {
  if (!supplier.active) return refuse('INACTIVE', `supplier ${supplier.code} is inactive`, `供应商 ${supplier.code} 已停用`);
  if (device.registrationExpiresOn !== null && device.registrationExpiresOn < date) {
    return refuse('REGISTRATION_EXPIRED', `the registration certificate of ${device.code} expired on ${device.registrationExpiresOn}`,
      `${device.code} 的产品注册证已于 ${device.registrationExpiresOn} 过期`);
  }
  const cls = device.deviceClass;
  if (cls === 'I') return { qualified: true };
  const held = licences.filter((l) => SUPPLIER_LICENCES.includes(l.licenceType));
  if (!held.length) {
    return refuse('LICENCE_MISSING', `supplier ${supplier.code} holds no manufacturing or distribution licence for a class ${cls} device`,
      `供应商 ${supplier.code} 未持有第${cls === 'II' ? '二' : '三'}类医疗器械生产或经营许可证`);
  }
  const inScope = held.filter((l) => coversClass(l, cls) && (cls !== 'III' || coversCategory(l, device.categoryCode)));
  if (!inScope.length) {
    return refuse('LICENCE_SCOPE', `the licences of supplier ${supplier.code} do not cover class ${cls} (${device.code}, category ${device.categoryCode ?? '-'})`,
      `供应商 ${supplier.code} 的许可证范围不含第${cls === 'II' ? '二' : '三'}类（${device.code}，分类编码 ${device.categoryCode ?? '-'}）`);
  }
  if (!inScope.some((l) => validOn(l, date))) {
    const last = inScope.reduce((a, b) => ((b.validTo ?? '9999') > (a.validTo ?? '9999') ? b : a));
    return refuse('LICENCE_EXPIRED', `licence ${last.number} of supplier ${supplier.code} is valid ${last.validFrom} – ${last.validTo ?? '…'}, not on ${date}`,
      `供应商 ${supplier.code} 的许可证 ${last.number} 有效期为 ${last.validFrom} – ${last.validTo ?? '…'}，${date} 不在有效期内`);
  }
  return { qualified: true };
}
