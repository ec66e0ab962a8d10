/**
 * Numbers as EDI sends them. Prices stay decimal strings end to end (no float ever holds money);
 * quantities are whole units, because Lotline counts devices, never fractions of one.
 */

export type NumberProblem =
  'invalid-character' | 'wrong-decimal-mark' | 'not-whole' | 'negative' | 'too-large';

export type NumberReading<T> = { ok: true; value: T } | { ok: false; problem: NumberProblem };

const fail = (problem: NumberProblem): { ok: false; problem: NumberProblem } => ({ ok: false, problem });

/**
 * Reads a decimal as sent (`12.50`, `-3`, `.5`, `0012,5`) into a canonical string: `.` as the
 * mark, no leading zeros, the sender's trailing zeros kept (they carry the precision quoted).
 * `mark` is the decimal mark the interchange declares; X12 always uses `.`.
 */
export function readDecimal(raw: string, mark: '.' | ','): NumberReading<string> {
  const wrongMark = mark === '.' ? ',' : '.';
  if (raw.includes(wrongMark))
    return fail(/^-?[\d.,]+$/.test(raw) ? 'wrong-decimal-mark' : 'invalid-character');
  const match = /^(-?)(\d*)(?:[.,](\d*))?$/.exec(raw);
  if (!match || !/\d/.test(raw)) return fail('invalid-character');
  const [, sign = '', whole = '', fraction = ''] = match;
  const integerPart = whole.replace(/^0+(?=\d)/, '') || '0';
  return { ok: true, value: `${sign}${integerPart}${fraction ? `.${fraction}` : ''}` };
}

/** A quantity in whole units: `10` and `10.000` are 10; `10.5`, `-1` and `1O` are refused. */
export function readWholeQuantity(raw: string, mark: '.' | ','): NumberReading<number> {
  const decimal = readDecimal(raw, mark);
  if (!decimal.ok) return decimal;
  if (decimal.value.startsWith('-')) return fail('negative');
  const [whole = '', fraction = ''] = decimal.value.split('.');
  if (/[1-9]/.test(fraction)) return fail('not-whole');
  const quantity = Number(whole);
  return Number.isSafeInteger(quantity) ? { ok: true, value: quantity } : fail('too-large');
}

/** For issue messages: `PO102 "10.5" is not a whole number of units`. */
export const NUMBER_PROBLEM_TEXT: Readonly<Record<NumberProblem, string>> = {
  'invalid-character': 'is not a number',
  'wrong-decimal-mark': 'uses a decimal mark other than the one the interchange declares',
  'not-whole': 'is not a whole number of units',
  negative: 'is negative',
  'too-large': 'is too large',
};
