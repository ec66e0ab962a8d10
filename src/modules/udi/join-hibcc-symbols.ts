import { DomainError } from '../../platform/errors.ts';
import { hibccCheckChar } from './check-digit.ts';
import type { HibccScan } from './types.ts';

/**
 * Joins an HIBCC primary symbol and a secondary symbol printed apart into one scan. They belong
 * together only when the secondary's link character is the primary's check character; anything
 * else is a pairing error, so a lot is never booked against the wrong product.
 */
export function joinHibccSymbols(primary: HibccScan, secondary: HibccScan): HibccScan {
  if (primary.lic === undefined || primary.product === undefined || primary.unitOfMeasure === undefined) {
    throw new DomainError('SCAN_PAIRING', 'the first HIBCC symbol is not a primary (LIC and product)', {
      field: 'hibcc.lic',
    });
  }
  if (secondary.link === undefined) {
    throw new DomainError(
      'SCAN_PAIRING',
      'the second HIBCC symbol is not a separate secondary with a link character',
      { field: 'hibcc.link' },
    );
  }
  const check = hibccCheckChar(`+${primary.lic}${primary.product}${primary.unitOfMeasure}`);
  if (secondary.link !== check) {
    throw new DomainError(
      'SCAN_PAIRING',
      `the secondary symbol links to "${secondary.link}", the primary's check character is "${check}"`,
      { field: 'hibcc.link' },
    );
  }
  const { scheme: _scheme, link: _link, ...productionIdentifiers } = secondary;
  return { ...primary, ...productionIdentifiers };
}
