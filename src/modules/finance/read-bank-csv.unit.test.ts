import { describe, expect, it } from 'vitest';
import { readBankCsv } from './read-bank-csv.ts';

describe('reading a bank statement CSV', () => {
  it('reads English or Chinese headers, amounts to fen, dates with slashes, and defaults the currency to CNY', () => {
    const { rows, errors } = readBankCsv('\uFEFF交易日期,贷方金额,交易流水号,附言,对方账号\n2026/06/01,"1,234.50",B1,INV-2026-000001,6222\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 2, receivedOn: '2026-06-01', amountMinor: 123_450, currency: 'CNY', reference: 'B1', remittance: 'INV-2026-000001', payerAccount: '6222', customerCode: null }]);
  });

  it('reports each bad cell by row and field and keeps the good rows', () => {
    const { rows, errors } = readBankCsv([
      'date,amount,currency,reference',
      '2026-02-29,1.00,CNY,A', // 2026 is not a leap year
      '2026-06-01,0,CNY,B',
      '2026-06-01,1,JP,C',
      '2026-06-01,5,JPY,D',
      '2026-06-01,5.5,JPY,E',
      '2026-06-01,2.00,CNY,D',
      '2026-06-01,2.00,CNY,',
    ].join('\n'));
    expect(errors.map((e) => [e.row, e.field])).toEqual([[2, 'date'], [3, 'amount'], [4, 'currency'], [6, 'amount'], [7, 'reference'], [8, 'reference']]);
    expect(rows.map((r) => [r.reference, r.amountMinor, r.currency])).toEqual([['D', 5, 'JPY']]);
  });

  it('refuses a file without a date, amount or reference column, naming it', () => {
    expect(() => readBankCsv('date,amount\n')).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT', field: 'reference' }));
    expect(() => readBankCsv('')).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT', field: 'body' }));
    expect(() => readBankCsv('a,"b\n')).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT' }));
  });
});
