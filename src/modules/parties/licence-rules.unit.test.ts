import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors.ts';
import { checkLicenceHolder, checkLicenceRules } from './licence-rules.ts';

function failingField(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    return (e as DomainError).field;
  }
}

describe('checkLicenceRules', () => {
  const base = { licenceType: 'class3_distribution' as const, validFrom: '2024-01-01' };
  it('accepts a licence ending on the day it starts, and one without an end', () => {
    expect(failingField(() => checkLicenceRules({ ...base, validTo: '2024-01-01' }))).toBeUndefined();
    expect(failingField(() => checkLicenceRules({ ...base, validTo: null }))).toBeUndefined();
  });
  it('refuses a licence ending before it starts', () => {
    expect(failingField(() => checkLicenceRules({ ...base, validTo: '2023-12-31' }))).toBe('validTo');
  });
  it('keeps a class II filing to class II', () => {
    expect(failingField(() => checkLicenceRules({ ...base, licenceType: 'class2_filing', deviceClasses: ['II'] }))).toBeUndefined();
    expect(failingField(() => checkLicenceRules({ ...base, licenceType: 'class2_filing', deviceClasses: ['II', 'III'] }))).toBe('deviceClasses');
  });
  it('requires class III in a class III distribution licence that lists classes', () => {
    expect(failingField(() => checkLicenceRules({ ...base, deviceClasses: ['II'] }))).toBe('deviceClasses');
    expect(failingField(() => checkLicenceRules({ ...base, deviceClasses: ['II', 'III'] }))).toBeUndefined();
    expect(failingField(() => checkLicenceRules({ ...base, deviceClasses: [] }))).toBeUndefined();
  });
  it('leaves the scope of other licence types free', () => {
    expect(failingField(() => checkLicenceRules({ ...base, licenceType: 'foreign_registration', deviceClasses: ['I'] }))).toBeUndefined();
  });
});

describe('checkLicenceHolder', () => {
  it('refuses any licence for a carrier', () => {
    expect(failingField(() => checkLicenceHolder({ code: 'SF', kind: 'carrier', customerType: null }, 'class2_filing'))).toBe('licenceType');
  });
  it('gives a practice licence to hospitals only', () => {
    expect(failingField(() => checkLicenceHolder({ code: 'H', kind: 'customer', customerType: 'hospital' }, 'hospital_practice'))).toBeUndefined();
    expect(failingField(() => checkLicenceHolder({ code: 'D', kind: 'customer', customerType: 'distributor' }, 'hospital_practice'))).toBe('licenceType');
    expect(failingField(() => checkLicenceHolder({ code: 'S', kind: 'supplier', customerType: null }, 'hospital_practice'))).toBe('licenceType');
  });
  it('lets suppliers hold manufacturing and distribution licences', () => {
    expect(failingField(() => checkLicenceHolder({ code: 'S', kind: 'supplier', customerType: null }, 'manufacturing'))).toBeUndefined();
    expect(failingField(() => checkLicenceHolder({ code: 'S', kind: 'supplier', customerType: null }, 'class3_distribution'))).toBeUndefined();
  });
  it('names the field it is told to', () => {
    expect(failingField(() => checkLicenceHolder({ code: 'SF', kind: 'carrier', customerType: null }, 'manufacturing', 'rows.2.licenceType'))).toBe('rows.2.licenceType');
  });
});
