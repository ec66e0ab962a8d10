import { Type } from 'typebox';
import { Answer, DateString, Nullable, Page, RecordStampFields } from '../../platform/http/schemas.ts';

/** The answers of the device routes (device-view.ts, device-record.ts). */
export const DeviceAnswer = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  deviceClass: Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')]),
  categoryCode: Type.String(),
  registrationKind: Nullable(Type.Union([Type.Literal('registration'), Type.Literal('filing')])),
  registrationNumber: Nullable(Type.String()),
  registrationIssuedOn: Nullable(DateString()),
  registrationExpiresOn: Nullable(DateString()),
  registrant: Nullable(Type.String()),
  storageCondition: Type.String(),
  minTempC: Nullable(Type.Integer()),
  maxTempC: Nullable(Type.Integer()),
  shelfLifeDays: Nullable(Type.Integer()),
  sterile: Type.Boolean(),
  implantable: Type.Boolean(),
  trackingMode: Type.Union([Type.Literal('lot'), Type.Literal('serial'), Type.Literal('lot_serial')]),
  baseUnit: Type.String(),
  hsCode: Nullable(Type.String()),
  countryOfOrigin: Nullable(Type.String()),
  leadTimeDays: Nullable(Type.Integer()),
  makeOrBuy: Type.Union([Type.Literal('make'), Type.Literal('buy')]),
  active: Type.Boolean(),
  coldChain: Type.Boolean(),
  ...RecordStampFields,
});

export const DevicePage = Answer(Page(DeviceAnswer));

export const DeviceDetailAnswer = Answer(Type.Object({
  ...DeviceAnswer.properties,
  packaging: Type.Array(Type.Object({
    level: Type.String(), gtin: Type.String(), quantity: Type.Integer(),
    hibcc: Nullable(Type.String({ description: 'HIBCC UDI-DI of the level (LIC + product number + unit-of-measure digit)' })),
  }), { description: 'smallest level first' }),
}));
