import { describe, expect, it } from 'vitest';
import { convertCell, isEmptyCell, splitList } from './convert-cell.ts';

describe('convertCell', () => {
  it.each([
    ['是', true], ['否', false], ['TRUE', true], ['false', false], ['1', true], ['0', false], ['Y', true], ['no', false], [true, true], [1, true], [0, false],
  ] as const)('given %j for a yes/no field, then %j', (cell, value) => {
    expect(convertCell(cell, 'boolean')).toEqual({ ok: true, value });
  });

  it.each([['12', 12], [' 7 ', 7], ['-3', -3], ['1,000', 1000], ['12,345,678', 12_345_678], [42, 42]] as const)(
    'given %j for a whole-number field, then %j', (cell, value) => expect(convertCell(cell, 'integer')).toEqual({ ok: true, value }));

  it.each(['12.5', 'abc', '1,00', '1e3', 12.5, '99999999999999999999'])('given %j for a whole-number field, then an error', (cell) => {
    expect(convertCell(cell, 'integer').ok).toBe(false);
  });

  it.each([
    ['2026-03-01', '2026-03-01'], ['2026/3/1', '2026-03-01'], ['2026.03.01', '2026-03-01'], ['2026年3月1日', '2026-03-01'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'], [46082, '2026-03-01'],
  ] as const)('given %j for a date field, then %s', (cell, value) => expect(convertCell(cell, 'date')).toEqual({ ok: true, value }));

  it.each(['01/03/2026', 'next week', 1.5])('given %j for a date field, then an error naming the format', (cell) => {
    const r = convertCell(cell, 'date');
    expect(r.ok).toBe(false);
  });

  it('given a number or a date for a text field, then its text (a code typed as a number stays the code)', () => {
    expect(convertCell(10086, 'string')).toEqual({ ok: true, value: '10086' });
    expect(convertCell(new Date(Date.UTC(2026, 0, 2)), 'string')).toEqual({ ok: true, value: '2026-01-02' });
    expect(convertCell('  D-1 ', 'string')).toEqual({ ok: true, value: 'D-1' });
  });

  it('given blanks, then the cell is empty; lists split on either semicolon', () => {
    expect([null, undefined, '', '   '].every(isEmptyCell)).toBe(true);
    expect(isEmptyCell('0')).toBe(false);
    expect(splitList('II; III；07-03 ;')).toEqual(['II', 'III', '07-03']);
    expect(splitList(7)).toEqual([7]);
  });
});
