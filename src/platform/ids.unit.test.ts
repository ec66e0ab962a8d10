import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('is a version 7, RFC 4122 variant UUID whose first 48 bits are the time', () => {
    const at = Date.UTC(2026, 10, 26, 10, 0, 0);
    const id = uuidv7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('draws fresh random bits for every id, across refills of the random pool', () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7(0));
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(1000);
  });
});
