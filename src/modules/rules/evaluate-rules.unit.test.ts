import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate-rules.ts';
import { DEFAULT_RULES } from './default-rule-set.ts';
import type { Facts, Rule } from './rule-types.ts';

const SET = { id: 'rs-1', name: 'default', version: 3, rules: DEFAULT_RULES };

const line = (more: Record<string, unknown> = {}) => ({
  lineNo: 1, deviceCode: 'D1', deviceClass: 'II', coldChain: false, trackingMode: 'lot_serial', unitPriceMinor: 1000,
  floorMinor: 800, discountBp: 0, onContract: true, compliance: null, ...more,
});
const facts = (more: Partial<Facts> = {}, lines = [line()]): Facts => ({
  today: '2026-11-26',
  customer: { code: 'C1', creditLimitMinor: 100_000, exposureMinor: 50_000, maxOverdueDays: 0, hasContract: false, requiresSerialCapture: false },
  shipTo: { coldChainCapable: true },
  alerts: [],
  lines,
  ...more,
});
const fired = (f: Facts) => evaluateRules(SET, f).firings.map((x) => `${x.rule}${x.lineNo ? `@${x.lineNo}` : ''}`);
const customer = (more: Record<string, unknown>) => ({ ...(facts().customer as object), ...more });

describe('built-in rules', () => {
  it('fire nothing for a clean order', () => expect(fired(facts())).toEqual([]));

  it('credit.limit: exposure above the limit fires, at the limit does not, no limit never does', () => {
    expect(fired(facts({ customer: customer({ exposureMinor: 100_001 }) }))).toEqual(['credit.limit']);
    expect(fired(facts({ customer: customer({ exposureMinor: 100_000 }) }))).toEqual([]);
    expect(fired(facts({ customer: customer({ creditLimitMinor: null, exposureMinor: 9e9 }) }))).toEqual([]);
  });

  it('credit.overdue: over 60 days fires', () => {
    expect(fired(facts({ customer: customer({ maxOverdueDays: 61 }) }))).toEqual(['credit.overdue']);
    expect(fired(facts({ customer: customer({ maxOverdueDays: 60 }) }))).toEqual([]);
  });

  it('price.below_floor: per line, naming the line', () => {
    expect(fired(facts({}, [line(), line({ lineNo: 2, unitPriceMinor: 799 })]))).toEqual(['price.below_floor@2']);
    expect(fired(facts({}, [line({ floorMinor: null, unitPriceMinor: 1 })]))).toEqual([]);
  });

  it('price.discount and discount_large: thresholds at 10 % and 20 %', () => {
    expect(fired(facts({}, [line({ discountBp: 1000 })]))).toEqual([]);
    expect(fired(facts({}, [line({ discountBp: 1001 })]))).toEqual(['price.discount@1']);
    expect(fired(facts({}, [line({ discountBp: 2001 })]))).toEqual(['price.discount@1', 'price.discount_large@1']);
  });

  it('contract.not_on_contract: only for customers with a contract', () => {
    expect(fired(facts({ customer: customer({ hasContract: true }) }, [line({ onContract: false })]))).toEqual(['contract.not_on_contract@1']);
    expect(fired(facts({ customer: customer({ hasContract: false }) }, [line({ onContract: false })]))).toEqual([]);
  });

  it('compliance.licence and compliance.registration follow the may-receive verdict', () => {
    for (const code of ['LICENCE_MISSING', 'LICENCE_EXPIRED', 'LICENCE_SCOPE']) {
      expect(fired(facts({}, [line({ compliance: code })]))).toEqual(['compliance.licence@1']);
    }
    expect(fired(facts({}, [line({ compliance: 'REGISTRATION_EXPIRED' })]))).toEqual(['compliance.registration@1']);
  });

  it('compliance.cold_chain: cold device, ship-to without cold chain', () => {
    expect(fired(facts({ shipTo: { coldChainCapable: false } }, [line({ coldChain: true })]))).toEqual(['compliance.cold_chain@1']);
    expect(fired(facts({ shipTo: { coldChainCapable: false } }, [line({ coldChain: false })]))).toEqual([]);
  });

  it('compliance.serial_capture: customer needs serials, device tracked by lot', () => {
    expect(fired(facts({ customer: customer({ requiresSerialCapture: true }) }, [line({ trackingMode: 'lot' })]))).toEqual(['compliance.serial_capture@1']);
    expect(fired(facts({ customer: customer({ requiresSerialCapture: true }) }, [line({ trackingMode: 'serial' })]))).toEqual([]);
  });

  it('anomaly.high_severity: counts high alerts only', () => {
    expect(fired(facts({ alerts: [{ code: 'QUANTITY_SPIKE', severity: 'high' }] }))).toEqual(['anomaly.high_severity']);
    expect(fired(facts({ alerts: [{ code: 'DUPLICATE_PO', severity: 'medium' }] }))).toEqual([]);
  });
});

