/**
 * Both drivers turn column values into the same JS shapes:
 * - int8 (counts, minor units, sequence numbers) → number: our values stay far below 2^53;
 * - numeric → string, so decimals never pass through a float;
 * - date → the 'YYYY-MM-DD' text, because an expiry date is a date, not a timestamp.
 * timestamptz stays a Date (both drivers' default).
 */
export const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.date]: (v) => v,
  [OID.numeric]: (v) => v,
};
