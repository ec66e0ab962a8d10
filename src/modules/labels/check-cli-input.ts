import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { invalid } from '../../platform/errors.ts';

/**
 * Checks CLI options against the schema the HTTP route uses, so both edges refuse the same input
 * with the same VALIDATION_FAILED and field ("serials.2", "expiry").
 */
export function checkCliInput<T extends TSchema>(schema: T, value: Record<string, unknown>): Static<T> {
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  const [first] = Value.Errors(schema, defined);
  if (first) {
    const missing = (first.params as { requiredProperties?: string[] }).requiredProperties?.[0];
    const field = [...first.instancePath.split('/').filter(Boolean), ...(missing ? [missing] : [])].join('.') || 'input';
    throw invalid(field, first.message);
  }
  return defined as Static<T>;
}
