import { parse } from 'csv-parse/sync';
import { DomainError } from '../../platform/errors.ts';
import { decimalToMinor } from '../edi-intake/decimal-to-minor.ts';

/** One credit line of a bank statement, checked. `row` is its line in the file. */
export interface BankRow {
  row: number;
  receivedOn: string;
  amountMinor: number;
  currency: string;
  reference: string;
  remittance: string | null;
  payerAccount: string | null;
  customerCode: string | null;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

type Column = 'date' | 'amount' | 'currency' | 'reference' | 'remittance' | 'account' | 'customer';

/** Column names as banks and people write them, English or Chinese. */
const HEADERS: Record<string, Column> = {
  date: 'date', valuedate: 'date', bookingdate: 'date', 日期: 'date', 交易日期: 'date', 入账日期: 'date',
  amount: 'amount', credit: 'amount', 金额: 'amount', 贷方金额: 'amount', 收入金额: 'amount',
  currency: 'currency', 币种: 'currency',
  reference: 'reference', ref: 'reference', bankreference: 'reference', transactionid: 'reference', 流水号: 'reference', 交易流水号: 'reference', 交易参考号: 'reference',
  remittance: 'remittance', memo: 'remittance', description: 'remittance', purpose: 'remittance', 附言: 'remittance', 摘要: 'remittance', 用途: 'remittance',
  account: 'account', payeraccount: 'account', 付款账号: 'account', 对方账号: 'account',
  customer: 'customer', customercode: 'customer', 客户编码: 'customer',
};

const key = (h: string) => h.replace(/[\s_-]/g, '').toLowerCase();
const isRealDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

function records(text: string): Array<{ record: string[]; info: { lines: number } }> {
  try {
    return parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    throw new DomainError('IMPORT_FORMAT', `the file is not readable as CSV: ${(e as Error).message}`, { field: 'body' });
  }
}

/**
 * Reads a bank statement CSV: a header row, then one incoming payment per row. A missing
 * required column refuses the file (IMPORT_FORMAT naming the column); a bad cell is that row's
 * error, naming row and field, and the other rows are still read.
 */
export function readBankCsv(text: string): { rows: BankRow[]; errors: RowError[] } {
  const [header, ...body] = records(text);
  if (!header) throw new DomainError('IMPORT_FORMAT', 'the file is empty; expected a header row', { field: 'body' });
  const columns = header.record.map((h) => HEADERS[key(h)] ?? null);
  for (const required of ['date', 'amount', 'reference'] as const) {
    if (!columns.includes(required)) throw new DomainError('IMPORT_FORMAT', `the header has no ${required} column`, { field: required });
  }
  const rows: BankRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { record, info } of body) {
    const row = info.lines;
    const cell = (c: Column): string => record[columns.indexOf(c)] ?? '';
    const fail = (field: string, message: string) => void errors.push({ row, field, message: `${field}: ${message}` });
    const date = cell('date').replace(/\//g, '-');
    const currency = (cell('currency') || 'CNY').toUpperCase();
    const reference = cell('reference');
    if (!isRealDate(date)) { fail('date', 'must be a real date YYYY-MM-DD'); continue; }
    if (!/^[A-Z]{3}$/.test(currency)) { fail('currency', 'must be an ISO currency code such as CNY'); continue; }
    const amount = decimalToMinor(cell('amount').replace(/,/g, ''), currency);
    if (!amount || amount.minor <= 0) { fail('amount', 'must be a positive amount such as 1234.56'); continue; }
    if (!amount.exact) { fail('amount', `has more decimals than ${currency} allows`); continue; }
    if (!reference) { fail('reference', 'is empty'); continue; }
    if (reference.length > 100) { fail('reference', 'is longer than 100 characters'); continue; }
    if (seen.has(reference)) { fail('reference', `${reference} appears twice in the file`); continue; }
    seen.add(reference);
    rows.push({ row, receivedOn: date, amountMinor: amount.minor, currency, reference,
      remittance: cell('remittance').slice(0, 1000) || null, payerAccount: cell('account') || null, customerCode: cell('customer') || null });
  }
  return { rows, errors };
}
