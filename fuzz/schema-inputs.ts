import fc from 'fast-check';
import { anyJson, hostileString } from './hostile-inputs.ts';

/** A JSON schema as the OpenAPI document carries it (the parts that shape a value). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  $ref?: string;
}

const DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '2026-11-26', '2027-06-30', '26-11-2026', '2026-11-26T25:00:00Z'];
// Values that pass common patterns (codes, countries, currencies, units, GTINs), so that bodies
// get past validation into the use cases; hostile ones test the validation itself.
const PLAUSIBLE = ['A1', 'TEST-1', 'CN', 'CNY', 'USD', 'EA', 'CA', 'I', 'III', '06901234567892', '07-01', '测试医院', 'x@example.com'];

/**
 * Values shaped like the schema but with hostile content: every string a hostile one or an enum
 * member, numbers at their edges, required fields sometimes missing, unknown fields sometimes
 * added. They pass the outer validation often enough to reach the use cases behind it.
 */
export function shapedBy(schema: JsonSchema, resolve: (ref: string) => JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return shapedBy(resolve(schema.$ref), resolve, depth);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((c) => shapedBy(c, resolve, depth)));
  if (schema.allOf?.length) return shapedBy(Object.assign({}, ...schema.allOf), resolve, depth);
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  if (depth > 4) return anyJson;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return schema.format === 'date'
        ? fc.oneof(fc.constantFrom(...DATES), hostileString)
        : fc.oneof({ arbitrary: fc.constantFrom(...PLAUSIBLE), weight: 8 }, { arbitrary: hostileString, weight: 1 }, { arbitrary: fc.uuid(), weight: 1 });
    case 'integer':
    case 'number':
      return fc.oneof({ arbitrary: fc.integer({ min: 1, max: 20 }), weight: 8 }, { arbitrary: fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, 1e300, 0.5), weight: 1 }, { arbitrary: hostileString, weight: 1 });
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constant('true'));
    case 'array':
      return fc.array(shapedBy(schema.items ?? {}, resolve, depth + 1), { maxLength: 3 });
    case 'object':
    case undefined: {
      if (!schema.properties) return anyJson;
      const fields = Object.entries(schema.properties).map(([k, s]) =>
        fc.option(shapedBy(s, resolve, depth + 1), { freq: schema.required?.includes(k) ? 30 : 3, nil: undefined }).map((v) => [k, v] as const));
      return fc.tuple(fc.tuple(...fields), fc.option(fc.tuple(hostileString, anyJson), { freq: 4, nil: undefined })).map(([pairs, extra]) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of pairs) if (v !== undefined) o[k] = v;
        if (extra) o[extra[0]] = extra[1];
        return o;
      });
    }
    default:
      return anyJson;
  }
}
