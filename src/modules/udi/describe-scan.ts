import { findAi } from './ai-table.ts';
import type { UdiScan } from './types.ts';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  gtin: 'GTIN',
  sscc: 'SSCC',
  lic: 'LIC',
  product: 'Product',
  unitOfMeasure: 'Unit of measure',
  lot: 'Lot',
  expiry: 'Expiry',
  productionDate: 'Production date',
  serial: 'Serial',
  quantity: 'Quantity',
  link: 'Link to primary',
};

/** A scan as lines for people: the scheme, its UDI fields, then every GS1 element string by AI. */
export function describeScan(scan: UdiScan): string {
  const rows: [label: string, value: string][] = [];
  for (const [field, value] of Object.entries(scan)) {
    const label = FIELD_LABELS[field];
    if (label !== undefined) rows.push([label, String(value)]);
  }
  if (scan.scheme === 'GS1') {
    for (const [ai, data] of Object.entries(scan.ais).sort(([a], [b]) => a.localeCompare(b))) {
      rows.push([`(${ai}) ${findAi(ai)?.title ?? ''}`, data]);
    }
  }
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return (
    [scan.scheme, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n') + '\n'
  );
}
