import type { TObject } from 'typebox';
import type { ErrorCode } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Work } from '../../platform/unit-of-work.ts';

export const IMPORT_KINDS = ['devices', 'packaging', 'customers', 'licences', 'price-lists', 'warehouses', 'opening-stock'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One problem with one row of a file, as the error report lists it. */
export interface RowError {
  /** The row as a spreadsheet numbers it (the heading is row 1); 0 for the file as a whole. */
  row: number;
  /** The column heading as written in the file, when the error is about one cell. */
  column: string | null;
  /** The input field (`code`, `packaging.0.gtin`). */
  field: string | null;
  /** The cell's content, when the error is about one cell that has one. */
  value: string | null;
  code: ErrorCode;
  message: string;
}

/** An error a module reports for the row at `index` of the chunk it was given. */
export interface ChunkRowError {
  index: number;
  field?: string | undefined;
  code: ErrorCode;
  message: string;
}

/** What one chunk of valid rows did: records created, updated or left as they were, and the rows refused. */
export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ChunkRowError[];
}

export interface ImportProvenance {
  source: 'import';
  sourceRef: string;
}

export interface KindDeps {
  crypto: FieldCrypto;
}

/**
 * One kind of master data a file can bring: the module's own input schema validates each row,
 * the natural key finds duplicates within the file, and the module's batch upsert writes a chunk.
 */
export interface ImportKind<Row = Record<string, unknown>> {
  name: ImportKindName;
  /** The entity its records are, as the data dictionary and the audit trail name it. */
  entity: string;
  /** Besides import.run, the permission that writes this data through the API. */
  permission: string;
  schema: TObject;
  /** The fields that make the natural key: a second row with the same key is refused. */
  keyFields: readonly string[];
  /** The natural key of a valid row (defaults the key fields a row may leave empty). */
  keyOf(row: Row): string;
  write(w: Work, deps: KindDeps, rows: readonly Row[], provenance: ImportProvenance): Promise<ChunkResult>;
}
