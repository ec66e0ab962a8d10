import { DomainError } from '../../platform/errors.ts';
import { yyyymmddToIso } from './gs1-dates.ts';
import { HIBCC_DATE_LENGTHS, hibccDateFormatAt, hibccDateToIso } from './hibcc-dates.ts';
import type { HibccDateFormat } from './hibcc-dates.ts';
import { readLotOrSerial, readQuantity } from './hibcc-fields.ts';
import type { ProductionIdentifiers } from './types.ts';

/**
 * HIBCC secondary data (ANSI/HIBC 2.6), without the leading '+' or '/', link and check characters:
 *
 *   YYJJJ lot      julian expiry, lot of up to 13    $lot / $+serial    no date, no quantity
 *   $$[8QQ|9QQQQQ][date]lot   $$+[…]serial          date: MMYY, or flag 2–6 and its format, or 7 for none
 *
 * then supplemental fields, each after '/': S serial, 16D production date, 14D expiry (YYYYMMDD).
 */
export function parseHibccSecondary(text: string, now: Date): ProductionIdentifiers {
  const [data = '', ...supplements] = text.split('/');
  const fields = parseSecondaryData(data, now);
  for (const supplement of supplements) addSupplement(fields, supplement);
  return fields;
}

function parseSecondaryData(data: string, now: Date): ProductionIdentifiers {
  if (/^\d/.test(data)) {
    return {
      expiry: readDate(data.slice(0, 5), 'YYJJJ', now),
      lot: readLotOrSerial(data.slice(5), 'lot', 13),
    };
  }
  const flags = /^(\$\$?)(\+?)/.exec(data);
  if (!flags) {
    throw new DomainError(
      'SCAN_UNKNOWN_FORMAT',
      `HIBCC secondary data starts with "$", "$$" or a julian date, got "${data}"`,
      { field: 'hibcc' },
    );
  }
  const identifier = flags[2] ? 'serial' : 'lot';
  const rest = data.slice(flags[0].length);
  if (flags[1] === '$') return { [identifier]: readLotOrSerial(rest, identifier, 18) };
  const { quantity, expiry, remainder } = readQuantityAndDate(rest, now);
  return { quantity, expiry, [identifier]: readLotOrSerial(remainder, identifier, 18) };
}

/** After '$$', 8 announces a two-digit quantity and 9 a five-digit one. */
const QUANTITY_DIGITS: Readonly<Record<string, number>> = { '8': 2, '9': 5 };

function readQuantityAndDate(
  text: string,
  now: Date,
): Pick<ProductionIdentifiers, 'quantity' | 'expiry'> & { remainder: string } {
  let rest = text;
  let quantity: number | undefined;
  const quantityDigits = QUANTITY_DIGITS[rest.charAt(0)];
  if (quantityDigits !== undefined) {
    quantity = readQuantity(rest.slice(1, 1 + quantityDigits), quantityDigits);
    rest = rest.slice(1 + quantityDigits);
  }
  const flag = rest.charAt(0);
  if (rest === '' || flag === '7') return { quantity, remainder: rest.slice(1) };
  const format = hibccDateFormatAt(flag);
  if (format === undefined) {
    throw new DomainError(
      'SCAN_BAD_DATE',
      `"$$" takes an expiry date or a date format flag 2–7, got "${flag}"`,
      { field: 'hibcc.expiry' },
    );
  }
  const start = format === 'MMYY' ? 0 : 1;
  const end = start + HIBCC_DATE_LENGTHS[format];
  return { quantity, expiry: readDate(rest.slice(start, end), format, now), remainder: rest.slice(end) };
}

function readDate(text: string, format: HibccDateFormat, now: Date): string {
  if (text.length < HIBCC_DATE_LENGTHS[format]) {
    throw new DomainError('SCAN_BAD_LENGTH', `the HIBCC expiry date ${format} is cut short: "${text}"`, {
      field: 'hibcc.expiry',
    });
  }
  const iso = hibccDateToIso(text, format, now);
  if (iso === undefined) {
    throw new DomainError('SCAN_BAD_DATE', `"${text}" is not a valid ${format} date`, {
      field: 'hibcc.expiry',
    });
  }
  return iso;
}

function addSupplement(fields: ProductionIdentifiers, supplement: string): void {
  if (supplement.startsWith('S')) {
    setOnce(fields, 'serial', readLotOrSerial(supplement.slice(1), 'serial', 18, 1));
  } else if (supplement.startsWith('16D') || supplement.startsWith('14D')) {
    const key = supplement.startsWith('16D') ? 'productionDate' : 'expiry';
    const iso = yyyymmddToIso(supplement.slice(3));
    if (iso === undefined) {
      throw new DomainError('SCAN_BAD_DATE', `"${supplement.slice(3)}" is not a valid YYYYMMDD date`, {
        field: `hibcc.${key}`,
      });
    }
    setOnce(fields, key, iso);
  } else {
    throw new DomainError('SCAN_TRAILING_DATA', `unknown HIBCC supplemental field "/${supplement}"`, {
      field: 'hibcc',
    });
  }
}

/** A field given twice (serial in $+ and /S, expiry in $$ and /14D) must agree. */
function setOnce(
  fields: ProductionIdentifiers,
  key: 'serial' | 'expiry' | 'productionDate',
  value: string | undefined,
): void {
  const earlier = fields[key];
  if (earlier !== undefined && earlier !== value) {
    throw new DomainError('SCAN_PAIRING', `the HIBCC ${key} appears twice: "${earlier}" and "${value}"`, {
      field: `hibcc.${key}`,
    });
  }
  fields[key] = value;
}
