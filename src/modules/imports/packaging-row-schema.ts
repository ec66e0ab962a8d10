import { Type, type Static } from 'typebox';
import { doc } from '../../platform/schema-doc.ts';
import { DEVICE_CODE_PATTERN, PackagingInput } from '../catalog/device-schemas.ts';

/**
 * One row of the packaging import: a packaging level of an existing device, named by its code.
 * The level's fields are the catalogue's own PackagingInput, so the API and the import check the
 * same rules.
 */
export const PackagingImportRow = Type.Object({
  deviceCode: Type.String({ pattern: DEVICE_CODE_PATTERN, ...doc('code of the device the packaging level belongs to', '产品编码/货号') }),
  ...PackagingInput.properties,
}, { additionalProperties: false, ...doc('a packaging level of a device with its UDI-DI', '包装层级导入行') });
export type PackagingImportRow = Static<typeof PackagingImportRow>;
