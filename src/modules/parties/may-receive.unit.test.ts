import { describe, expect, it } from 'vitest';
import { coversCategory, mayReceive, validOn, type DeviceCompliance, type LicenceFacts, type ReceivingCustomer } from './may-receive.ts';

const hospital: ReceivingCustomer = { customerType: 'hospital', country: 'CN' };
const distributor: ReceivingCustomer = { customerType: 'distributor', country: 'CN' };
const dealer: ReceivingCustomer = { customerType: 'dealer', country: 'CN' };
const foreignDistributor: ReceivingCustomer = { customerType: 'distributor', country: 'DE' };

const device = (deviceClass: DeviceCompliance['deviceClass'], more: Partial<DeviceCompliance> = {}): DeviceCompliance => ({
  deviceClass,
  categoryCode: '07-03-01',
  registrationNumber: deviceClass === 'I' ? null : '国械注准20233070001',
  registrationExpiresOn: deviceClass === 'I' ? null : '2028-12-31',
  ...more,
});

const licence = (licenceType: LicenceFacts['licenceType'], more: Partial<LicenceFacts> = {}): LicenceFacts => ({
  licenceType,
  number: `${licenceType}-1`,
  deviceClasses: [],
  categoryCodes: [],
  validFrom: '2024-01-01',
  validTo: '2026-12-31',
  ...more,
});

const T = '2025-06-30';

describe('mayReceive — class I', () => {
  it('allows a class I device to a customer holding no licence at all', () => {
    expect(mayReceive(dealer, [], device('I'), T)).toEqual({ allowed: true });
  });
  it('allows a class I device to a customer abroad without a foreign registration', () => {
    expect(mayReceive(foreignDistributor, [], device('I'), T)).toEqual({ allowed: true });
  });
});

describe('mayReceive — class II', () => {
  it('allows it with a valid class II filing', () => {
    expect(mayReceive(dealer, [licence('class2_filing')], device('II'), T).allowed).toBe(true);
  });
  it('allows it with a class III distribution licence whose scope lists class II', () => {
    expect(mayReceive(distributor, [licence('class3_distribution', { deviceClasses: ['II', 'III'] })], device('II'), T).allowed).toBe(true);
  });
  it('refuses it with LICENCE_SCOPE when the class III licence lists class III only', () => {
    const r = mayReceive(distributor, [licence('class3_distribution', { deviceClasses: ['III'] })], device('II'), T);
    expect(r).toMatchObject({ allowed: false, code: 'LICENCE_SCOPE' });
  });
  it('refuses it with LICENCE_SCOPE when a class III licence lists no classes (it implies class III only)', () => {
    expect(mayReceive(distributor, [licence('class3_distribution')], device('II'), T)).toMatchObject({ code: 'LICENCE_SCOPE' });
  });
  it('refuses it with LICENCE_MISSING when the customer holds no licence', () => {
    const r = mayReceive(dealer, [], device('II'), T);
    expect(r).toMatchObject({ allowed: false, code: 'LICENCE_MISSING' });
    if (!r.allowed) {
      expect(r.reason).toMatch(/class II/);
      expect(r.reasonZh).toMatch(/第二类/);
    }
  });
  it('refuses it with LICENCE_MISSING when the customer only holds licences of other types', () => {
    expect(mayReceive(distributor, [licence('manufacturing')], device('II'), T)).toMatchObject({ code: 'LICENCE_MISSING' });
  });
  it('does not accept a practice licence held by a non-hospital customer', () => {
    expect(mayReceive(dealer, [licence('hospital_practice')], device('II'), T)).toMatchObject({ code: 'LICENCE_MISSING' });
  });
  it("allows it to a hospital with only its practice licence (it covers the use of any class)", () => {
    expect(mayReceive(hospital, [licence('hospital_practice', { deviceClasses: ['I'] })], device('II'), T).allowed).toBe(true);
  });
  it('refuses it with LICENCE_EXPIRED when the filing ended before the date', () => {
    const r = mayReceive(dealer, [licence('class2_filing', { validTo: '2025-06-29' })], device('II'), T);
    expect(r).toMatchObject({ allowed: false, code: 'LICENCE_EXPIRED' });
    if (!r.allowed) expect(r.reason).toContain('2025-06-29');
  });
  it('does not check category codes for class II', () => {
    expect(mayReceive(dealer, [licence('class2_filing', { categoryCodes: ['22'] })], device('II'), T).allowed).toBe(true);
  });
});

