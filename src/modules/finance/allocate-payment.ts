import { DomainError, invalid } from '../../platform/errors.ts';

/** An invoice a payment may pay: what is still owed on it and when it fell due. */
export interface PayableInvoice {
  id: string;
  number: string;
  openMinor: number;
  dueDate: string;
  issueDate: string;
}

export interface Allocation {
  invoiceId: string;
  amountMinor: number;
}

export interface AllocationPlan {
  allocations: Allocation[];
  unappliedMinor: number;
}

/**
 * Explicit allocations, checked: each names an open invoice of the payer, none pays more than
 * is owed, together they are not more than the payment. Field names point at the bad entry.
 */
export function allocateExplicit(amountMinor: number, wanted: readonly Allocation[], open: readonly PayableInvoice[]): AllocationPlan {
  const byId = new Map(open.map((i) => [i.id, i]));
  const seen = new Set<string>();
  let total = 0;
  wanted.forEach((a, k) => {
    const inv = byId.get(a.invoiceId);
    if (!inv) throw invalid(`allocations.${k}.invoiceId`, `invoice ${a.invoiceId} is not an open invoice of this customer in this currency`);
    if (seen.has(a.invoiceId)) throw invalid(`allocations.${k}.invoiceId`, `invoice ${inv.number} is named twice`);
    seen.add(a.invoiceId);
    if (a.amountMinor > inv.openMinor) {
      throw invalid(`allocations.${k}.amountMinor`, `${a.amountMinor} is more than the ${inv.openMinor} still owed on ${inv.number}`);
    }
    total += a.amountMinor;
  });
  if (total > amountMinor) {
    throw new DomainError('VALIDATION_FAILED', `allocations: together ${total}, more than the payment of ${amountMinor}`, { field: 'allocations' });
  }
  return { allocations: wanted.map((a) => ({ ...a })), unappliedMinor: amountMinor - total };
}

/** Pays the given invoices in the order given, each as far as the money goes. */
export function allocateInOrder(amountMinor: number, invoices: readonly PayableInvoice[]): AllocationPlan {
  const allocations: Allocation[] = [];
  let left = amountMinor;
  for (const inv of invoices) {
    if (left === 0) break;
    if (inv.openMinor <= 0) continue;
    const pay = Math.min(left, inv.openMinor);
    allocations.push({ invoiceId: inv.id, amountMinor: pay });
    left -= pay;
  }
  return { allocations, unappliedMinor: left };
}

/** Oldest first: by due date, then issue date, then number. */
export const allocateOldestFirst = (amountMinor: number, open: readonly PayableInvoice[]): AllocationPlan =>
  allocateInOrder(amountMinor, [...open].sort((a, b) =>
    a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number)));
