import { DomainError } from '../../platform/errors.ts';
import { HIBCC_CHARSET, hibccCheckChar } from './check-digit.ts';
import { definedFields } from './defined-fields.ts';
import { readLic, readProduct, readUnitOfMeasure } from './hibcc-fields.ts';
import { parseHibccSecondary } from './hibcc-secondary.ts';
import type { HibccScan, ProductionIdentifiers } from './types.ts';

interface PrimaryData {
  lic?: string;
  product?: string;
  unitOfMeasure?: number;
}

/**
 * Parses an HIBCC symbol (ANSI/HIBC 2.6) that starts with '+' and ends with its mod-43 check
 * character. Three shapes:
 *
 *   +LIC product U C                  primary: LIC, product number, unit of measure
 *   +LIC product U / secondary C      primary and secondary in one symbol
 *   + secondary L C                   secondary alone; L is the primary's check character
 *
 * Primary data starts with a letter (the LIC), secondary data with '$' or a digit.
 */
export function parseHibcc(symbol: string, now: Date): HibccScan {
  checkCharacters(symbol);
  const body = symbol.slice(0, -1);
  const check = symbol.slice(-1);
  if (body.length < 2) {
    throw new DomainError('SCAN_BAD_LENGTH', 'the HIBCC symbol holds no data', { field: 'hibcc' });
  }
  const expected = hibccCheckChar(body);
  if (check !== expected) {
    throw new DomainError(
      'SCAN_BAD_CHECK_DIGIT',
      `the HIBCC check character should be "${expected}", got "${check}"`,
      { field: 'hibcc.check' },
    );
  }
  const data = body.slice(1);
  if (/^[A-Z]/.test(data)) {
    const slash = data.indexOf('/');
    const primary = parsePrimary(slash < 0 ? data : data.slice(0, slash));
    return toScan(primary, slash < 0 ? {} : parseHibccSecondary(data.slice(slash + 1), now));
  }
  return toScan({}, parseHibccSecondary(data.slice(0, -1), now), data.slice(-1));
}

function checkCharacters(symbol: string): void {
  for (let i = 0; i < symbol.length; i++) {
    if (!HIBCC_CHARSET.includes(symbol.charAt(i))) {
      throw new DomainError(
        'SCAN_BAD_CHARSET',
        `"${symbol.charAt(i)}" at position ${i} is not an HIBCC character (A–Z, 0–9, - . space $ / + %)`,
        { field: 'hibcc' },
      );
    }
  }
}

function parsePrimary(text: string): PrimaryData {
  const lic = readLic(text.slice(0, 4));
  const rest = text.slice(4);
  if (rest.length < 2) {
    throw new DomainError(
      'SCAN_BAD_LENGTH',
      'HIBCC primary data needs a product number and a unit-of-measure digit after the LIC',
      { field: 'hibcc.product' },
    );
  }
  return { lic, product: readProduct(rest.slice(0, -1)), unitOfMeasure: readUnitOfMeasure(rest.slice(-1)) };
}

function toScan(primary: PrimaryData, secondary: ProductionIdentifiers, link?: string): HibccScan {
  return definedFields<HibccScan>({
    scheme: 'HIBCC',
    lic: primary.lic,
    product: primary.product,
    unitOfMeasure: primary.unitOfMeasure,
    lot: secondary.lot,
    expiry: secondary.expiry,
    productionDate: secondary.productionDate,
    serial: secondary.serial,
    quantity: secondary.quantity,
    link,
  });
}
