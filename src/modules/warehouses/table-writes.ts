import type { Sql } from '../../db/types.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { Provenance } from '../catalog/provenance.ts';
import type { TableSpec } from './warehouse-tables.ts';

/**
 * Set-based writes of the warehouse tables, one statement per table and kind of change whether
 * one record is written or thousands, each change audited with its changed fields and announced.
 */

export interface NewRow<R> {
  id: string;
  record: R;
}

export interface ChangedRow<R> {
  id: string;
  /** The version the change was computed from; another one in the table is a CONFLICT. */
  version: number;
  before: R;
  record: R;
}

const recordset = <R>(spec: TableSpec<R>) => spec.columns.map(([f, , t]) => `"${f}" ${t}`).join(', ');

async function insertRows<R>(tx: Sql, spec: TableSpec<R>, rows: ReadonlyArray<NewRow<R>>, by: string, p: Provenance): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${spec.table} (id, ${spec.columns.map(([, c]) => c).join(', ')}, source, source_ref, created_by, updated_by)
     SELECT r."id", ${spec.columns.map(([f]) => `r."${f}"`).join(', ')}, $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, ${recordset(spec)})`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, ...r.record }))), p.source, p.sourceRef ?? null, by],
  );
}

async function updateRows<R>(tx: Sql, spec: TableSpec<R>, rows: ReadonlyArray<ChangedRow<R>>, by: string): Promise<void> {
  if (rows.length === 0) return;
  const { rows: updated } = await tx.query<{ id: string }>(
    `UPDATE ${spec.table} t SET ${spec.columns.map(([f, c]) => `${c} = r."${f}"`).join(', ')},
            version = t.version + 1, updated_by = $2, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "version" int, ${recordset(spec)})
      WHERE t.id = r."id" AND t.version = r."version"
      RETURNING t.id`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version, ...r.record }))), by],
  );
  if (updated.length !== rows.length) {
    const done = new Set(updated.map((r) => r.id));
    const stale = rows.filter((r) => !done.has(r.id)).map((r) => r.id);
    throw new DomainError('CONFLICT', `${spec.entityType} ${stale.join(', ')} changed meanwhile; read it again`, { details: { ids: stale } });
  }
}

const asMap = (r: unknown) => r as Record<string, unknown>;

/** Inserts new records with their audit entries and `<entity>.created` events. */
export async function addRecords<R>(w: Work, spec: TableSpec<R>, rows: ReadonlyArray<NewRow<R>>, p: Provenance): Promise<void> {
  await insertRows(w.tx, spec, rows, w.actor.name, p);
  for (const r of rows) {
    const changes = Object.fromEntries(Object.entries(asMap(r.record)).filter(([, v]) => v !== null).map(([k, v]) => [k, { new: v }]));
    w.audit({ entityType: spec.entityType, entityId: r.id, action: 'created', changes });
    w.emit({ topic: `${spec.entityType}.created`, entityType: spec.entityType, entityId: r.id, payload: { code: asMap(r.record).code } });
  }
}

/**
 * Writes the records that differ from what was read, each audited with its changed fields only
 * (action `updated`, or `deactivated` when that is the one change); returns the ids written.
 */
export async function changeRecords<R>(w: Work, spec: TableSpec<R>, rows: ReadonlyArray<ChangedRow<R>>, reason: string | null = null): Promise<string[]> {
  const changed = rows
    .map((r) => ({ row: r, changes: diffFields(asMap(r.before), asMap(r.record)) }))
    .filter((c) => Object.keys(c.changes).length > 0);
  await updateRows(w.tx, spec, changed.map((c) => c.row), w.actor.name);
  for (const { row, changes } of changed) {
    const fields = Object.keys(changes);
    const action = fields.length === 1 && changes.active?.new === false ? 'deactivated' : 'updated';
    w.audit({ entityType: spec.entityType, entityId: row.id, action, changes, reason });
    w.emit({
      topic: `${spec.entityType}.${action}`,
      entityType: spec.entityType,
      entityId: row.id,
      payload: { code: asMap(row.record).code, version: row.version + 1, fields },
    });
  }
  return changed.map((c) => c.row.id);
}
