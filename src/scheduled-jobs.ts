import { BUSINESS_TIME_ZONE, localToday } from './modules/orders/business-day.ts';
import { markExpiredLots } from './modules/inventory/mark-expired-lots.ts';
import { runDailyReconcile } from './modules/finance/run-daily-reconcile.ts';
import { dailyAt, type ScheduledJob } from './platform/scheduler/scheduler.ts';

/**
 * The jobs every worker process ticks (`lotline worker`, and `lotline serve` where it runs the
 * worker): each run happens once across all processes (src/platform/scheduler/scheduler.ts).
 */
export function scheduledJobs(): ScheduledJob[] {
  return [
    // Just after local midnight: lots whose expiry date has come stop being allocatable.
    { name: 'lots.expire', nextRunAfter: dailyAt(0, 5, BUSINESS_TIME_ZONE), run: (db) => markExpiredLots(db, localToday()) },
    // Before the working day: the reconciliation exceptions reach finance users' inboxes.
    { name: 'finance.reconcile', nextRunAfter: dailyAt(7, 0, BUSINESS_TIME_ZONE), run: (db) => runDailyReconcile(db, localToday()) },
  ];
}
