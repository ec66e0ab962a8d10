import { DomainError, invalid } from '../../platform/errors.ts';
import type { DeviceRecord } from './device-record.ts';
import { conditionForRange, deviceBand, isColdChain } from './storage-conditions.ts';

/**
 * The rules a device must keep whatever way it is written (API, PATCH, import, seed). The schema
 * has already checked each field alone; these check the fields against each other.
 */
export function checkDeviceRules(d: DeviceRecord, stated: { coldChain?: boolean | undefined } = {}): void {
  checkRegistration(d);
  checkStorage(d, stated.coldChain);
  if (d.sterile && d.shelfLifeDays === null) {
    throw invalid('shelfLifeDays', 'a sterile device has a shelf life: its sterility expires');
  }
  if (d.implantable && d.deviceClass === 'I') {
    throw invalid('deviceClass', 'an implantable device is class II or III, never class I');
  }
}

/** Class II/III are sold under a registration certificate (注册证) with an expiry; class I is filed (备案). */
export function checkRegistration(d: DeviceRecord): void {
  const missing = (field: string, message: string) => new DomainError('REGISTRATION_MISSING', `${field}: ${message}`, { field });
  if (d.deviceClass !== 'I') {
    if (d.registrationKind === 'filing') {
      throw missing('registrationKind', `a class ${d.deviceClass} device needs a registration certificate (注册证); a filing (备案) covers class I only`);
    }
    if (d.registrationNumber === null) throw missing('registrationNumber', `a class ${d.deviceClass} device needs its registration certificate number`);
    if (d.registrationExpiresOn === null) throw missing('registrationExpiresOn', 'a registration certificate has an expiry date');
  } else if (d.registrationKind === 'registration') {
    throw invalid('registrationKind', 'class I devices are filed (备案), not registered');
  }
  if (d.registrationNumber === null && (d.registrationIssuedOn !== null || d.registrationExpiresOn !== null)) {
    throw invalid('registrationNumber', 'registration dates without a certificate or filing number');
  }
  if (d.registrationKind === 'filing' && d.registrationExpiresOn !== null) {
    throw invalid('registrationExpiresOn', 'a filing (备案) does not expire');
  }
  if (d.registrationIssuedOn !== null && d.registrationExpiresOn !== null && d.registrationExpiresOn < d.registrationIssuedOn) {
    throw invalid('registrationExpiresOn', 'the certificate expires before it was issued');
  }
  // Numbers since 2014 say which they are: 国械注准/粤械注准… register, 粤穗械备/国械备… file.
  const n = d.registrationNumber ?? '';
  if (d.registrationKind === 'registration' && n.includes('械备')) {
    throw invalid('registrationNumber', `${n} is a filing number (械备), not a registration certificate`);
  }
  if (d.registrationKind === 'filing' && n.includes('械注')) {
    throw invalid('registrationNumber', `${n} is a registration certificate number (械注), not a filing`);
  }
}

/** The temperatures on the label agree with the storage condition, and the cold-chain flag with both. */
export function checkStorage(d: DeviceRecord, statedColdChain?: boolean): void {
  if (d.minTempC !== null && d.maxTempC !== null && d.minTempC > d.maxTempC) {
    throw invalid('minTempC', `the minimum ${d.minTempC} °C is above the maximum ${d.maxTempC} °C`);
  }
  if (d.minTempC !== null || d.maxTempC !== null) {
    const band = deviceBand(d.storageCondition, d.minTempC, d.maxTempC);
    const fits = conditionForRange(band.minC, band.maxC);
    if (fits !== d.storageCondition) {
      throw invalid('storageCondition', `${band.minC}…${band.maxC} °C is storage condition ${fits}${isColdChain(fits) ? ' (cold chain)' : ''}, not ${d.storageCondition}`);
    }
  }
  if (statedColdChain !== undefined && statedColdChain !== isColdChain(d.storageCondition)) {
    throw invalid('coldChain', `storage condition ${d.storageCondition} is ${isColdChain(d.storageCondition) ? '' : 'not '}cold chain`);
  }
}
