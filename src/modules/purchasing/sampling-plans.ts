import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { SamplingPlanInput } from './purchasing-schemas.ts';
import type { Aql, InspectionLevel } from './sampling-plan.ts';

export interface PlanSetting {
  inspectionLevel: InspectionLevel;
  aql: Aql;
  /** Where the setting came from: the device's plan, the supplier's, or the default. */
  source: 'device' | 'supplier' | 'default';
}

const DEFAULT: PlanSetting = { inspectionLevel: 'II', aql: '1.0', source: 'default' };

/** The sampling setting per device for goods from this supplier: the device's plan, else the supplier's, else level II at AQL 1.0. */
export async function planSettings(tx: Sql, deviceIds: readonly string[], supplierId: string): Promise<Map<string, PlanSetting>> {
  const { rows } = await tx.query<{ deviceId: string | null; supplierId: string | null; inspectionLevel: InspectionLevel; aql: Aql }>(
    `SELECT device_id AS "deviceId", supplier_id AS "supplierId", inspection_level AS "inspectionLevel", aql
       FROM sampling_plans WHERE device_id = ANY($1::uuid[]) OR supplier_id = $2`,
    [[...new Set(deviceIds)], supplierId],
  );
  const bySupplier = rows.find((r) => r.supplierId !== null);
  return new Map(deviceIds.map((id) => {
    const own = rows.find((r) => r.deviceId === id);
    if (own) return [id, { inspectionLevel: own.inspectionLevel, aql: own.aql, source: 'device' }];
    if (bySupplier) return [id, { inspectionLevel: bySupplier.inspectionLevel, aql: bySupplier.aql, source: 'supplier' }];
    return [id, DEFAULT];
  }));
}

/** Sets (creates or replaces) the sampling plan of one device or one supplier. */
export function setSamplingPlan(db: Database, actor: Actor, input: SamplingPlanInput, requestId: string | null): Promise<SamplingPlanInput & { id: string }> {
  if (!input.deviceId === !input.supplierId) throw invalid('deviceId', 'give either deviceId or supplierId');
  return writeTx(db, { actor, requestId }, async (w) => {
    if (input.deviceId) {
      const d = await w.tx.query('SELECT 1 FROM devices WHERE id = $1', [input.deviceId]);
      if (!d.rows[0]) throw invalid('deviceId', `no device ${input.deviceId}`);
    } else {
      const s = await w.tx.query<{ kind: string }>('SELECT kind FROM parties WHERE id = $1', [input.supplierId]);
      if (s.rows[0]?.kind !== 'supplier') throw invalid('supplierId', `${input.supplierId} is not a supplier`);
    }
    const column = input.deviceId ? 'device_id' : 'supplier_id';
    const { rows } = await w.tx.query<{ id: string; old: { inspectionLevel: string; aql: string } | null }>(
      `WITH old AS (SELECT id, inspection_level, aql FROM sampling_plans WHERE ${column} = $2)
       INSERT INTO sampling_plans (id, device_id, supplier_id, inspection_level, aql, created_by)
       VALUES ($1, $3, $4, $5, $6, $7)
       ON CONFLICT (${column}) WHERE ${column} IS NOT NULL
       DO UPDATE SET inspection_level = EXCLUDED.inspection_level, aql = EXCLUDED.aql, updated_by = $7, updated_at = now()
       RETURNING id, (SELECT json_build_object('inspectionLevel', inspection_level, 'aql', aql) FROM old) AS old`,
      [uuidv7(), input.deviceId ?? input.supplierId, input.deviceId ?? null, input.supplierId ?? null, input.inspectionLevel, input.aql, actor.name],
    );
    const row = rows[0]!;
    w.audit({
      entityType: 'sampling_plan', entityId: row.id, action: row.old ? 'updated' : 'created',
      changes: { inspectionLevel: { old: row.old?.inspectionLevel ?? null, new: input.inspectionLevel }, aql: { old: row.old?.aql ?? null, new: input.aql } },
    });
    w.emit({ topic: 'purchasing.sampling_plan_set', entityType: 'sampling_plan', entityId: row.id, payload: { ...input } });
    return { id: row.id, ...input };
  });
}
