import type { OrderPurpose } from '../types.ts';
import type { ElementRule, SegmentRule } from './check-elements.ts';

/**
 * The 850 as Lotline reads it: which segment IDs exist in the 004010/005010 purchase order, and
 * the dictionary entries of the segments mapped into an order. Segments that exist but are not
 * mapped (REF, PER, TD5, PID …) are passed over without checks.
 */

export const SEGMENTS_850 = new Set([
  ...['ST', 'BEG', 'CUR', 'REF', 'PER', 'TAX', 'FOB', 'CTP', 'PAM', 'CSH', 'TC2', 'SAC', 'ITD', 'DIS'],
  ...['INC', 'DTM', 'LDT', 'LIN', 'SI', 'PID', 'MEA', 'PWK', 'PKG', 'TD1', 'TD5', 'TD3', 'TD4', 'MAN'],
  ...['PCT', 'CTB', 'TXI', 'AMT', 'FA1', 'FA2', 'N9', 'MSG', 'N1', 'N2', 'N3', 'N4', 'NX2', 'LM', 'LQ'],
  ...['SPI', 'CB1', 'ADV', 'MTX', 'PO1', 'CN1', 'PO3', 'PO4', 'IT8', 'SDQ', 'IT3', 'QTY', 'SCH', 'SLN'],
  ...['LS', 'LE', 'G53', 'CTT', 'SE'],
]);

/** BEG01 (353) → the neutral purpose; other purposes (reissue, information copy …) are refused. */
export const PURPOSE_BY_CODE: ReadonlyMap<string, OrderPurpose> = new Map([
  ['00', 'original'],
  ['01', 'cancellation'],
  ['04', 'change'],
  ['05', 'replace'],
  ['06', 'confirmation'],
  ['07', 'duplicate'],
]);

/** PO106 … PO124 (235) qualifiers Lotline maps; others (MG, SK, N4 …) are ignored. */
export const GTIN_QUALIFIERS = new Set(['UP', 'UK', 'EN', 'EO']); // UPC-12, GTIN-14, EAN-13, EAN-8
export const BUYER_ITEM_QUALIFIERS = new Set(['BP', 'IN']); // buyer's part number, buyer's item number
export const VENDOR_ITEM_QUALIFIERS = new Set(['VP', 'VN']); // vendor's part number, vendor's item number

/** PO106/PO107 … PO124/PO125: the product id pairs, qualifier first. */
export const PRODUCT_ID_PAIRS: ReadonlyArray<readonly [number, number]> = Array.from(
  { length: 10 },
  (_, i) => [6 + 2 * i, 7 + 2 * i] as const,
);

const productIdRules: Record<number, ElementRule> = Object.fromEntries(
  PRODUCT_ID_PAIRS.flatMap(([qualifier, id]) => [
    [qualifier, { reference: '235', type: 'ID', min: 2, max: 2 }],
    [id, { reference: '234', type: 'AN', min: 1, max: 48 }],
  ]),
);

export const RULES_850: Readonly<Record<string, SegmentRule>> = {
  BEG: {
    maxElements: 12,
    elements: {
      1: {
        reference: '353',
        type: 'ID',
        min: 2,
        max: 2,
        mandatory: true,
        codes: [...PURPOSE_BY_CODE.keys()],
      },
      2: { reference: '92', type: 'ID', min: 2, max: 2, mandatory: true },
      3: { reference: '324', type: 'AN', min: 1, max: 22, mandatory: true },
      4: { reference: '328', type: 'AN', min: 1, max: 30 },
      5: { reference: '373', type: 'DT', min: 8, max: 8, mandatory: true },
    },
  },
  CUR: {
    maxElements: 21,
    elements: {
      1: { reference: '98', type: 'ID', min: 2, max: 3, mandatory: true },
      2: { reference: '100', type: 'ID', min: 3, max: 3, mandatory: true },
    },
  },
  DTM: {
    maxElements: 6,
    elements: {
      1: { reference: '374', type: 'ID', min: 3, max: 3, mandatory: true },
      2: { reference: '373', type: 'DT', min: 8, max: 8 },
    },
    atLeastOne: [[2, 3, 5]], // R020305
  },
  N1: {
    maxElements: 6,
    elements: {
      1: { reference: '98', type: 'ID', min: 2, max: 3, mandatory: true },
      2: { reference: '93', type: 'AN', min: 1, max: 60 },
      3: { reference: '66', type: 'ID', min: 1, max: 2 },
      4: { reference: '67', type: 'AN', min: 2, max: 80 },
    },
    atLeastOne: [[2, 3]], // R0203
    paired: [[3, 4]], // P0304
  },
  PO1: {
    maxElements: 25,
    elements: {
      1: { reference: '350', type: 'AN', min: 1, max: 20 },
      // Conditional in the standard; Lotline's implementation guide requires the quantity.
      2: { reference: '330', type: 'R', min: 1, max: 15, mandatory: true },
      3: { reference: '355', type: 'ID', min: 2, max: 2 },
      4: { reference: '212', type: 'R', min: 1, max: 17 },
      5: { reference: '639', type: 'ID', min: 2, max: 2 },
      ...productIdRules,
    },
    paired: PRODUCT_ID_PAIRS,
  },
  CTT: {
    maxElements: 7,
    elements: { 1: { reference: '354', type: 'N0', min: 1, max: 6, mandatory: true } },
  },
};
