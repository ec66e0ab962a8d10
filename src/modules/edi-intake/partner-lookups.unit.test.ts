import { describe, expect, it } from 'vitest';
import { partnerLookups } from './partner-lookups.ts';

describe('partnerLookups', () => {
  it('given a GLN qualifier (UL, 14) and a valid GLN, then the GLN comes first', () => {
    expect(partnerLookups({ qualifier: '14', id: '4012345000009' })).toEqual([
      { scheme: 'GLN', value: '4012345000009' },
      { scheme: 'PARTNER', value: '4012345000009' },
    ]);
    expect(partnerLookups({ qualifier: 'UL', id: '0614141000036', scheme: 'GLN' })[0]).toEqual({ scheme: 'GLN', value: '0614141000036' });
  });

  it('given a DUNS qualifier or a 9-digit id, then the DUNS number is looked up', () => {
    expect(partnerLookups({ qualifier: '01', id: '123456789' })).toEqual([
      { scheme: 'DUNS', value: '123456789' },
      { scheme: 'PARTNER', value: '123456789' },
    ]);
    expect(partnerLookups({ qualifier: 'ZZ', id: '987654321' })[0]).toEqual({ scheme: 'DUNS', value: '987654321' });
  });

  it('given DUNS+4, then the DUNS part of it is looked up', () => {
    expect(partnerLookups({ qualifier: '9', id: '1234567890001', scheme: 'DUNS+4' })[0]).toEqual({ scheme: 'DUNS', value: '123456789' });
  });

  it('given a mutually defined id, then it is a partner id', () => {
    expect(partnerLookups({ qualifier: 'ZZ', id: 'MERCYGENERAL' })).toEqual([{ scheme: 'PARTNER', value: 'MERCYGENERAL' }]);
    expect(partnerLookups({ qualifier: '92', id: 'KN-0042', scheme: 'BUYER_ASSIGNED' })).toEqual([{ scheme: 'PARTNER', value: 'KN-0042' }]);
  });

  it('given a GLN qualifier but a bad check digit, then no GLN lookup is tried', () => {
    expect(partnerLookups({ qualifier: '14', id: '4012345000008' })).toEqual([{ scheme: 'PARTNER', value: '4012345000008' }]);
  });

  it('given a party with a name only, then there is nothing to look up', () => {
    expect(partnerLookups({ name: 'KLINIKUM NORD' })).toEqual([]);
  });
});
