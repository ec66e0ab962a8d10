import { DomainError } from '../../platform/errors.ts';

/**
 * The HIBCC data fields (ANSI/HIBC 2.6), each read and checked on its own. Parser and encoder
 * share them, so a label the encoder accepts is one the parser reads back field for field.
 */

const ALPHANUMERIC = /^[A-Z0-9]*$/;

/** Labeler Identification Code: a letter, then three letters or digits. */
export function readLic(text: string): string {
  if (text.length !== 4) {
    throw new DomainError('SCAN_BAD_LENGTH', `an HIBCC LIC is 4 characters, got "${text}"`, {
      field: 'hibcc.lic',
    });
  }
  if (!/^[A-Z][A-Z0-9]{3}$/.test(text)) {
    throw new DomainError(
      'SCAN_BAD_CHARSET',
      `an HIBCC LIC is a letter and three letters or digits, got "${text}"`,
      { field: 'hibcc.lic' },
    );
  }
  return text;
}

/** Product or catalogue number: 1 to 18 letters or digits. */
export function readProduct(text: string): string {
  return checkAlphanumeric(text, 'product', 1, 18);
}

/** Unit of measure: one digit, the packaging level (0 = unit of use). */
export function readUnitOfMeasure(text: string): number {
  if (!/^\d$/.test(text)) {
    throw new DomainError('SCAN_BAD_CHARSET', `the HIBCC unit of measure is one digit, got "${text}"`, {
      field: 'hibcc.unitOfMeasure',
    });
  }
  return Number(text);
}

/** A lot or serial number of letters and digits; `text` itself when valid. */
export function checkLotOrSerial(
  text: string,
  field: 'lot' | 'serial',
  maxLength: number,
  minLength = 0,
): string {
  return checkAlphanumeric(text, field, minLength, maxLength);
}

/** A lot or serial number as read from a symbol: absent when empty. */
export function readLotOrSerial(
  text: string,
  field: 'lot' | 'serial',
  maxLength: number,
  minLength = 0,
): string | undefined {
  return checkLotOrSerial(text, field, maxLength, minLength) || undefined;
}

/** An HIBCC quantity: the 2 digits after $$8 or the 5 after $$9. */
export function readQuantity(text: string, digits: number): number {
  if (text.length !== digits) {
    throw new DomainError('SCAN_BAD_LENGTH', `the HIBCC quantity here is ${digits} digits, got "${text}"`, {
      field: 'hibcc.quantity',
    });
  }
  if (!/^\d+$/.test(text)) {
    throw new DomainError('SCAN_BAD_CHARSET', `the HIBCC quantity is digits, got "${text}"`, {
      field: 'hibcc.quantity',
    });
  }
  return Number(text);
}

function checkAlphanumeric(text: string, name: string, minLength: number, maxLength: number): string {
  const field = `hibcc.${name}`;
  if (text.length < minLength || text.length > maxLength) {
    throw new DomainError(
      'SCAN_BAD_LENGTH',
      `the HIBCC ${name} is ${minLength} to ${maxLength} characters, got ${text.length}`,
      { field },
    );
  }
  if (!ALPHANUMERIC.test(text)) {
    throw new DomainError('SCAN_BAD_CHARSET', `the HIBCC ${name} allows only A–Z and 0–9, got "${text}"`, {
      field,
    });
  }
  return text;
}
