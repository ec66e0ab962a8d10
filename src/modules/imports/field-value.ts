/** The value at a field path of a row object (`packaging.0.gtin`), as report text; null when absent. */
export function fieldValue(row: Record<string, unknown>, field: string | null | undefined): string | null {
  if (!field) return null;
  let at: unknown = row;
  for (const key of field.split('.')) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[key];
  }
  if (at === undefined || at === null || (typeof at === 'object' && !Array.isArray(at))) return null;
  return Array.isArray(at) ? at.join(';') : String(at);
}
