import { describe, expect, it } from 'vitest';
import { errorReportCsv, escapeFormula } from './error-report-csv.ts';

describe('the error report CSV', () => {
  it.each([
    ['=1+2', "'=1+2"], ['+86 21', "'+86 21"], ['-5', "'-5"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['D-1', 'D-1'], ['a=b', 'a=b'], ['', ''],
  ])('given the cell %j, then it is written as %j', (cell, written) => expect(escapeFormula(cell)).toBe(written));

  it('given errors, then one quoted, escaped line each after a BOM and the headings', () => {
    const text = errorReportCsv([
      { row: 2, column: '产品编码', field: 'code', value: '=HYPERLINK("x")', code: 'VALIDATION_FAILED', message: 'must match pattern, see "code"' },
      { row: 9, column: null, field: null, value: null, code: 'DUPLICATE', message: '-the same code as row 2' },
    ]);
    expect(text).toBe('\uFEFFrow,column,field,value,code,message\r\n'
      + `2,产品编码,code,"'=HYPERLINK(""x"")",VALIDATION_FAILED,"must match pattern, see ""code"""\r\n`
      + `9,,,,DUPLICATE,'-the same code as row 2\r\n`);
  });
});
