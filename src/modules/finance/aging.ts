/**
 * Receivables by age. An open item is an invoice with money still owed (or a credit note, or an
 * unapplied payment, with a negative open amount: money the customer has to its good). Age counts
 * from the due date: not yet due is 'current'.
 */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface OpenItem {
  openMinor: number;
  dueDate: string;
}

export interface Aging {
  buckets: Record<AgingBucket, number>;
  openMinor: number;
  overdueMinor: number;
  /** Days past due of the oldest invoice still owed; 0 when nothing is overdue. */
  maxOverdueDays: number;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` ('YYYY-MM-DD'), negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function bucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

export function ageReceivables(items: readonly OpenItem[], today: string): Aging {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  let openMinor = 0;
  let overdueMinor = 0;
  let maxOverdueDays = 0;
  for (const item of items) {
    if (item.openMinor === 0) continue;
    const days = daysBetween(item.dueDate, today);
    // Credits are not late: they sit in 'current' and lower what is owed.
    const bucket = item.openMinor > 0 ? bucketOf(days) : 'current';
    buckets[bucket] += item.openMinor;
    openMinor += item.openMinor;
    if (item.openMinor > 0 && days > 0) {
      overdueMinor += item.openMinor;
      maxOverdueDays = Math.max(maxOverdueDays, days);
    }
  }
  return { buckets, openMinor, overdueMinor, maxOverdueDays };
}
