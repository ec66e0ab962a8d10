import { describe, expect, it } from 'vitest';
import { readForecastCsv } from './read-forecast-csv.ts';

describe('readForecastCsv', () => {
  it('given English or Chinese headers, a BOM and mixed line ends, then rows numbered by their line', () => {
    const { rows, errors } = readForecastCsv('\uFEFF客户编码,器械编码,期间,数量\r\nH-1,D-1,2026-05,120\n\nH-1,D-2,2026-W20,0\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, customerCode: 'H-1', deviceCode: 'D-1', period: '2026-05', quantity: 120 },
      { row: 4, customerCode: 'H-1', deviceCode: 'D-2', period: '2026-W20', quantity: 0 },
    ]);
  });

  it('given a channel column, then channel rows', () => {
    const { rows } = readForecastCsv('channel,device code,period,qty\nexport,D-1,2026-06,5\n');
    expect(rows).toEqual([{ row: 2, channel: 'export', deviceCode: 'D-1', period: '2026-06', quantity: 5 }]);
  });

  it('given bad cells, then one error per row naming the column, and the good rows still read', () => {
    const { rows, errors } = readForecastCsv('customerCode,deviceCode,period,quantity\nH-1,D-1,2026-5,1\nH-1,D-1,2026-06,-3\nH-1,D-1,2026-07,2.5\nH-1,D-1,,4\nH-1,D-1,2026-08,7\n');
    expect(errors).toEqual([
      expect.objectContaining({ row: 2, column: 'period', code: 'VALIDATION_FAILED' }),
      expect.objectContaining({ row: 3, column: 'quantity' }),
      expect.objectContaining({ row: 4, column: 'quantity' }),
      expect.objectContaining({ row: 5, column: 'period' }),
    ]);
    expect(rows.map((r) => r.row)).toEqual([6]);
  });

  it('given no quantity, period or device column, or no header, then the file is refused', () => {
    expect(() => readForecastCsv('customerCode,deviceCode,period\nH,D,2026-05\n')).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT', field: 'quantity' }));
    expect(() => readForecastCsv('customerCode,period,quantity\nH,2026-05,1\n')).toThrow(expect.objectContaining({ field: 'deviceCode' }));
    expect(() => readForecastCsv('')).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT' }));
    expect(() => readForecastCsv('a,b\n"open quote,1\n')).toThrow(expect.objectContaining({ code: 'IMPORT_FORMAT', field: 'body' }));
  });
});
