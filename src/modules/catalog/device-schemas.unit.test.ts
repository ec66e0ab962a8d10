import { describe, expect, it } from 'vitest';
import { CATEGORY_CODE_PATTERN, DEVICE_CODE_PATTERN, DeviceInput, DevicePatch, PackagingInput } from './device-schemas.ts';

const category = new RegExp(CATEGORY_CODE_PATTERN);
const code = new RegExp(DEVICE_CODE_PATTERN);

/** Every schema node with a `type` or a union, with the path that reaches it. */
function fields(schema: unknown, path = ''): Array<[string, Record<string, unknown>]> {
  const node = schema as Record<string, unknown>;
  const out: Array<[string, Record<string, unknown>]> = [];
  if (node.properties) {
    for (const [k, v] of Object.entries(node.properties as Record<string, unknown>)) {
      out.push([`${path}${k}`, v as Record<string, unknown>], ...fields(v, `${path}${k}.`));
    }
  }
  if (node.items) out.push(...fields(node.items, `${path}[].`));
  return out;
}

describe('device input schemas', () => {
  it('take category codes of both catalogues and nothing else', () => {
    for (const ok of ['07-03-01', '07-03', '22-11-02', '6815', '681501']) expect(category.test(ok), ok).toBe(true);
    for (const bad of ['7-3-1', '07-03-1', '00-01-01', '07-00', '07-03-01-02', '6915', '68150', '6815011', 'A7-03-01', '']) {
      expect(category.test(bad), bad).toBe(false);
    }
  });

  it('take device codes of letters, digits and . _ / -', () => {
    for (const ok of ['STENT-01', 'ref.12/34', 'A']) expect(code.test(ok), ok).toBe(true);
    for (const bad of ['-X', 'has space', 'x'.repeat(41), '支架']) expect(code.test(bad), bad).toBe(false);
  });

  it('describe every field in English and Chinese, with units on measured ones', () => {
    for (const schema of [DeviceInput, DevicePatch, PackagingInput]) {
      for (const [path, node] of fields(schema)) {
        expect(typeof node.description, path).toBe('string');
        expect(typeof node['x-zh'], path).toBe('string');
      }
    }
    const units = Object.fromEntries(fields(DeviceInput).filter(([, n]) => n['x-unit']).map(([p, n]) => [p, n['x-unit']]));
    expect(units).toEqual({ minTempC: '°C', maxTempC: '°C', shelfLifeDays: 'day', leadTimeDays: 'day', 'packaging.[].quantity': 'base unit' });
  });
});
