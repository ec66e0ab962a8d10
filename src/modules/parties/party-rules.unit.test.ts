import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { checkAddressRules, checkIdentifierRules, checkPartyFieldRules, checkPartyRules, isValidGln } from './party-rules.ts';
import type { PartyInput } from './party-schemas.ts';

const customer: PartyInput = { code: 'C1', kind: 'customer', customerType: 'distributor', nameZh: '客户' };

/** Runs a rule and returns the field its VALIDATION_FAILED names (undefined when it passes). */
function failingField(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    return (e as DomainError).field;
  }
}

describe('checkPartyFieldRules', () => {
  it('accepts a customer with a type, a supplier with a lead time and a bare carrier', () => {
    expect(failingField(() => checkPartyFieldRules(customer))).toBeUndefined();
    expect(failingField(() => checkPartyFieldRules({ kind: 'supplier', leadTimeDays: 14 }))).toBeUndefined();
    expect(failingField(() => checkPartyFieldRules({ kind: 'carrier' }))).toBeUndefined();
  });
  it('requires a customer type on a customer', () => {
    expect(failingField(() => checkPartyFieldRules({ kind: 'customer', customerType: null }))).toBe('customerType');
  });
  it('refuses a customer type on a supplier or carrier', () => {
    expect(failingField(() => checkPartyFieldRules({ kind: 'supplier', customerType: 'dealer' }))).toBe('customerType');
    expect(failingField(() => checkPartyFieldRules({ kind: 'carrier', customerType: 'hospital' }))).toBe('customerType');
  });
  it('refuses a minimum shelf life in days and in percent together', () => {
    expect(failingField(() => checkPartyFieldRules({ ...customer, minShelfLifeDays: 90, minShelfLifePct: 50 }))).toBe('minShelfLifePct');
  });
  it('accepts a zero shelf life in days alone', () => {
    expect(failingField(() => checkPartyFieldRules({ ...customer, minShelfLifeDays: 0 }))).toBeUndefined();
  });
  it('refuses shelf-life and serial-capture requirements on non-customers', () => {
    expect(failingField(() => checkPartyFieldRules({ kind: 'supplier', minShelfLifeDays: 10 }))).toBe('minShelfLifeDays');
    expect(failingField(() => checkPartyFieldRules({ kind: 'supplier', minShelfLifePct: 10 }))).toBe('minShelfLifePct');
    expect(failingField(() => checkPartyFieldRules({ kind: 'carrier', requiresSerialCapture: true }))).toBe('requiresSerialCapture');
  });
  it('accepts serial capture switched off on a supplier', () => {
    expect(failingField(() => checkPartyFieldRules({ kind: 'supplier', requiresSerialCapture: false }))).toBeUndefined();
  });
  it('refuses a lead time on a customer or carrier', () => {
    expect(failingField(() => checkPartyFieldRules({ ...customer, leadTimeDays: 7 }))).toBe('leadTimeDays');
    expect(failingField(() => checkPartyFieldRules({ kind: 'carrier', leadTimeDays: 7 }))).toBe('leadTimeDays');
  });
});

describe('GLN and identifier rules', () => {
  it('knows a GLN by its 13 digits and GS1 check digit', () => {
    expect(isValidGln('4012345000009')).toBe(true);
    expect(isValidGln('4012345000008')).toBe(false);
    expect(isValidGln('401234500000')).toBe(false);
    expect(isValidGln('40123450000A9')).toBe(false);
  });
  it('checks GLN and DUNS identifiers, and leaves partner ids free', () => {
    expect(failingField(() => checkIdentifierRules({ scheme: 'GLN', value: '4012345000008' }))).toBe('value');
    expect(failingField(() => checkIdentifierRules({ scheme: 'DUNS', value: '65432198' }))).toBe('value');
    expect(failingField(() => checkIdentifierRules({ scheme: 'DUNS', value: '654321987' }))).toBeUndefined();
    expect(failingField(() => checkIdentifierRules({ scheme: 'PARTNER', value: 'KM-0001' }))).toBeUndefined();
  });
  it('prefixes the field with the path it is given', () => {
    expect(failingField(() => checkIdentifierRules({ scheme: 'GLN', value: '1' }, 'identifiers.3.'))).toBe('identifiers.3.value');
  });
});

describe('checkAddressRules', () => {
  it('refuses a cold-chain capability on a bill-to address', () => {
    expect(failingField(() => checkAddressRules({ kind: 'bill_to', coldChainCapable: true }))).toBe('coldChainCapable');
    expect(failingField(() => checkAddressRules({ kind: 'ship_to', coldChainCapable: true }))).toBeUndefined();
  });
  it('refuses a site GLN with a wrong check digit and accepts none', () => {
    expect(failingField(() => checkAddressRules({ kind: 'ship_to', gln: '4012345000008' }))).toBe('gln');
    expect(failingField(() => checkAddressRules({ kind: 'ship_to', gln: null }))).toBeUndefined();
  });
});

describe('checkPartyRules', () => {
  const address = (code: string, more: Partial<NonNullable<PartyInput['addresses']>[number]> = {}) => ({ code, kind: 'ship_to' as const, name: 'n', line1: 'l', ...more });
  it('refuses two addresses with one code', () => {
    expect(failingField(() => checkPartyRules({ ...customer, addresses: [address('A'), address('A')] }))).toBe('addresses.1.code');
  });
  it('refuses two defaults of one kind, and accepts one default per kind', () => {
    expect(failingField(() => checkPartyRules({ ...customer, addresses: [address('A', { isDefault: true }), address('B', { isDefault: true })] })))
      .toBe('addresses.1.isDefault');
    expect(failingField(() => checkPartyRules({ ...customer, addresses: [address('A', { isDefault: true }), address('B', { kind: 'bill_to', isDefault: true })] })))
      .toBeUndefined();
  });
  it('names the address whose rule fails', () => {
    expect(failingField(() => checkPartyRules({ ...customer, addresses: [address('A'), address('B', { gln: '1234567890123' })] }))).toBe('addresses.1.gln');
  });
  it('refuses the same identifier twice', () => {
    expect(failingField(() => checkPartyRules({ ...customer, identifiers: [{ scheme: 'PARTNER', value: 'X' }, { scheme: 'PARTNER', value: 'X' }] })))
      .toBe('identifiers.1.value');
  });
  it('refuses carrier services on a non-carrier and a service code twice', () => {
    const svc = { code: 'S', name: 's', transitDays: 1 };
    expect(failingField(() => checkPartyRules({ ...customer, carrierServices: [svc] }))).toBe('carrierServices');
    expect(failingField(() => checkPartyRules({ code: 'K', kind: 'carrier', nameZh: 'k', carrierServices: [svc, svc] }))).toBe('carrierServices.1.code');
  });
});