describe('the evaluator', () => {
  it('explains a firing with its rule, rule-set version and the facts it read', () => {
    const [f] = evaluateRules(SET, facts({ customer: customer({ exposureMinor: 200_000 }) })).firings;
    expect(f).toMatchObject({ rule: 'credit.limit', ruleSet: { id: 'rs-1', version: 3 }, lineNo: null,
      facts: { 'customer.creditLimitMinor': 100_000, 'customer.exposureMinor': 200_000 } });
  });

  it('reports every rule that ran, fired or not', () => {
    const { results } = evaluateRules(SET, facts({}, [line(), line({ lineNo: 2 })]));
    const orderRules = DEFAULT_RULES.filter((r) => r.scope === 'order').length;
    const lineRules = DEFAULT_RULES.length - orderRules;
    expect(results).toHaveLength(orderRules + 2 * lineRules);
    expect(results.every((r) => r.fired === false)).toBe(true);
  });

  it('handles arithmetic, dates, sets, not/any, and never fires on missing facts', () => {
    const rule = (when: Rule['when']): Rule => ({ code: 'x', name: { en: 'x', zh: 'x' }, scope: 'order', when, then: [] });
    const run = (when: Rule['when'], f: Facts) => evaluateRules({ ...SET, rules: [rule(when)] }, f).firings.length === 1;
    const f: Facts = { a: 10, b: 4, d: '2026-01-31', tags: ['x', 'y'], s: 'SO-2026' };
    expect(run({ cmp: '==', left: { op: '-', args: [{ fact: 'a' }, { fact: 'b' }] }, right: { value: 6 } }, f)).toBe(true);
    expect(run({ cmp: '>', left: { op: '/', args: [{ fact: 'a' }, { value: 0 }] }, right: { value: 0 } }, f)).toBe(false);
    expect(run({ cmp: '==', left: { daysFrom: { fact: 'd' }, days: 1 }, right: { value: '2026-02-01' } }, f)).toBe(true);
    expect(run({ cmp: 'contains', left: { fact: 'tags' }, right: { value: 'y' } }, f)).toBe(true);
    expect(run({ cmp: 'starts_with', left: { fact: 's' }, right: { value: 'SO-' } }, f)).toBe(true);
    expect(run({ not: { any: [{ cmp: '<', left: { fact: 'a' }, right: { value: 5 } }, { missing: 'b' }] } }, f)).toBe(true);
    expect(run({ cmp: '<', left: { fact: 'nope' }, right: { value: 5 } }, f)).toBe(false);
    expect(run({ cmp: '>', left: { fact: 'nope' }, right: { value: 5 } }, f)).toBe(false);
    expect(run({ cmp: '>=', left: { sum: 'items', of: 'q' }, right: { value: 7 } }, { items: [{ q: 3 }, { q: 4 }] })).toBe(true);
  });

  it('skips disabled rules', () => {
    const rules = DEFAULT_RULES.map((r) => ({ ...r, enabled: r.code !== 'credit.limit' }));
    expect(evaluateRules({ ...SET, rules }, facts({ customer: customer({ exposureMinor: 1e9 }) })).firings).toEqual([]);
  });
});
