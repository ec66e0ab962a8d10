import type { StorageCondition } from '../catalog/storage-conditions.ts';
import type { ZoneInput } from './warehouse-schemas.ts';

/** The stored fields of each table (no id, version or provenance): what rules check and audits diff. */
export interface WarehouseRecord {
  code: string;
  nameZh: string;
  nameEn: string | null;
  addressLine: string | null;
  city: string | null;
  province: string | null;
  postcode: string | null;
  country: string;
  gln: string | null;
  active: boolean;
}

export interface ZoneRecord {
  warehouseId: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  zoneType: ZoneInput['zoneType'];
  storageCondition: StorageCondition;
  active: boolean;
}

export interface BinRecord {
  warehouseId: string;
  zoneId: string;
  code: string;
  pickSequence: number;
  active: boolean;
}

/** A table's field → column → SQL type list, from which its statements are written. */
export interface TableSpec<R> {
  table: string;
  entityType: string;
  columns: ReadonlyArray<readonly [keyof R & string, string, string]>;
}

export const WAREHOUSES: TableSpec<WarehouseRecord> = {
  table: 'warehouses',
  entityType: 'warehouse',
  columns: [
    ['code', 'code', 'text'], ['nameZh', 'name_zh', 'text'], ['nameEn', 'name_en', 'text'],
    ['addressLine', 'address_line', 'text'], ['city', 'city', 'text'], ['province', 'province', 'text'],
    ['postcode', 'postcode', 'text'], ['country', 'country', 'text'], ['gln', 'gln', 'text'], ['active', 'active', 'boolean'],
  ],
};

export const ZONES: TableSpec<ZoneRecord> = {
  table: 'warehouse_zones',
  entityType: 'warehouse_zone',
  columns: [
    ['warehouseId', 'warehouse_id', 'uuid'], ['code', 'code', 'text'], ['nameZh', 'name_zh', 'text'], ['nameEn', 'name_en', 'text'],
    ['zoneType', 'zone_type', 'text'], ['storageCondition', 'storage_condition', 'text'], ['active', 'active', 'boolean'],
  ],
};

export const BINS: TableSpec<BinRecord> = {
  table: 'warehouse_bins',
  entityType: 'warehouse_bin',
  columns: [
    ['warehouseId', 'warehouse_id', 'uuid'], ['zoneId', 'zone_id', 'uuid'], ['code', 'code', 'text'],
    ['pickSequence', 'pick_sequence', 'int'], ['active', 'active', 'boolean'],
  ],
};

/** `t.name_zh AS "nameZh", …` plus id, version and provenance, for a table aliased `alias`. */
export const selectList = <R>(spec: TableSpec<R>, alias: string): string =>
  [
    `${alias}.id`,
    ...spec.columns.map(([f, c]) => `${alias}.${c} AS "${f}"`),
    `${alias}.version`, `${alias}.source`, `${alias}.source_ref AS "sourceRef"`, `${alias}.created_by AS "createdBy"`,
    `${alias}.updated_by AS "updatedBy"`, `${alias}.created_at AS "createdAt"`, `${alias}.updated_at AS "updatedAt"`,
  ].join(', ');

/** The record's own fields of a loaded row (dropping id, version, provenance and joined fields). */
export function recordOf<R>(spec: TableSpec<R>, row: object): R {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(spec.columns.map(([f]) => [f, r[f]])) as R;
}

/** `before` with the fields a change names: left out keeps, null clears. */
export function merge<R extends object>(spec: TableSpec<R>, before: R, change: object): R {
  const c = change as Record<string, unknown>;
  const after = { ...before } as Record<string, unknown>;
  for (const [f] of spec.columns) if (c[f] !== undefined) after[f] = c[f];
  return after as R;
}
