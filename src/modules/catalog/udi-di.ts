import { invalid } from '../../platform/errors.ts';
import type { UdiScan } from '../udi/types.ts';

/**
 * The UDI-DI a label names the catalogue by: the GTIN of a GS1 label, or the primary data of an
 * HIBCC label — labeler identification code (LIC), product or catalogue number (PCN) and
 * unit-of-measure digit, written together as on the label ("A123CAT5501"). The two never collide:
 * a GTIN is digits only, an HIBCC UDI-DI starts with the LIC's letter.
 */

const LIC = /^[A-Z][A-Z0-9]{3}$/;
const ALPHANUMERIC = /^[A-Z0-9]+$/;

/**
 * An HIBCC UDI-DI as a packaging level stores it, else VALIDATION_FAILED naming `field` and what
 * is wrong. The unit-of-measure digit 9 is refused: it marks a variable quantity, and a packaging
 * level holds a fixed one.
 */
export function hibccDi(text: string, field: string): string {
  if (text.length < 6 || text.length > 23) {
    throw invalid(field, `an HIBCC UDI-DI is the LIC (4), the product number (1 to 18) and the unit-of-measure digit: 6 to 23 characters, got ${text.length}`);
  }
  if (!ALPHANUMERIC.test(text)) throw invalid(field, `an HIBCC UDI-DI holds only A–Z and 0–9 (no "+" or check character), got "${text}"`);
  if (!LIC.test(text.slice(0, 4))) throw invalid(field, `an HIBCC UDI-DI starts with the labeler identification code, a letter and three letters or digits; got "${text.slice(0, 4)}"`);
  const unit = text.slice(-1);
  if (!/^\d$/.test(unit)) throw invalid(field, `an HIBCC UDI-DI ends with the unit-of-measure digit, got "${unit}"`);
  if (unit === '9') throw invalid(field, 'the unit of measure 9 is a variable quantity; a packaging level is 0 (unit of use) to 8');
  return text;
}

/** The catalogue key of a parsed label, or undefined when it carries none (an SSCC, a secondary HIBCC symbol alone). */
export function udiDiOf(scan: UdiScan): string | undefined {
  if (scan.scheme === 'GS1') return scan.gtin;
  if (scan.lic === undefined || scan.product === undefined || scan.unitOfMeasure === undefined) return undefined;
  return `${scan.lic}${scan.product}${scan.unitOfMeasure}`;
}

/** How a refusal names the label's identifier to the picker. */
export function udiDiText(scan: UdiScan): string {
  const di = udiDiOf(scan);
  if (scan.scheme === 'HIBCC') return di === undefined ? 'HIBCC —' : `HIBCC ${di}`;
  return di ?? 'SSCC/—';
}
