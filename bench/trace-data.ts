import type { Database } from '../src/db/types.ts';
import { systemActor } from '../src/platform/actor.ts';
import { writeTx } from '../src/platform/unit-of-work.ts';
import { gs1CheckDigit } from '../src/modules/udi/check-digit.ts';
import { createWarehouse } from '../src/modules/warehouses/create-warehouse.ts';

/**
 * The trace benchmark's world, written set-based with generate_series into the real tables in
 * foreign-key order: customers with a ship-to, serial-tracked devices with an each-level GTIN,
 * released lots with stock in a bin, one order and one shipment of ten lines per ten lines, every
 * 20th line a serial unit (received, allocated, picked and shipped in the ledger), every 50th line
 * with a unit returned. Ids are md5-derived from the row number, so rows find each other without
 * lookups; lines scatter over lots and shipments over customers by multiplicative hashing.
 */
export interface TraceShape {
  lines: number;
  lots: number;
  customers: number;
  devices: number;
}

export interface TraceData {
  shape: TraceShape;
  gtins: string[];
  /** Device number (1-based) of lot j: ((j − 1) mod devices) + 1. */
  serials: number;
}

const actor = systemActor('bench');
export const SERIAL_EVERY = 20;
export const gtinOf = (d: number): string => {
  const body = `069876${String(d).padStart(7, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

export async function generateTraceData(db: Database, shape: TraceShape): Promise<TraceData> {
  const wh = await createWarehouse(db, actor, {
    code: 'TWH', nameZh: '追溯基准仓', zones: [{ code: 'AMB', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }],
    bins: [{ code: 'T-1', zoneCode: 'AMB', pickSequence: 1 }, { code: 'T-2', zoneCode: 'AMB', pickSequence: 2 }],
  });
  const [bin1, bin2] = wh.bins.map((b) => b.id) as [string, string];
  const gtins = Array.from({ length: shape.devices }, (_, i) => gtinOf(i + 1));
  const { lines, lots, customers, devices } = shape;
  const shipments = Math.ceil(lines / 10);
  const serials = Math.floor(lines / SERIAL_EVERY);
  const p = { lines, lots, customers, devices, shipments };
  // Per-statement parameters keep every statement readable on its own.
  const steps: Array<[string, unknown[]]> = [
    [`INSERT INTO parties (id, code, kind, customer_type, name_zh, name_en, source)
      SELECT md5('cust' || c)::uuid, 'TC-' || c, 'customer', 'hospital', '追溯医院' || c, 'Trace hospital ' || c, 'bench'
        FROM generate_series(1, $1::int) c`, [p.customers]],
    [`INSERT INTO party_addresses (id, party_id, code, kind, name, line1, city, is_default)
      SELECT md5('addr' || c)::uuid, md5('cust' || c)::uuid, 'MAIN', 'ship_to', '库房' || c, '追溯路' || c || '号', '上海', true
        FROM generate_series(1, $1::int) c`, [p.customers]],
    [`INSERT INTO devices (id, code, name_zh, name_en, device_class, category_code, registration_kind, registration_number,
                          registration_issued_on, registration_expires_on, storage_condition, tracking_mode, source)
      SELECT md5('dev' || d)::uuid, 'TD-' || d, '追溯器械' || d, 'Trace device ' || d, 'II', '14-01-01', 'registration',
             '国械注准2026214' || lpad(d::text, 4, '0'), '2021-01-01', '2035-01-01', 'ambient', 'lot_serial', 'bench'
        FROM generate_series(1, $1::int) d`, [p.devices]],
    [`INSERT INTO device_packaging (gtin, device_id, level, quantity)
      SELECT g.gtin, md5('dev' || g.d)::uuid, 'each', 1 FROM unnest($1::text[]) WITH ORDINALITY AS g(gtin, d)`, [gtins]],
    [`INSERT INTO lots (id, device_id, lot_number, manufactured_on, expires_on, status, released_by, released_at)
      SELECT md5('lot' || j)::uuid, md5('dev' || ((j - 1) % $2 + 1))::uuid, 'TL' || lpad(j::text, 6, '0'),
             DATE '2026-01-01' + (j % 300), DATE '2028-01-01' + (j % 700), 'released', 'bench', now()
        FROM generate_series(1, $1::int) j`, [p.lots, p.devices]],
    [`INSERT INTO stock_balances (lot_id, bin_id, device_id, on_hand, allocated)
      SELECT md5('lot' || j)::uuid, $3::uuid, md5('dev' || ((j - 1) % $2 + 1))::uuid, 100 + j % 50, 0 FROM generate_series(1, $1::int) j`,
    [p.lots, p.devices, bin1]],
    [`INSERT INTO stock_moves (at, move_type, device_id, lot_id, to_bin_id, quantity, ref_type, ref_id, actor)
      SELECT now() - interval '400 days', 'receipt', md5('dev' || ((j - 1) % $2 + 1))::uuid, md5('lot' || j)::uuid, $3::uuid, 100 + j % 50, 'bench', 'opening', 'bench'
        FROM generate_series(1, $1::int) j`, [p.lots, p.devices, bin1]],
    [`INSERT INTO orders (id, number, channel, customer_id, ship_to_id, currency, lifecycle, status, created_by)
      SELECT md5('ord' || s)::uuid, 'TSO-' || lpad(s::text, 8, '0'), 'api', md5('cust' || ((s * 7919) % $2 + 1))::uuid,
             md5('addr' || ((s * 7919) % $2 + 1))::uuid, 'CNY', 'confirmed', 'shipped', 'bench'
        FROM generate_series(1, $1::int) s`, [p.shipments, p.customers]],
    [`INSERT INTO shipments (id, number, order_id, customer_id, ship_to_id, warehouse_id, carrier, tracking_number, shipped_by, shipped_at)
      SELECT md5('shp' || s)::uuid, 'TSH-' || lpad(s::text, 8, '0'), md5('ord' || s)::uuid, md5('cust' || ((s * 7919) % $2 + 1))::uuid,
             md5('addr' || ((s * 7919) % $2 + 1))::uuid, $3::uuid, 'SF', 'SF' || s, 'bench', now() - ($1 - s) * interval '3 minutes'
        FROM generate_series(1, $1::int) s`, [p.shipments, p.customers, wh.id]],
  ];
  // Line k: shipment (k − 1)/10 + 1, lot scattered by hashing k; every SERIAL_EVERY-th line a serial unit.
  const lineLot = `((k::bigint * 2654435761) % $2 + 1)`;
  steps.push(
    [`INSERT INTO serial_units (id, device_id, lot_id, serial, status, created_at)
      SELECT md5('sn' || k)::uuid, md5('dev' || ((${lineLot} - 1) % $3 + 1))::uuid, md5('lot' || ${lineLot})::uuid, 'TS' || lpad(k::text, 9, '0'), 'shipped',
             now() - interval '400 days'
        FROM generate_series($4::int, $1::int, $4::int) k`, [p.lines, p.lots, p.devices, SERIAL_EVERY]],
    [`INSERT INTO stock_moves (at, move_type, device_id, lot_id, serial_id, from_bin_id, to_bin_id, quantity, ref_type, ref_id, actor)
      SELECT su.created_at + m.step * interval '1 day', m.move_type, su.device_id, su.lot_id, su.id,
             CASE m.move_type WHEN 'receipt' THEN NULL WHEN 'transfer' THEN $1::uuid ELSE $2::uuid END,
             CASE m.move_type WHEN 'receipt' THEN $1::uuid WHEN 'transfer' THEN $2::uuid END,
             1, CASE m.move_type WHEN 'receipt' THEN 'bench' ELSE 'transfer' END, 'bench', 'bench'
        FROM serial_units su CROSS JOIN (VALUES (0, 'receipt'), (1, 'transfer')) AS m(step, move_type)`, [bin1, bin2]],
    [`INSERT INTO allocations (id, order_id, order_version, line_no, device_id, lot_id, bin_id, quantity, picked, status)
      SELECT md5('alc' || k)::uuid, md5('ord' || ((k - 1) / 10 + 1))::uuid, 1, (k - 1) % 10 + 1, su.device_id, su.lot_id, $2::uuid, 1, 1, 'picked'
        FROM generate_series($3::int, $1::int, $3::int) k JOIN serial_units su ON su.id = md5('sn' || k)::uuid`, [p.lines, bin1, SERIAL_EVERY]],
    [`INSERT INTO stock_balances (lot_id, bin_id, device_id, on_hand, allocated)
      SELECT DISTINCT su.lot_id, $1::uuid, su.device_id, 0, 0 FROM serial_units su ON CONFLICT DO NOTHING`, [bin2]],
    [`INSERT INTO picks (id, allocation_id, order_id, line_no, device_id, lot_id, serial_id, bin_id, quantity, scan, shipment_id, picked_by, picked_at)
      SELECT md5('pck' || k)::uuid, md5('alc' || k)::uuid, md5('ord' || ((k - 1) / 10 + 1))::uuid, (k - 1) % 10 + 1, su.device_id, su.lot_id, su.id,
             $2::uuid, 1, 'bench', md5('shp' || ((k - 1) / 10 + 1))::uuid, 'bench', s.shipped_at - interval '1 hour'
        FROM generate_series($3::int, $1::int, $3::int) k JOIN serial_units su ON su.id = md5('sn' || k)::uuid
        JOIN shipments s ON s.id = md5('shp' || ((k - 1) / 10 + 1))::uuid`, [p.lines, bin2, SERIAL_EVERY]],
    [`INSERT INTO stock_moves (at, move_type, device_id, lot_id, serial_id, from_bin_id, quantity, ref_type, ref_id, actor)
      SELECT s.shipped_at, 'ship', su.device_id, su.lot_id, su.id, $2::uuid, 1, 'order', s.order_id::text, 'bench'
        FROM generate_series($3::int, $1::int, $3::int) k JOIN serial_units su ON su.id = md5('sn' || k)::uuid
        JOIN shipments s ON s.id = md5('shp' || ((k - 1) / 10 + 1))::uuid`, [p.lines, bin2, SERIAL_EVERY]],
    [`INSERT INTO shipment_lines (shipment_id, order_id, line_no, device_id, lot_id, serial_id, customer_id, ship_to_id, quantity, qty_returned, shipped_at)
      SELECT md5('shp' || sh)::uuid, md5('ord' || sh)::uuid, (k - 1) % 10 + 1, md5('dev' || ((${lineLot} - 1) % $3 + 1))::uuid, md5('lot' || ${lineLot})::uuid,
             CASE WHEN k % $4 = 0 THEN md5('sn' || k)::uuid END, md5('cust' || ((sh * 7919) % $5 + 1))::uuid, md5('addr' || ((sh * 7919) % $5 + 1))::uuid,
             CASE WHEN k % $4 = 0 THEN 1 ELSE 1 + k % 10 END, CASE WHEN k % 50 = 7 THEN 1 ELSE 0 END,
             now() - ($6 - sh) * interval '3 minutes'
        FROM generate_series(1, $1::int) k, LATERAL (SELECT (k - 1) / 10 + 1 AS sh) x`, [p.lines, p.lots, p.devices, SERIAL_EVERY, p.customers, p.shipments]],
  );
  await writeTx(db, { actor }, async (w) => {
    for (const [sql, params] of steps) await w.tx.query(sql, params);
    w.audit({ entityType: 'bench', entityId: 'trace', action: 'generated', changes: { ...shape } });
  });
  return { shape, gtins, serials };
}
