import { describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { ContractPriceInput, ContractUpdate } from './contract-schemas.ts';
import { PriceListImportRow } from './import-row-schema.ts';
import { PriceListInput, PriceListLineInput, PriceListLineUpdate, PriceListUpdate } from './price-list-schemas.ts';
import { QuoteRequest } from './quote-schemas.ts';

/** Every property of an object schema, nested objects and array items included, with its path. */
function properties(schema: TSchema, path = ''): Array<[string, Record<string, unknown>]> {
  const s = schema as Record<string, unknown>;
  const props = (s.properties ?? {}) as Record<string, TSchema>;
  return Object.entries(props).flatMap(([k, p]) => {
    const here = `${path}${k}`;
    const inner = (p as Record<string, unknown>).type === 'array' ? ((p as Record<string, unknown>).items as TSchema) : p;
    return [[here, p as Record<string, unknown>] as [string, Record<string, unknown>], ...properties(inner, `${here}.`)];
  });
}

const schemas = { PriceListInput, PriceListLineInput, PriceListLineUpdate, PriceListUpdate, ContractPriceInput, ContractUpdate, PriceListImportRow, QuoteRequest };

describe('pricing input schemas', () => {
  it.each(Object.entries(schemas))('given %s, when read by the importer, then every field says what it is in English and Chinese', (_name, schema) => {
    const undocumented = properties(schema).filter(([, p]) => typeof p.description !== 'string' || typeof p['x-zh'] !== 'string').map(([path]) => path);
    expect(undocumented).toEqual([]);
  });
});
