import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { doc } from '../../platform/schema-doc.ts';
import { mapColumns, normaliseHeading, zhHeadings } from './column-map.ts';

const Row = Type.Object({
  code: Type.String(doc('code', '产品编码/货号')),
  days: Type.Integer(doc('payment terms', '账期（天）')),
  kind: Type.Union([Type.Literal('a'), Type.Literal('b')], doc('kind', '证照类型：a 甲类，b 乙类')),
  classes: Type.Optional(Type.Array(Type.String(), doc('classes', '管理类别'))),
  levels: Type.Optional(Type.Array(Type.Object({ gtin: Type.String(doc('gtin', '产品标识')), qty: Type.Integer(doc('qty', '数量')) }), doc('levels', '包装层级'))),
  a: Type.Optional(Type.String(doc('a', '名称'))),
  b: Type.Optional(Type.String(doc('b', '名称'))),
});

describe('column headings', () => {
  it('compare without width, case, spacing or a required mark', () => {
    expect(normaliseHeading(' 账期（天） * ')).toBe('账期(天)');
    expect(normaliseHeading('Code')).toBe('code');
  });

  it('answer to a Chinese meaning, its bare term and each of its alternatives', () => {
    expect(zhHeadings('产品编码/货号')).toEqual(['产品编码/货号', '产品编码', '货号']);
    expect(zhHeadings('账期（天）')).toEqual(['账期(天)', '账期']);
    expect(zhHeadings('证照类型：a 甲类，b 乙类/丙类')).toEqual(['证照类型:a 甲类,b 乙类/丙类', '证照类型']);
  });

  it('map field names, Chinese meanings, lists and list items to fields', () => {
    const map = mapColumns(Row, ['货号', 'DAYS', '证照类型', '管理类别', 'levels.gtin', '包装层级.2.数量', '', 'levels.2.gtin']);
    expect(map.targets.map((t) => t && [t.field, t.kind, t.list])).toEqual([
      ['code', 'string', false], ['days', 'integer', false], ['kind', 'string', false], ['classes', 'string', true],
      ['levels.0.gtin', 'string', false], ['levels.1.qty', 'integer', false], null, ['levels.1.gtin', 'string', false],
    ]);
    expect(map.headingOf('levels.1.qty')).toBe('包装层级.2.数量');
  });

  it.each([
    [['code', 'days', 'kind', 'colour'], 'colour', /unknown column "colour"/],
    [['code', 'days', 'kind', '名称'], '名称', /unknown column/],
    [['code', 'days', 'kind', 'levels.0.gtin'], 'levels.0.gtin', /unknown column/],
    [['code', 'days', 'kind', 'levels'], 'levels', /unknown column/],
    [['code', '产品编码', 'days', 'kind'], '产品编码', /"code" and "产品编码" both fill code/],
    [['code', 'kind'], 'days', /no column days \(账期（天）\)/],
  ])('refuse %j: IMPORT_FORMAT naming %s', (headings, field, message) => {
    expect(() => mapColumns(Row, headings)).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT', field, message: expect.stringMatching(message) }));
  });
});
