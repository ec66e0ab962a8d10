import { isValidGtin, normaliseGtin as toGtin14 } from '../../udi/check-digit.ts';

/**
 * GTIN as ordered: PO1/LIN carry GTIN-8, -12 (UPC), -13 (EAN) or -14. Lotline keys packaging
 * levels by GTIN-14; EDI mapping needs a soft answer (null) rather than the codec's error.
 */
export const normaliseGtin = (value: string): string | null => (isValidGtin(value) ? toGtin14(value) : null);
