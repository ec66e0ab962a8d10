import { describe, expect, it } from 'vitest';
import { invoiceNumbersIn, matchBankRows } from './match-bank-rows.ts';
import type { PayableRow } from './payable-invoices.ts';
import type { BankRow } from './read-bank-csv.ts';

const inv = (id: string, customerId: string, openMinor: number, dueDate: string): PayableRow =>
  ({ id, number: `INV-2026-00000${id}`, customerId, currency: 'CNY', openMinor, dueDate, issueDate: '2026-01-01' });
const row = (r: Partial<BankRow>): BankRow => ({ row: 2, receivedOn: '2026-06-01', amountMinor: 100, currency: 'CNY', reference: 'R', remittance: null, payerAccount: null, customerCode: null, ...r });
const open = [inv('1', 'A', 300, '2026-03-01'), inv('2', 'A', 300, '2026-02-01'), inv('3', 'B', 500, '2026-01-01')];
const ctx = { open, customerByAccount: new Map([['ACC-A', 'A']]), customerByCode: new Map([['H-B', 'B']]),
  customerByInvoiceNumber: new Map(open.map((i) => [i.number, i.customerId])) };

describe('matching statement rows', () => {
  it('finds invoice numbers in remittance text whatever the case', () => {
    expect(invoiceNumbersIn('pay inv-2026-000001 and INV-2026-000002, INV-2026-000001')).toEqual(['INV-2026-000001', 'INV-2026-000002']);
    expect(invoiceNumbersIn(null)).toEqual([]);
  });

  it('pays the invoices named, in the order named, leaving the rest unapplied', () => {
    const [m] = matchBankRows([row({ amountMinor: 400, remittance: 'INV-2026-000001 INV-2026-000002' })], ctx);
    expect(m).toMatchObject({ customerId: 'A', matchedBy: 'invoice_number', allocations: [{ invoiceId: '1', amountMinor: 300 }, { invoiceId: '2', amountMinor: 100 }] });
  });

  it('falls back to the payer account or customer code, oldest invoice first', () => {
    const [byAccount, byCode] = matchBankRows([row({ payerAccount: 'ACC-A' }), row({ customerCode: 'h-b', amountMinor: 600 })], ctx);
    expect(byAccount).toMatchObject({ customerId: 'A', matchedBy: 'customer_account', allocations: [{ invoiceId: '2', amountMinor: 100 }] });
    expect(byCode).toMatchObject({ customerId: 'B', matchedBy: 'customer_account', allocations: [{ invoiceId: '3', amountMinor: 500 }] });
  });

  it('keeps a row that matches nothing unapplied; a later row sees what earlier rows paid', () => {
    const [a, b, c] = matchBankRows([
      row({ amountMinor: 300, remittance: 'INV-2026-000002' }),
      row({ amountMinor: 50, remittance: 'INV-2026-000002' }),
      row({ payerAccount: 'unknown', remittance: 'thanks' }),
    ], ctx);
    expect(a!.allocations).toEqual([{ invoiceId: '2', amountMinor: 300 }]);
    expect(b).toMatchObject({ customerId: 'A', matchedBy: 'invoice_number', allocations: [] }); // paid by the row before
    expect(c).toMatchObject({ customerId: null, matchedBy: 'none', allocations: [] });
  });

  it('knows the payer by the invoice named but does not pay an invoice in another currency', () => {
    const [m] = matchBankRows([row({ currency: 'USD', remittance: 'INV-2026-000001' })], ctx);
    expect(m).toMatchObject({ customerId: 'A', matchedBy: 'invoice_number', allocations: [] });
  });
});
