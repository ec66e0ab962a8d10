import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { resolveRecipients } from '../notifications/resolve-recipients.ts';
import { listExceptions, type ExceptionReport } from './reconcile.ts';

const actor = systemActor('finance-reconcile');

/**
 * The daily reconciliation: lists every exception and tells the finance users in-app (once per
 * day: a second run the same day notifies nobody again). Returns the report and how many users
 * were notified.
 */
export async function runDailyReconcile(db: Database, today: string): Promise<ExceptionReport & { notified: number }> {
  const report = await readTx(db, (tx) => listExceptions(tx, actor, today));
  if (report.count === 0) return { ...report, notified: 0 };
  const counts = Object.entries(report.byType).filter(([, n]) => n > 0);
  const notified = await writeTx(db, { actor }, async (w) => {
    const users = await resolveRecipients(w.tx, { roles: ['finance'] });
    const sent = await notifyUsers(w, users, {
      sourceKey: `finance-reconcile:${today}`,
      kind: 'finance.reconcile',
      message: {
        en: `Reconciliation ${today}: ${report.count} exception(s) — ${counts.map(([t, n]) => `${t} ${n}`).join(', ')}`,
        zh: `${today} 对账：${report.count} 项异常 — ${counts.map(([t, n]) => `${t} ${n}`).join('，')}`,
      },
      data: { today, byType: report.byType },
    });
    // The run itself is on record even when everyone was already told.
    w.audit({ entityType: 'finance_reconcile', entityId: today, action: 'run', changes: { exceptions: { new: report.count }, notified: { new: sent } } });
    return sent;
  });
  return { ...report, notified };
}
