/**
 * What a scanned UDI label says (DESIGN.md §6, `lotline udi parse --json`). Fields are absent, not
 * undefined, when the label does not carry them. Dates are 'YYYY-MM-DD'.
 */
export type UdiScheme = 'GS1' | 'HIBCC';

/** The production identifiers (UDI-PI) both schemes carry. */
export interface ProductionIdentifiers {
  lot?: string;
  /** Expiry date; a month-only expiry reads as the month's last day. */
  expiry?: string;
  productionDate?: string;
  serial?: string;
  quantity?: number;
}

export interface Gs1Scan extends ProductionIdentifiers {
  scheme: 'GS1';
  /** AI (01), the UDI-DI as GTIN-14. */
  gtin?: string;
  /** AI (00), the logistic unit. */
  sscc?: string;
  /** Every element string of the scan, AI → data as printed. */
  ais: Record<string, string>;
}

export interface HibccScan extends ProductionIdentifiers {
  scheme: 'HIBCC';
  /** Labeler Identification Code: a letter and three letters or digits. */
  lic?: string;
  /** Product or catalogue number. */
  product?: string;
  /** Packaging level: 0 the unit of use, 1–8 higher levels, 9 a variable quantity. */
  unitOfMeasure?: number;
  /**
   * Only on a secondary symbol printed apart from its primary: the primary's check character,
   * which pairs the two (see joinHibccSymbols).
   */
  link?: string;
}

export type UdiScan = Gs1Scan | HibccScan;

export interface ParseScanOptions {
  /** The moment that resolves two-digit years (GS1 sliding window); defaults to the current time. */
  now?: Date;
}
