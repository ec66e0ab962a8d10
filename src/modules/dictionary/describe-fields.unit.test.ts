import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { doc, Nullable } from '../../platform/schema-doc.ts';
import { describeFields } from './describe-fields.ts';
import { buildDictionary } from './build-dictionary.ts';
import { IMPORT_KIND_LIST } from '../imports/import-kinds.ts';

const Input = Type.Object({
  code: Type.String({ pattern: '^[A-Z]+$', maxLength: 10, ...doc('code', '编码') }),
  days: Type.Optional(Nullable(Type.Integer({ minimum: 0, ...doc('lead time', '周期', 'day') }))),
  kind: Type.Union([Type.Literal('a'), Type.Literal('b')], doc('kind', '类别')),
  tags: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]+$' }), { maxItems: 3, ...doc('tags', '标签') })),
  lines: Type.Optional(Type.Array(Type.Object({ qty: Type.Integer(doc('quantity', '数量')) }), doc('lines', '明细'))),
  levels: Type.Optional(Type.Array(Type.Object({ gtin: Type.String(doc('gtin', '条码')) }), doc('levels', '层级'))),
});

describe('describeFields', () => {
  it('given a schema, then each field with type, unit, rule and meaning; child lists go to their entity', () => {
    expect(describeFields(Input, 'thing', { levels: 'thing_level' })).toEqual([
      { entity: 'thing', field: 'code', type: 'string', unit: null, rule: { required: true, pattern: '^[A-Z]+$', maxLength: 10 }, en: 'code', zh: '编码' },
      { entity: 'thing', field: 'days', type: 'integer', unit: 'day', rule: { required: false, nullable: true, minimum: 0 }, en: 'lead time', zh: '周期' },
      { entity: 'thing', field: 'kind', type: 'string', unit: null, rule: { required: true, enum: ['a', 'b'] }, en: 'kind', zh: '类别' },
      { entity: 'thing', field: 'tags', type: 'array of string', unit: null, rule: { required: false, pattern: '^[a-z]+$', maxItems: 3 }, en: 'tags', zh: '标签' },
      { entity: 'thing', field: 'lines[].qty', type: 'integer', unit: null, rule: { required: true }, en: 'quantity', zh: '数量' },
      { entity: 'thing_level', field: 'gtin', type: 'string', unit: null, rule: { required: true }, en: 'gtin', zh: '条码' },
    ]);
  });
});

describe('buildDictionary', () => {
  it('given the registry, then every import kind feeds its entity under its channel', () => {
    const dictionary = buildDictionary();
    for (const kind of IMPORT_KIND_LIST) {
      const entity = dictionary.find((e) => e.entity === kind.entity);
      expect(entity?.fields.some((f) => f.channels.includes(`import:${kind.name}`)), kind.name).toBe(true);
    }
  });
});
