import { describe, expect, it } from 'vitest';
import { licenceState } from './licence-state';

const today = new Date('2026-11-26T08:00:00Z');

describe('licence state on the customer screens', () => {
  it('given an end date within 60 days, then expiring (the 60th day included)', () => {
    expect(licenceState('2026-12-26', today)).toBe('expiring');
    expect(licenceState('2027-01-25', today)).toBe('expiring');
    expect(licenceState('2026-11-26', today)).toBe('expiring');
  });
  it('given an end date further out or none, then valid', () => {
    expect(licenceState('2027-01-26', today)).toBe('valid');
    expect(licenceState(null, today)).toBe('valid');
  });
  it('given an end date in the past, then expired', () => {
    expect(licenceState('2026-11-25', today)).toBe('expired');
  });
});
