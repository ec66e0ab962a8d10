import { DomainError } from '../../platform/errors.ts';
import { hibccCheckChar } from './check-digit.ts';
import { parseIsoDate } from './gs1-dates.ts';
import { HIBCC_DATE_FLAGS, isoToHibccDate } from './hibcc-dates.ts';
import type { HibccDateFormat } from './hibcc-dates.ts';
import { checkLotOrSerial, readLic, readProduct, readUnitOfMeasure } from './hibcc-fields.ts';

/** What to put on an HIBCC label. */
export interface HibccLabel {
  lic: string;
  product: string;
  unitOfMeasure: number;
  lot?: string;
  serial?: string;
  expiry?: string;
  productionDate?: string;
  quantity?: number;
}

export interface EncodedHibcc {
  /** Primary and secondary data in one symbol, joined by '/'. */
  concatenated: string;
  /** The primary symbol alone. */
  primary: string;
  /** The secondary symbol printed apart, linked to `primary` by its check character; absent without one. */
  secondary?: string;
}

/**
 * Encodes an HIBCC label as one concatenated symbol and as a primary/secondary pair. Expiry is
 * written in `dateFormat` (default YYMMDD) after '$$'; a serial goes in the lot's place when there
 * is no lot ('$+', '$$+'), otherwise in a '/S' field after the production date's '/16D'.
 */
export function encodeHibcc(
  label: HibccLabel,
  opts: { dateFormat?: HibccDateFormat; now?: Date } = {},
): EncodedHibcc {
  const now = opts.now ?? new Date();
  const unitOfMeasure = readUnitOfMeasure(String(label.unitOfMeasure));
  const primaryData = `+${readLic(label.lic)}${readProduct(label.product)}${unitOfMeasure}`;
  const primary = primaryData + hibccCheckChar(primaryData);
  const secondaryData = encodeSecondaryData(label, opts.dateFormat ?? 'YYMMDD', now);
  if (secondaryData === undefined) return { concatenated: primary, primary };
  const concatenated = `${primaryData}/${secondaryData}`;
  const secondary = `+${secondaryData}${primary.slice(-1)}`;
  return {
    concatenated: concatenated + hibccCheckChar(concatenated),
    primary,
    secondary: secondary + hibccCheckChar(secondary),
  };
}

function encodeSecondaryData(label: HibccLabel, format: HibccDateFormat, now: Date): string | undefined {
  const { lot, serial, expiry, quantity, productionDate } = label;
  if ([lot, serial, expiry, quantity, productionDate].every((value) => value === undefined)) return undefined;
  const serialInLotPlace = lot === undefined && serial !== undefined;
  const identifier = serialInLotPlace
    ? checkLotOrSerial(serial, 'serial', 18)
    : checkLotOrSerial(lot ?? '', 'lot', 18);
  const plus = serialInLotPlace ? '+' : '';
  let data =
    expiry === undefined && quantity === undefined
      ? `$${plus}${identifier}`
      : `$$${plus}${encodeQuantity(quantity)}${encodeExpiry(expiry, format, now)}${identifier}`;
  if (productionDate !== undefined) data += `/16D${encodeYyyymmdd(productionDate)}`;
  if (!serialInLotPlace && serial !== undefined) data += `/S${checkLotOrSerial(serial, 'serial', 18, 1)}`;
  return data;
}

function encodeQuantity(quantity: number | undefined): string {
  if (quantity === undefined) return '';
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > 99_999) {
    throw new DomainError('SCAN_BAD_LENGTH', `an HIBCC quantity is 0 to 99999, got ${quantity}`, {
      field: 'hibcc.quantity',
    });
  }
  return quantity <= 99 ? `8${String(quantity).padStart(2, '0')}` : `9${String(quantity).padStart(5, '0')}`;
}

function encodeExpiry(expiry: string | undefined, format: HibccDateFormat, now: Date): string {
  if (expiry === undefined) return '7';
  const text = isoToHibccDate(expiry, format, now);
  if (text === undefined) {
    throw new DomainError('SCAN_BAD_DATE', `the expiry "${expiry}" cannot be written as ${format}`, {
      field: 'hibcc.expiry',
    });
  }
  return HIBCC_DATE_FLAGS[format] + text;
}

function encodeYyyymmdd(iso: string): string {
  if (parseIsoDate(iso) === undefined) {
    throw new DomainError('SCAN_BAD_DATE', `"${iso}" is not a YYYY-MM-DD date`, {
      field: 'hibcc.productionDate',
    });
  }
  return iso.replaceAll('-', '');
}
