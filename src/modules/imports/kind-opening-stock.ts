import { Type, type Static } from 'typebox';
import { doc } from '../../platform/schema-doc.ts';
import { DateString } from '../../platform/http/schemas.ts';
import { localToday } from '../orders/business-day.ts';
import { findDeviceIdsByCode } from '../catalog/device-queries.ts';
import { receiveStockIn } from '../inventory/receive-stock.ts';
import type { ChunkRowError, ImportKind } from './import-types.ts';

export const OpeningStockRow = Type.Object({
  warehouseCode: Type.String({ minLength: 1, maxLength: 40, ...doc('warehouse code', '仓库编码') }),
  binCode: Type.String({ minLength: 1, maxLength: 40, ...doc('bin code in that warehouse', '货位编码') }),
  deviceCode: Type.String({ minLength: 1, maxLength: 40, ...doc('device code', '产品编码/货号') }),
  lotNumber: Type.String({ minLength: 1, maxLength: 40, ...doc('lot (batch) number', '批号') }),
  expiresOn: DateString(doc('expiry date of the lot', '有效期至')),
  manufacturedOn: Type.Optional(DateString(doc('manufacture date of the lot', '生产日期'))),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, ...doc('units on hand, in base units', '数量（最小单位）') }),
  serials: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10_000, ...doc('serials of serial-tracked devices', '序列号') })),
}, { additionalProperties: false, ...doc('stock on hand when Lotline starts', '期初库存') });
export type OpeningStockRow = Static<typeof OpeningStockRow>;

/**
 * Stock on hand at go-live: each row becomes an opening receipt (a ledger move) of a released
 * lot into its bin. Stock is a ledger, not a field to overwrite: a row for a lot the bin already
 * holds is refused (adjust it instead), so importing a file twice never doubles the stock.
 */
export const openingStockKind: ImportKind<OpeningStockRow> = {
  name: 'opening-stock',
  entity: 'stock',
  permission: 'quality.release',
  schema: OpeningStockRow,
  keyFields: ['warehouseCode', 'binCode', 'deviceCode', 'lotNumber'],
  keyOf: (r) => JSON.stringify([r.warehouseCode, r.binCode, r.deviceCode, r.lotNumber]),
  async write(w, _deps, rows, provenance) {
    const errors: ChunkRowError[] = [];
    const [bins, devices] = await Promise.all([
      w.tx.query<{ wh: string; code: string; id: string }>(
        `SELECT w.code AS wh, b.code, b.id FROM warehouse_bins b JOIN warehouses w ON w.id = b.warehouse_id
          WHERE (w.code, b.code) IN (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(wh text, code text))`,
        [JSON.stringify(rows.map((r) => ({ wh: r.warehouseCode, code: r.binCode })))]),
      findDeviceIdsByCode(w.tx, rows.map((r) => r.deviceCode)),
    ]);
    const binOf = new Map(bins.rows.map((b) => [`${b.wh}/${b.code}`, b.id]));
    const held = await w.tx.query<{ bin_id: string; device_id: string; lot_number: string }>(
      `SELECT s.bin_id, s.device_id, l.lot_number FROM stock_balances s JOIN lots l ON l.id = s.lot_id
        WHERE s.bin_id = ANY($1::uuid[]) AND s.device_id = ANY($2::uuid[])`,
      [[...binOf.values()], [...devices.values()]]);
    const already = new Set(held.rows.map((h) => `${h.bin_id}/${h.device_id}/${h.lot_number}`));
    const byBin = new Map<string, Array<{ index: number; row: OpeningStockRow; deviceId: string }>>();
    rows.forEach((row, index) => {
      const binId = binOf.get(`${row.warehouseCode}/${row.binCode}`);
      const deviceId = devices.get(row.deviceCode);
      if (!binId) errors.push({ index, field: 'binCode', code: 'VALIDATION_FAILED', message: `no bin ${row.binCode} in warehouse ${row.warehouseCode}` });
      else if (!deviceId) errors.push({ index, field: 'deviceCode', code: 'VALIDATION_FAILED', message: `no device ${row.deviceCode}` });
      else if (already.has(`${binId}/${deviceId}/${row.lotNumber}`)) {
        errors.push({ index, field: 'lotNumber', code: 'DUPLICATE', message: `bin ${row.binCode} already holds lot ${row.lotNumber}; adjust the stock instead` });
      } else byBin.set(binId, [...(byBin.get(binId) ?? []), { index, row, deviceId }]);
    });
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const ctx = { today: localToday(), now: new Date() };
    let created = 0;
    for (const [binId, items] of byBin) {
      await receiveStockIn(w, {
        binId, reason: 'opening', reference: provenance.sourceRef.slice(0, 64),
        lines: items.map(({ row, deviceId }) => ({
          deviceId, lotNumber: row.lotNumber, expiresOn: row.expiresOn, quantity: row.quantity,
          ...(row.manufacturedOn ? { manufacturedOn: row.manufacturedOn } : {}), ...(row.serials ? { serials: row.serials } : {}),
        })),
      }, ctx);
      created += items.length;
    }
    return { created, updated: 0, unchanged: 0, errors };
  },
};
