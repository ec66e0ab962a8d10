import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

/**
 * One schema per input: it validates API bodies and CLI options. Only the shape is checked here;
 * the GS1 rules (check digit, character set, dates YYMMDD can carry) are the codec's, which
 * answers with the SCAN_* code and the field.
 */

/** The most labels one request may ask for: 100 A4 sheets. */
export const MAX_LABELS = 2400;

const gs1Text = (description: string, zh: string) => Type.String({ minLength: 1, maxLength: 20, ...doc(description, zh) });

export const SymbologySchema = Type.Union([Type.Literal('datamatrix'), Type.Literal('gs1-128')], doc('GS1 DataMatrix (UDI on the product) or GS1-128 (linear, cartons)', '条码类型'));
export const ImageFormatSchema = Type.Union([Type.Literal('png'), Type.Literal('svg')], doc('image format', '图片格式'));
export const LabelLevelSchema = Type.Union([Type.Literal('each'), Type.Literal('box'), Type.Literal('case')], doc('packaging level whose UDI-DI the labels carry', '包装层级'));

export type Symbology = Static<typeof SymbologySchema>;
export type ImageFormat = Static<typeof ImageFormatSchema>;
export type LabelLevel = Static<typeof LabelLevelSchema>;

export const UdiFieldsSchema = {
  gtin: Type.String({ pattern: '^([0-9]{8}|[0-9]{12,14})$', ...doc('UDI-DI: GTIN-8/12/13/14 with its check digit', '产品标识') }),
  lot: Type.Optional(gs1Text('lot or batch number, AI (10)', '批号')),
  expiry: Type.Optional(DateString(doc('expiry date, AI (17)', '有效期至'))),
  productionDate: Type.Optional(DateString(doc('production date, AI (11)', '生产日期'))),
  serial: Type.Optional(gs1Text('serial number, AI (21)', '序列号')),
};

export const BarcodeInput = Type.Object(
  {
    ...UdiFieldsSchema,
    symbology: Type.Optional(SymbologySchema),
    format: Type.Optional(ImageFormatSchema),
  },
  { additionalProperties: false, ...doc('a UDI barcode to draw', 'UDI 条码') },
);
export type BarcodeInput = Static<typeof BarcodeInput>;

export const LotSheetInput = Type.Object(
  {
    deviceId: Type.String({ format: 'uuid', ...doc('the catalogue device', '产品') }),
    lot: gs1Text('lot or batch number, AI (10)', '批号'),
    expiry: DateString(doc('expiry date, AI (17)', '有效期至')),
    productionDate: Type.Optional(DateString(doc('production date, AI (11)', '生产日期'))),
    serials: Type.Optional(
      Type.Array(gs1Text('serial number, AI (21)', '序列号'), {
        minItems: 1,
        maxItems: MAX_LABELS,
        ...doc('one label per serial number', '序列号（每个一张标签）'),
      }),
    ),
    level: Type.Optional(LabelLevelSchema),
    copies: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_LABELS,
        ...doc('copies of each label; without serials a full sheet by default', '每张标签份数'),
      }),
    ),
  },
  { additionalProperties: false, ...doc('a sheet of UDI labels for one lot', '批次 UDI 标签页') },
);
export type LotSheetInput = Static<typeof LotSheetInput>;
