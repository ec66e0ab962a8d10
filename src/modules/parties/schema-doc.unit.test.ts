import { describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { PartyInput } from './party-schemas.ts';
import { AddressPatch, ActivationInput, CarrierServicePatch, ContactPatch, PartyPatch } from './party-patch-schemas.ts';
import { LicenceImportRow, LicenceInput, LicencePatch } from './licence-schemas.ts';
import { ItemXrefInput, ItemXrefPatch } from './item-xref-schemas.ts';

/** Every property at any depth, with its path. */
function fields(schema: Record<string, unknown>, path = ''): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, prop] of Object.entries(props ?? {})) {
    out.push([`${path}${name}`, prop]);
    const inner = (prop.items ?? prop) as Record<string, unknown>;
    if (inner.properties) out.push(...fields(inner, `${path}${name}.`));
  }
  return out;
}

const schemas: Record<string, TSchema> = {
  PartyInput, PartyPatch, ActivationInput, AddressPatch, ContactPatch, CarrierServicePatch,
  LicenceInput, LicencePatch, LicenceImportRow, ItemXrefInput, ItemXrefPatch,
};

describe('input schemas', () => {
  it.each(Object.entries(schemas))('%s documents every field in English and Chinese', (_name, schema) => {
    const undocumented = fields(schema as unknown as Record<string, unknown>)
      .filter(([, f]) => typeof f.description !== 'string' || typeof f['x-zh'] !== 'string' || !/[\u4e00-\u9fff]/.test(f['x-zh'] as string))
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('validates an import row with the same schema the API uses', () => {
    expect(Value.Check(LicenceImportRow, { partyCode: 'H1', licenceType: 'class3_distribution', number: 'N', validFrom: '2024-01-01' })).toBe(true);
    expect(Value.Check(LicenceImportRow, { partyCode: 'H1', licenceType: 'class3_distribution', number: 'N', validFrom: '2024-01-01', categoryCodes: ['7'] })).toBe(false);
    expect(Value.Check(LicenceImportRow, { licenceType: 'class3_distribution', number: 'N', validFrom: '2024-01-01' })).toBe(false);
  });

  it('accepts licence category codes of both catalogues at every level, and nothing else', () => {
    const ok = (code: string) => Value.Check(LicenceInput, { licenceType: 'class3_distribution', number: 'N', validFrom: '2024-01-01', categoryCodes: [code] });
    expect(['07', '07-03', '07-03-01', '6815', '681501'].map(ok)).toEqual([true, true, true, true, true]);
    expect(['7', '07-3', '07-03-01-01', '00', '6815-01', 'AB'].map(ok)).toEqual([false, false, false, false, false, false]);
  });
});
