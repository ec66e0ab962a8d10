/**
 * A copy of `fields` without the keys whose value is undefined, so a field not on the label is
 * absent from the result (for `in`, Object.keys and deep equality, not only for JSON).
 */
export function definedFields<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