describe('mayReceive — class III', () => {
  it('allows it with a valid class III distribution licence and no category list', () => {
    expect(mayReceive(distributor, [licence('class3_distribution')], device('III'), T).allowed).toBe(true);
  });
  it('allows it when a listed category is a parent of the device category (07 covers 07-03-01)', () => {
    expect(mayReceive(distributor, [licence('class3_distribution', { categoryCodes: ['02', '07'] })], device('III'), T).allowed).toBe(true);
  });
  it('allows it when the listed category is the device category itself', () => {
    expect(mayReceive(distributor, [licence('class3_distribution', { categoryCodes: ['07-03-01'] })], device('III'), T).allowed).toBe(true);
  });
  it('refuses it with LICENCE_SCOPE when no listed category covers the device category', () => {
    const r = mayReceive(distributor, [licence('class3_distribution', { categoryCodes: ['07-04', '08'] })], device('III'), T);
    expect(r).toMatchObject({ allowed: false, code: 'LICENCE_SCOPE' });
    if (!r.allowed) {
      expect(r.reason).toContain('07-03-01');
      expect(r.reasonZh).toContain('07-03-01');
    }
  });
  it('refuses it with LICENCE_SCOPE when the licence lists categories and the device has none', () => {
    expect(mayReceive(distributor, [licence('class3_distribution', { categoryCodes: ['07'] })], device('III', { categoryCode: null }), T))
      .toMatchObject({ code: 'LICENCE_SCOPE' });
  });
  it('refuses it with LICENCE_SCOPE when the class III licence lists only class II', () => {
    expect(mayReceive(distributor, [licence('class3_distribution', { deviceClasses: ['II'] })], device('III'), T)).toMatchObject({ code: 'LICENCE_SCOPE' });
  });
  it('refuses it with LICENCE_MISSING when the customer holds only a class II filing', () => {
    expect(mayReceive(dealer, [licence('class2_filing')], device('III'), T)).toMatchObject({ code: 'LICENCE_MISSING' });
  });
  it('allows it to a hospital with its practice licence', () => {
    expect(mayReceive(hospital, [licence('hospital_practice')], device('III'), T).allowed).toBe(true);
  });
  it("bounds a hospital's practice licence by the categories it lists", () => {
    expect(mayReceive(hospital, [licence('hospital_practice', { categoryCodes: ['08'] })], device('III'), T)).toMatchObject({ code: 'LICENCE_SCOPE' });
  });
  it('refuses it with LICENCE_EXPIRED when the only covering licence has expired, even if another valid one does not cover', () => {
    const r = mayReceive(distributor, [
      licence('class3_distribution', { number: 'OLD', categoryCodes: ['07'], validTo: '2025-01-31' }),
      licence('class3_distribution', { number: 'OTHER', categoryCodes: ['08'] }),
    ], device('III'), T);
    expect(r).toMatchObject({ allowed: false, code: 'LICENCE_EXPIRED' });
    if (!r.allowed) expect(r.reason).toContain('OLD');
  });
  it('refuses it with LICENCE_EXPIRED when the licence is not yet valid on the date', () => {
    expect(mayReceive(distributor, [licence('class3_distribution', { validFrom: '2025-07-01', validTo: null })], device('III'), T))
      .toMatchObject({ code: 'LICENCE_EXPIRED' });
  });
  it('allows it when one of several licences is valid and covering', () => {
    expect(mayReceive(distributor, [
      licence('class3_distribution', { number: 'EXPIRED', validTo: '2024-12-31' }),
      licence('class3_distribution', { number: 'RENEWED', validFrom: '2025-01-01', validTo: '2029-12-31' }),
    ], device('III'), T).allowed).toBe(true);
  });
});

