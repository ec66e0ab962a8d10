import { isDomainError, type ErrorCode } from '../../platform/errors.ts';

/** What a bulk upsert did with one input row (rows are numbered from 0, in input order). */
export interface RowOutcome {
  row: number;
  /** The row's natural key, e.g. the party code. */
  key: string;
  id: string | null;
  action: 'created' | 'updated' | 'unchanged' | 'rejected';
  error?: { code: ErrorCode; message: string; field?: string };
}

export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: RowOutcome[];
}

/** A row refused by a rule: its DomainError becomes the row's error; anything else is a bug and propagates. */
export function rejected(row: number, key: string, e: unknown): RowOutcome {
  if (!isDomainError(e)) throw e;
  return { row, key, id: null, action: 'rejected', error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
}

export function summarise(rows: RowOutcome[]): BatchResult {
  const count = (a: RowOutcome['action']) => rows.filter((r) => r.action === a).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), rows: [...rows].sort((a, b) => a.row - b.row) };
}
