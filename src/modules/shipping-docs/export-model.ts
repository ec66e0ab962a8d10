import { currencyExponent } from '../pricing/money.ts';
import type { DocLine, ShipmentDocData } from './shipment-doc-data.ts';

export interface InvoiceLine {
  lineNo: number;
  deviceCode: string;
  nameZh: string;
  nameEn: string | null;
  hsCode: string | null;
  countryOfOrigin: string | null;
  lots: string[];
  quantity: number;
  baseUnit: string;
  unitPriceMinor: number;
  amountMinor: bigint;
}

export interface InvoiceModel {
  currency: string;
  lines: InvoiceLine[];
  totalQuantity: number;
  totalMinor: bigint;
}

/** One row of the certificate-of-origin data sheet: goods of one HS code and origin. */
export interface OriginRow {
  hsCode: string | null;
  countryOfOrigin: string | null;
  devices: Array<Pick<DocLine, 'deviceCode' | 'nameZh' | 'nameEn'>>;
  lots: string[];
  quantity: number;
}

const addOnce = (list: string[], value: string): void => void (list.includes(value) || list.push(value));

/**
 * The commercial invoice of an export: per order line what left, at the order's price per base
 * unit; amounts in BigInt minor units, so no total can lose a cent however large.
 */
export function invoiceModel(data: Pick<ShipmentDocData, 'lines' | 'order'>): InvoiceModel {
  const lines = new Map<number, InvoiceLine>();
  for (const l of data.lines) {
    let line = lines.get(l.lineNo);
    if (!line) {
      line = {
        lineNo: l.lineNo, deviceCode: l.deviceCode, nameZh: l.nameZh, nameEn: l.nameEn, hsCode: l.hsCode,
        countryOfOrigin: l.countryOfOrigin, lots: [], quantity: 0, baseUnit: l.baseUnit, unitPriceMinor: l.unitPriceMinor, amountMinor: 0n,
      };
      lines.set(l.lineNo, line);
    }
    addOnce(line.lots, l.lotNumber);
    line.quantity += l.quantity;
    line.amountMinor += BigInt(l.unitPriceMinor) * BigInt(l.quantity);
  }
  const list = [...lines.values()].sort((a, b) => a.lineNo - b.lineNo);
  return {
    currency: data.order.currency,
    lines: list,
    totalQuantity: list.reduce((n, l) => n + l.quantity, 0),
    totalMinor: list.reduce((n, l) => n + l.amountMinor, 0n),
  };
}

/** The origin data sheet: goods grouped by HS code and country of origin, as a certificate of origin lists them. */
export function originModel(data: Pick<ShipmentDocData, 'lines'>): OriginRow[] {
  const rows = new Map<string, OriginRow>();
  for (const l of data.lines) {
    const key = `${l.hsCode ?? ''}/${l.countryOfOrigin ?? ''}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { hsCode: l.hsCode, countryOfOrigin: l.countryOfOrigin, devices: [], lots: [], quantity: 0 }));
    if (!row.devices.some((d) => d.deviceCode === l.deviceCode)) row.devices.push({ deviceCode: l.deviceCode, nameZh: l.nameZh, nameEn: l.nameEn });
    addOnce(row.lots, l.lotNumber);
    row.quantity += l.quantity;
  }
  return [...rows.values()];
}

/** 123456n CNY → '1234.56', from the integer's digits. */
export function formatMinorAmount(minor: bigint | number, currency: string): string {
  const exp = currencyExponent(currency);
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(exp + 1, '0');
  return exp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}
