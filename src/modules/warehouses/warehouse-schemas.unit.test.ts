import { describe, expect, it } from 'vitest';
import { BinInput, BinPatch, WarehouseInput, WarehousePatch, ZoneInput, ZonePatch } from './warehouse-schemas.ts';

/** Every property schema, at any depth, with the path that reaches it. */
function fields(schema: unknown, path = ''): Array<[string, Record<string, unknown>]> {
  const node = schema as Record<string, unknown>;
  const out: Array<[string, Record<string, unknown>]> = [];
  for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
    out.push([`${path}${k}`, v as Record<string, unknown>], ...fields(v, `${path}${k}.`));
  }
  if (node.items) out.push(...fields(node.items, `${path}[].`));
  return out;
}

describe('warehouse input schemas', () => {
  it('describe every field in English and Chinese', () => {
    for (const schema of [WarehouseInput, WarehousePatch, ZoneInput, ZonePatch, BinInput, BinPatch]) {
      const all = fields(schema);
      expect(all.length).toBeGreaterThan(3);
      for (const [path, node] of all) {
        expect(typeof node.description, path).toBe('string');
        expect(typeof node['x-zh'], path).toBe('string');
      }
    }
  });

  it('refuse fields they do not know', () => {
    for (const schema of [WarehouseInput, WarehousePatch, ZoneInput, ZonePatch, BinInput, BinPatch]) {
      expect((schema as unknown as { additionalProperties: unknown }).additionalProperties).toBe(false);
    }
  });
});
