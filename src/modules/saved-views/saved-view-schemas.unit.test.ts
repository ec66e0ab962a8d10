import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { OrderListFilters, SavedViewInput, SavedViewPatch } from './saved-view-schemas.ts';

type Node = Record<string, unknown>;
const fields = (schema: Node, path = ''): Array<[string, Node]> =>
  Object.entries((schema.properties ?? {}) as Record<string, Node>).flatMap(([name, prop]) => [
    [`${path}${name}`, prop] as [string, Node],
    ...(prop.properties ? fields(prop, `${path}${name}.`) : []),
  ]);

describe('saved view schemas', () => {
  it.each([['SavedViewInput', SavedViewInput], ['SavedViewPatch', SavedViewPatch]] as const)(
    '%s documents every field in English and Chinese', (_name, schema) => {
      const undocumented = fields(schema as unknown as Node)
        .filter(([, f]) => typeof f.description !== 'string' || !/[\u4e00-\u9fff]/.test(String(f['x-zh'])))
        .map(([path]) => path);
      expect(undocumented).toEqual([]);
    });

  it('given the filters of the order list, then valid; given any other key or an empty value, then not', () => {
    expect(Value.Check(OrderListFilters, { status: 'on_hold', holdType: 'credit', customerId: '01890a5d-ac96-7b6c-8f3b-5d1a2c3e4f50', from: '2026-01-01', q: 'PO' })).toBe(true);
    expect(Value.Check(OrderListFilters, { lot: 'L1' })).toBe(false);
    expect(Value.Check(OrderListFilters, { status: '' })).toBe(false);
  });
});
