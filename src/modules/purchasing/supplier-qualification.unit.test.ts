import { describe, expect, it } from 'vitest';
import type { LicenceFacts } from '../parties/may-receive.ts';
import { qualifySupplier } from './supplier-qualification.ts';

const supplier = { code: 'S-1', active: true };
const classIII = { code: 'STENT', deviceClass: 'III' as const, categoryCode: '13-07-01', registrationNumber: 'R1', registrationExpiresOn: '2031-01-01' };
const manufacturing = (over: Partial<LicenceFacts> = {}): LicenceFacts => ({
  licenceType: 'manufacturing', number: 'M-1', deviceClasses: ['II', 'III'], categoryCodes: ['13'], validFrom: '2020-01-01', validTo: '2030-12-31', ...over,
});

describe('qualifySupplier', () => {
  it('given a valid manufacturing licence covering class III category 13, then the supplier is qualified', () => {
    expect(qualifySupplier(supplier, [manufacturing()], classIII, '2026-11-26')).toEqual({ qualified: true });
  });

  it('given no licence, then LICENCE_MISSING; for a class I device no licence is needed', () => {
    expect(qualifySupplier(supplier, [], classIII, '2026-11-26')).toMatchObject({ qualified: false, reason: 'LICENCE_MISSING' });
    expect(qualifySupplier(supplier, [], { ...classIII, deviceClass: 'I', registrationExpiresOn: null }, '2026-11-26')).toEqual({ qualified: true });
  });

  it('given an expired licence, then LICENCE_EXPIRED with both languages', () => {
    const v = qualifySupplier(supplier, [manufacturing({ validTo: '2025-12-31' })], classIII, '2026-11-26');
    expect(v).toMatchObject({ qualified: false, reason: 'LICENCE_EXPIRED' });
    expect(v.qualified === false && v.messageZh).toContain('有效期');
  });

  it('given a licence for class II only or another category, then LICENCE_SCOPE', () => {
    expect(qualifySupplier(supplier, [manufacturing({ deviceClasses: ['II'] })], classIII, '2026-11-26')).toMatchObject({ reason: 'LICENCE_SCOPE' });
    expect(qualifySupplier(supplier, [manufacturing({ categoryCodes: ['07'] })], classIII, '2026-11-26')).toMatchObject({ reason: 'LICENCE_SCOPE' });
  });

  it('given a customer-only licence type, then it does not count for a supplier', () => {
    expect(qualifySupplier(supplier, [manufacturing({ licenceType: 'hospital_practice' })], classIII, '2026-11-26')).toMatchObject({ reason: 'LICENCE_MISSING' });
  });

  it('given an expired device registration or an inactive supplier, then refused', () => {
    expect(qualifySupplier(supplier, [manufacturing()], { ...classIII, registrationExpiresOn: '2026-01-01' }, '2026-11-26')).toMatchObject({ reason: 'REGISTRATION_EXPIRED' });
    expect(qualifySupplier({ ...supplier, active: false }, [manufacturing()], classIII, '2026-11-26')).toMatchObject({ reason: 'INACTIVE' });
  });
});
