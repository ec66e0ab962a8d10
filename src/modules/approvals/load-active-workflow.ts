import type { Sql } from '../../db/types.ts';
import type { HoldType } from '../rules/rule-types.ts';
import { builtInWorkflow } from './default-workflows.ts';
import type { LoadedWorkflow } from './workflow-types.ts';

/** The active workflow of a hold type, else the built-in one: a saved draft never leaves a hold unplanned. */
export async function loadActiveWorkflow(tx: Sql, holdType: HoldType): Promise<LoadedWorkflow> {
  const { rows } = await tx.query<LoadedWorkflow>(
    `SELECT id, hold_type AS "holdType", version, steps FROM workflow_definitions WHERE hold_type = $1 AND status = 'active'`,
    [holdType],
  );
  return rows[0] ?? builtInWorkflow(holdType);
}
