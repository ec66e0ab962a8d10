import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.ts';

/** The query strings of the trace routes; the same rules check the CLI's arguments. */
const doc = (description: string, zh: string) => ({ description, 'x-zh': zh });

export const Gtin = Type.String({ pattern: '^[0-9]{8,14}$', ...doc('a GTIN of any packaging level of the device', '任一包装级别的 GTIN') });
export const LotNumber = Type.String({ minLength: 1, maxLength: 20, pattern: '^[!-~]+$', ...doc('lot number', '批号') });
export const Serial = Type.String({ minLength: 1, maxLength: 20, pattern: '^[!-~]+$', ...doc('serial number', '序列号') });

export const LotTraceQuery = Type.Object({
  gtin: Type.Optional(Gtin),
  lot: Type.Optional(LotNumber),
  lotId: Type.Optional(Type.String({ format: 'uuid', ...doc('the lot id, instead of gtin and lot', '批次 ID（代替 GTIN 与批号）') })),
}, { additionalProperties: false });

export const SerialTraceQuery = Type.Object({ gtin: Gtin, serial: Serial }, { additionalProperties: false });

export const ScanTraceQuery = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 500, ...doc('one scanned UDI: GS1 element string (GS as <GS>, or parenthesised) or HIBCC', '扫描的 UDI 条码') }),
}, { additionalProperties: false });

export const OrderRefParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 60, pattern: '^[!-~]+$', ...doc('order id or order number', '订单 ID 或订单号') }),
});

export const CustomerLotsQuery = Type.Object({
  held: Type.Optional(Type.Boolean({ default: false, ...doc('only lots with units still in the field (net > 0)', '仅列出仍在客户处的批次') })),
  ...PageQuery,
}, { additionalProperties: false });
