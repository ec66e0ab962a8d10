import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { isUuid, uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { HOLD_TYPES } from '../orders/order-machine.ts';
import type { HoldType } from '../rules/rule-types.ts';
import { DEFAULT_WORKFLOW_STEPS } from './default-workflows.ts';
import type { WorkflowInput } from './workflow-schema.ts';

const COLUMNS = `id, hold_type AS "holdType", version, status, steps, notes, created_by AS "createdBy", created_at AS "createdAt",
  activated_by AS "activatedBy", activated_at AS "activatedAt"`;

/** Every saved version, newest first, with what applies now per hold type (a saved version or the built-in one). */
export async function listWorkflows(tx: Sql) {
  const { rows } = await tx.query<{ holdType: HoldType; status: string; version: number }>(
    `SELECT ${COLUMNS} FROM workflow_definitions ORDER BY hold_type, version DESC`);
  const inForce = HOLD_TYPES.map((holdType) => {
    const active = rows.find((r) => r.holdType === holdType && r.status === 'active');
    return active ? { holdType, version: active.version, builtIn: false } : { holdType, version: 0, builtIn: true };
  });
  return { items: rows, inForce, builtIn: DEFAULT_WORKFLOW_STEPS };
}

/** One version by id, or what is in force for a hold type (`compliance`, …). */
export async function getWorkflow(tx: Sql, idOrHoldType: string) {
  if (isUuid(idOrHoldType)) {
    const { rows } = await tx.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE id = $1`, [idOrHoldType]);
    if (!rows[0]) throw notFound('workflow definition', idOrHoldType);
    return rows[0];
  }
  if (!(HOLD_TYPES as readonly string[]).includes(idOrHoldType)) throw notFound('workflow definition', idOrHoldType);
  const { rows } = await tx.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE hold_type = $1 AND status = 'active'`, [idOrHoldType]);
  return rows[0] ?? { id: 'built-in', holdType: idOrHoldType, version: 0, status: 'active', steps: DEFAULT_WORKFLOW_STEPS[idOrHoldType as HoldType] };
}

/** Saves a new version as a draft: versions are never edited, a change is the next version. */
export function createWorkflowVersion(db: Database, actor: Actor, input: WorkflowInput, requestId: string | null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    await w.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`workflow_definitions:${input.holdType}`]);
    const { rows } = await w.tx.query<{ v: number }>(
      'SELECT coalesce(max(version), 0) + 1 AS v FROM workflow_definitions WHERE hold_type = $1', [input.holdType]);
    const version = rows[0]!.v;
    const id = uuidv7();
    await w.tx.query(
      'INSERT INTO workflow_definitions (id, hold_type, version, steps, notes, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, input.holdType, version, JSON.stringify(input.steps), input.notes ?? null, actor.name]);
    w.audit({ entityType: 'workflow_definition', entityId: id, action: 'created',
      changes: { holdType: { new: input.holdType }, version: { new: version }, steps: { new: input.steps } } });
    return { id, holdType: input.holdType, version, status: 'draft' };
  });
}

/** Activates a draft; the version active before it is retired. Holds placed from now on use it. */
export function activateWorkflow(db: Database, actor: Actor, id: string, requestId: string | null) {
  if (!isUuid(id)) throw invalid('id', 'a workflow version id is a UUID');
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<{ holdType: string; version: number; status: string }>(
      'SELECT hold_type AS "holdType", version, status FROM workflow_definitions WHERE id = $1 FOR UPDATE', [id]);
    const def = rows[0];
    if (!def) throw notFound('workflow definition', id);
    if (def.status !== 'draft') throw new DomainError('INVALID_STATE', `workflow version ${def.version} is ${def.status}; only a draft is activated`);
    const retired = await w.tx.query<{ version: number }>(
      `UPDATE workflow_definitions SET status = 'retired' WHERE hold_type = $1 AND status = 'active' RETURNING version`, [def.holdType]);
    await w.tx.query(`UPDATE workflow_definitions SET status = 'active', activated_by = $2, activated_at = now() WHERE id = $1`, [id, actor.name]);
    const retiredVersions = retired.rows.map((r) => r.version);
    w.audit({ entityType: 'workflow_definition', entityId: id, action: 'activated',
      changes: { status: { old: 'draft', new: 'active' }, retired: { new: retiredVersions } } });
    w.emit({ topic: 'workflow.activated', entityType: 'workflow_definition', entityId: id, payload: { holdType: def.holdType, version: def.version } });
    return { id, holdType: def.holdType, version: def.version, status: 'active', retired: retiredVersions };
  });
}
