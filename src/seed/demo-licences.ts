import type { LicenceImportRow } from '../modules/parties/licence-schemas.ts';
import { dayOffset } from './demo-dates.ts';

/**
 * Licences of the demo parties. Most are in order; some are not, so the compliance checks have
 * something to find: a hospital whose practice licence lapsed, a dealer with a class II filing
 * only, a distributor whose class III licence covers consumables (14) but no implants (13), and a
 * dealer whose class III licence expired.
 */
export function demoLicences(today: string): LicenceImportRow[] {
  const valid = { validFrom: dayOffset(today, -700), validTo: dayOffset(today, 3 * 365) };
  const practice = (partyCode: string, number: string, authority: string, validTo = valid.validTo): LicenceImportRow => ({
    partyCode, licenceType: 'hospital_practice', number, validFrom: valid.validFrom, validTo, issuingAuthority: authority,
  });
  return [
    practice('H-BJ-XH', 'PDY00001311010115A1001', '北京市卫生健康委员会'),
    practice('H-SH-RJ', 'PDY00002931010115A1001', '上海市卫生健康委员会'),
    practice('H-GZ-ZS1', 'PDY00003144010417A1001', '广东省卫生健康委员会'),
    practice('H-CD-HX', 'PDY00004551010717A1001', '四川省卫生健康委员会', dayOffset(today, -30)),
    { partyCode: 'D-GD-KM', licenceType: 'class3_distribution', number: '粤穗食药监械经营许20180123号', deviceClasses: ['II', 'III'], categoryCodes: ['03', '07', '13', '14', '6840'], ...valid, issuingAuthority: '广州市市场监督管理局' },
    { partyCode: 'D-GD-KM', licenceType: 'class2_filing', number: '粤穗食药监械经营备20180456号', deviceClasses: ['II'], ...valid, issuingAuthority: '广州市市场监督管理局' },
    { partyCode: 'D-SH-YL', licenceType: 'class3_distribution', number: '沪浦食药监械经营许20190078号', deviceClasses: ['III'], categoryCodes: ['14'], ...valid, issuingAuthority: '上海市浦东新区市场监督管理局' },
    { partyCode: 'D-SH-YL', licenceType: 'class2_filing', number: '沪浦食药监械经营备20190231号', deviceClasses: ['II'], ...valid, issuingAuthority: '上海市浦东新区市场监督管理局' },
    { partyCode: 'D-ZJ-HX', licenceType: 'class2_filing', number: '浙杭食药监械经营备20200311号', deviceClasses: ['II'], validFrom: valid.validFrom, issuingAuthority: '杭州市市场监督管理局' },
    { partyCode: 'D-JS-KN', licenceType: 'class3_distribution', number: '苏宁食药监械经营许20160044号', deviceClasses: ['III'], validFrom: dayOffset(today, -5 * 365), validTo: dayOffset(today, -5), issuingAuthority: '南京市市场监督管理局' },
    { partyCode: 'D-JS-KN', licenceType: 'class2_filing', number: '苏宁食药监械经营备20160102号', deviceClasses: ['II'], validFrom: dayOffset(today, -5 * 365), issuingAuthority: '南京市市场监督管理局' },
    { partyCode: 'X-DE-MED', licenceType: 'foreign_registration', number: 'DE/CA01/0123456', validFrom: valid.validFrom, validTo: valid.validTo, issuingAuthority: 'BfArM' },
    { partyCode: 'S-SZ-KT', licenceType: 'manufacturing', number: '苏食药监械生产许20150012号', deviceClasses: ['II', 'III'], ...valid, issuingAuthority: '江苏省药品监督管理局' },
    { partyCode: 'S-DE-OT', licenceType: 'foreign_registration', number: 'DE/CA20/0045678', ...valid, issuingAuthority: 'BfArM' },
    { partyCode: 'S-US-RV', licenceType: 'foreign_registration', number: 'FDA-3012345678', ...valid, issuingAuthority: 'U.S. FDA' },
  ];
}
