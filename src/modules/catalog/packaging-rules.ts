import { DomainError, invalid } from '../../platform/errors.ts';
import { isValidGtin, normaliseGtin } from '../udi/check-digit.ts';
import type { PackagingInput } from './device-schemas.ts';
import { hibccDi } from './udi-di.ts';

export type PackagingLevel = PackagingInput['level'];

/** Smallest to largest: each sits in a box, boxes in a case, cases on a pallet. */
export const PACKAGING_LEVELS: readonly PackagingLevel[] = ['each', 'box', 'case', 'pallet'];

export interface Packaging {
  level: PackagingLevel;
  /** GTIN-14 */
  gtin: string;
  quantity: number;
  /** HIBCC UDI-DI (LIC + product number + unit-of-measure digit) when the level also has an HIBCC label. */
  hibcc: string | null;
}

/** Names the input field an error is about: `packaging.1.gtin` in a device body, `gtin` in a packaging body. */
export type FieldOf = (index: number, key: keyof PackagingInput) => string;
const inDeviceBody: FieldOf = (i, key) => `packaging.${i}.${key}`;

/** A GTIN-8/12/13/14 with a valid check digit as GTIN-14, else GTIN_INVALID naming the field. */
export function gtin14(gtin: string, field: string): string {
  if (!isValidGtin(gtin)) {
    throw new DomainError('GTIN_INVALID', `${field}: "${gtin}" is not a GTIN-8/12/13/14 with a valid check digit`, { field });
  }
  return normaliseGtin(gtin);
}

/**
 * A device's packaging levels, checked together and returned smallest first with GTIN-14s: one
 * GTIN per level, an HIBCC UDI-DI well formed and not given to two levels, a level at most once, `each` holds one base unit, and every level holds a
 * whole number of the level below it (one is allowed: a shipper around a single box).
 */
export function checkPackaging(levels: readonly PackagingInput[], fieldOf: FieldOf = inDeviceBody): Packaging[] {
  const seenLevel = new Set<string>();
  const seenGtin = new Map<string, number>();
  const seenHibcc = new Set<string>();
  const out = levels.map((p, i) => {
    const gtin = gtin14(p.gtin, fieldOf(i, 'gtin'));
    const hibcc = p.hibcc === undefined ? null : hibccDi(p.hibcc, fieldOf(i, 'hibcc'));
    if (seenLevel.has(p.level)) throw invalid(fieldOf(i, 'level'), `the level ${p.level} appears twice`);
    if (seenGtin.has(gtin)) {
      throw new DomainError('GTIN_TAKEN', `${fieldOf(i, 'gtin')}: GTIN ${gtin} is given to two levels`, { field: fieldOf(i, 'gtin') });
    }
    if (hibcc !== null && seenHibcc.has(hibcc)) {
      throw new DomainError('DUPLICATE', `${fieldOf(i, 'hibcc')}: HIBCC ${hibcc} is given to two levels`, { field: fieldOf(i, 'hibcc') });
    }
    if (p.level === 'each' && p.quantity !== 1) throw invalid(fieldOf(i, 'quantity'), 'the each level holds exactly 1 base unit');
    seenLevel.add(p.level);
    seenGtin.set(gtin, i);
    if (hibcc !== null) seenHibcc.add(hibcc);
    return { index: i, level: p.level, gtin, quantity: p.quantity, hibcc };
  });
  out.sort((a, b) => PACKAGING_LEVELS.indexOf(a.level) - PACKAGING_LEVELS.indexOf(b.level));
  for (let k = 1; k < out.length; k++) {
    const lower = out[k - 1]!;
    const upper = out[k]!;
    if (upper.quantity % lower.quantity !== 0) {
      throw invalid(
        fieldOf(upper.index, 'quantity'),
        `a ${upper.level} of ${upper.quantity} must hold a whole number of ${lower.level}s of ${lower.quantity}`,
      );
    }
  }
  return out.map(({ level, gtin, quantity, hibcc }) => ({ level, gtin, quantity, hibcc }));
}