describe('mayReceive — validity includes both ends', () => {
  const l = licence('class3_distribution', { validFrom: '2025-01-01', validTo: '2025-06-30' });
  it('allows on the first day', () => expect(mayReceive(distributor, [l], device('III'), '2025-01-01').allowed).toBe(true));
  it('allows on the last day', () => expect(mayReceive(distributor, [l], device('III'), '2025-06-30').allowed).toBe(true));
  it('refuses the day before', () => expect(mayReceive(distributor, [l], device('III'), '2024-12-31')).toMatchObject({ code: 'LICENCE_EXPIRED' }));
  it('refuses the day after', () => expect(mayReceive(distributor, [l], device('III'), '2025-07-01')).toMatchObject({ code: 'LICENCE_EXPIRED' }));
  it('treats a licence without an end date as valid from its start on', () => {
    expect(validOn({ validFrom: '2020-01-01', validTo: null }, '2099-12-31')).toBe(true);
  });
});

describe('mayReceive — device registration', () => {
  const valid = [licence('class3_distribution')];
  it('allows on the last day of the registration', () => {
    expect(mayReceive(distributor, valid, device('III', { registrationExpiresOn: T }), T).allowed).toBe(true);
  });
  it('refuses with REGISTRATION_EXPIRED the day after the registration expired', () => {
    const r = mayReceive(distributor, valid, device('III', { registrationExpiresOn: '2025-06-29' }), T);
    expect(r).toMatchObject({ allowed: false, code: 'REGISTRATION_EXPIRED' });
    if (!r.allowed) {
      expect(r.reason).toContain('国械注准20233070001');
      expect(r.reasonZh).toContain('注册证');
    }
  });
  it('refuses an expired registration before looking at licences, even for a licensed hospital', () => {
    expect(mayReceive(hospital, [licence('hospital_practice')], device('II', { registrationExpiresOn: '2020-01-01' }), T))
      .toMatchObject({ code: 'REGISTRATION_EXPIRED' });
  });
  it('refuses a class I device whose registration has an expiry that passed', () => {
    expect(mayReceive(dealer, [], device('I', { registrationExpiresOn: '2025-01-01' }), T)).toMatchObject({ code: 'REGISTRATION_EXPIRED' });
  });
});

describe('mayReceive — customers abroad', () => {
  it('allows class III with a valid foreign registration', () => {
    expect(mayReceive(foreignDistributor, [licence('foreign_registration')], device('III'), T).allowed).toBe(true);
  });
  it('refuses with LICENCE_MISSING when it holds only Chinese licences', () => {
    const r = mayReceive(foreignDistributor, [licence('class3_distribution')], device('III'), T);
    expect(r).toMatchObject({ allowed: false, code: 'LICENCE_MISSING' });
    if (!r.allowed) {
      expect(r.reason).toMatch(/foreign_registration/);
      expect(r.reasonZh).toMatch(/境外/);
    }
  });
  it('refuses with LICENCE_EXPIRED when its foreign registration expired', () => {
    expect(mayReceive(foreignDistributor, [licence('foreign_registration', { validTo: '2025-01-01' })], device('II'), T)).toMatchObject({ code: 'LICENCE_EXPIRED' });
  });
  it('refuses with LICENCE_SCOPE when the foreign registration lists other classes', () => {
    expect(mayReceive(foreignDistributor, [licence('foreign_registration', { deviceClasses: ['II'] })], device('III'), T)).toMatchObject({ code: 'LICENCE_SCOPE' });
  });
  it('treats a hospital abroad like any customer abroad (its practice licence does not count)', () => {
    expect(mayReceive({ customerType: 'hospital', country: 'HK' }, [licence('hospital_practice')], device('III'), T)).toMatchObject({ code: 'LICENCE_MISSING' });
  });
});

describe('coversCategory', () => {
  const scoped = (codes: string[]) => licence('class3_distribution', { categoryCodes: codes });
  it('covers every category when none is listed', () => expect(coversCategory(scoped([]), '22-01-01')).toBe(true));
  it('covers sub-categories of a first-level code', () => expect(coversCategory(scoped(['07']), '07-03-01')).toBe(true));
  it('covers sub-categories of a second-level code', () => expect(coversCategory(scoped(['07-03']), '07-03-01')).toBe(true));
  it('does not cover a sibling', () => expect(coversCategory(scoped(['07-03']), '07-04-01')).toBe(false));
  it('does not cover the parent of a listed sub-category', () => expect(coversCategory(scoped(['07-03-01']), '07-03')).toBe(false));
  it('covers a 2002 sub-category under its 2002 category', () => expect(coversCategory(scoped(['6815']), '681501')).toBe(true));
  it('does not cover another 2002 category', () => expect(coversCategory(scoped(['6815']), '6821')).toBe(false));
});
