import type { ErrorCode } from '../../platform/errors.ts';
import type { ForecastRowInput } from './forecast-schemas.ts';
import { overlaps, parsePeriod, type Period } from './forecast-period.ts';

/**
 * The pure checks of a forecast import, row by row. A row is numbered as its source numbers it:
 * the index in the API body's `forecasts`, or the line in the CSV file (the header is line 1).
 */
export type ForecastRow = ForecastRowInput & { row: number };

export interface RowError {
  row: number;
  /** The field or CSV column at fault. */
  column: string;
  code: ErrorCode;
  message: string;
}

/** A row whose customer (or channel) and device are known: it has its natural key. */
export interface KeyedRow {
  row: number;
  customerId: string | null;
  channel: string | null;
  deviceId: string;
  period: Period;
  quantity: number;
}

/** The natural key's first part as the unique index spells it: the customer id, or `channel:<code>`. */
export const scopeKey = (r: { customerId: string | null; channel: string | null }): string => r.customerId ?? `channel:${r.channel}`;
export const naturalKey = (r: KeyedRow): string => `${scopeKey(r)}|${r.deviceId}|${r.period.period}`;

const error = (row: number, column: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): RowError =>
  ({ row, column, code, message: `${column}: ${message}` });

/** Whose demand and which device a row names must each be said once; its period must exist. */
export function checkRowShape(r: ForecastRow): RowError | null {
  const whose = [r.customerId, r.customerCode, r.channel].filter((v) => v !== undefined).length;
  if (whose !== 1) return error(r.row, 'customerCode', 'give exactly one of customerId, customerCode or channel');
  const which = [r.deviceId, r.deviceCode].filter((v) => v !== undefined).length;
  if (which !== 1) return error(r.row, 'deviceCode', 'give exactly one of deviceId or deviceCode');
  if (!parsePeriod(r.period)) return error(r.row, 'period', `${r.period} is no month (YYYY-MM) or ISO week (YYYY-Www) of that year`);
  return null;
}

/**
 * Across the batch: a natural key twice is ambiguous, and a month and a week of the same
 * customer and device that overlap would count the same demand twice.
 */
export function checkBatch(rows: readonly KeyedRow[]): RowError[] {
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  const byScopeDevice = new Map<string, KeyedRow[]>();
  for (const r of rows) {
    const key = naturalKey(r);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push(error(r.row, 'period', `the same customer, device and period ${r.period.period} is also in row ${first}`, 'DUPLICATE'));
      continue;
    }
    firstRowOf.set(key, r.row);
    const group = `${scopeKey(r)}|${r.deviceId}`;
    const clash = r.quantity > 0
      ? (byScopeDevice.get(group) ?? []).find((o) => o.quantity > 0 && o.period.kind !== r.period.kind && overlaps(o.period, r.period))
      : undefined;
    if (clash) {
      errors.push(error(r.row, 'period', mixedMessage(r.period.period, clash.period.period, `row ${clash.row}`), 'CONFLICT'));
      continue;
    }
    byScopeDevice.set(group, [...(byScopeDevice.get(group) ?? []), r]);
  }
  return errors;
}

export const mixedMessage = (period: string, other: string, where: string): string =>
  `${period} overlaps ${other} of the same customer and device (${where}); months and weeks of one device may not overlap, or the demand would count twice`;
