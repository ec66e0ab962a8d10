import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { findCycle } from './bom-structure.ts';
import { assertMadeDevice, loadDeviceBasics } from './device-checks.ts';
import type { BomInput } from './planning-schemas.ts';

/**
 * Saves a bill of material as the parent's active revision (the previous one is kept, inactive).
 * Refused: an unknown or bought parent, unknown or inactive components, a component twice, and any
 * cycle with the other active BOMs (a part that contains itself at any depth).
 */
export async function createBom(db: Database, actor: Actor, input: BomInput, requestId: string | null = null): Promise<{ id: string; deviceId: string; revision: string }> {
  const revision = input.revision ?? 'A';
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    if (l.componentDeviceId === input.deviceId) throw invalid(`lines.${i}.componentDeviceId`, 'a device cannot be its own component');
    if (seen.has(l.componentDeviceId)) throw invalid(`lines.${i}.componentDeviceId`, 'component given twice: add the quantities');
    seen.add(l.componentDeviceId);
  });
  return writeTx(db, { actor, requestId }, async (w) => {
    // One BOM change at a time: two concurrent saves could each miss the other's half of a cycle.
    await w.tx.query('SELECT pg_advisory_xact_lock(7240170)');
    const devices = await loadDeviceBasics(w.tx, [input.deviceId, ...seen]);
    const parent = assertMadeDevice(devices, input.deviceId, 'deviceId');
    input.lines.forEach((l, i) => {
      const c = devices.get(l.componentDeviceId);
      if (!c) throw invalid(`lines.${i}.componentDeviceId`, `no device ${l.componentDeviceId}`);
      if (!c.active) throw invalid(`lines.${i}.componentDeviceId`, `device ${c.code} is inactive`);
    });
    const { rows: edges } = await w.tx.query<{ parent: string; component: string }>(
      `SELECT b.device_id AS parent, l.component_device_id AS component FROM boms b JOIN bom_lines l ON l.bom_id = b.id
        WHERE b.active AND b.device_id <> $1`,
      [input.deviceId],
    );
    const cycle = findCycle([...edges, ...input.lines.map((l) => ({ parent: input.deviceId, component: l.componentDeviceId }))]);
    if (cycle) throw invalid('lines', `the BOM would make a cycle: ${cycle.join(' → ')}`);
    const taken = await w.tx.query('SELECT 1 FROM boms WHERE device_id = $1 AND revision = $2', [input.deviceId, revision]);
    if (taken.rows.length) throw new DomainError('DUPLICATE', `device ${parent.code} already has BOM revision ${revision}`, { field: 'revision' });
    await w.tx.query('UPDATE boms SET active = false, updated_by = $2, updated_at = now() WHERE device_id = $1 AND active', [input.deviceId, actor.name]);
    const id = uuidv7();
    await w.tx.query('INSERT INTO boms (id, device_id, revision, created_by, updated_by) VALUES ($1, $2, $3, $4, $4)', [id, input.deviceId, revision, actor.name]);
    await w.tx.query(
      `INSERT INTO bom_lines (bom_id, line_no, component_device_id, quantity_per)
       SELECT $1, r.n, r.c, r.q FROM jsonb_to_recordset($2::jsonb) AS r(n int, c uuid, q int)`,
      [id, JSON.stringify(input.lines.map((l, i) => ({ n: i + 1, c: l.componentDeviceId, q: l.quantityPer })))],
    );
    w.audit({ entityType: 'bom', entityId: id, action: 'created', changes: { deviceId: { new: input.deviceId }, revision: { new: revision }, lines: { new: input.lines } } });
    w.emit({ topic: 'bom.created', entityType: 'bom', entityId: id, payload: { deviceId: input.deviceId, revision } });
    return { id, deviceId: input.deviceId, revision };
  });
}
