import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TObject } from 'typebox';
import type { CellError } from './build-row.ts';
import { literalValues, type SchemaNode } from './schema-node.ts';

/**
 * The API's body validation (http/validators.ts: exact types, x-zh/x-unit as annotations) with
 * every error of a row reported rather than the first: one file, one complete error report.
 */
const ajv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, keywords: ['x-zh', 'x-unit'] });
(addFormats as unknown as (a: Ajv) => void)(ajv);

const compiled = new WeakMap<TObject, ValidateFunction>();

function nodeAt(schema: SchemaNode, path: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const key of path) node = /^\d+$/.test(key) ? node?.items : node?.properties?.[key];
  return node;
}

function describe(e: ErrorObject, node: SchemaNode | undefined): string {
  const values = node ? literalValues(node) : null;
  if (values) return `must be one of ${values.join(', ')}`;
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'format' && e.params.format === 'date') return 'must be a real date (YYYY-MM-DD)';
  return e.message ?? 'is not valid';
}

/** The row's errors by field, one per field, in schema terms a user can act on. */
export function validateRow(schema: TObject, row: unknown): CellError[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(row)) return [];
  const byField = new Map<string, CellError>();
  for (const e of validate.errors ?? []) {
    const path = e.instancePath.split('/').filter(Boolean);
    if (e.keyword === 'required') path.push(String(e.params.missingProperty));
    const field = path.join('.') || 'row';
    if (byField.has(field)) continue;
    byField.set(field, { field, message: describe(e, nodeAt(schema as unknown as SchemaNode, path)) });
  }
  return [...byField.values()];
}
