import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { forRow } from '../catalog/batch-row.ts';
import type { Provenance } from '../catalog/provenance.ts';
import { addRecords, changeRecords, type ChangedRow, type NewRow } from './table-writes.ts';
import { checkNestedCodes, checkWarehouse, checkZone } from './warehouse-rules.ts';
import type { WarehouseInput } from './warehouse-schemas.ts';
import { BINS, merge, recordOf, WAREHOUSES, ZONES, type BinRecord, type WarehouseRecord, type ZoneRecord } from './warehouse-tables.ts';
import { BIN_SELECT, WAREHOUSE_SELECT, ZONE_SELECT, type BinView, type WarehouseView, type ZoneView } from './warehouse-view.ts';

export interface UpsertedWarehouse {
  code: string;
  id: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

interface Stored {
  warehouses: Map<string, WarehouseView>;
  zones: Map<string, Map<string, ZoneView>>;
  bins: Map<string, Map<string, BinView>>;
}

interface Writes {
  warehouses: { add: NewRow<WarehouseRecord>[]; change: ChangedRow<WarehouseRecord>[] };
  zones: { add: NewRow<ZoneRecord>[]; change: ChangedRow<ZoneRecord>[] };
  bins: { add: NewRow<BinRecord>[]; change: ChangedRow<BinRecord>[] };
}

const byParent = <V extends { warehouseId: string; code: string }>(rows: V[]): Map<string, Map<string, V>> => {
  const out = new Map<string, Map<string, V>>();
  for (const r of rows) out.set(r.warehouseId, (out.get(r.warehouseId) ?? new Map<string, V>()).set(r.code, r));
  return out;
};

async function loadStored(tx: Sql, rows: readonly WarehouseInput[]): Promise<Stored> {
  const w = await tx.query<WarehouseView>(
    `SELECT ${WAREHOUSE_SELECT} FROM warehouses w WHERE w.code = ANY($1::text[]) ORDER BY w.code FOR UPDATE`,
    [rows.map((r) => r.code)],
  );
  const ids = w.rows.map((r) => r.id);
  const z = await tx.query<ZoneView>(`SELECT ${ZONE_SELECT} FROM warehouse_zones z WHERE z.warehouse_id = ANY($1::uuid[]) FOR UPDATE`, [ids]);
  const b = await tx.query<BinView>(
    `SELECT ${BIN_SELECT} FROM warehouse_bins b JOIN warehouse_zones bz ON bz.id = b.zone_id
      WHERE b.warehouse_id = ANY($1::uuid[]) AND b.code = ANY($2::text[]) FOR UPDATE OF b`,
    [ids, rows.flatMap((r) => (r.bins ?? []).map((bin) => bin.code))],
  );
  return { warehouses: new Map(w.rows.map((r) => [r.code, r])), zones: byParent(z.rows), bins: byParent(b.rows) };
}

const newWarehouse = (input: WarehouseInput): WarehouseRecord => merge(WAREHOUSES, {
  code: input.code, nameZh: input.nameZh, nameEn: null, addressLine: null, city: null, province: null, postcode: null,
  country: 'CN', gln: null, active: true,
}, input);

/** Plans one warehouse row: its own record, then its zones, then its bins (which name zones by code). */
function planRow(input: WarehouseInput, stored: Stored, writes: Writes): { id: string; changed: boolean } {
  checkNestedCodes(input);
  const sw = stored.warehouses.get(input.code);
  const id = sw?.id ?? uuidv7();
  const counts = [writes.warehouses.add.length, writes.zones.add.length, writes.bins.add.length];
  const wRec = sw ? merge(WAREHOUSES, recordOf(WAREHOUSES, sw), input) : newWarehouse(input);
  checkWarehouse(wRec);
  if (sw) writes.warehouses.change.push({ id, version: sw.version, before: recordOf(WAREHOUSES, sw), record: wRec });
  else writes.warehouses.add.push({ id, record: wRec });

  const zones = new Map([...(stored.zones.get(id) ?? new Map<string, ZoneView>())].map(([code, z]) => [code, { id: z.id, active: z.active }]));
  for (const [i, z] of (input.zones ?? []).entries()) {
    const sz = stored.zones.get(id)?.get(z.code);
    const fresh: ZoneRecord = { warehouseId: id, code: z.code, nameZh: z.nameZh, nameEn: null, zoneType: z.zoneType, storageCondition: z.storageCondition, active: true };
    const rec = merge(ZONES, sz ? recordOf(ZONES, sz) : fresh, z);
    checkZone(rec, `zones.${i}.`);
    const zoneId = sz?.id ?? uuidv7();
    if (sz) writes.zones.change.push({ id: zoneId, version: sz.version, before: recordOf(ZONES, sz), record: rec });
    else writes.zones.add.push({ id: zoneId, record: rec });
    zones.set(z.code, { id: zoneId, active: rec.active });
  }

  for (const [i, b] of (input.bins ?? []).entries()) {
    const zone = zones.get(b.zoneCode);
    if (!zone) throw new DomainError('VALIDATION_FAILED', `bins.${i}.zoneCode: warehouse ${input.code} has no zone ${b.zoneCode}`, { field: `bins.${i}.zoneCode` });
    const sb = stored.bins.get(id)?.get(b.code);
    const fresh: BinRecord = { warehouseId: id, zoneId: zone.id, code: b.code, pickSequence: 0, active: true };
    const rec = merge(BINS, sb ? recordOf(BINS, sb) : fresh, { ...b, zoneId: zone.id });
    if (rec.active && !zone.active) {
      throw new DomainError('INVALID_STATE', `bins.${i}.zoneCode: zone ${b.zoneCode} is deactivated`, { field: `bins.${i}.zoneCode` });
    }
    if (sb) writes.bins.change.push({ id: sb.id, version: sb.version, before: recordOf(BINS, sb), record: rec });
    else writes.bins.add.push({ id: uuidv7(), record: rec });
  }
  const added = counts[0] !== writes.warehouses.add.length || counts[1] !== writes.zones.add.length || counts[2] !== writes.bins.add.length;
  return { id, changed: added };
}

/** A GLN names one warehouse: not two rows of the batch, nor a warehouse outside it. */
async function checkGlns(tx: Sql, rows: readonly WarehouseInput[], writes: Writes): Promise<void> {
  const planned = new Map([...writes.warehouses.add, ...writes.warehouses.change].map((w) => [w.record.code, w.record.gln]));
  const seen = new Map<string, string>();
  const owners = await tx.query<{ code: string; gln: string }>('SELECT code, gln FROM warehouses WHERE gln = ANY($1::text[])', [
    [...planned.values()].filter((g) => g !== null),
  ]);
  // An owner outside the batch keeps its GLN; one inside keeps it only if its row does.
  for (const o of owners.rows) if (!planned.has(o.code) || planned.get(o.code) === o.gln) seen.set(o.gln, o.code);
  rows.forEach((r, i) => {
    const gln = planned.get(r.code);
    const holder = gln ? seen.get(gln) : undefined;
    if (gln && holder !== undefined && holder !== r.code) {
      forRow(i, () => {
        throw new DomainError('DUPLICATE', `GLN ${gln} already identifies warehouse ${holder}`, { field: 'gln' });
      });
    }
    if (gln) seen.set(gln, r.code);
  });
}

/**
 * Creates or updates warehouses by code with their zones (by code) and bins (by code), in a few
 * set-based statements per batch. Fields a row leaves out keep their stored values; zones and
 * bins the row does not name are left as they are (never deleted). Records that change nothing
 * are not written, audited or announced. With `rowErrors`, a bad row's error names its row
 * (`details.row`, 0-based).
 */
export async function upsertWarehouses(
  w: Work,
  rows: readonly WarehouseInput[],
  provenance: Provenance,
  opts: { rowErrors?: boolean } = { rowErrors: true },
): Promise<UpsertedWarehouse[]> {
  const check = <T>(i: number, fn: () => T): T => (opts.rowErrors === false ? fn() : forRow(i, fn));
  const first = new Map<string, number>();
  rows.forEach((r, i) => {
    const earlier = first.get(r.code);
    if (earlier !== undefined) check(i, () => { throw new DomainError('VALIDATION_FAILED', `code ${r.code} is also row ${earlier}`, { field: 'code' }); });
    first.set(r.code, i);
  });
  const stored = await loadStored(w.tx, rows);
  const writes: Writes = { warehouses: { add: [], change: [] }, zones: { add: [], change: [] }, bins: { add: [], change: [] } };
  const planned = rows.map((r, i) => ({ row: r, ...check(i, () => planRow(r, stored, writes)) }));
  await checkGlns(w.tx, rows, writes);

  await addRecords(w, WAREHOUSES, writes.warehouses.add, provenance);
  const changed = new Set(await changeRecords(w, WAREHOUSES, writes.warehouses.change));
  await addRecords(w, ZONES, writes.zones.add, provenance);
  const zonesChanged = await changeRecords(w, ZONES, writes.zones.change);
  await addRecords(w, BINS, writes.bins.add, provenance);
  const binsChanged = await changeRecords(w, BINS, writes.bins.change);
  const parentOf = new Map([...writes.zones.change, ...writes.bins.change].map((c) => [c.id, c.record.warehouseId]));
  for (const id of [...zonesChanged, ...binsChanged]) changed.add(parentOf.get(id)!);

  return planned.map(({ row, id, changed: added }) => ({
    code: row.code,
    id,
    outcome: !stored.warehouses.has(row.code) ? 'created' : added || changed.has(id) ? 'updated' : 'unchanged',
  }));
}
