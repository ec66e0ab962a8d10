import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { checkBatch, type ForecastRow, type RowError } from './forecast-rows.ts';
import { resolveForecastRows } from './resolve-forecast-rows.ts';
import { planForecastUpsert, type UpsertPlan } from './plan-forecast-upsert.ts';
import { loadNeighbours, lockForecastImports, writeForecastPlan } from './forecast-store.ts';

export interface ImportOptions {
  dryRun?: boolean | undefined;
  /** How the figures arrived: 'api', 'csv' (HTTP upload) or 'cli'. */
  source: string;
  sourceRef?: string | undefined;
  /** Errors found before the rows got here (the CSV reader's). */
  earlierErrors?: readonly RowError[];
  /** The error body's `field` for a row's error: `forecasts.3.quantity` in a JSON body, the column in a CSV. */
  fieldOf: (e: RowError) => string;
  requestId?: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** The audit entity of the batch (null on a dry run). */
  batchId: string | null;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  forecasts: Array<{ row: number; id: string; action: 'created' | 'updated' | 'unchanged' }>;
}

async function planImport(tx: Sql, rows: readonly ForecastRow[], earlier: readonly RowError[], lock: boolean): Promise<UpsertPlan> {
  const { keyed, errors } = await resolveForecastRows(tx, rows);
  const batchErrors = checkBatch(keyed);
  const bad = new Set(batchErrors.map((e) => e.row));
  const good = keyed.filter((r) => !bad.has(r.row));
  const plan = planForecastUpsert(good, await loadNeighbours(tx, good, { lock }), uuidv7);
  return { ...plan, errors: [...earlier, ...errors, ...batchErrors, ...plan.errors].sort((a, b) => a.row - b.row) };
}

function report(plan: UpsertPlan, batchId: string | null): ImportReport {
  const forecasts = [
    ...plan.create.map((r) => ({ row: r.row, id: r.id, action: 'created' as const })),
    ...plan.update.map((r) => ({ row: r.row, id: r.id, action: 'updated' as const })),
    ...plan.unchanged.map((r) => ({ row: r.row, id: r.id, action: 'unchanged' as const })),
  ].sort((a, b) => a.row - b.row);
  return { dryRun: batchId === null, batchId, created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged.length, errors: plan.errors, forecasts };
}

/**
 * Creates or updates forecasts by their natural key (customer or channel, device, period). Every
 * row is checked and every error reported (row, column, code, message); one error and nothing is
 * written (IMPORT_FAILED). A dry run reports the same without writing. The batch is one audit
 * record listing each forecast it created or changed, and one `forecast.imported` event.
 */
export async function importForecasts(db: Database, actor: Actor, rows: readonly ForecastRow[], opts: ImportOptions): Promise<ImportReport> {
  const earlier = opts.earlierErrors ?? [];
  if (opts.dryRun) return readTx(db, async (tx) => report(await planImport(tx, rows, earlier, false), null));
  return writeTx(db, { actor, requestId: opts.requestId ?? null }, async (w) => {
    await lockForecastImports(w.tx);
    const plan = await planImport(w.tx, rows, earlier, true);
    if (plan.errors.length) {
      const first = plan.errors[0]!;
      throw new DomainError('IMPORT_FAILED', `${plan.errors.length} row(s) in error, nothing imported; row ${first.row}: ${first.message}`, {
        field: opts.fieldOf(first), details: { errors: plan.errors },
      });
    }
    await writeForecastPlan(w.tx, plan, { actor: actor.name, source: opts.source, sourceRef: opts.sourceRef ?? null });
    const batchId = uuidv7();
    const changed = [
      ...plan.create.map((r) => ({ id: r.id, customerId: r.customerId, channel: r.channel, deviceId: r.deviceId, period: r.period.period, old: null, new: r.quantity })),
      ...plan.update.map((r) => ({ id: r.id, customerId: r.customerId, channel: r.channel, deviceId: r.deviceId, period: r.period.period, old: r.oldQuantity, new: r.quantity })),
    ];
    w.audit({
      entityType: 'forecast_import', entityId: batchId, action: 'imported',
      changes: { source: { new: opts.source }, ...(opts.sourceRef ? { sourceRef: { new: opts.sourceRef } } : {}),
        rows: { new: rows.length + earlier.length }, created: { new: plan.create.length }, updated: { new: plan.update.length },
        unchanged: { new: plan.unchanged.length }, quantities: { new: changed } },
    });
    w.emit({ topic: 'forecast.imported', entityType: 'forecast_import', entityId: batchId,
      payload: { created: plan.create.length, updated: plan.update.length, deviceIds: [...new Set(changed.map((c) => c.deviceId))] } });
    return report(plan, batchId);
  });
}
