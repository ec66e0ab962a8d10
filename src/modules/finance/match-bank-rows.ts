import { allocateInOrder, allocateOldestFirst, type Allocation } from './allocate-payment.ts';
import type { BankRow } from './read-bank-csv.ts';
import type { PayableRow } from './payable-invoices.ts';

export interface MatchedRow {
  row: BankRow;
  customerId: string | null;
  matchedBy: 'invoice_number' | 'customer_account' | 'none';
  allocations: Allocation[];
}

export interface MatchContext {
  /** Open invoices named in any remittance, and open invoices of every customer an account or code points to. */
  open: readonly PayableRow[];
  customerByAccount: ReadonlyMap<string, string>;
  customerByCode: ReadonlyMap<string, string>;
  /** Whose each invoice number named in a remittance is, paid or not. */
  customerByInvoiceNumber: ReadonlyMap<string, string>;
}

const INVOICE_NUMBER = /INV-\d{4}-\d{6}/gi;

export const invoiceNumbersIn = (text: string | null): string[] => [...new Set((text ?? '').toUpperCase().match(INVOICE_NUMBER) ?? [])];

/**
 * Matches statement rows in file order: by the invoice numbers in the remittance text (the
 * customer of the first one; its invoices named and still open, in the order named; the rest
 * unapplied), else by the payer's account or customer
 * code (oldest invoices first), else unapplied with no customer. Each row sees what the rows
 * before it already paid.
 */
export function matchBankRows(rows: readonly BankRow[], ctx: MatchContext): MatchedRow[] {
  const open = new Map(ctx.open.map((i) => [i.id, { ...i }]));
  const apply = (allocations: Allocation[]) => {
    for (const a of allocations) open.get(a.invoiceId)!.openMinor -= a.amountMinor;
    return allocations;
  };
  return rows.map((row) => {
    const sameCurrency = [...open.values()].filter((i) => i.currency === row.currency && i.openMinor > 0);
    const numbers = invoiceNumbersIn(row.remittance).filter((n) => ctx.customerByInvoiceNumber.has(n));
    if (numbers.length > 0) {
      const customerId = ctx.customerByInvoiceNumber.get(numbers[0]!)!;
      const named = numbers.flatMap((n) => sameCurrency.filter((i) => i.number === n && i.customerId === customerId));
      const plan = allocateInOrder(row.amountMinor, named);
      return { row, customerId, matchedBy: 'invoice_number', allocations: apply(plan.allocations) };
    }
    const customerId = (row.payerAccount && ctx.customerByAccount.get(row.payerAccount)) || (row.customerCode && ctx.customerByCode.get(row.customerCode.toUpperCase())) || null;
    if (customerId) {
      const plan = allocateOldestFirst(row.amountMinor, sameCurrency.filter((i) => i.customerId === customerId));
      return { row, customerId, matchedBy: 'customer_account', allocations: apply(plan.allocations) };
    }
    return { row, customerId: null, matchedBy: 'none', allocations: [] };
  });
}
