import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { assertMadeDevice, loadDeviceBasics } from './device-checks.ts';
import type { RoutingInput } from './planning-schemas.ts';

/** Saves a routing as the device's active revision; operation numbers unique, work centres known and active. */
export async function createRouting(db: Database, actor: Actor, input: RoutingInput, requestId: string | null = null): Promise<{ id: string; deviceId: string; revision: string }> {
  const revision = input.revision ?? 'A';
  const seqs = new Set<number>();
  input.operations.forEach((op, i) => {
    if (seqs.has(op.seq)) throw invalid(`operations.${i}.seq`, `operation ${op.seq} is given twice`);
    seqs.add(op.seq);
  });
  return writeTx(db, { actor, requestId }, async (w) => {
    const device = assertMadeDevice(await loadDeviceBasics(w.tx, [input.deviceId]), input.deviceId, 'deviceId');
    const { rows } = await w.tx.query<{ id: string; active: boolean }>('SELECT id, active FROM work_centres WHERE id = ANY($1::uuid[])', [input.operations.map((o) => o.workCentreId)]);
    const centres = new Map(rows.map((r) => [r.id, r.active]));
    input.operations.forEach((op, i) => {
      if (!centres.has(op.workCentreId)) throw invalid(`operations.${i}.workCentreId`, `no work centre ${op.workCentreId}`);
      if (!centres.get(op.workCentreId)) throw invalid(`operations.${i}.workCentreId`, 'the work centre is inactive');
    });
    const taken = await w.tx.query('SELECT 1 FROM routings WHERE device_id = $1 AND revision = $2', [input.deviceId, revision]);
    if (taken.rows.length) throw new DomainError('DUPLICATE', `device ${device.code} already has routing revision ${revision}`, { field: 'revision' });
    await w.tx.query('UPDATE routings SET active = false, updated_by = $2, updated_at = now() WHERE device_id = $1 AND active', [input.deviceId, actor.name]);
    const id = uuidv7();
    await w.tx.query('INSERT INTO routings (id, device_id, revision, created_by, updated_by) VALUES ($1, $2, $3, $4, $4)', [id, input.deviceId, revision, actor.name]);
    await w.tx.query(
      `INSERT INTO routing_operations (routing_id, seq, work_centre_id, description, setup_minutes, run_minutes_per_unit)
       SELECT $1, r.seq, r.wc, r.description, r.setup, r.run FROM jsonb_to_recordset($2::jsonb) AS r(seq int, wc uuid, description text, setup int, run numeric)`,
      [id, JSON.stringify(input.operations.map((o) => ({ seq: o.seq, wc: o.workCentreId, description: o.description ?? null, setup: o.setupMinutes ?? 0, run: o.runMinutesPerUnit })))],
    );
    w.audit({ entityType: 'routing', entityId: id, action: 'created', changes: { deviceId: { new: input.deviceId }, revision: { new: revision }, operations: { new: input.operations } } });
    w.emit({ topic: 'routing.created', entityType: 'routing', entityId: id, payload: { deviceId: input.deviceId, revision } });
    return { id, deviceId: input.deviceId, revision };
  });
}
