import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { VersionField } from './party-patch-schemas.ts';
import { Nullable, doc } from '../../platform/schema-doc.ts';

export const LicenceTypeSchema = Type.Union([
  Type.Literal('class3_distribution'), Type.Literal('class2_filing'), Type.Literal('hospital_practice'),
  Type.Literal('manufacturing'), Type.Literal('foreign_registration'),
], doc(
  'class3_distribution = distribution licence (class III), class2_filing = class II distribution filing, hospital_practice = medical institution practice licence, manufacturing = manufacturing licence, foreign_registration = registration abroad (foreign customers)',
  '证照类型：class3_distribution 医疗器械经营许可证，class2_filing 第二类医疗器械经营备案凭证，hospital_practice 医疗机构执业许可证，manufacturing 医疗器械生产许可证，foreign_registration 境外注册/准入证明',
));

/** A category of the 2017 catalogue at any level (07, 07-03, 07-03-01) or of the 2002 one (6815, 681501). */
export const LICENCE_CATEGORY_PATTERN = '^((0[1-9]|[1-9][0-9])(-(0[1-9]|[1-9][0-9])){0,2}|68[0-9]{2}([0-9]{2})?)$';

export type LicenceType = Static<typeof LicenceTypeSchema>;

export const LicenceFields = {
  number: Type.String({ minLength: 1, maxLength: 100, ...doc('licence or filing number as printed', '许可证/备案编号') }),
  deviceClasses: Type.Array(Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')]), {
    maxItems: 3, uniqueItems: true, ...doc('device classes in the scope (I, II, III)', '经营范围：管理类别'),
  }),
  categoryCodes: Type.Array(Type.String({ pattern: LICENCE_CATEGORY_PATTERN, ...doc('a category code of the 2017 catalogue (07, 07-03, 07-03-01) or the 2002 one (6815)', '分类编码') }), {
    maxItems: 200, uniqueItems: true, ...doc('device category codes in the scope; a code covers its sub-categories', '经营范围：分类编码'),
  }),
  validFrom: DateString(doc('first day of validity', '有效期起')),
  validTo: DateString(doc('last day of validity (inclusive); empty = no end', '有效期至')),
  issuingAuthority: Type.String({ maxLength: 200, ...doc('issuing authority', '发证机关') }),
  documentRef: Type.String({ maxLength: 500, ...doc('reference to the scanned licence document', '证照扫描件') }),
};

export const LicenceInput = Type.Object({
  licenceType: LicenceTypeSchema,
  number: LicenceFields.number,
  deviceClasses: Type.Optional(LicenceFields.deviceClasses),
  categoryCodes: Type.Optional(LicenceFields.categoryCodes),
  validFrom: LicenceFields.validFrom,
  validTo: Type.Optional(LicenceFields.validTo),
  issuingAuthority: Type.Optional(LicenceFields.issuingAuthority),
  documentRef: Type.Optional(LicenceFields.documentRef),
}, doc('a licence of a customer or supplier', '资质证照'));
export type LicenceInput = Static<typeof LicenceInput>;

/** An import row: the licence and the code of the party holding it (natural key: party, type, number). */
export const LicenceImportRow = Type.Object({
  partyCode: Type.String({ minLength: 1, maxLength: 40, ...doc('code of the party holding the licence', '单位编码') }),
  ...LicenceInput.properties,
}, doc('a licence import row', '资质证照导入行'));
export type LicenceImportRow = Static<typeof LicenceImportRow>;

export const LicencePatch = Type.Object({
  version: VersionField,
  number: Type.Optional(LicenceFields.number),
  deviceClasses: Type.Optional(LicenceFields.deviceClasses),
  categoryCodes: Type.Optional(LicenceFields.categoryCodes),
  validFrom: Type.Optional(LicenceFields.validFrom),
  validTo: Type.Optional(Nullable(LicenceFields.validTo)),
  issuingAuthority: Type.Optional(Nullable(LicenceFields.issuingAuthority)),
  documentRef: Type.Optional(Nullable(LicenceFields.documentRef)),
}, doc('changes to a licence', '资质证照修改'));
export type LicencePatch = Static<typeof LicencePatch>;
