import { describe, expect, it } from 'vitest';
import { signingCapacity } from './signing-capacity.ts';

const away = { userId: 'u-fin', name: 'Wang Fang', roles: ['finance'] };

describe('who may decide a task', () => {
  it('given a user holding the task role, when asked, then they decide in their own right', () => {
    expect(signingCapacity(['finance'], ['finance'], [])).toEqual({ onBehalfOf: null });
  });

  it('given a delegate of a user holding the role, when asked, then they decide on that user’s behalf', () => {
    expect(signingCapacity(['sales'], ['finance'], [away])).toEqual({ onBehalfOf: { userId: 'u-fin', name: 'Wang Fang' } });
  });

  it('given a task escalated to a second role, when a holder of that role asks, then they decide', () => {
    expect(signingCapacity(['sales'], ['customer_service', 'sales'], [])).toEqual({ onBehalfOf: null });
  });

  it('given an administrator, when asked, then they decide in their own right', () => {
    expect(signingCapacity(['admin'], ['quality'], [])).toEqual({ onBehalfOf: null });
  });

  it('given neither the role nor a delegation of it, when asked, then they may not decide', () => {
    expect(signingCapacity(['sales'], ['quality'], [away])).toBeNull();
  });
});
