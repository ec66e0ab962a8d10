import { describe, expect, it } from 'vitest';
import { outputExpiry } from './output-expiry.ts';

describe('outputExpiry', () => {
  it('given a shelf life of 365 days and components that keep longer, then manufacture date + 365 days', () => {
    expect(outputExpiry('2026-11-26', 365, [{ lotId: 'a', expiresOn: '2029-01-01' }])).toEqual({ expiresOn: '2027-11-26', cappedBy: null });
  });

  it('given a component lot expiring before that, then the earliest component expiry, naming the lot', () => {
    expect(outputExpiry('2026-11-26', 365, [
      { lotId: 'a', expiresOn: '2027-06-30' }, { lotId: 'b', expiresOn: '2027-03-01' }, { lotId: 'c', expiresOn: '2028-01-01' },
    ])).toEqual({ expiresOn: '2027-03-01', cappedBy: 'b' });
  });

  it('given a leap day in the span, then calendar days are counted', () => {
    expect(outputExpiry('2027-12-31', 366, [])).toEqual({ expiresOn: '2028-12-31', cappedBy: null });
    expect(outputExpiry('2027-12-31', 365, [])).toEqual({ expiresOn: '2028-12-30', cappedBy: null });
  });

  it('given no shelf life, then the earliest component expiry; with no components either, no date', () => {
    expect(outputExpiry('2026-11-26', null, [{ lotId: 'a', expiresOn: '2027-06-30' }])).toEqual({ expiresOn: '2027-06-30', cappedBy: 'a' });
    expect(outputExpiry('2026-11-26', null, [])).toEqual({ error: 'NO_SHELF_LIFE' });
  });
});
